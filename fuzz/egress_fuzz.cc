// Fuzzes the egress pipeline (Pipeline::Filter): the first byte picks a vendor, one per wire
// format (bits 0-2), the pipeline (bit 3: unknown fields classified, so plans are dynamic, or
// dropped, so plans are static) and whether per-field records are built (bit 4); the rest is the
// request body. The pipelines are built once from a config and policies written to a temporary
// folder: every event is permitted, every field in any form but raw (raw only for class
// `unclassified`), unknown events allowed, so that collection, classification, every transform,
// the plan cache and emission all run.
// A body that is forwarded must be valid JSON (simdjson); anything else traps.
#include <simdjson.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <string_view>

#include "metagate/egress/config.h"
#include "metagate/egress/pipeline.h"

using namespace metagate::egress;

namespace {

constexpr const char* kFormats[] = {"segment",   "mixpanel",    "amplitude", "posthog",
                                    "otlp-logs", "otlp-traces", "json",      "llm"};
constexpr size_t kFormatCount = sizeof(kFormats) / sizeof(kFormats[0]);

constexpr std::string_view kPolicies = R"(
permit (principal, action == Action::"send_event", resource);
permit (principal, action == Action::"send_field", resource) when { context.form != "raw" };
permit (principal, action == Action::"send_field", resource)
when { context.class == DataClass::"unclassified" };
)";

void Write(const std::string& path, std::string_view text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
  if (!out) {
    std::fprintf(stderr, "egress_fuzz: cannot write %s\n", path.c_str());
    std::abort();
  }
}

std::shared_ptr<const Pipeline> Build(const std::string& unknown_fields) {
  char tmpl[] = "/tmp/egress_fuzz.XXXXXX";
  const char* dir = mkdtemp(tmpl);
  if (dir == nullptr) std::abort();
  const std::string base(dir);
  Write(base + "/policies.cedar", kPolicies);
  // A literal 32-byte demo secret: the fuzzer needs a key, not a secret one.
  Write(base + "/pseudonym.key", "0123456789abcdef0123456789abcdef");
  std::string yaml =
      "mode: enforce\n"
      "policies: [policies.cedar]\n"
      "keys:\n"
      "  pseudonym:\n"
      "    current: k1\n"
      "    keys: { k1: \"file:pseudonym.key\" }\n"
      "integrations:\n"
      "  - { id: fuzz, kind: service, environment: production }\n"
      "vendors:\n";
  for (const char* f : kFormats) {
    yaml += "  - { id: v-" + std::string(f) + ", category: analytics, format: " + f +
            ", credentials: { ingest_key: \"file:pseudonym.key\" } }\n";
  }
  yaml +=
      "catalog:\n"
      "  - source: \"*\"\n"
      "    event: \"*\"\n"
      "    fields:\n"
      "      \"userId\": user_id\n"
      "      \"context.traits.email\": email\n"
      "      \"context.ip\": ip_address\n"
      "      \"properties.plan\": []\n"
      "unknown_fields: " +
      unknown_fields +
      "\n"
      "unknown_events: allow\n";
  const std::string file = base + "/metagate.yaml";
  Write(file, yaml);
  auto config = ParseEgressConfig(yaml, file);
  if (!config.ok()) {
    std::fprintf(stderr, "egress_fuzz: config: %s\n", config.status().ToString().c_str());
    std::abort();
  }
  auto pipeline = Pipeline::Create(*config);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "egress_fuzz: pipeline: %s\n", pipeline.status().ToString().c_str());
    std::abort();
  }
  std::remove((base + "/policies.cedar").c_str());
  std::remove((base + "/pseudonym.key").c_str());
  std::remove(file.c_str());
  rmdir(dir);
  return *pipeline;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const std::shared_ptr<const Pipeline> classify = Build("classify");
  static const std::shared_ptr<const Pipeline> drop = Build("drop");
  static PipelineScratch classify_scratch, drop_scratch;  // plans stay warm across inputs
  static simdjson::dom::parser parser;
  if (size == 0) return 0;
  const std::string vendor = std::string("v-") + kFormats[data[0] % kFormatCount];
  const Pipeline& pipeline = (data[0] & 8) ? *drop : *classify;
  PipelineScratch& scratch = (data[0] & 8) ? drop_scratch : classify_scratch;
  FilterOptions options;
  options.record_fields = (data[0] & 16) == 0;
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);
  auto result = pipeline.Filter("fuzz", vendor, body, scratch, options);
  if (result.ok() && result->forwarded) {
    simdjson::dom::element root;
    if (parser.parse(result->body).get(root)) __builtin_trap();
  }
  return 0;
}
