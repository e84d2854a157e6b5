// Authorization throughput on the document-sharing workload (doc_sharing_workload.h), and on the
// RBAC grants workload (grants_workload.h) at 10 to 10,000 policies to show growth.
// Set METAGATE_BENCH_DUMP=DIR to also write the workload (policies.cedar, entities.json,
// requests.json) for the peer benchmark in bench/peers/.

// The counting allocator below frees with free(); GCC cannot see that it pairs with our new.
#pragma GCC diagnostic ignored "-Wmismatched-new-delete"
#include <benchmark/benchmark.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <new>

#include "doc_sharing_workload.h"
#include "grants_workload.h"
#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/parser.h"

// Counts heap allocations, to report allocations per decision.
static std::atomic<size_t> g_allocations{0};
void* operator new(size_t n) {
  g_allocations.fetch_add(1, std::memory_order_relaxed);
  if (void* p = std::malloc(n == 0 ? 1 : n)) return p;
  throw std::bad_alloc();
}
// NOLINTNEXTLINE: pairs with the counting operator new above.
void operator delete(void* p) noexcept { std::free(p); }  // NOLINT
void operator delete(void* p, size_t) noexcept { std::free(p); }

namespace metagate::bench {
namespace {

struct Prepared {
  cedar::PolicySet policies;
  cedar::Entities entities;
  std::vector<cedar::Request> requests;
};

const Prepared& GetPrepared() {
  static const Prepared* prepared = [] {
    Workload w = MakeDocSharingWorkload();
    if (const char* dir = std::getenv("METAGATE_BENCH_DUMP")) {
      std::ofstream(std::string(dir) + "/policies.cedar") << w.policies;
      std::ofstream(std::string(dir) + "/entities.json") << w.entities_json;
      std::ofstream req(std::string(dir) + "/requests.json");
      req << "[\n";
      for (size_t i = 0; i < w.requests.size(); ++i) {
        const auto& r = w.requests[i];
        req << (i ? ",\n" : "") << "{\"principal\":{\"type\":\"User\",\"id\":\"" << r.user
            << "\"},\"action\":{\"type\":\"Action\",\"id\":\"" << r.action
            << "\"},\"resource\":{\"type\":\"Document\",\"id\":\"" << r.document << "\"}}";
      }
      req << "\n]\n";
    }
    auto* p = new Prepared;
    auto policies = cedar::PolicySet::FromText(w.policies);
    auto entities = cedar::EntitiesFromJson(w.entities_json, nullptr);
    if (!policies.ok() || !entities.ok()) {
      std::fprintf(stderr, "workload failed to load: %s %s\n", policies.status().ToString().c_str(),
                   entities.status().ToString().c_str());
      std::abort();
    }
    p->policies = std::move(policies).value();
    p->entities = std::move(entities).value();
    for (const auto& r : w.requests) {
      cedar::Request req;
      req.principal = cedar::EntityUid("User", r.user);
      req.action = cedar::EntityUid("Action", r.action);
      req.resource = cedar::EntityUid("Document", r.document);
      p->requests.push_back(std::move(req));
    }
    if (const char* dir = std::getenv("METAGATE_BENCH_DUMP")) {
      // Decisions in the peer script's format, for the agreement check.
      std::ofstream out(std::string(dir) + "/metagate_decisions.txt");
      for (const auto& req : p->requests) {
        cedar::Response r = cedar::IsAuthorized(req, p->policies, p->entities);
        out << (r.decision == cedar::Decision::kAllow ? "allow" : "deny") << " ";
        for (size_t i = 0; i < r.reasons.size(); ++i) out << (i ? "," : "") << r.reasons[i];
        out << "\n";
      }
    }
    return p;
  }();
  return *prepared;
}

// Decides `p`'s requests round-robin, counting allocations and allowed decisions.
void RunDecisions(benchmark::State& state, const Prepared& p) {
  size_t i = 0;
  size_t allows = 0;
  size_t allocations_before = g_allocations.load();
  for (auto _ : state) {
    cedar::Response r = cedar::IsAuthorized(p.requests[i], p.policies, p.entities);
    allows += r.decision == cedar::Decision::kAllow;
    benchmark::DoNotOptimize(r);
    if (++i == p.requests.size()) i = 0;
  }
  state.counters["allocs_per_decision"] =
      benchmark::Counter(static_cast<double>(g_allocations.load() - allocations_before) /
                         static_cast<double>(state.iterations()));
  state.counters["allow_ratio"] =
      benchmark::Counter(static_cast<double>(allows) / static_cast<double>(state.iterations()));
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void BM_AuthorizeDocSharing(benchmark::State& state) { RunDecisions(state, GetPrepared()); }
BENCHMARK(BM_AuthorizeDocSharing);

const Prepared& GetGrants(int num_policies) {
  static std::map<int, const Prepared*> cache;
  const Prepared*& p = cache[num_policies];
  if (p != nullptr) return *p;
  GrantsWorkload w = MakeGrantsWorkload(num_policies);
  auto policies = cedar::PolicySet::FromText(w.policies);
  auto entities = cedar::EntitiesFromJson(w.entities_json, nullptr);
  if (!policies.ok() || !entities.ok()) {
    std::fprintf(stderr, "grants workload failed to load: %s %s\n",
                 policies.status().ToString().c_str(), entities.status().ToString().c_str());
    std::abort();
  }
  auto* prepared = new Prepared;
  prepared->policies = std::move(policies).value();
  prepared->entities = std::move(entities).value();
  for (const auto& r : w.requests) {
    prepared->requests.push_back(cedar::Request{cedar::EntityUid("User", r.user),
                                                cedar::EntityUid("Action", r.action),
                                                cedar::EntityUid("Repo", r.repo),
                                                {}});
  }
  p = prepared;
  return *p;
}

// Argument: the number of policies.
void BM_AuthorizeGrants(benchmark::State& state) {
  RunDecisions(state, GetGrants(static_cast<int>(state.range(0))));
}
BENCHMARK(BM_AuthorizeGrants)->Arg(10)->Arg(100)->Arg(1000)->Arg(10000);

void BM_ParseDocSharingPolicies(benchmark::State& state) {
  Workload w = MakeDocSharingWorkload();
  for (auto _ : state) {
    auto set = cedar::PolicySet::FromText(w.policies);
    benchmark::DoNotOptimize(set);
  }
}
BENCHMARK(BM_ParseDocSharingPolicies);

}  // namespace
}  // namespace metagate::bench

BENCHMARK_MAIN();
