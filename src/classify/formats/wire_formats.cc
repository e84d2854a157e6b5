#include <charconv>

#include "formats/wire_format.h"

namespace metagate::classify {

extern const WireFormat kSegmentFormat;
extern const WireFormat kLlmFormat;
extern const WireFormat kMixpanelFormat;
extern const WireFormat kAmplitudeFormat;
extern const WireFormat kPosthogFormat;
extern const WireFormat kOtlpLogsFormat;
extern const WireFormat kOtlpTracesFormat;
extern const WireFormat kJsonFormat;

namespace {
const WireFormat* const kAll[] = {
    &kSegmentFormat,  &kMixpanelFormat, &kAmplitudeFormat,  &kPosthogFormat,
    &kOtlpLogsFormat, &kLlmFormat,      &kOtlpTracesFormat, &kJsonFormat,
};
}  // namespace

const WireFormat* FindWireFormat(std::string_view name) {
  for (const WireFormat* f : kAll) {
    if (f->name == name) return f;
  }
  return nullptr;
}

std::span<const WireFormat* const> AllWireFormats() { return kAll; }

uint32_t IndexAt(JsonPath path, size_t i) {
  if (i >= path.size()) return 0;
  uint32_t v = 0;
  auto [p, ec] = std::from_chars(path[i].data(), path[i].data() + path[i].size(), v);
  return ec == std::errc() && p == path[i].data() + path[i].size() ? v : 0;
}

}  // namespace metagate::classify
