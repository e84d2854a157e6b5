#include "metagate/transform/redact.h"

#include "text_util.h"

namespace metagate::transform {

std::string RedactionMarker(std::string_view cls) {
  if (cls.empty()) return "[REDACTED]";
  std::string out = "[";
  for (char c : cls) {
    char u = internal::ToUpper(c);
    out.push_back((internal::IsAlpha(u) || internal::IsDigit(u) || u == '_') ? u : '_');
  }
  out.push_back(']');
  return out;
}

Result<std::string> Redact(std::string_view text, const std::vector<Span>& spans) {
  size_t prev_end = 0;
  for (size_t k = 0; k < spans.size(); ++k) {
    const Span& s = spans[k];
    std::string where = "redact: span " + std::to_string(k) + " [" + std::to_string(s.begin) +
                        ", " + std::to_string(s.end) + ")";
    if (s.begin >= s.end) return Status::Invalid(where + " is empty or reversed");
    if (s.end > text.size()) {
      return Status::Invalid(where + " is past the end of the text (" +
                             std::to_string(text.size()) + " bytes)");
    }
    if (k > 0 && s.begin < prev_end) {
      return Status::Invalid(where + " overlaps or precedes the previous span");
    }
    prev_end = s.end;
  }
  std::string out;
  out.reserve(text.size());
  size_t pos = 0;
  for (const Span& s : spans) {
    out.append(text.substr(pos, s.begin - pos));
    out += RedactionMarker(s.cls);
    pos = s.end;
  }
  out.append(text.substr(pos));
  return out;
}

}  // namespace metagate::transform
