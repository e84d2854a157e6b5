// Amplitude HTTP V2 API: `{"api_key", "events": [...], "options"}`.
#include "formats/wire_format.h"

namespace metagate::classify {
namespace {

uint32_t AmplitudeEvent(JsonPath path) {
  return !path.empty() && path[0] == "events" ? IndexAt(path, 1) : 0;
}
bool AmplitudeCredential(JsonPath path) { return PathMatches(path, {"api_key"}); }

}  // namespace

extern const WireFormat kAmplitudeFormat;
const WireFormat kAmplitudeFormat{"amplitude", "Amplitude HTTP V2 API body", false,
                                  AmplitudeCredential, AmplitudeEvent};

}  // namespace metagate::classify
