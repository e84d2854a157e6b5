#include "route_template.h"

#include <cctype>

namespace metagate::pdp {

namespace {

bool IsCaptureName(std::string_view name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0]))) return false;
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '_') return false;
  }
  return true;
}

const std::string* FindCapture(const Captures& captures, std::string_view name) {
  for (const auto& [k, v] : captures) {
    if (k == name) return &v;
  }
  return nullptr;
}

}  // namespace

Result<std::vector<TemplatePiece>> ParseTemplate(std::string_view t) {
  std::vector<TemplatePiece> pieces;
  std::string literal;
  for (size_t i = 0; i < t.size(); ++i) {
    if ((t[i] == '{' || t[i] == '}') && i + 1 < t.size() && t[i + 1] == t[i]) {
      literal.push_back(t[i++]);
    } else if (t[i] == '{') {
      size_t close = t.find('}', i);
      if (close == std::string_view::npos) return Status::Invalid("a '{' is not closed");
      std::string_view name = t.substr(i + 1, close - i - 1);
      if (!IsCaptureName(name)) return Status::Invalid("a placeholder is not a name");
      if (!literal.empty()) pieces.push_back({false, std::move(literal)});
      literal.clear();
      pieces.push_back({true, std::string(name)});
      i = close;
    } else if (t[i] == '}') {
      return Status::Invalid("a '}' has no '{' (write '}}' for a literal brace)");
    } else {
      literal.push_back(t[i]);
    }
  }
  if (!literal.empty()) pieces.push_back({false, std::move(literal)});
  return pieces;
}

Result<std::vector<PathSegment>> ParsePathTemplate(std::string_view t) {
  if (t.empty() || t[0] != '/') return Status::Invalid("path_template must start with '/'");
  std::vector<PathSegment> out;
  if (t == "/") return out;
  size_t start = 1;
  while (true) {
    size_t slash = t.find('/', start);
    std::string_view seg =
        t.substr(start, slash == std::string_view::npos ? t.npos : slash - start);
    if (!out.empty() && out.back().kind == PathSegment::kRest) {
      return Status::Invalid("path_template has a wildcard '{name*}' before its last segment");
    }
    if (seg.empty()) return Status::Invalid("path_template has an empty segment");
    if (seg.front() == '{' && seg.back() == '}') {
      std::string_view name = seg.substr(1, seg.size() - 2);
      bool rest = !name.empty() && name.back() == '*';
      if (rest) name.remove_suffix(1);
      if (!IsCaptureName(name) || name == "method" || name == "route") {
        return Status::Invalid("path_template capture must be a name other than method and route");
      }
      out.push_back({rest ? PathSegment::kRest : PathSegment::kCapture, std::string(name)});
    } else if (seg.find_first_of("{}") != std::string_view::npos) {
      return Status::Invalid("path_template captures must be whole segments");
    } else {
      out.push_back({PathSegment::kLiteral, std::string(seg)});
    }
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

std::string ExpandTemplate(std::string_view t, const Captures& values) {
  Result<std::vector<TemplatePiece>> pieces = ParseTemplate(t);
  std::string out;
  if (!pieces.ok()) return out;
  for (const TemplatePiece& p : *pieces) {
    const std::string* v = p.placeholder ? FindCapture(values, p.text) : &p.text;
    if (v != nullptr) out += *v;
  }
  return out;
}

std::optional<Captures> MatchPath(const std::vector<PathSegment>& tmpl,
                                  const std::vector<std::string>& segments) {
  Captures captures;
  size_t i = 0;
  for (const PathSegment& t : tmpl) {
    if (t.kind == PathSegment::kRest) {
      if (i == segments.size()) return std::nullopt;
      std::string rest;
      for (; i < segments.size(); ++i) {
        if (segments[i].empty()) return std::nullopt;
        if (!rest.empty()) rest.push_back('/');
        rest += segments[i];
      }
      captures.emplace_back(t.text, std::move(rest));
      return captures;
    }
    if (i == segments.size() || segments[i].empty()) return std::nullopt;
    if (t.kind == PathSegment::kLiteral && segments[i] != t.text) return std::nullopt;
    if (t.kind == PathSegment::kCapture) captures.emplace_back(t.text, segments[i]);
    ++i;
  }
  if (i != segments.size()) return std::nullopt;
  return captures;
}

}  // namespace metagate::pdp
