#include "field_transform.h"

#include "metagate/common/json.h"
#include "metagate/transform/generalize.h"

namespace metagate::egress {
namespace {

using classify::ClassId;

std::string Quoted(std::string_view s) {
  std::string out;
  json::AppendQuoted(out, s);
  return out;
}

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

Result<std::string> ApplyForm(classify::Form form, const FieldValue& v,
                              const classify::Taxonomy& taxonomy) {
  using classify::Form;
  switch (form) {
    case Form::kRaw:
      return Status::Internal("raw needs no transform");
    case Form::kGeneralized:
      for (ClassId c : v.classes) {
        Result<std::string> g = GeneralizeAs(c, v);
        if (!g.ok()) continue;
        // A coordinate stays a number; everything else is text.
        if (v.is_number && c == classify::kGeoCoordinates) return std::move(*g);
        return Quoted(*g);
      }
      return Status::Invalid("the value cannot be generalized");
    case Form::kPseudonymized: {
      if (v.key == nullptr) return Status::Invalid("no pseudonym key is configured");
      std::string_view cls = v.classes.empty() ? "" : taxonomy.Name(v.classes.front());
      return Quoted(transform::Pseudonymize(*v.key, cls, v.text));
    }
    case Form::kRedacted: {
      if (v.spans.empty()) {
        std::string_view cls = v.classes.empty() ? "" : taxonomy.Name(v.classes.front());
        return Quoted(transform::RedactionMarker(cls));
      }
      std::vector<transform::Span> spans(v.spans.begin(), v.spans.end());
      ASSIGN_OR_RETURN(std::string text, transform::Redact(v.text, spans));
      return Quoted(text);
    }
  }
  return Status::Internal("unknown form");
}

}  // namespace metagate::egress
