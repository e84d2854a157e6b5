// The html data map's cells: escaping, badges for forms and decisions, class chips, field paths.
#include "map_render_html.h"

namespace metagate::governance::map_render {

void AppendHtmlEscaped(std::string& out, std::string_view s) {
  for (char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      case '\0':
        out += "\xEF\xBF\xBD";  // U+FFFD: HTML forbids NUL in text
        break;
      default:
        out.push_back(c);
    }
  }
}

std::string Td(std::string_view text, std::string_view cls) {
  std::string out = cls.empty() ? "<td>" : "<td class=\"" + std::string(cls) + "\">";
  AppendHtmlEscaped(out, text);
  return out + "</td>";
}

// A field path as <code>, with a line-break opportunity after each "." so long paths wrap there.
std::string FieldCode(std::string_view path) {
  std::string out = "<code>";
  for (char c : path) {
    AppendHtmlEscaped(out, std::string_view(&c, 1));
    if (c == '.') out += "<wbr>";
  }
  return out + "</code>";
}

std::string DecisionBadge(const FlowRow& row) {
  std::string kind = IsBlocked(row)           ? "blocked"
                     : row.decision == "held" ? "held"
                     : Passes(row)            ? "allowed"
                                              : "other";
  return "<span class=\"badge decision-" + kind + "\">" + HtmlEscaped(row.decision) + "</span>";
}

std::string FormBadge(std::string_view form) {
  if (form.empty()) return "";
  std::string kind = form == "raw"                             ? "raw"
                     : form == "dropped" || form == "redacted" ? "gone"
                                                               : "transformed";
  return "<span class=\"badge form-" + kind + "\">" + HtmlEscaped(form) + "</span>";
}

std::string ClassList(const FlowMap& map, std::string_view classes) {
  std::string out;
  for (const auto& name : SplitClasses(classes)) {
    bool identifier = map.identifier_classes.count(name) > 0;
    out += identifier ? "<span class=\"cls identifier\" title=\"identifier\">"
                      : "<span class=\"cls\">";
    out += HtmlEscaped(name) + "</span> ";
  }
  if (!out.empty()) out.pop_back();
  return out;
}

}  // namespace metagate::governance::map_render
