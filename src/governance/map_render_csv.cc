// The data map as RFC 4180 CSV, guarded against formula injection in spreadsheets.
#include "map_render.h"

namespace metagate::governance::map_render {
namespace {

// Appends one cell. Field names come from senders: a cell a spreadsheet would read as a formula
// (starting with = + - @, or a tab or CR) gets a leading apostrophe so it stays text.
void AppendCell(std::string& out, std::string_view cell) {
  std::string text;
  if (!cell.empty() && (cell[0] == '=' || cell[0] == '+' || cell[0] == '-' || cell[0] == '@' ||
                        cell[0] == '\t' || cell[0] == '\r')) {
    text.push_back('\'');
  }
  text.append(cell);
  if (text.find_first_of(",\"\r\n") == std::string::npos) {
    out += text;
    return;
  }
  out.push_back('"');
  for (char c : text) {
    if (c == '"') out.push_back('"');
    out.push_back(c);
  }
  out.push_back('"');
}

void AppendLine(std::string& out, std::initializer_list<std::string_view> cells) {
  bool first = true;
  for (auto cell : cells) {
    if (!first) out.push_back(',');
    first = false;
    AppendCell(out, cell);
  }
  out += "\r\n";
}

}  // namespace

std::string Csv(const FlowMap& map) {
  std::string out;
  AppendLine(out, {"integration", "vendor", "event", "field", "classes", "form", "decision",
                   "count", "first_seen", "last_seen", "new"});
  for (const FlowRow* row : DisplayOrder(map)) {
    AppendLine(out, {row->integration, row->vendor, row->event, row->field, row->classes, row->form,
                     row->decision, std::to_string(row->count), IsoUtc(row->first_seen_ms),
                     IsoUtc(row->last_seen_ms), IsNew(map, *row) ? "true" : "false"});
  }
  return out;
}

}  // namespace metagate::governance::map_render
