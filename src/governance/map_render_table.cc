// The data map as aligned columns for a terminal, with a one-line summary.
#include <array>

#include "map_render.h"

namespace metagate::governance::map_render {
namespace {

constexpr size_t kColumns = 10;
constexpr std::array<const char*, kColumns> kHeaders = {
    "INTEGRATION", "VENDOR",   "EVENT", "FIELD",      "CLASSES",
    "FORM",        "DECISION", "COUNT", "FIRST SEEN", "LAST SEEN"};
constexpr size_t kCountColumn = 7;

// Names come from senders: control characters (a terminal escape sequence, a newline) are shown
// as \xNN rather than written to the terminal.
std::string Printable(std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (char ch : s) {
    auto c = static_cast<unsigned char>(ch);
    if (c < 0x20 || c == 0x7f) {
      out += "\\x";
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 0xf]);
    } else {
      out.push_back(ch);
    }
  }
  return out;
}

std::string Counted(uint64_t n, std::string_view one, std::string_view many) {
  return GroupDigits(n) + " " + std::string(n == 1 ? one : many);
}

std::string OrDash(std::string_view s) { return s.empty() ? "-" : Printable(s); }

// Terminal columns taken by UTF-8 text, counting one per code point.
size_t Width(std::string_view s) {
  size_t n = 0;
  for (char ch : s) {
    if ((static_cast<unsigned char>(ch) & 0xc0) != 0x80) ++n;
  }
  return n;
}

}  // namespace

std::string Table(const FlowMap& map) {
  std::vector<std::array<std::string, kColumns>> cells;
  cells.push_back({});
  for (size_t c = 0; c < kColumns; ++c) cells.back()[c] = kHeaders[c];
  for (const FlowRow* row : DisplayOrder(map)) {
    cells.push_back({Printable(row->integration), Printable(row->vendor), Printable(row->event),
                     IsEventRow(*row) ? "(event)" : Printable(row->field), OrDash(row->classes),
                     OrDash(row->form), OrDash(row->decision), GroupDigits(row->count),
                     IsoUtc(row->first_seen_ms), IsoUtc(row->last_seen_ms)});
  }
  std::array<size_t, kColumns> widths{};
  for (const auto& line : cells) {
    for (size_t c = 0; c < kColumns; ++c) widths[c] = std::max(widths[c], Width(line[c]));
  }

  std::string out;
  for (const auto& line : cells) {
    std::string text;
    for (size_t c = 0; c < kColumns; ++c) {
      std::string pad(widths[c] - Width(line[c]), ' ');
      if (c > 0) text += "  ";
      if (c == kCountColumn) {
        text += pad + line[c];
      } else {
        text += line[c];
        if (c + 1 < kColumns) text += pad;
      }
    }
    out += text + "\n";
  }

  Totals t = Summarize(map);
  out += "\n" + Counted(t.flows, "flow", "flows") + " (" +
         Counted(t.integrations, "integration", "integrations") + ", " +
         Counted(t.vendors, "vendor", "vendors") + "): " + GroupDigits(t.events_allowed) +
         " events allowed, " + GroupDigits(t.events_blocked) + " events blocked";
  if (t.events_held > 0) out += ", " + GroupDigits(t.events_held) + " held";
  if (map.since_ms) {
    out += "; " + GroupDigits(t.new_flows) + " new since " + IsoUtc(*map.since_ms);
  }
  out += "\n";
  return out;
}

}  // namespace metagate::governance::map_render
