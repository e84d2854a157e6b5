// WireFormat: what the classifier must know about one vendor's ingest body: which leaves are
// the vendor's own credentials (never labelled), how leaves group into events, and whether
// fields are OTLP attribute lists (`{"key": k, "value": {...}}`) named by their key.
// Adding a format is one file defining a WireFormat and one line in wire_formats.cc.
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "metagate/common/json.h"

namespace metagate::classify {

using json::PathMatches;

using JsonPath = std::span<const std::string_view>;  // keys and array indices, unescaped

struct WireFormat {
  std::string_view name;
  std::string_view description;
  bool attribute_lists = false;
  // True for a leaf the destination needs to accept the body (a public ingest key).
  bool (*vendor_credential)(JsonPath path) = nullptr;
  // Which event of the body a leaf belongs to (for combination rules).
  uint32_t (*event_index)(JsonPath path) = nullptr;
};

const WireFormat* FindWireFormat(std::string_view name);
std::span<const WireFormat* const> AllWireFormats();

// Shared helpers for format files.
uint32_t IndexAt(JsonPath path, size_t i);  // path[i] as an array index, 0 if absent

}  // namespace metagate::classify
