// Internal to the data map's renderers (map_render_*.cc): one function per output format and the
// helpers they share (times, "new" flags, decisions, totals, the integration -> vendor graph).
// Pure functions of their arguments; thread-safe.
#pragma once

#include <cstdint>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/governance/flow_map.h"

namespace metagate::governance::map_render {

std::string Table(const FlowMap& map);
std::string Csv(const FlowMap& map);
std::string Json(const FlowMap& map);
std::string Dot(const FlowMap& map);
std::string Html(const FlowMap& map);

// Returns `ms` (Unix milliseconds) as ISO-8601 UTC to the second: "2026-03-01T09:30:00Z".
std::string IsoUtc(int64_t ms);
// Returns the date part of IsoUtc: "2026-03-01".
std::string IsoDate(int64_t ms);
// Returns `n` with thousands separators: "1,234,567".
std::string GroupDigits(uint64_t n);

// Whether the row was first seen at or after the map's `since_ms` (never, when it is unset).
bool IsNew(const FlowMap& map, const FlowRow& row);
// Whether the row counts events (its field is empty) rather than a field.
inline bool IsEventRow(const FlowRow& row) { return row.field.empty(); }
// Whether the decision lets the data leave: allowed, observed or discovered (not blocked, held).
bool Passes(const FlowRow& row);
// Whether the decision is "blocked" or "blocked:<why>".
bool IsBlocked(const FlowRow& row);
// Whether a field row's value leaves in some form (it passes and is not dropped).
bool FieldLeaves(const FlowRow& row);
// Splits "a,b,c" into its class names; "" gives none.
std::vector<std::string> SplitClasses(std::string_view classes);

// The map's rows in display order: per (integration, vendor, event), the event row first, then
// its fields in their stored order.
std::vector<const FlowRow*> DisplayOrder(const FlowMap& map);

struct Totals {
  size_t flows = 0;  // rows
  size_t integrations = 0;
  size_t vendors = 0;
  uint64_t events_allowed = 0;  // event rows that pass (allowed, observed, discovered)
  uint64_t events_blocked = 0;
  uint64_t events_held = 0;
  size_t new_flows = 0;
};
Totals Summarize(const FlowMap& map);

// The map as a graph of integrations and vendors, one edge per pair that has any row.
struct ClassForms {
  std::string class_name;
  std::set<std::string> forms;  // the forms in which fields of this class leave
  bool identifier = false;      // in FlowMap::identifier_classes
};
struct FlowEdge {
  size_t integration = 0;           // index into FlowGraph::integrations
  size_t vendor = 0;                // index into FlowGraph::vendors
  std::vector<ClassForms> leaving;  // by class name
  bool blocked_only = false;        // no row of the pair passes
  uint64_t events_passed = 0;
  uint64_t events_blocked = 0;
};
struct FlowGraph {
  std::vector<std::string> integrations;  // sorted
  std::vector<std::string> vendors;       // sorted
  std::vector<FlowEdge> edges;            // by integration, then vendor
};
FlowGraph BuildFlowGraph(const FlowMap& map);

// "email: pseudonymized" or "ip_address: generalized, redacted".
std::string LabelLine(const ClassForms& c);

// For the html page (map_render_html*.cc, map_render_svg.cc).
// Appends `s` escaped for HTML text and attribute values (& < > " ').
void AppendHtmlEscaped(std::string& out, std::string_view s);
inline std::string HtmlEscaped(std::string_view s) {
  std::string out;
  AppendHtmlEscaped(out, s);
  return out;
}
// Returns the flows drawn as one inline <svg id="flow-graph">, laid out deterministically:
// integrations left, one card per edge listing what leaves in the middle, vendors right.
std::string FlowGraphSvg(const FlowMap& map);
// The page's inline style sheet and script (no external reference of any kind).
extern const char kPageCss[];
extern const char kPageScript[];

}  // namespace metagate::governance::map_render
