#include "field_transform.h"

#include <algorithm>

#include "metagate/common/json.h"
#include "metagate/transform/generalize.h"

namespace metagate::egress {
namespace {

using classify::ClassId;

// The generalized value for one class, or an error when the class has no generalizer or the
// value cannot be read as that class.
Result<std::string> GeneralizeAs(ClassId cls, const FieldValue& v) {
  using namespace classify;
  switch (cls) {
    case kIpAddress:
      return transform::GeneralizeIp(v.text);
    case kGeoCoordinates:
      return transform::GeneralizeCoordinate(v.text);
    case kCity:
    case kRegion:
      return transform::GeneralizeLocality(v.text, v.country);
    case kPostalCode:
      return transform::GeneralizePostalCode(v.text, v.country);
    case kUserAgent:
      return transform::GeneralizeUserAgent(v.text);
    case kUrl:
      return transform::GeneralizeUrl(v.text);
    case kReferrer:
      return transform::GeneralizeReferrer(v.text);
    default:
      return Status::Invalid("no generalizer for this class");
  }
}

}  // namespace

Status ApplyForm(classify::Form form, const FieldValue& v, const classify::Taxonomy& taxonomy,
                 std::string& out) {
  using classify::Form;
  switch (form) {
    case Form::kRaw:
      return Status::Internal("raw needs no transform");
    case Form::kGeneralized:
      for (ClassId c : v.classes) {
        Result<std::string> g = GeneralizeAs(c, v);
        if (!g.ok()) continue;
        // A coordinate stays a number; everything else is text.
        if (v.is_number && c == classify::kGeoCoordinates) {
          out += *g;
        } else {
          json::AppendQuoted(out, *g);
        }
        return Status::Ok();
      }
      return Status::Invalid("the value cannot be generalized");
    case Form::kPseudonymized: {
      if (v.key == nullptr) return Status::Invalid("no pseudonym key is configured");
      std::string_view cls = v.classes.empty() ? "" : taxonomy.Name(v.classes.front());
      // A pseudonym is "ps_", the key id, '_' and base64url: only the id might need escaping.
      out.push_back('"');
      size_t start = out.size();
      transform::AppendPseudonym(out, *v.key, cls, v.text);
      if (v.key->id.find_first_of("\"\\") != std::string::npos ||
          std::any_of(v.key->id.begin(), v.key->id.end(),
                      [](char c) { return static_cast<unsigned char>(c) < 0x20; })) {
        std::string raw = out.substr(start);
        out.resize(start - 1);
        json::AppendQuoted(out, raw);
        return Status::Ok();
      }
      out.push_back('"');
      return Status::Ok();
    }
    case Form::kRedacted: {
      if (v.spans.empty()) {
        std::string_view cls = v.classes.empty() ? "" : taxonomy.Name(v.classes.front());
        json::AppendQuoted(out, transform::RedactionMarker(cls));
        return Status::Ok();
      }
      std::vector<transform::Span> spans(v.spans.begin(), v.spans.end());
      ASSIGN_OR_RETURN(std::string text, transform::Redact(v.text, spans));
      json::AppendQuoted(out, text);
      return Status::Ok();
    }
  }
  return Status::Internal("unknown form");
}

}  // namespace metagate::egress
