// Segment HTTP Tracking API: a `{"batch": [messages], "sentAt"}` body or one message.
#include "formats/wire_format.h"

namespace metagate::classify {
namespace {

uint32_t SegmentEvent(JsonPath path) {
  return !path.empty() && path[0] == "batch" ? IndexAt(path, 1) : 0;
}
bool SegmentCredential(JsonPath path) {
  // The write key may travel in the body instead of Basic auth.
  return PathMatches(path, {"writeKey"}) || PathMatches(path, {"batch", "*", "writeKey"});
}

}  // namespace

extern const WireFormat kSegmentFormat;
const WireFormat kSegmentFormat{"segment", "Segment HTTP API (batch or single message)", false,
                                SegmentCredential, SegmentEvent};
// GenAI telemetry sent as Segment track events.
extern const WireFormat kLlmFormat;
const WireFormat kLlmFormat{"llm", "GenAI usage events as Segment track messages", false,
                            SegmentCredential, SegmentEvent};

}  // namespace metagate::classify
