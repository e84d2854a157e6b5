// OTLP/HTTP JSON logs and traces: each log record or span is an event; resource and scope fields
// are the envelope, named from the resource (`resource.attributes.service.name`).
#include "formats/envelope.h"

namespace metagate::egress {
namespace {

bool LogsIsEvent(BodyPath path, simdjson::dom::element) {
  return PathMatches(path, {"resourceLogs", "*", "scopeLogs", "*", "logRecords", "*"}) &&
         IsIndex(path[5]);
}

bool TracesIsEvent(BodyPath path, simdjson::dom::element) {
  return PathMatches(path, {"resourceSpans", "*", "scopeSpans", "*", "spans", "*"}) &&
         IsIndex(path[5]);
}

// The `event.name` attribute's string value, if the record has one.
std::string EventNameAttribute(simdjson::dom::element record) {
  simdjson::dom::array attrs;
  if (record["attributes"].get_array().get(attrs)) return "";
  for (simdjson::dom::element a : attrs) {
    std::string_view key, value;
    if (!a["key"].get_string().get(key) && key == "event.name" &&
        !a["value"]["stringValue"].get_string().get(value)) {
      return std::string(value);
    }
  }
  return "";
}

std::string LogEventName(simdjson::dom::element record) {
  std::string name = StringMember(record, "eventName");
  if (name.empty()) name = EventNameAttribute(record);
  return name.empty() ? "log" : name;
}

std::string SpanEventName(simdjson::dom::element span) { return StringMember(span, "name"); }

bool NoCredential(BodyPath) { return false; }

bool IsOneOf(std::string_view s, std::initializer_list<std::string_view> names) {
  for (std::string_view n : names) {
    if (s == n) return true;
  }
  return false;
}

bool LogsStructural(BodyPath f, bool in_event) {
  if (!in_event) {
    return PathMatches(f, {"schemaUrl"}) || PathMatches(f, {"scope", "name"}) ||
           PathMatches(f, {"scope", "version"}) || PathMatches(f, {"scopeLogs", "*", "schemaUrl"});
  }
  return f.size() == 1 &&
         IsOneOf(f[0], {"timeUnixNano", "observedTimeUnixNano", "severityNumber", "severityText",
                        "traceId", "spanId", "flags", "eventName", "droppedAttributesCount"});
}

bool TracesStructural(BodyPath f, bool in_event) {
  if (!in_event) {
    return PathMatches(f, {"schemaUrl"}) || PathMatches(f, {"scope", "name"}) ||
           PathMatches(f, {"scope", "version"}) || PathMatches(f, {"scopeSpans", "*", "schemaUrl"});
  }
  if (f.size() == 2 && f[0] == "status" && f[1] == "code") return true;
  return f.size() == 1 &&
         IsOneOf(f[0], {"traceId", "spanId", "parentSpanId", "traceState", "name", "kind",
                        "startTimeUnixNano", "endTimeUnixNano", "flags", "droppedAttributesCount",
                        "droppedEventsCount", "droppedLinksCount"});
}

// `resourceLogs/3/...` → leave out the first two segments; `resourceLogs/3/scopeLogs/0/scope`
// → leave out four, so the scope reads `scope.name`.
size_t ResourceSkip(BodyPath path) {
  if (path.size() >= 4 && (path[2] == "scopeLogs" || path[2] == "scopeSpans") && IsIndex(path[3])) {
    return 4;
  }
  return path.size() >= 2 ? 2 : 0;
}

}  // namespace

extern const EnvelopeFormat kOtlpLogsEnvelope;
const EnvelopeFormat kOtlpLogsEnvelope{"otlp-logs",  "otlp-logs",  true,           LogsIsEvent,
                                       LogEventName, NoCredential, LogsStructural, ResourceSkip};
extern const EnvelopeFormat kOtlpTracesEnvelope;
const EnvelopeFormat kOtlpTracesEnvelope{"otlp-traces",    "otlp-traces", true,
                                         TracesIsEvent,    SpanEventName, NoCredential,
                                         TracesStructural, ResourceSkip};

}  // namespace metagate::egress
