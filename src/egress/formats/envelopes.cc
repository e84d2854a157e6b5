// The registry of envelope formats and the helpers their files share.
#include "formats/envelope.h"

namespace metagate::egress {

extern const EnvelopeFormat kSegmentEnvelope;
extern const EnvelopeFormat kLlmEnvelope;
extern const EnvelopeFormat kMixpanelEnvelope;
extern const EnvelopeFormat kAmplitudeEnvelope;
extern const EnvelopeFormat kPosthogEnvelope;
extern const EnvelopeFormat kOtlpLogsEnvelope;
extern const EnvelopeFormat kOtlpTracesEnvelope;
extern const EnvelopeFormat kJsonEnvelope;

namespace {
const EnvelopeFormat* const kAll[] = {
    &kSegmentEnvelope,  &kMixpanelEnvelope,   &kAmplitudeEnvelope, &kPosthogEnvelope,
    &kOtlpLogsEnvelope, &kOtlpTracesEnvelope, &kJsonEnvelope,      &kLlmEnvelope,
};
}  // namespace

const EnvelopeFormat* FindEnvelopeFormat(std::string_view name) {
  for (const EnvelopeFormat* f : kAll) {
    if (f->name == name) return f;
  }
  return nullptr;
}

std::string EnvelopeFormatNames() {
  std::string out;
  for (const EnvelopeFormat* f : kAll) {
    if (!out.empty()) out += ", ";
    out += f->name;
  }
  return out;
}

bool IsIndex(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

std::string StringMember(simdjson::dom::element obj, std::string_view key) {
  std::string_view v;
  if (obj.is_object() && !obj[key].get_string().get(v)) return std::string(v);
  return "";
}

size_t SkipNone(BodyPath) { return 0; }

}  // namespace metagate::egress
