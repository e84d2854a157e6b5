// Mixpanel /track and /import: an array of `{"event", "properties": {"token", …}}`.
#include "formats/wire_format.h"

namespace metagate::classify {
namespace {

uint32_t MixpanelEvent(JsonPath path) { return IndexAt(path, 0); }
bool MixpanelCredential(JsonPath path) {
  return PathMatches(path, {"*", "properties", "token"}) ||
         PathMatches(path, {"properties", "token"});
}

}  // namespace

extern const WireFormat kMixpanelFormat;
const WireFormat kMixpanelFormat{"mixpanel", "Mixpanel /track or /import event array", false,
                                 MixpanelCredential, MixpanelEvent};

}  // namespace metagate::classify
