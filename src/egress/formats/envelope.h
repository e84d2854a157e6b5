// EnvelopeFormat: what the pipeline must know about one vendor's request body: where the events
// are and what each is called, which leaves are the vendor's own ingest credential, and which
// fields are structural (the vendor needs them to accept the event; they carry no personal data
// and bypass `send_field`). Adding a format is one file defining an EnvelopeFormat and one line
// in envelopes.cc.
#pragma once

#include <simdjson.h>

#include <span>
#include <string>
#include <string_view>

#include "metagate/common/json.h"

namespace metagate::egress {

using json::PathMatches;

using BodyPath = std::span<const std::string_view>;  // keys and array indices, unescaped

struct EnvelopeFormat {
  std::string_view name;               // as in the config's `format:`
  std::string_view classifier_format;  // the classifier's name for the same body
  bool attribute_lists = false;        // OTLP `{"key", "value": AnyValue}` lists
  // Whether the node at `path` is an event. `root` is the body.
  bool (*is_event)(BodyPath path, simdjson::dom::element root) = nullptr;
  // The event's name (`event`, `event_type`, an OTLP `eventName`…); empty when it has none.
  std::string (*event_name)(simdjson::dom::element event) = nullptr;
  // Whether the leaf at `path` (from the body root) is the vendor's ingest credential.
  bool (*is_credential)(BodyPath path) = nullptr;
  // Whether the field at `field` (logical path inside the event, array indices as "*", or
  // inside the envelope when `in_event` is false) is structural.
  bool (*is_structural)(BodyPath field, bool in_event) = nullptr;
  // For fields outside every event: how many leading segments of the body path to leave out of
  // the field name (OTLP: `resourceLogs/0`, so resource attributes read `resource.attributes.x`).
  size_t (*envelope_skip)(BodyPath path) = nullptr;
  // Where an event carries its idempotency key, from the event (Segment `messageId`, Mixpanel
  // `properties.$insert_id`...), so the vendor can de-duplicate retries; empty: the format has
  // none. The gateway adds a random one to events that lack it before spooling them.
  BodyPath idempotency_key = {};
};

const EnvelopeFormat* FindEnvelopeFormat(std::string_view name);
// Every format name, comma-separated, for error messages.
std::string EnvelopeFormatNames();

// Helpers for format files.
bool IsIndex(std::string_view segment);
std::string StringMember(simdjson::dom::element obj, std::string_view key);  // "" if absent
size_t SkipNone(BodyPath path);

}  // namespace metagate::egress
