// Amplitude HTTP V2 and Batch API: `{"api_key", "events": [...], "options"}`.
#include "formats/envelope.h"

namespace metagate::egress {
namespace {

bool AmplitudeIsEvent(BodyPath path, simdjson::dom::element) {
  return PathMatches(path, {"events", "*"}) && IsIndex(path[1]);
}

std::string AmplitudeEventName(simdjson::dom::element event) {
  return StringMember(event, "event_type");
}

bool AmplitudeCredential(BodyPath path) { return PathMatches(path, {"api_key"}); }

bool AmplitudeStructural(BodyPath f, bool in_event) {
  if (!in_event) return !f.empty() && f[0] == "options";
  return PathMatches(f, {"event_type"}) || PathMatches(f, {"time"}) ||
         PathMatches(f, {"insert_id"});
}

}  // namespace

constexpr std::string_view kAmplitudeKey[] = {"insert_id"};
extern const EnvelopeFormat kAmplitudeEnvelope;
const EnvelopeFormat kAmplitudeEnvelope{
    "amplitude",         "amplitude",         false,    AmplitudeIsEvent, AmplitudeEventName,
    AmplitudeCredential, AmplitudeStructural, SkipNone, kAmplitudeKey};

}  // namespace metagate::egress
