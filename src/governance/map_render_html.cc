// The data map as one self-contained HTML page: a header with totals, the flows as an inline SVG
// graph, the three questions a security team asks first, and the full flow table (sortable and
// filterable by the inline script). Nothing is fetched: a Content-Security-Policy forbids it.
#include "map_render_html.h"

namespace metagate::governance::map_render {
namespace {

// JSON for a <script type="application/json"> block: "<", ">" and "&" only occur inside JSON
// strings, so writing them as \u escapes keeps the data from closing the script element.
std::string ScriptSafeJson(const std::string& json) {
  std::string out;
  out.reserve(json.size());
  for (char c : json) {
    if (c == '<') {
      out += "\\u003c";
    } else if (c == '>') {
      out += "\\u003e";
    } else if (c == '&') {
      out += "\\u0026";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

void Header(std::string& out, const FlowMap& map) {
  Totals t = Summarize(map);
  out += "<header class=\"page-head\"><div><h1>Data map</h1><p class=\"meta\">Source <strong>" +
         HtmlEscaped(map.source.empty() ? "(unnamed)" : map.source) +
         "</strong> &middot; generated <time>" + IsoUtc(map.generated_ms) + "</time>";
  if (map.since_ms) out += " &middot; new since <time>" + IsoUtc(*map.since_ms) + "</time>";
  out += "</p></div><div class=\"brand\">metagate</div></header>\n<section class=\"totals\">";
  auto tile = [&](const std::string& value, const char* label, const char* cls) {
    out += "<div class=\"tile ";
    out += cls;
    out += "\"><div class=\"value\">" + value + "</div><div class=\"label\">";
    out += label;
    out += "</div></div>";
  };
  tile(GroupDigits(t.integrations), "integrations", "");
  tile(GroupDigits(t.vendors), "vendors", "");
  tile(GroupDigits(t.flows), "flows", "");
  tile(GroupDigits(t.events_allowed), "events allowed", "ok");
  tile(GroupDigits(t.events_blocked), "events blocked", t.events_blocked > 0 ? "bad" : "");
  if (t.events_held > 0) tile(GroupDigits(t.events_held), "events held", "warn");
  tile(map.since_ms ? GroupDigits(t.new_flows) : "&ndash;", "new flows",
       t.new_flows > 0 ? "warn" : "");
  out += "</section>\n";
}

void GraphSection(std::string& out, const FlowMap& map) {
  out +=
      "<section class=\"panel\"><h2>Flows</h2><p class=\"hint\">Each card lists the data classes "
      "that leave an integration for a vendor and the form they leave in. <span "
      "class=\"legend-id\">Red</span> classes are identifiers; <span "
      "class=\"legend-raw\">raw</span> "
      "means unchanged; dashed red wires were blocked entirely.</p><div class=\"graph-wrap\">";
  out += FlowGraphSvg(map);
  out += "</div></section>\n";
}

void FlowTable(std::string& out, const FlowMap& map) {
  out +=
      "<section class=\"panel\"><h2>All flows</h2><div class=\"toolbar\"><input id=\"filter\" "
      "type=\"search\" placeholder=\"Filter rows (integration, vendor, field, class, form, "
      "decision)\" aria-label=\"Filter rows\" autocomplete=\"off\"><span id=\"filter-count\" "
      "class=\"muted\"></span></div><div class=\"scroll\"><table id=\"flow-table\" "
      "class=\"sortable\"><thead><tr>";
  struct Column {
    const char* key;
    const char* label;
    bool numeric;
  };
  static constexpr Column kColumns[] = {{"integration", "integration", false},
                                        {"vendor", "vendor", false},
                                        {"event", "event", false},
                                        {"field", "field", false},
                                        {"classes", "classes", false},
                                        {"form", "form", false},
                                        {"decision", "decision", false},
                                        {"count", "count", true},
                                        {"first_seen_ms", "first seen", true},
                                        {"last_seen_ms", "last seen", true}};
  for (const auto& c : kColumns) {
    out += "<th data-key=\"";
    out += c.key;
    out += c.numeric ? "\" data-type=\"num\" class=\"num\"" : "\" data-type=\"text\"";
    out += " tabindex=\"0\" aria-sort=\"none\">";
    out += c.label;
    out += "</th>";
  }
  out += "</tr></thead><tbody>\n";
  // Row i here is flows[i] of the JSON data block (both in display order).
  size_t i = 0;
  for (const FlowRow* row : DisplayOrder(map)) {
    bool is_new = IsNew(map, *row);
    out +=
        "<tr class=\"flow" + std::string(IsEventRow(*row) ? " event-row" : "") +
        (is_new ? " is-new" : "") + "\" data-i=\"" + std::to_string(i++) + "\">" +
        Td(row->integration, "name") + Td(row->vendor, "name") + "<td>" + HtmlEscaped(row->event) +
        (is_new ? " <span class=\"badge new\">new</span>" : "") + "</td>" +
        (IsEventRow(*row) ? "<td class=\"muted\">(event)</td>"
                          : "<td>" + FieldCode(row->field) + "</td>") +
        "<td>" + ClassList(map, row->classes) + "</td><td>" + FormBadge(row->form) + "</td><td>" +
        DecisionBadge(*row) + "</td>" + Td(GroupDigits(row->count), "num") +
        Td(IsoUtc(row->first_seen_ms), "time") + Td(IsoUtc(row->last_seen_ms), "time") + "</tr>\n";
  }
  out += "</tbody></table></div></section>\n";
}

}  // namespace

std::string Html(const FlowMap& map) {
  std::string out =
      "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      "'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">\n"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      "<link rel=\"icon\" href=\"data:,\">\n<title>metagate data map";
  if (!map.source.empty()) out += " \xE2\x80\x94 " + HtmlEscaped(map.source);
  out += "</title>\n<style>\n";
  out += kPageCss;
  out += "</style>\n</head>\n<body>\n<main>\n";
  Header(out, map);
  GraphSection(out, map);
  out += "<div class=\"questions\">\n";
  VendorClasses(out, map);
  IdentifierSenders(out, map);
  NewFlows(out, map);
  out += "</div>\n";
  FlowTable(out, map);
  out +=
      "<footer>Generated by metagate from aggregated counts; the map holds no event values."
      "</footer>\n</main>\n<script type=\"application/json\" id=\"map-data\">";
  out += ScriptSafeJson(Json(map));
  out += "</script>\n<script>\n";
  out += kPageScript;
  out += "</script>\n</body>\n</html>\n";
  return out;
}

}  // namespace metagate::governance::map_render
