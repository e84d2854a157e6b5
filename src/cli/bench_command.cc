// `metagate bench`: loads a Cedar integration-test file once, checks its decisions, then
// authorizes its requests round-robin for a while and reports throughput and latency.
#include <CLI/CLI.hpp>
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <string>
#include <vector>

#include "cedar_test_file.h"
#include "commands.h"
#include "metagate/common/memory.h"

namespace metagate::cli {

namespace {

using Clock = std::chrono::steady_clock;

int64_t Nanos(Clock::duration d) {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(d).count();
}

// The value at quantile `q` (nearest rank) of `samples`; reorders them.
uint32_t Quantile(std::vector<uint32_t>& samples, double q) {
  size_t rank = static_cast<size_t>(std::ceil(q * static_cast<double>(samples.size())));
  size_t index = rank == 0 ? 0 : rank - 1;
  std::nth_element(samples.begin(), samples.begin() + static_cast<ptrdiff_t>(index), samples.end());
  return samples[index];
}

// The median cost of one steady-clock read: the gap between consecutive reads.
int64_t TimerOverheadNs() {
  constexpr int kReads = 100001;
  std::vector<uint32_t> gaps;
  gaps.reserve(kReads - 1);
  Clock::time_point prev = Clock::now();
  for (int i = 1; i < kReads; ++i) {
    Clock::time_point now = Clock::now();
    gaps.push_back(static_cast<uint32_t>(Nanos(now - prev)));
    prev = now;
  }
  return Quantile(gaps, 0.5);
}

// Decides every request once; returns how many allowed (keeps the work observable).
uint64_t OnePass(const CedarTestFile& file, const std::vector<const cedar::Request*>& requests) {
  uint64_t allowed = 0;
  for (const cedar::Request* r : requests) {
    allowed +=
        cedar::IsAuthorized(*r, file.policies, file.entities).decision == cedar::Decision::kAllow;
  }
  return allowed;
}

}  // namespace

int RunBench(int argc, char** argv) {
  CLI::App app{
      "Benchmarks the Cedar authorizer in process, in the spirit of `opa bench`. Loads a test\n"
      "file in Cedar's integration-test format once (schema, policies, entities, requests; paths\n"
      "resolve as in `metagate cedar-test`), decides every request once and compares with the\n"
      "file's expected decision and reasons (exit 1 listing every mismatch: a benchmark of wrong\n"
      "answers is worthless; requests without a `decision` are just run), then authorizes the\n"
      "requests round-robin on one thread for --seconds.\n"
      "\n"
      "Output (stdout), one line each:\n"
      "  file PATH requests N policies N entities N\n"
      "  loaded policies_bytes N entities_bytes N rss_bytes N load_ms N\n"
      "      sizes of the policy and entity files, the process's resident memory (VmRSS) after\n"
      "      loading, and the load time (read, parse, index) in milliseconds\n"
      "  rss_after_trim_bytes N\n"
      "      VmRSS once malloc_trim has returned the heap freed after loading (the files' text\n"
      "      and JSON trees) to the system: what the loaded policies and entities hold\n"
      "  checked N expectations (M requests without one)\n"
      "  timer_ns N\n"
      "      median cost of one steady-clock read; every latency sample includes one such read\n"
      "      (it is not subtracted)\n"
      "  timed decisions N seconds X samples N allowed N\n"
      "      the timed loop: decisions made, its wall time, latency samples kept (the latest\n"
      "      decisions if the buffer sized from the warm-up fell short), how many allowed\n"
      "  decisions/s N p50_ns N p99_ns N\n"
      "      decisions per second of wall time of the timed loop, and the median and 99th\n"
      "      percentile time of one decision in nanoseconds (the gap between consecutive clock\n"
      "      reads around each decision, so the samples add up to the loop's wall time)",
      "metagate bench"};
  std::string path;
  std::string root;
  double seconds = 3;
  app.add_option("file", path, "Test file in Cedar's integration-test JSON format")->required();
  app.add_option("--seconds", seconds, "How long to run the timed loop (default 3)")
      ->check(CLI::Range(0.001, 3600.0));
  app.add_option("--root", root,
                 "Folder that paths inside the test resolve from (default: the nearest ancestor "
                 "folder of the test under which its policy file exists)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  Clock::time_point load_start = Clock::now();
  CedarTestFile file = LoadCedarTestFile(path, root);
  int64_t load_ms = Nanos(Clock::now() - load_start) / 1000000;
  if (!file.status.ok()) {
    std::fprintf(stderr, "bench: %s: %s\n", file.display_path.c_str(),
                 file.status.ToString().c_str());
    return 2;
  }
  uint64_t rss = ResidentBytes();
  // The same after returning freed heap pages (the files' text and JSON trees) to the system:
  // what the loaded policies and entities themselves hold.
  ReleaseFreedHeap();
  uint64_t rss_trimmed = ResidentBytes();

  std::vector<const cedar::Request*> requests;
  int bad = 0;
  for (const CedarTestRequest& req : file.requests) {
    const Status& problem = !req.problem.ok() ? req.problem : req.expectation_problem;
    if (!problem.ok()) {
      std::fprintf(stderr, "bench: %s: %s\n", req.label.c_str(), problem.ToString().c_str());
      ++bad;
      continue;
    }
    requests.push_back(&req.request);
  }
  if (bad > 0) return 2;
  if (requests.empty()) {
    std::fprintf(stderr, "bench: %s: the file lists no requests to run\n",
                 file.display_path.c_str());
    return 2;
  }
  std::printf("file %s requests %zu policies %zu entities %zu\n", file.display_path.c_str(),
              requests.size(), file.policies.policies().size(), file.entities.size());
  std::printf("loaded policies_bytes %zu entities_bytes %zu rss_bytes %llu load_ms %lld\n",
              file.policies_bytes, file.entities_bytes, static_cast<unsigned long long>(rss),
              static_cast<long long>(load_ms));
  std::printf("rss_after_trim_bytes %llu\n", static_cast<unsigned long long>(rss_trimmed));

  int checked = 0, mismatches = 0;
  for (const CedarTestRequest& req : file.requests) {
    if (!req.expected) continue;
    ++checked;
    cedar::Response response = cedar::IsAuthorized(req.request, file.policies, file.entities);
    if (auto mismatch = CompareResponse(*req.expected, response)) {
      ++mismatches;
      std::fprintf(stderr, "MISMATCH %s: %s\n", req.label.c_str(), mismatch->c_str());
    }
  }
  if (mismatches > 0) {
    std::fprintf(stderr,
                 "bench: %d of %d decisions disagree with the file's expectations; not timing "
                 "wrong answers\n",
                 mismatches, checked);
    return 1;
  }
  std::printf("checked %d expectations (%zu requests without one)\n", checked,
              requests.size() - static_cast<size_t>(checked));
  std::printf("timer_ns %lld\n", static_cast<long long>(TimerOverheadNs()));
  std::fflush(stdout);

  // Warm up (caches, branch predictors) for a tenth of the run, at most a second, and estimate
  // the rate to size the sample buffer: allocated and touched before timing; if the estimate
  // falls short, the buffer wraps and the percentiles cover the latest decisions.
  double warm_seconds = std::min(1.0, seconds / 10);
  Clock::time_point warm_start = Clock::now();
  uint64_t warm_decisions = 0;
  uint64_t warm_allowed = 0;
  while (Nanos(Clock::now() - warm_start) < static_cast<int64_t>(warm_seconds * 1e9)) {
    warm_allowed += OnePass(file, requests);
    warm_decisions += requests.size();
  }
  double warm_elapsed = static_cast<double>(Nanos(Clock::now() - warm_start)) / 1e9;
  double rate = static_cast<double>(warm_decisions) / std::max(warm_elapsed, 1e-9);
  constexpr double kMinSamples = 1 << 20, kMaxSamples = 1 << 25;  // 4 to 128 MiB
  size_t capacity = static_cast<size_t>(std::clamp(rate * seconds * 3, kMinSamples, kMaxSamples));
  std::vector<uint32_t> samples(capacity);

  if (warm_allowed > warm_decisions) return 2;  // never: keeps the warm-up's work observable

  const int64_t budget_ns = static_cast<int64_t>(seconds * 1e9);
  size_t next = 0;
  uint64_t decisions = 0;
  uint64_t allowed = 0;
  Clock::time_point loop_start = Clock::now();
  Clock::time_point deadline = loop_start + std::chrono::nanoseconds(budget_ns);
  Clock::time_point before = loop_start;
  Clock::time_point after = loop_start;
  while (after < deadline) {
    allowed += cedar::IsAuthorized(*requests[next], file.policies, file.entities).decision ==
               cedar::Decision::kAllow;
    after = Clock::now();
    int64_t ns = Nanos(after - before);
    samples[decisions % capacity] = static_cast<uint32_t>(std::min<int64_t>(ns, UINT32_MAX));
    before = after;
    ++decisions;
    if (++next == requests.size()) next = 0;
  }
  double elapsed = static_cast<double>(Nanos(after - loop_start)) / 1e9;
  samples.resize(std::min<uint64_t>(decisions, capacity));
  uint32_t p50 = Quantile(samples, 0.50);
  uint32_t p99 = Quantile(samples, 0.99);
  std::printf("timed decisions %llu seconds %.3f samples %zu allowed %llu\n",
              static_cast<unsigned long long>(decisions), elapsed, samples.size(),
              static_cast<unsigned long long>(allowed));
  std::printf(
      "decisions/s %llu p50_ns %u p99_ns %u\n",
      static_cast<unsigned long long>(std::llround(static_cast<double>(decisions) / elapsed)), p50,
      p99);
  return 0;
}

}  // namespace metagate::cli
