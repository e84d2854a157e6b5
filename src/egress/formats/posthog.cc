// PostHog /batch and /capture: `{"api_key", "batch": [events]}` or one event with `api_key`.
#include "formats/envelope.h"

namespace metagate::egress {
namespace {

bool PosthogIsEvent(BodyPath path, simdjson::dom::element root) {
  if (PathMatches(path, {"batch", "*"})) return IsIndex(path[1]);
  simdjson::dom::element batch;
  return path.empty() && root.is_object() && root["batch"].get(batch) != simdjson::SUCCESS;
}

std::string PosthogEventName(simdjson::dom::element event) { return StringMember(event, "event"); }

bool PosthogCredential(BodyPath path) {
  return PathMatches(path, {"api_key"}) || PathMatches(path, {"batch", "*", "api_key"}) ||
         PathMatches(path, {"token"});
}

bool PosthogStructural(BodyPath f, bool in_event) {
  if (!in_event) return PathMatches(f, {"sent_at"}) || PathMatches(f, {"historical_migration"});
  return PathMatches(f, {"event"}) || PathMatches(f, {"timestamp"}) || PathMatches(f, {"uuid"}) ||
         PathMatches(f, {"type"});
}

}  // namespace

constexpr std::string_view kPosthogKey[] = {"uuid"};
extern const EnvelopeFormat kPosthogEnvelope;
const EnvelopeFormat kPosthogEnvelope{"posthog",         "posthog",        false,
                                      PosthogIsEvent,    PosthogEventName, PosthogCredential,
                                      PosthogStructural, SkipNone,         kPosthogKey};

}  // namespace metagate::egress
