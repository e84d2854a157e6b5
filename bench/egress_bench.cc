// Egress filter throughput: `metagate filter`'s path (Pipeline::Filter in process, one
// PipelineScratch, plans warm) on the segment, mixpanel and otlp-logs datasets with the seed's
// policies (bench/egress/metagate.yaml), beside simdjson's DOM parse of the same bytes in the same
// run. Two variants: the config as written (`unknown_fields: drop`, as in the seed) and with
// `unknown_fields: classify`, so that the detectors run too. Events are counted per body as the
// decision's events.size(). The datasets folder is METAGATE_DATASETS (env) or ../shared/datasets
// beside the repo; the config is METAGATE_EGRESS_BENCH_CONFIG (env) or bench/egress/metagate.yaml.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdlib>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "metagate/egress/config.h"
#include "metagate/egress/pipeline.h"
#include "metagate/transform/pseudonymize.h"

namespace {

using metagate::egress::EgressConfig;
using metagate::egress::Pipeline;
using metagate::egress::PipelineScratch;
using metagate::egress::UnknownFields;

struct Dataset {
  std::vector<std::string> bodies;
  int64_t bytes = 0;
};

const Dataset& Load(const std::string& format) {
  static std::map<std::string, Dataset> cache;
  auto it = cache.find(format);
  if (it != cache.end()) return it->second;
  const char* env = std::getenv("METAGATE_DATASETS");
  std::string dir = env != nullptr ? env : METAGATE_DATASETS_DIR;
  Dataset d;
  std::ifstream in(dir + "/" + format + ".events.jsonl");
  std::string line;
  while (std::getline(in, line)) {
    d.bytes += int64_t(line.size());
    d.bodies.push_back(std::move(line));
  }
  return cache.emplace(format, std::move(d)).first->second;
}

// One pass over the bodies as timed; not inlined so that callgrind can count it alone
// (`valgrind --tool=callgrind --toggle-collect='*FilterPass*'`, see scripts/egress_callgrind.sh).
[[gnu::noinline]] void FilterPass(const Pipeline& pipeline, const std::string& vendor,
                                  const Dataset& d, PipelineScratch& scratch,
                                  const metagate::egress::FilterOptions& options) {
  for (const std::string& b : d.bodies) {
    auto r = pipeline.Filter("analytics-pipeline", vendor, b, scratch, options);
    benchmark::DoNotOptimize(r);
  }
}

// The pipeline for a variant, built once; null with `error` set when the config does not load.
std::shared_ptr<const Pipeline> Build(UnknownFields unknown, std::string& error) {
  static std::map<UnknownFields, std::shared_ptr<const Pipeline>> cache;
  auto it = cache.find(unknown);
  if (it != cache.end()) return it->second;
  // The seed's vendor write key comes from the environment; any demo value will do.
  setenv("VENDOR_X_WRITE_KEY", "demo-vendor-x-write-key", 0);
  const char* env = std::getenv("METAGATE_EGRESS_BENCH_CONFIG");
  auto config =
      metagate::egress::LoadEgressConfig(env != nullptr ? env : METAGATE_EGRESS_BENCH_CONFIG);
  if (!config.ok()) {
    error = config.status().ToString();
    return nullptr;
  }
  config->unknown_fields = unknown;
  auto pipeline = Pipeline::Create(*config);
  if (!pipeline.ok()) {
    error = pipeline.status().ToString();
    return nullptr;
  }
  return cache.emplace(unknown, *pipeline).first->second;
}

void BM_SimdjsonParse(benchmark::State& state, const std::string& format) {
  const Dataset& d = Load(format);
  if (d.bodies.empty()) {
    state.SkipWithError("dataset not found (set METAGATE_DATASETS)");
    return;
  }
  simdjson::dom::parser parser;
  for (auto _ : state) {
    for (const std::string& b : d.bodies) {
      simdjson::dom::element root;
      auto err = parser.parse(b).get(root);
      benchmark::DoNotOptimize(err);
      benchmark::DoNotOptimize(root);
    }
  }
  state.SetBytesProcessed(state.iterations() * d.bytes);
  state.counters["bytes"] = double(d.bytes);
}

void BM_Filter(benchmark::State& state, const std::string& format, const std::string& vendor,
               UnknownFields unknown) {
  const Dataset& d = Load(format);
  if (d.bodies.empty()) {
    state.SkipWithError("dataset not found (set METAGATE_DATASETS)");
    return;
  }
  std::string error;
  std::shared_ptr<const Pipeline> pipeline = Build(unknown, error);
  if (!pipeline) {
    state.SkipWithError(error.c_str());
    return;
  }
  PipelineScratch scratch;
  // One pass before timing: counts the events and the bodies refused, and warms the plans.
  int64_t events = 0, bad = 0, forwarded = 0, out_bytes = 0;
  for (const std::string& b : d.bodies) {
    auto r = pipeline->Filter("analytics-pipeline", vendor, b, scratch);
    if (!r.ok()) {
      ++bad;
      continue;
    }
    events += int64_t(r->events.size());
    forwarded += r->forwarded ? 1 : 0;
    out_bytes += int64_t(r->body.size());
  }
  // As the gateway and `metagate filter` without --decisions run it: no per-field records.
  metagate::egress::FilterOptions options;
  options.record_fields = false;
  for (auto _ : state) FilterPass(*pipeline, vendor, d, scratch, options);
  state.SetBytesProcessed(state.iterations() * d.bytes);
  state.counters["events/s"] =
      benchmark::Counter(double(state.iterations() * events), benchmark::Counter::kIsRate);
  state.counters["bodies/s"] =
      benchmark::Counter(double(state.iterations() * d.bodies.size()), benchmark::Counter::kIsRate);
  state.counters["events"] = double(events);
  state.counters["bytes"] = double(d.bytes);
  state.counters["bad"] = double(bad);
  state.counters["forwarded"] = double(forwarded);
  state.counters["out/in"] = double(out_bytes) / double(d.bytes);
}

// One keyed pseudonym of an e-mail address as the pipeline makes it per field: normalization,
// HMAC-SHA256, base64url, appended by AppendPseudonym to an output buffer that is cleared per
// iteration and so keeps its capacity (the pipeline appends into its reused output). The value's
// first letter varies so consecutive tags differ.
void BM_Pseudonymize(benchmark::State& state) {
  metagate::transform::PseudonymKey key{"k1", "0123456789abcdef0123456789abcdef"};
  std::string value = "alice@example.com";
  std::string out;
  size_t i = 0;
  for (auto _ : state) {
    value[0] = static_cast<char>('a' + i++ % 26);
    out.clear();
    metagate::transform::AppendPseudonym(out, key, "email", value);
    benchmark::DoNotOptimize(out.data());
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_Pseudonymize);

// The same pseudonym through Pseudonymize(), which returns a new std::string (28 characters, so
// one heap allocation and free per call): the difference to BM_Pseudonymize is that allocation.
void BM_PseudonymizeString(benchmark::State& state) {
  metagate::transform::PseudonymKey key{"k1", "0123456789abcdef0123456789abcdef"};
  std::string value = "alice@example.com";
  size_t i = 0;
  for (auto _ : state) {
    value[0] = static_cast<char>('a' + i++ % 26);
    benchmark::DoNotOptimize(metagate::transform::Pseudonymize(key, "email", value));
  }
}
BENCHMARK(BM_PseudonymizeString);

int Register() {
  const std::pair<const char*, const char*> flows[] = {
      {"segment", "vendor-x"}, {"mixpanel", "bench-mixpanel"}, {"otlp-logs", "bench-otlp-logs"}};
  for (auto [format, vendor] : flows) {
    benchmark::RegisterBenchmark((std::string("BM_SimdjsonParse/") + format).c_str(),
                                 BM_SimdjsonParse, std::string(format))
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark((std::string("BM_Filter/") + format + "/drop").c_str(), BM_Filter,
                                 std::string(format), std::string(vendor), UnknownFields::kDrop)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark((std::string("BM_Filter/") + format + "/classify").c_str(),
                                 BM_Filter, std::string(format), std::string(vendor),
                                 UnknownFields::kClassify)
        ->Unit(benchmark::kMillisecond);
  }
  return 0;
}
[[maybe_unused]] const int registered = Register();

}  // namespace

BENCHMARK_MAIN();
