// Internal to the html data map (map_render_html*.cc): the cells and sections the page is built
// from. Each appends or returns HTML with everything from the data escaped. Thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "map_render.h"

namespace metagate::governance::map_render {

// A <td> holding `text`, with class `cls` when given.
std::string Td(std::string_view text, std::string_view cls = {});
// A field path as <code>, with a line-break opportunity after each ".".
std::string FieldCode(std::string_view path);
// The row's decision as a coloured badge (allowed, blocked, held, other).
std::string DecisionBadge(const FlowRow& row);
// A form as a badge ("" gives nothing): raw, transformed, or gone (dropped, redacted).
std::string FormBadge(std::string_view form);
// The classes of "a,b" as chips, identifier classes marked.
std::string ClassList(const FlowMap& map, std::string_view classes);

// The question sections: #vendor-classes, #identifier-senders and #new-flows.
void VendorClasses(std::string& out, const FlowMap& map);
void IdentifierSenders(std::string& out, const FlowMap& map);
void NewFlows(std::string& out, const FlowMap& map);

}  // namespace metagate::governance::map_render
