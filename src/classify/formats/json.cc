// Plain JSON: one event object, or an array of them, with no vendor envelope.
#include "formats/wire_format.h"

namespace metagate::classify {
namespace {

uint32_t JsonEvent(JsonPath path) { return IndexAt(path, 0); }
bool JsonCredential(JsonPath) { return false; }

}  // namespace

extern const WireFormat kJsonFormat;
const WireFormat kJsonFormat{"json", "a JSON object or an array of objects, no envelope", false,
                             JsonCredential, JsonEvent};

}  // namespace metagate::classify
