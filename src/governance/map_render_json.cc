// The data map as one JSON document: header, identifier classes and every flow row.
#include "map_render.h"
#include "metagate/common/json.h"

namespace metagate::governance::map_render {
namespace {

using json::AppendMember;

void AppendInt(std::string& out, std::string_view key, std::string_view digits) {
  json::AppendQuoted(out, key);
  out.push_back(':');
  out += digits;
}

}  // namespace

std::string Json(const FlowMap& map) {
  std::string out = "{";
  AppendMember(out, "generated", IsoUtc(map.generated_ms));
  out.push_back(',');
  AppendMember(out, "source", map.source);
  out += ",\"since\":";
  if (map.since_ms) {
    json::AppendQuoted(out, IsoUtc(*map.since_ms));
  } else {
    out += "null";
  }
  out += ",\"identifier_classes\":[";
  bool first = true;
  for (const auto& name : map.identifier_classes) {
    if (!first) out.push_back(',');
    first = false;
    json::AppendQuoted(out, name);
  }
  out += "],\"flows\":[";
  first = true;
  for (const FlowRow* row : DisplayOrder(map)) {
    out += first ? "\n{" : ",\n{";
    first = false;
    AppendMember(out, "integration", row->integration);
    out.push_back(',');
    AppendMember(out, "vendor", row->vendor);
    out.push_back(',');
    AppendMember(out, "event", row->event);
    out.push_back(',');
    AppendMember(out, "field", row->field);
    out.push_back(',');
    AppendMember(out, "classes", row->classes);
    out.push_back(',');
    AppendMember(out, "form", row->form);
    out.push_back(',');
    AppendMember(out, "decision", row->decision);
    out.push_back(',');
    AppendInt(out, "count", std::to_string(row->count));
    out.push_back(',');
    AppendInt(out, "first_seen_ms", std::to_string(row->first_seen_ms));
    out.push_back(',');
    AppendInt(out, "last_seen_ms", std::to_string(row->last_seen_ms));
    out.push_back(',');
    AppendMember(out, "first_seen", IsoUtc(row->first_seen_ms));
    out.push_back(',');
    AppendMember(out, "last_seen", IsoUtc(row->last_seen_ms));
    out += IsNew(map, *row) ? ",\"new\":true}" : ",\"new\":false}";
  }
  out += first ? "]}\n" : "\n]}\n";
  return out;
}

}  // namespace metagate::governance::map_render
