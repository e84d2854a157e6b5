// The html data map's three questions: which vendors receive which classes, which integrations
// send identifiers, and what is new since a date.
#include <map>
#include <tuple>

#include "map_render_html.h"

namespace metagate::governance::map_render {

void VendorClasses(std::string& out, const FlowMap& map) {
  // vendor -> class -> forms, over every integration.
  std::map<std::string, std::map<std::string, std::set<std::string>>> matrix;
  std::set<std::string> classes;
  for (const auto& row : map.rows) {
    if (!FieldLeaves(row)) continue;
    for (const auto& name : SplitClasses(row.classes)) {
      matrix[row.vendor][name].insert(row.form);
      classes.insert(name);
    }
  }
  out +=
      "<section class=\"panel\" id=\"vendor-classes\"><h2>Which vendors receive which "
      "classes</h2>";
  if (matrix.empty()) {
    out += "<p class=\"empty\">No classified field has left for any vendor.</p></section>\n";
    return;
  }
  out += "<div class=\"scroll\"><table class=\"matrix\"><thead><tr><th>Vendor</th>";
  for (const auto& name : classes) {
    out += "<th>" + ClassList(map, name) + "</th>";
  }
  out += "</tr></thead><tbody>";
  for (const auto& [vendor, by_class] : matrix) {
    out += "<tr><th scope=\"row\">" + HtmlEscaped(vendor) + "</th>";
    for (const auto& name : classes) {
      auto it = by_class.find(name);
      if (it == by_class.end()) {
        out += "<td class=\"none\">&ndash;</td>";
        continue;
      }
      out += "<td>";
      for (const auto& form : it->second) out += FormBadge(form.empty() ? "as sent" : form) + " ";
      out.pop_back();
      out += "</td>";
    }
    out += "</tr>";
  }
  out += "</tbody></table></div></section>\n";
}

void IdentifierSenders(std::string& out, const FlowMap& map) {
  struct Agg {
    std::set<std::string> fields;
    uint64_t count = 0;
  };
  // (integration, class, vendor, form) -> fields and times sent.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, Agg> rows;
  for (const auto& row : map.rows) {
    if (!FieldLeaves(row)) continue;
    for (const auto& name : SplitClasses(row.classes)) {
      if (map.identifier_classes.count(name) == 0) continue;
      Agg& agg = rows[{row.integration, name, row.vendor, row.form}];
      agg.fields.insert(row.field);
      agg.count += row.count;
    }
  }
  out +=
      "<section class=\"panel\" id=\"identifier-senders\"><h2>Which integrations send "
      "identifiers</h2>";
  if (map.identifier_classes.empty()) {
    out += "<p class=\"empty\">The taxonomy in force names no identifier classes.</p></section>\n";
    return;
  }
  if (rows.empty()) {
    out +=
        "<p class=\"empty\">No integration sends an identifier class to any vendor.</p>"
        "</section>\n";
    return;
  }
  out +=
      "<div class=\"scroll\"><table><thead><tr><th>Integration</th><th>Identifier</th>"
      "<th>Form</th><th>Vendor</th><th>Fields</th><th class=\"num\">Times sent</th></tr></thead>"
      "<tbody>";
  for (const auto& [key, agg] : rows) {
    const auto& [integration, name, vendor, form] = key;
    std::string fields;
    for (const auto& f : agg.fields) fields += "<code>" + HtmlEscaped(f) + "</code> ";
    out += "<tr>" + Td(integration) + "<td>" + ClassList(map, name) + "</td><td>" +
           FormBadge(form.empty() ? "as sent" : form) + "</td>" + Td(vendor) + "<td>" + fields +
           "</td>" + Td(GroupDigits(agg.count), "num") + "</tr>";
  }
  out += "</tbody></table></div></section>\n";
}

void NewFlows(std::string& out, const FlowMap& map) {
  out += "<section class=\"panel\" id=\"new-flows\"><h2>New since ";
  out += map.since_ms ? IsoDate(*map.since_ms) : "a date";
  out += "</h2>";
  if (!map.since_ms) {
    out +=
        "<p class=\"empty\">No date was given, so no flow is marked new. Run <code>metagate map "
        "--since DATE</code> to list what appeared after it.</p></section>\n";
    return;
  }
  std::string body;
  for (const FlowRow* row : DisplayOrder(map)) {
    if (!IsNew(map, *row)) continue;
    body += "<tr>" + Td(IsoUtc(row->first_seen_ms), "time") + Td(row->integration, "name") +
            Td(row->vendor, "name") + Td(row->event) +
            (IsEventRow(*row) ? "<td class=\"muted\">(event)</td>"
                              : "<td>" + FieldCode(row->field) + "</td>") +
            "<td>" + ClassList(map, row->classes) + "</td><td>" + FormBadge(row->form) +
            "</td><td>" + DecisionBadge(*row) + "</td>" + Td(GroupDigits(row->count), "num") +
            "</tr>";
  }
  if (body.empty()) {
    out += "<p class=\"empty\">Nothing new since " + IsoUtc(*map.since_ms) + ".</p></section>\n";
    return;
  }
  out +=
      "<div class=\"scroll\"><table><thead><tr><th>First seen</th><th>Integration</th>"
      "<th>Vendor</th><th>Event</th><th>Field</th><th>Classes</th><th>Form</th><th>Decision</th>"
      "<th class=\"num\">Count</th></tr></thead><tbody>" +
      body + "</tbody></table></div></section>\n";
}

}  // namespace metagate::governance::map_render
