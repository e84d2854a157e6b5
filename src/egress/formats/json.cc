// Plain JSON: one event object, or an array of them; the event is named by its `event` or `type`
// member (never `name`, which is as often a person's name as an event's).
#include "formats/envelope.h"

namespace metagate::egress {
namespace {

bool JsonIsEvent(BodyPath path, simdjson::dom::element root) {
  if (root.is_array()) return path.size() == 1 && IsIndex(path[0]);
  return path.empty();
}

std::string JsonEventName(simdjson::dom::element event) {
  for (std::string_view key : {"event", "type"}) {
    std::string name = StringMember(event, key);
    if (!name.empty()) return name;
  }
  return "";
}

bool NoCredential(BodyPath) { return false; }
bool NoStructural(BodyPath, bool) { return false; }

}  // namespace

extern const EnvelopeFormat kJsonEnvelope;
const EnvelopeFormat kJsonEnvelope{"json",        "json",       false,        JsonIsEvent,
                                   JsonEventName, NoCredential, NoStructural, SkipNone};

}  // namespace metagate::egress
