// OTLP/HTTP JSON traces: `{"resourceSpans": [{resource, scopeSpans: [{scope, spans}]}]}`, with
// attribute lists on resources, spans, span events and links.
#include "formats/wire_format.h"

namespace metagate::classify {
namespace {

// As for logs, a resource's attributes apply to all its spans: one resource is one event.
uint32_t OtlpTracesEvent(JsonPath path) { return IndexAt(path, 1); }
bool OtlpTracesCredential(JsonPath) { return false; }

}  // namespace

extern const WireFormat kOtlpTracesFormat;
const WireFormat kOtlpTracesFormat{"otlp-traces", "OTLP/HTTP JSON traces export request", true,
                                   OtlpTracesCredential, OtlpTracesEvent};

}  // namespace metagate::classify
