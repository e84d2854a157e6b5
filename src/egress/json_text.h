// Small JSON helpers of the egress pipeline: writing scalars, OTLP attribute objects and the
// duplicate-key check. (Strings and pointer tokens: metagate/common/json.h.)
#pragma once

#include <simdjson.h>

#include <optional>
#include <string>
#include <string_view>

#include "formats/envelope.h"

namespace metagate::egress {

// Appends a scalar as sent: strings re-escaped, integers exactly, floats in shortest form with
// a point kept ("1.0").
void AppendScalar(simdjson::dom::element el, std::string& out);
// Keys inside an OTLP AnyValue that only say how the value is typed.
bool IsAnyValueKey(std::string_view k);
// An OTLP attribute `{"key": "name", "value": {...}}` of a format with attribute lists: sets
// `key` to the name.
bool AttributeKey(const EnvelopeFormat& format, simdjson::dom::object obj, std::string_view& key);
// Whether an object has a key twice (the vendor might read another value than policy saw).
bool HasDuplicateKey(simdjson::dom::object obj);
// The depth (0: `el`) of the first object at or below `el` with a key twice, if any.
std::optional<size_t> FindDuplicateKey(simdjson::dom::element el);

}  // namespace metagate::egress
