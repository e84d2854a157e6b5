// Small JSON helpers of the egress pipeline: writing strings and scalars, JSON pointers, OTLP
// attribute objects and the duplicate-key check.
#pragma once

#include <simdjson.h>

#include <string>
#include <string_view>

#include "formats/envelope.h"

namespace metagate::egress {

// Appends `s` as a JSON string literal. Copies runs that need no escape in one go.
void AppendJsonString(std::string& out, std::string_view s);
// Appends a scalar as sent: strings re-escaped, integers exactly, floats in shortest form with
// a point kept ("1.0").
void AppendScalar(simdjson::dom::element el, std::string& out);
// The scalar as text for transforms: the string itself, or a number's JSON text.
std::string ScalarText(simdjson::dom::element el, bool& is_number);
// Appends "/" + `key` escaped as an RFC 6901 token.
void AppendPointerToken(std::string& pointer, std::string_view key);
// Keys inside an OTLP AnyValue that only say how the value is typed.
bool IsAnyValueKey(std::string_view k);
// An OTLP attribute `{"key": "name", "value": {...}}` of a format with attribute lists: sets
// `key` to the name.
bool AttributeKey(const EnvelopeFormat& format, simdjson::dom::object obj, std::string_view& key);
// Whether an object has a key twice (the vendor might read another value than policy saw).
bool HasDuplicateKey(simdjson::dom::object obj);
// Byte offset of code point `cp` in `s`.
size_t ByteOfCodePoint(std::string_view s, uint32_t cp);

}  // namespace metagate::egress
