// Mixpanel /track, /import: an array of `{"event", "properties": {"token", "time", …}}` or one.
#include "formats/envelope.h"

namespace metagate::egress {
namespace {

bool MixpanelIsEvent(BodyPath path, simdjson::dom::element root) {
  if (root.is_array()) return path.size() == 1 && IsIndex(path[0]);
  return path.empty();
}

std::string MixpanelEventName(simdjson::dom::element event) { return StringMember(event, "event"); }

bool MixpanelCredential(BodyPath path) {
  return PathMatches(path, {"*", "properties", "token"}) ||
         PathMatches(path, {"properties", "token"});
}

bool MixpanelStructural(BodyPath f, bool in_event) {
  if (!in_event) return false;
  return PathMatches(f, {"event"}) || PathMatches(f, {"properties", "time"}) ||
         PathMatches(f, {"properties", "$insert_id"});
}

}  // namespace

constexpr std::string_view kMixpanelKey[] = {"properties", "$insert_id"};
extern const EnvelopeFormat kMixpanelEnvelope;
const EnvelopeFormat kMixpanelEnvelope{"mixpanel",         "mixpanel",        false,
                                       MixpanelIsEvent,    MixpanelEventName, MixpanelCredential,
                                       MixpanelStructural, SkipNone,          kMixpanelKey};

}  // namespace metagate::egress
