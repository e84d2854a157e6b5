// The data map as a Graphviz digraph: integrations -> vendors, edges labelled with the classes
// that leave and their forms; pairs where everything was blocked are dashed red.
#include "map_render.h"

namespace metagate::governance::map_render {
namespace {

// Appends `s` as a dot quoted string. Inside one only \" is an escape, but Graphviz reads \n, \l,
// \N and friends in labels, so backslashes are doubled; control characters become spaces.
void AppendDotQuoted(std::string& out, std::string_view s) {
  out.push_back('"');
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (ch == '"' || ch == '\\') {
      out.push_back('\\');
      out.push_back(ch);
    } else if (c < 0x20 || c == 0x7f) {
      out.push_back(' ');
    } else {
      out.push_back(ch);
    }
  }
  out.push_back('"');
}

// A label of several lines: each escaped, joined with dot's centred line break "\n".
void AppendDotLines(std::string& out, const std::vector<std::string>& lines) {
  std::string quoted;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string one;
    AppendDotQuoted(one, lines[i]);
    if (i > 0) quoted += "\\n";
    quoted += one.substr(1, one.size() - 2);
  }
  out += "\"" + quoted + "\"";
}

}  // namespace

std::string Dot(const FlowMap& map) {
  FlowGraph graph = BuildFlowGraph(map);
  std::string out =
      "digraph data_map {\n"
      "  rankdir=LR;\n"
      "  graph [fontname=\"Helvetica\", nodesep=0.4, ranksep=2.2];\n"
      "  node [fontname=\"Helvetica\", fontsize=11];\n"
      "  edge [fontname=\"Helvetica\", fontsize=9, color=\"#475569\"];\n";
  for (const auto& name : graph.integrations) {
    out += "  ";
    AppendDotQuoted(out, "integration:" + name);
    out += " [label=";
    AppendDotQuoted(out, name);
    out += ", shape=box, style=\"rounded,filled\", fillcolor=\"#dbeafe\", color=\"#1d4ed8\"];\n";
  }
  for (const auto& name : graph.vendors) {
    out += "  ";
    AppendDotQuoted(out, "vendor:" + name);
    out += " [label=";
    AppendDotQuoted(out, name);
    out += ", shape=ellipse, style=filled, fillcolor=\"#ede9fe\", color=\"#6d28d9\"];\n";
  }
  for (const auto& edge : graph.edges) {
    std::vector<std::string> lines;
    for (const auto& c : edge.leaving) lines.push_back(LabelLine(c));
    if (edge.blocked_only) lines.push_back("blocked");
    if (lines.empty()) lines.push_back("no classified fields");
    out += "  ";
    AppendDotQuoted(out, "integration:" + graph.integrations[edge.integration]);
    out += " -> ";
    AppendDotQuoted(out, "vendor:" + graph.vendors[edge.vendor]);
    out += " [label=";
    AppendDotLines(out, lines);
    if (edge.blocked_only) out += ", style=dashed, color=\"#dc2626\", fontcolor=\"#dc2626\"";
    out += "];\n";
  }
  out += "}\n";
  return out;
}

}  // namespace metagate::governance::map_render
