// Decision records as JSON lines: what was decided per event and per field, never a value.
#include "metagate/common/json.h"
#include "metagate/egress/pipeline.h"

namespace metagate::egress {
namespace {}  // namespace

void AppendDecisionJson(const FilterResult& r, int64_t line, std::string_view integration,
                        std::string_view vendor, std::string_view mode, std::string& out) {
  out += "{\"line\":" + std::to_string(line) + ",\"integration\":";
  json::AppendQuoted(out, integration);
  out += ",\"vendor\":";
  json::AppendQuoted(out, vendor);
  out += ",\"mode\":";
  json::AppendQuoted(out, mode);
  out += r.forwarded ? ",\"forwarded\":true" : ",\"forwarded\":false";
  out += r.credential_replaced ? ",\"credential_replaced\":true" : ",\"credential_replaced\":false";
  out += ",\"events\":[";
  for (size_t i = 0; i < r.events.size(); ++i) {
    const EventDecision& e = r.events[i];
    if (i) out.push_back(',');
    out += "{\"name\":";
    json::AppendQuoted(out, e.name);
    out += e.allowed ? ",\"allowed\":true" : ",\"allowed\":false";
    out += ",\"why\":";
    json::AppendQuoted(out, e.why);
    out += ",\"reasons\":";
    json::AppendStringArray(out, e.reasons);
    out.push_back('}');
  }
  out += "],\"fields\":[";
  for (size_t i = 0; i < r.fields.size(); ++i) {
    const FieldDecision& f = r.fields[i];
    if (i) out.push_back(',');
    out += "{\"path\":";
    json::AppendQuoted(out, f.path);
    out += ",\"field\":";
    json::AppendQuoted(out, f.field);
    out += ",\"event\":";
    out += f.event == UINT32_MAX ? "null" : std::to_string(f.event);
    out += ",\"classes\":";
    json::AppendStringArray(out, f.classes);
    out += ",\"form\":";
    json::AppendQuoted(out, f.form);
    out += ",\"reasons\":";
    json::AppendStringArray(out, f.reasons);
    out += ",\"source\":";
    json::AppendQuoted(out, ClassSourceName(f.source));
    out += f.pending ? ",\"pending\":true}" : ",\"pending\":false}";
  }
  out += "]}";
}

}  // namespace metagate::egress
