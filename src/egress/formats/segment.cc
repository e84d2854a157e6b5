// Segment HTTP Tracking API (and GenAI telemetry sent as Segment track calls): a
// `{"batch": [messages], "sentAt", "context"}` body or one message.
#include "formats/envelope.h"

namespace metagate::egress {
namespace {

bool SegmentIsEvent(BodyPath path, simdjson::dom::element root) {
  if (PathMatches(path, {"batch", "*"})) return IsIndex(path[1]);
  // One message: an object with a string `type` (track, identify, ...). Without it the body is
  // not Segment's (an OTLP body, say) and holds no event, rather than one nameless event.
  simdjson::dom::element batch, type;
  return path.empty() && root.is_object() && root["batch"].get(batch) != simdjson::SUCCESS &&
         root["type"].get(type) == simdjson::SUCCESS && type.is_string();
}

std::string SegmentEventName(simdjson::dom::element event) {
  std::string name = StringMember(event, "event");  // track
  if (!name.empty()) return name;
  return StringMember(event, "type");  // identify, page, screen, group, alias
}

bool SegmentCredential(BodyPath path) {
  // The write key may travel in the body instead of Basic auth.
  return PathMatches(path, {"writeKey"}) || PathMatches(path, {"batch", "*", "writeKey"});
}

bool SegmentStructural(BodyPath f, bool in_event) {
  if (!in_event) return PathMatches(f, {"sentAt"});
  if (f.empty()) return false;
  if (f[0] == "integrations") return true;  // routing flags for Segment destinations
  return f.size() == 1 && (f[0] == "type" || f[0] == "event" || f[0] == "messageId" ||
                           f[0] == "timestamp" || f[0] == "originalTimestamp" || f[0] == "sentAt" ||
                           f[0] == "receivedAt" || f[0] == "version");
}

}  // namespace

constexpr std::string_view kSegmentKey[] = {"messageId"};
extern const EnvelopeFormat kSegmentEnvelope;
const EnvelopeFormat kSegmentEnvelope{"segment",         "segment",        false,
                                      SegmentIsEvent,    SegmentEventName, SegmentCredential,
                                      SegmentStructural, SkipNone,         kSegmentKey};
extern const EnvelopeFormat kLlmEnvelope;
const EnvelopeFormat kLlmEnvelope{"llm",
                                  "llm",
                                  false,
                                  SegmentIsEvent,
                                  SegmentEventName,
                                  SegmentCredential,
                                  SegmentStructural,
                                  SkipNone,
                                  kSegmentKey};

}  // namespace metagate::egress
