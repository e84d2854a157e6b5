// The data map's graph as inline SVG for the html page, laid out by this code (no script, no
// external library): integrations on the left, one card per (integration, vendor) edge in the
// middle listing the classes that leave and their forms, vendors on the right. Text widths are
// estimated from character counts, so long names are shortened (the full name is in a <title>).
#include <algorithm>
#include <numeric>

#include "map_render.h"

namespace metagate::governance::map_render {
namespace {

constexpr int kNodeCharWidth = 8;  // 13px semibold, rounded up
constexpr int kCardCharWidth = 7;  // 12px regular
constexpr int kNodeHeight = 40;
constexpr int kNodeGap = 16;
constexpr int kCardGap = 12;
constexpr int kGroupGap = 14;
constexpr int kCardHead = 44;  // title line and counts line
constexpr int kLineHeight = 17;
constexpr int kCardPad = 10;
constexpr int kColumnGap = 120;
constexpr int kTop = 40;
constexpr size_t kMaxNodeChars = 26;
constexpr size_t kMaxLineChars = 46;
constexpr size_t kMaxLines = 10;

size_t CodePoints(std::string_view s) {
  size_t n = 0;
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xc0) != 0x80) ++n;
  }
  return n;
}

// Returns `s` cut to at most `max` code points, ending in an ellipsis when cut.
std::string Fit(std::string_view s, size_t max) {
  if (CodePoints(s) <= max || max == 0) return std::string(s);
  size_t points = 0;
  size_t i = 0;
  for (; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xc0) != 0x80 && ++points == max) break;
  }
  return std::string(s.substr(0, i)) + "\xE2\x80\xA6";
}

int Clamp(size_t chars, int char_width, int lo, int hi) {
  return std::clamp(static_cast<int>(chars) * char_width + 32, lo, hi);
}

struct Line {
  std::string class_name;
  std::string forms;
  bool identifier = false;
  bool raw = false;
};

struct Card {
  const FlowEdge* edge = nullptr;
  std::vector<Line> lines;
  std::string note;  // when no line: why nothing is listed
  int top = 0;
  int height = 0;
  int Center() const { return top + height / 2; }
};

std::vector<Line> LinesOf(const FlowEdge& edge) {
  std::vector<Line> lines;
  for (const auto& c : edge.leaving) {
    if (lines.size() + 1 == kMaxLines && edge.leaving.size() > kMaxLines) {
      lines.push_back({"+" + std::to_string(edge.leaving.size() - lines.size()) + " more classes",
                       "", false, false});
      break;
    }
    std::string label = LabelLine(c);
    lines.push_back({c.class_name, label.substr(c.class_name.size() + 2), c.identifier,
                     c.forms.count("raw") > 0});
  }
  return lines;
}

void Attr(std::string& out, std::string_view name, int value) {
  out += " " + std::string(name) + "=\"" + std::to_string(value) + "\"";
}

void Curve(std::string& out, int x1, int y1, int x2, int y2, bool blocked, bool arrow) {
  int mid = (x1 + x2) / 2;
  out += "<path class=\"wire\" d=\"M" + std::to_string(x1) + " " + std::to_string(y1) + " C" +
         std::to_string(mid) + " " + std::to_string(y1) + " " + std::to_string(mid) + " " +
         std::to_string(y2) + " " + std::to_string(x2) + " " + std::to_string(y2) + "\"";
  if (arrow) out += blocked ? " marker-end=\"url(#arrow-blocked)\"" : " marker-end=\"url(#arrow)\"";
  out += "/>";
}

void Node(std::string& out, const char* kind, const std::string& name, int x, int y, int width) {
  out += "<g class=\"node ";
  out += kind;
  out += "\" data-name=\"" + HtmlEscaped(name) + "\"><title>" + HtmlEscaped(name) + "</title>";
  out += "<rect";
  Attr(out, "x", x);
  Attr(out, "y", y);
  Attr(out, "width", width);
  Attr(out, "height", kNodeHeight);
  out += " rx=\"8\"/><text";
  Attr(out, "x", x + width / 2);
  Attr(out, "y", y + kNodeHeight / 2 + 5);
  out += " text-anchor=\"middle\">" + HtmlEscaped(Fit(name, kMaxNodeChars)) + "</text></g>\n";
}

}  // namespace

