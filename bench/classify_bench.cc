// Classification throughput on the labelled datasets, beside simdjson parsing the same bytes
// in the same run: MB/s of request bodies and events/s for each wire format.
// The datasets folder is METAGATE_DATASETS (env) or ../shared/datasets beside the repo.
#include <benchmark/benchmark.h>
#include <simdjson.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "metagate/classify/classifier.h"
#include "metagate/classify/config.h"

namespace {

struct Dataset {
  std::vector<std::string> bodies;
  int64_t bytes = 0;
  int64_t events = 0;
};

// Events in one body: the messages of a batch, or the log records of an OTLP request.
int64_t CountEvents(const std::string& format, simdjson::dom::element root) {
  simdjson::dom::array arr;
  if (format == "mixpanel") return root.get_array().get(arr) ? 1 : int64_t(arr.size());
  if (format == "amplitude") return root["events"].get_array().get(arr) ? 1 : int64_t(arr.size());
  if (format == "posthog" || format == "segment" || format == "llm") {
    return root["batch"].get_array().get(arr) ? 1 : int64_t(arr.size());
  }
  int64_t n = 0;  // otlp-logs
  simdjson::dom::array resources;
  if (root["resourceLogs"].get_array().get(resources)) return 0;
  for (auto r : resources) {
    simdjson::dom::array scopes;
    if (r["scopeLogs"].get_array().get(scopes)) continue;
    for (auto s : scopes) {
      simdjson::dom::array records;
      if (!s["logRecords"].get_array().get(records)) n += int64_t(records.size());
    }
  }
  return n;
}

const Dataset& Load(const std::string& format) {
  static std::map<std::string, Dataset> cache;
  auto it = cache.find(format);
  if (it != cache.end()) return it->second;
  const char* env = std::getenv("METAGATE_DATASETS");
  std::string dir = env != nullptr ? env : METAGATE_DATASETS_DIR;
  Dataset d;
  std::ifstream in(dir + "/" + format + ".events.jsonl");
  std::string line;
  simdjson::dom::parser parser;
  while (std::getline(in, line)) {
    simdjson::dom::element root;
    if (!parser.parse(line).get(root)) d.events += CountEvents(format, root);
    d.bytes += int64_t(line.size());
    d.bodies.push_back(std::move(line));
  }
  return cache.emplace(format, std::move(d)).first->second;
}

void Report(benchmark::State& state, const Dataset& d) {
  state.SetBytesProcessed(state.iterations() * d.bytes);
  state.counters["events/s"] =
      benchmark::Counter(double(state.iterations() * d.events), benchmark::Counter::kIsRate);
  state.counters["bodies/s"] =
      benchmark::Counter(double(state.iterations() * d.bodies.size()), benchmark::Counter::kIsRate);
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
  Report(state, d);
}

void BM_Classify(benchmark::State& state, const std::string& format) {
  const Dataset& d = Load(format);
  if (d.bodies.empty()) {
    state.SkipWithError("dataset not found (set METAGATE_DATASETS)");
    return;
  }
  auto classifier = metagate::classify::Classifier::Create({});
  if (!classifier.ok()) {
    state.SkipWithError(classifier.status().ToString().c_str());
    return;
  }
  metagate::classify::ClassifierScratch scratch;
  int64_t fields = 0;
  for (auto _ : state) {
    for (const std::string& b : d.bodies) {
      auto labels = (*classifier)->Classify(format, b, scratch);
      if (labels.ok()) fields += int64_t(labels->fields.size());
    }
  }
  benchmark::DoNotOptimize(fields);
  Report(state, d);
}

int Register() {
  for (const char* f : {"segment", "mixpanel", "amplitude", "posthog", "otlp-logs", "llm"}) {
    benchmark::RegisterBenchmark((std::string("BM_SimdjsonParse/") + f).c_str(), BM_SimdjsonParse,
                                 std::string(f))
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark((std::string("BM_Classify/") + f).c_str(), BM_Classify,
                                 std::string(f))
        ->Unit(benchmark::kMillisecond);
  }
  return 0;
}
[[maybe_unused]] const int registered = Register();

}  // namespace

BENCHMARK_MAIN();
