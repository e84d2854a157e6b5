// PostHog /batch (and /capture): `{"api_key", "batch": [{"event", "distinct_id", "properties"}]}`.
#include "formats/wire_format.h"

namespace metagate::classify {
namespace {

uint32_t PosthogEvent(JsonPath path) {
  return !path.empty() && path[0] == "batch" ? IndexAt(path, 1) : 0;
}
bool PosthogCredential(JsonPath path) {
  return PathMatches(path, {"api_key"}) || PathMatches(path, {"batch", "*", "api_key"});
}

}  // namespace

extern const WireFormat kPosthogFormat;
const WireFormat kPosthogFormat{"posthog", "PostHog /batch or /capture body", false,
                                PosthogCredential, PosthogEvent};

}  // namespace metagate::classify