std::string FlowGraphSvg(const FlowMap& map) {
  FlowGraph graph = BuildFlowGraph(map);
  if (graph.edges.empty()) {
    return "<svg id=\"flow-graph\" class=\"flow-graph\" viewBox=\"0 0 600 60\" width=\"600\" "
           "height=\"60\" role=\"img\"><text class=\"empty\" x=\"16\" y=\"36\">No flows recorded "
           "yet.</text></svg>\n";
  }

  std::vector<Card> cards;
  size_t longest_line = 0;
  for (const auto& edge : graph.edges) {
    Card card;
    card.edge = &edge;
    card.lines = LinesOf(edge);
    if (card.lines.empty()) {
      card.note = edge.blocked_only ? "nothing leaves: every event was blocked"
                                    : "no classified field leaves";
    }
    for (const auto& line : card.lines) {
      longest_line =
          std::max(longest_line, CodePoints(line.class_name) + 2 + CodePoints(line.forms));
    }
    longest_line = std::max(longest_line, CodePoints(card.note));
    card.height = kCardHead +
                  static_cast<int>(std::max<size_t>(1, card.lines.size())) * kLineHeight + kCardPad;
    cards.push_back(std::move(card));
  }

  size_t longest_integration = 0, longest_vendor = 0;
  for (const auto& n : graph.integrations) {
    longest_integration = std::max(longest_integration, std::min(CodePoints(n), kMaxNodeChars));
  }
  for (const auto& n : graph.vendors) {
    longest_vendor = std::max(longest_vendor, std::min(CodePoints(n), kMaxNodeChars));
  }
  const int integration_width = Clamp(longest_integration, kNodeCharWidth, 150, 250);
  const int vendor_width = Clamp(longest_vendor, kNodeCharWidth, 150, 250);
  const int card_width = Clamp(std::min(longest_line, kMaxLineChars), kCardCharWidth, 260, 380);
  const int x_integration = 8;
  const int x_card = x_integration + integration_width + kColumnGap;
  const int x_vendor = x_card + card_width + kColumnGap;
  const int width = x_vendor + vendor_width + 8;

  // Cards stack top to bottom, grouped by integration; each integration sits at the middle of
  // its group.
  std::vector<int> integration_top(graph.integrations.size(), 0);
  int y = kTop;
  for (size_t i = 0; i < cards.size();) {
    size_t group = cards[i].edge->integration;
    int group_top = y;
    for (; i < cards.size() && cards[i].edge->integration == group; ++i) {
      cards[i].top = y;
      y += cards[i].height + kCardGap;
    }
    int group_bottom = y - kCardGap;
    integration_top[group] = (group_top + group_bottom) / 2 - kNodeHeight / 2;
    y += kGroupGap;
  }
  int bottom = y - kGroupGap - kCardGap;

  // Vendors keep the order of the mean height of their cards and are spread evenly down the
  // graph (packed, and the graph made taller, when there are too many to spread).
  std::vector<int> vendor_want(graph.vendors.size(), 0), vendor_top(graph.vendors.size(), 0);
  std::vector<int> vendor_cards(graph.vendors.size(), 0);
  for (const auto& card : cards) {
    vendor_want[card.edge->vendor] += card.Center();
    ++vendor_cards[card.edge->vendor];
  }
  std::vector<size_t> order(graph.vendors.size());
  std::iota(order.begin(), order.end(), size_t{0});
  for (size_t v = 0; v < graph.vendors.size(); ++v) {
    vendor_want[v] /= std::max(1, vendor_cards[v]);
  }
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return vendor_want[a] < vendor_want[b]; });
  const int n = static_cast<int>(order.size());
  const int span = bottom - kTop;
  if (n == 1) {
    vendor_top[order[0]] = vendor_want[order[0]] - kNodeHeight / 2;
  } else if (span / n >= kNodeHeight + kNodeGap) {
    for (int i = 0; i < n; ++i) {
      vendor_top[order[i]] = kTop + span * (2 * i + 1) / (2 * n) - kNodeHeight / 2;
    }
  } else {
    for (int i = 0; i < n; ++i) vendor_top[order[i]] = kTop + i * (kNodeHeight + kNodeGap);
    bottom = std::max(bottom, kTop + n * (kNodeHeight + kNodeGap) - kNodeGap);
  }
  const int height = bottom + 12;

  std::string out = "<svg id=\"flow-graph\" class=\"flow-graph\" viewBox=\"0 0 " +
                    std::to_string(width) + " " + std::to_string(height) + "\"";
  Attr(out, "width", width);
  Attr(out, "height", height);
  out += " role=\"img\" aria-labelledby=\"flow-graph-title\">\n<title id=\"flow-graph-title\">";
  out += "Flows from " + std::to_string(graph.integrations.size()) + " integrations to " +
         std::to_string(graph.vendors.size()) + " vendors</title>\n";
  out +=
      "<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" markerWidth=\"7\" "
      "markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" class=\"arrowhead\"/>"
      "</marker><marker id=\"arrow-blocked\" viewBox=\"0 0 10 10\" refX=\"9\" refY=\"5\" "
      "markerWidth=\"7\" markerHeight=\"7\" orient=\"auto\"><path d=\"M0 0L10 5L0 10z\" "
      "class=\"arrowhead blocked\"/></marker></defs>\n";
  auto heading = [&](int x, const char* text) {
    out += "<text class=\"col-head\"";
    Attr(out, "x", x);
    out += " y=\"20\">";
    out += text;
    out += "</text>";
  };
  heading(x_integration, "INTEGRATIONS");
  heading(x_card, "WHAT LEAVES (CLASS: FORM)");
  heading(x_vendor, "VENDORS");
  out += "\n";

  for (const auto& card : cards) {
    const FlowEdge& edge = *card.edge;
    const std::string& integration = graph.integrations[edge.integration];
    const std::string& vendor = graph.vendors[edge.vendor];
    bool blocked = edge.blocked_only;
    out += blocked ? "<g class=\"edge blocked\"" : "<g class=\"edge\"";
    out += " data-integration=\"" + HtmlEscaped(integration) + "\" data-vendor=\"" +
           HtmlEscaped(vendor) + "\"><title>" + HtmlEscaped(integration) + " \xE2\x86\x92 " +
           HtmlEscaped(vendor) + (blocked ? " (blocked)" : "") + "</title>";
    Curve(out, x_integration + integration_width,
          integration_top[edge.integration] + kNodeHeight / 2, x_card, card.Center(), blocked,
          false);
    Curve(out, x_card + card_width, card.Center(), x_vendor,
          vendor_top[edge.vendor] + kNodeHeight / 2, blocked, true);
    out += "<rect class=\"card\"";
    Attr(out, "x", x_card);
    Attr(out, "y", card.top);
    Attr(out, "width", card_width);
    Attr(out, "height", card.height);
    out += " rx=\"8\"/>";
    const int text_x = x_card + 12;
    const size_t title_chars = static_cast<size_t>((card_width - 24) / kCardCharWidth);
    out += "<text class=\"card-title\"";
    Attr(out, "x", text_x);
    Attr(out, "y", card.top + 18);
    out += ">" + HtmlEscaped(Fit(integration + " \xE2\x86\x92 " + vendor, title_chars)) + "</text>";
    std::string counts = blocked ? "blocked: " + GroupDigits(edge.events_blocked) + " events"
                                 : GroupDigits(edge.events_passed) + " events sent";
    if (!blocked && edge.events_blocked > 0) {
      counts += " \xC2\xB7 " + GroupDigits(edge.events_blocked) + " blocked";
    }
    out += "<text class=\"card-counts\"";
    Attr(out, "x", text_x);
    Attr(out, "y", card.top + 35);
    out += ">" + HtmlEscaped(counts) + "</text>";
    int line_y = card.top + kCardHead + 12;
    if (card.lines.empty()) {
      out += "<text class=\"card-note\"";
      Attr(out, "x", text_x);
      Attr(out, "y", line_y);
      out += ">" + HtmlEscaped(card.note) + "</text>";
    }
    for (const auto& line : card.lines) {
      size_t class_chars = std::min<size_t>(CodePoints(line.class_name), 24);
      out += "<text class=\"card-line\"";
      Attr(out, "x", text_x);
      Attr(out, "y", line_y);
      out += "><tspan class=\"cls";
      if (line.identifier) out += " identifier";
      out += "\">" + HtmlEscaped(Fit(line.class_name, 24)) + "</tspan>";
      if (!line.forms.empty()) {
        out += line.raw ? ": <tspan class=\"forms raw\">" : ": <tspan class=\"forms\">";
        out += HtmlEscaped(Fit(line.forms, kMaxLineChars - class_chars)) + "</tspan>";
      }
      out += "</text>";
      line_y += kLineHeight;
    }
    out += "</g>\n";
  }
  for (size_t i = 0; i < graph.integrations.size(); ++i) {
    Node(out, "integration", graph.integrations[i], x_integration, integration_top[i],
         integration_width);
  }
  for (size_t v = 0; v < graph.vendors.size(); ++v) {
    Node(out, "vendor", graph.vendors[v], x_vendor, vendor_top[v], vendor_width);
  }
  out += "</svg>\n";
  return out;
}

}  // namespace metagate::governance::map_render
