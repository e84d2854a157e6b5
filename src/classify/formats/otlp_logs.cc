// OTLP/HTTP JSON logs: `{"resourceLogs": [{resource, scopeLogs: [{scope, logRecords}]}]}`.
// Attributes are `{"key", "value": {"stringValue" | "intValue" | "arrayValue" | …}}` lists:
// each is classified by its key, whatever its position.
#include "formats/wire_format.h"

namespace metagate::classify {
namespace {

// A resource's attributes apply to all its records, so one resource is one event.
uint32_t OtlpEvent(JsonPath path) { return IndexAt(path, 1); }
bool OtlpCredential(JsonPath) { return false; }

}  // namespace

extern const WireFormat kOtlpLogsFormat;
const WireFormat kOtlpLogsFormat{"otlp-logs", "OTLP/HTTP JSON logs export request", true,
                                 OtlpCredential, OtlpEvent};

}  // namespace metagate::classify
