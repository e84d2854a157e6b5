// FlowMap: the data map as read back for people: every flow integration -> vendor -> event ->
// field with its classes, form, decision, count and first/last seen, and the renderers that turn
// it into a table, CSV, JSON, Graphviz dot or one self-contained HTML page. Never holds a value.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/common/status.h"

namespace metagate::governance {

// One aggregated flow. An event row has an empty `field` and `form` and counts events; a field
// row counts the times that field left (or was dropped) in that form.
struct FlowRow {
  std::string integration;
  std::string vendor;
  std::string event;
  std::string field;     // logical path as policies see it ("properties.email"); "" = event row
  std::string classes;   // sorted class names joined with ','; "" for event and structural rows
  std::string form;      // raw | generalized | pseudonymized | redacted | dropped | replaced | ""
  std::string decision;  // allowed | blocked:<why> (why: policy, unknown_event, unknown_field,
                         // denied) | held | observed | discovered
  uint64_t count = 0;
  int64_t first_seen_ms = 0;  // Unix milliseconds
  int64_t last_seen_ms = 0;
};

// A map read from the store (or built from captured traffic) for rendering.
struct FlowMap {
  std::vector<FlowRow> rows;  // sorted by integration, vendor, event, field, classes, form
  int64_t generated_ms = 0;
  std::string source;  // what it was read from, for the page's header ("store /x/metagate-data")
  // Rows first seen at or after this instant are "new" (from --since); unset: none is new.
  std::optional<int64_t> since_ms;
  // Class names that are identifiers (direct or indirect) in the taxonomy in force, so the page
  // can answer "which integrations send identifiers" without knowing the taxonomy.
  std::set<std::string> identifier_classes;
};

enum class MapFormat : uint8_t { kTable, kCsv, kJson, kDot, kHtml };

// "table", "csv", "json", "dot" or "html"; an error names the accepted values.
Result<MapFormat> ParseMapFormat(std::string_view name);

// Renders the whole map. Deterministic for equal input (tests compare outputs).
std::string RenderMap(const FlowMap& map, MapFormat format);

}  // namespace metagate::governance
