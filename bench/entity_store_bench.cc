// The PDP entity store (pdp::EntityStore) at 1,000,000 entities, beside cedar::Entities (ancestors
// as hash sets, built by Finalize) and a parent walk without an index. The graph is GroupGraph
// (group_graph.h): Group entities on ten levels, 4/16/64/256/1024/2048/4096/8192/16384 on levels
// 0-8 and 967,916 leaves on level 9; variant dag:0 is a tree (9 ancestors per leaf), dag:1 gives
// every node a second, neighbouring parent. Each entity has two attributes (level, stamp).
// Load benchmarks report the RSS growth (VmRSS) per entity; `in` benchmarks answer pre-generated
// random queries and check every answer against the graph. Update benchmarks change the tree
// store and undo their moves afterwards. METAGATE_BENCH_CEDAR_DAG_NODES caps the size of the
// cedar::Entities DAG variant (default: 1,000,000).

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <optional>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "group_graph.h"
#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/entities.h"
#include "metagate/pdp/entity_store.h"

namespace metagate::bench {
namespace {

using cedar::Entity;
using cedar::EntityUid;
using cedar::Value;
using pdp::EntityOp;
using pdp::EntityStore;

constexpr uint32_t kNodes = 1'000'000;
constexpr size_t kLoadBatch = 10'000;
constexpr size_t kQueries = 1 << 16;

[[noreturn]] void Die(const std::string& what) {
  std::fprintf(stderr, "entity_store_bench: %s\n", what.c_str());
  std::abort();
}

// Resident set size in bytes, from /proc/self/status; freed heap is returned first.
double RssBytes() {
  malloc_trim(0);
  std::ifstream in("/proc/self/status");
  std::string key;
  while (in >> key) {
    if (key == "VmRSS:") {
      double kb = 0;
      in >> kb;
      return kb * 1024;
    }
    in.ignore(1 << 12, '\n');
  }
  Die("no VmRSS line in /proc/self/status");
}

double Seconds(std::chrono::steady_clock::time_point since) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - since).count();
}

const GroupGraph& Graph(bool dag) {
  static const GroupGraph tree(kNodes, false);
  static const GroupGraph dag_graph(kNodes, true);
  return dag ? dag_graph : tree;
}

uint32_t CedarDagNodes() {
  const char* env = std::getenv("METAGATE_BENCH_CEDAR_DAG_NODES");
  return env ? static_cast<uint32_t>(std::strtoul(env, nullptr, 10)) : kNodes;
}

EntityUid Uid(const GroupGraph& g, uint32_t node) { return EntityUid("Group", g.Name(node)); }

// The entity as a loader would make it: fresh uids for itself and its parents.
Entity MakeEntity(const GroupGraph& g, uint32_t node, int64_t stamp) {
  Entity e;
  e.uid = Uid(g, node);
  e.attrs = Value::Record({{"level", Value::Long(g.LevelOf(node))}, {"stamp", Value::Long(stamp)}});
  for (uint32_t p : g.Parents(node)) {
    if (p != GroupGraph::kNoParent) e.parents.push_back(Uid(g, p));
  }
  return e;
}

EntityOp PutOp(Entity e) {
  EntityOp op;
  op.entity = std::move(e);
  return op;
}

// --- Loading ---------------------------------------------------------------------------------

struct Loaded {
  std::unique_ptr<EntityStore> store;
  std::unique_ptr<cedar::Entities> entities;
};
Loaded g_loaded[2];  // by dag

void Report(benchmark::State& state, uint32_t nodes, double seconds, double rss) {
  state.SetIterationTime(seconds);
  state.counters["entities"] = nodes;
  state.counters["rss_MB"] = rss / 1e6;
  state.counters["bytes_per_entity"] = rss / nodes;
}

// The mean closure size of 10,000 random leaves.
double AncestorsPerLeaf(const GroupGraph& g) {
  std::mt19937_64 rng(4);
  size_t total = 0;
  for (int i = 0; i < 10'000; ++i) total += g.Ancestors(g.RandomLeaf(rng)).size();
  return static_cast<double>(total) / 10'000;
}

// Fills a store in batches of kLoadBatch puts, parents first. Returns the load time.
double LoadStore(const GroupGraph& g, EntityStore& store) {
  auto start = std::chrono::steady_clock::now();
  std::vector<EntityOp> batch;
  batch.reserve(kLoadBatch);
  for (uint32_t n = 0; n < g.size(); ++n) {
    batch.push_back(PutOp(MakeEntity(g, n, 0)));
    if (batch.size() == kLoadBatch || n + 1 == g.size()) {
      auto v = store.Apply(batch);
      if (!v.ok()) Die("load failed: " + v.status().ToString());
      batch.clear();
    }
  }
  return Seconds(start);
}

void BM_LoadStore(benchmark::State& state) {
  bool dag = state.range(0) != 0;
  for (auto _ : state) {
    g_loaded[dag].store.reset();
    double before = RssBytes();
    auto store = std::make_unique<EntityStore>();
    double seconds = LoadStore(Graph(dag), *store);
    Report(state, Graph(dag).size(), seconds, RssBytes() - before);
    state.counters["ancestors_per_leaf"] = AncestorsPerLeaf(Graph(dag));
    if (store->size() != Graph(dag).size()) Die("the store lost entities while loading");
    g_loaded[dag].store = std::move(store);
  }
}
BENCHMARK(BM_LoadStore)
    ->ArgName("dag")
    ->Arg(0)
    ->Arg(1)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

double LoadEntities(const GroupGraph& g, uint32_t nodes, cedar::Entities& entities) {
  auto start = std::chrono::steady_clock::now();
  for (uint32_t n = 0; n < nodes; ++n) {
    if (!entities.Add(MakeEntity(g, n, 0)).ok()) Die("duplicate entity in the graph");
  }
  entities.Finalize();
  return Seconds(start);
}

void BM_LoadCedarEntities(benchmark::State& state) {
  bool dag = state.range(0) != 0;
  uint32_t nodes = dag ? std::min(CedarDagNodes(), kNodes) : kNodes;
  for (auto _ : state) {
    g_loaded[dag].entities.reset();
    double before = RssBytes();
    auto entities = std::make_unique<cedar::Entities>();
    double seconds = LoadEntities(Graph(dag), nodes, *entities);
    Report(state, nodes, seconds, RssBytes() - before);
    g_loaded[dag].entities = std::move(entities);
  }
}
BENCHMARK(BM_LoadCedarEntities)
    ->ArgName("dag")
    ->Arg(0)
    ->Arg(1)
    ->Iterations(1)
    ->UseManualTime()
    ->Unit(benchmark::kMillisecond);

EntityStore& Store(bool dag) {
  if (!g_loaded[dag].store) {
    g_loaded[dag].store = std::make_unique<EntityStore>();
    LoadStore(Graph(dag), *g_loaded[dag].store);
  }
  return *g_loaded[dag].store;
}

const cedar::Entities& CedarEntities(bool dag) {
  if (!g_loaded[dag].entities) {
    g_loaded[dag].entities = std::make_unique<cedar::Entities>();
    LoadEntities(Graph(dag), dag ? std::min(CedarDagNodes(), kNodes) : kNodes,
                 *g_loaded[dag].entities);
  }
  return *g_loaded[dag].entities;
}

// --- `in` ------------------------------------------------------------------------------------

struct Query {
  EntityUid child;
  EntityUid ancestor;
};

// Random leaves below `nodes` with an ancestor on a random level (hits), or with a node of a
// random level 0-8 that is not among its ancestors (misses). Fresh uids, as a request carries.
std::vector<Query> MakeQueries(const GroupGraph& g, uint32_t nodes, bool hits) {
  std::mt19937_64 rng(hits ? 1 : 2);
  std::vector<Query> out;
  out.reserve(kQueries);
  while (out.size() < kQueries) {
    uint32_t leaf = g.RandomLeaf(rng);
    if (leaf >= nodes) continue;
    int level = static_cast<int>(rng() % (GroupGraph::kLevels - 1));
    uint32_t other;
    if (hits) {
      other = g.RandomAncestorAtLevel(leaf, level, rng);
    } else {
      std::vector<uint32_t> ancestors = g.Ancestors(leaf);
      do {
        other = g.level_start(level) + static_cast<uint32_t>(rng() % g.level_size(level));
      } while (std::binary_search(ancestors.begin(), ancestors.end(), other));
    }
    out.push_back({Uid(g, leaf), Uid(g, other)});
  }
  return out;
}

const std::vector<Query>& Queries(bool dag, bool hits, bool cedar) {
  // [dag][hits][cedar]: the cedar::Entities DAG may hold fewer nodes.
  static std::optional<std::vector<Query>> cache[2][2][2];
  auto& q = cache[dag][hits][cedar];
  if (!q) q = MakeQueries(Graph(dag), cedar && dag ? CedarDagNodes() : kNodes, hits);
  return *q;
}

// A breadth-first walk up the parents through Find: what `in` costs without an ancestor index.
bool WalkIn(const cedar::EntityLookup& lookup, const EntityUid& child, const EntityUid& ancestor,
            std::vector<const EntityUid*>& queue) {
  if (child == ancestor) return true;
  queue.clear();
  queue.push_back(&child);
  for (size_t i = 0; i < queue.size(); ++i) {
    const Entity* e = lookup.Find(*queue[i]);
    if (e == nullptr) continue;
    for (const EntityUid& p : e->parents) {
      if (p == ancestor) return true;
      bool seen = false;
      for (const EntityUid* q : queue) seen = seen || *q == p;
      if (!seen) queue.push_back(&p);
    }
  }
  return false;
}

template <typename InFn>
void RunIn(benchmark::State& state, const std::vector<Query>& queries, bool hits, InFn&& in) {
  size_t i = 0;
  size_t wrong = 0;
  for (auto _ : state) {
    const Query& q = queries[i];
    bool result = in(q.child, q.ancestor);
    benchmark::DoNotOptimize(result);
    wrong += result != hits;
    if (++i == queries.size()) i = 0;
  }
  if (wrong != 0) {
    state.SkipWithError((std::to_string(wrong) + " answers disagree with the graph").c_str());
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

void InStore(benchmark::State& state, bool hits) {
  bool dag = state.range(0) != 0;
  EntityStore::View view = Store(dag).Read();
  RunIn(state, Queries(dag, hits, false), hits,
        [&](const EntityUid& c, const EntityUid& a) { return view.IsInOrEqual(c, a); });
}

void InCedar(benchmark::State& state, bool hits) {
  bool dag = state.range(0) != 0;
  const cedar::Entities& entities = CedarEntities(dag);
  RunIn(state, Queries(dag, hits, true), hits,
        [&](const EntityUid& c, const EntityUid& a) { return entities.IsInOrEqual(c, a); });
}

void InWalk(benchmark::State& state, bool hits) {
  bool dag = state.range(0) != 0;
  EntityStore::View view = Store(dag).Read();
  std::vector<const EntityUid*> queue;
  RunIn(state, Queries(dag, hits, false), hits,
        [&](const EntityUid& c, const EntityUid& a) { return WalkIn(view, c, a, queue); });
}

void BM_InHit_Store(benchmark::State& state) { InStore(state, true); }
void BM_InMiss_Store(benchmark::State& state) { InStore(state, false); }
void BM_InHit_CedarEntities(benchmark::State& state) { InCedar(state, true); }
void BM_InMiss_CedarEntities(benchmark::State& state) { InCedar(state, false); }
void BM_InHit_ParentWalk(benchmark::State& state) { InWalk(state, true); }
void BM_InMiss_ParentWalk(benchmark::State& state) { InWalk(state, false); }
BENCHMARK(BM_InHit_Store)->ArgName("dag")->Arg(0)->Arg(1);
BENCHMARK(BM_InHit_CedarEntities)->ArgName("dag")->Arg(0)->Arg(1);
BENCHMARK(BM_InHit_ParentWalk)->ArgName("dag")->Arg(0)->Arg(1);
BENCHMARK(BM_InMiss_Store)->ArgName("dag")->Arg(0)->Arg(1);
BENCHMARK(BM_InMiss_CedarEntities)->ArgName("dag")->Arg(0)->Arg(1);
BENCHMARK(BM_InMiss_ParentWalk)->ArgName("dag")->Arg(0)->Arg(1);

// --- A whole decision ------------------------------------------------------------------------

struct AuthzWorkload {
  cedar::PolicySet policies;
  std::vector<cedar::Request> requests;
  size_t allows = 0;  // requests whose principal is below the root, by the graph
};

// `permit(principal in Group::"g0_0", action, resource);` for random leaves as principals.
const AuthzWorkload& Authz(bool dag) {
  static std::optional<AuthzWorkload> cache[2];
  auto& w = cache[dag];
  if (w) return *w;
  w.emplace();
  const GroupGraph& g = Graph(dag);
  auto policies =
      cedar::PolicySet::FromText("permit(principal in Group::\"g0_0\", action, resource);");
  if (!policies.ok()) Die("policy failed to parse: " + policies.status().ToString());
  w->policies = std::move(policies).value();
  std::mt19937_64 rng(3);
  uint32_t nodes = dag ? std::min(CedarDagNodes(), kNodes) : kNodes;
  while (w->requests.size() < kQueries) {
    uint32_t leaf = g.RandomLeaf(rng);
    if (leaf >= nodes) continue;
    std::vector<uint32_t> ancestors = g.Ancestors(leaf);
    w->allows += ancestors.front() == 0;  // node 0 is g0_0
    cedar::Request r;
    r.principal = Uid(g, leaf);
    r.action = EntityUid("Action", "view");
    r.resource = EntityUid("Document", "d1");
    w->requests.push_back(std::move(r));
  }
  return *w;
}

template <typename DecideFn>
void RunAuthz(benchmark::State& state, const AuthzWorkload& w, DecideFn&& decide) {
  size_t i = 0;
  size_t allows = 0;
  size_t expected = 0;
  for (auto _ : state) {
    cedar::Response r = decide(i, w.requests[i]);
    allows += r.decision == cedar::Decision::kAllow;
    benchmark::DoNotOptimize(r);
    if (++i == w.requests.size()) {
      i = 0;
      expected += w.allows;
    }
  }
  // Whole passes only: the partial last pass is not checked.
  if (state.iterations() >= static_cast<int64_t>(w.requests.size()) && allows < expected) {
    state.SkipWithError("fewer allows than the graph implies");
  }
  state.counters["allow_ratio"] =
      static_cast<double>(allows) / static_cast<double>(state.iterations());
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations()));
}

// One View per 1,000 decisions, as a server would take one per request or per small batch.
void BM_InViaAuthorize_Store(benchmark::State& state) {
  bool dag = state.range(0) != 0;
  EntityStore& store = Store(dag);
  std::unique_ptr<EntityStore::View> view;  // not std::optional: GCC 12 warns falsely
  RunAuthz(state, Authz(dag), [&](size_t i, const cedar::Request& r) {
    if (i % 1000 == 0) {
      view.reset();
      view = std::make_unique<EntityStore::View>(store);
    }
    return cedar::IsAuthorized(r, Authz(dag).policies, *view);
  });
}
BENCHMARK(BM_InViaAuthorize_Store)->ArgName("dag")->Arg(0)->Arg(1);

void BM_InViaAuthorize_CedarEntities(benchmark::State& state) {
  bool dag = state.range(0) != 0;
  const cedar::Entities& entities = CedarEntities(dag);
  RunAuthz(state, Authz(dag), [&](size_t, const cedar::Request& r) {
    return cedar::IsAuthorized(r, Authz(dag).policies, entities);
  });
}
BENCHMARK(BM_InViaAuthorize_CedarEntities)->ArgName("dag")->Arg(0)->Arg(1);

// --- Updates (tree store) --------------------------------------------------------------------

// With range(0) == 1, a reader thread takes Views of 64 `in` queries each while updates run;
// its throughput is reported as reader_in_per_s. Update rates are wall-clock (UseRealTime), so
// they include waiting for the reader's shared lock.
class Reader {
 public:
  Reader(bool on, EntityStore& store) {
    if (!on) return;
    thread_ = std::thread([this, &store] {
      const std::vector<Query>& qs = Queries(false, true, false);
      size_t i = 0;
      while (!stop_.load(std::memory_order_relaxed)) {
        EntityStore::View view = store.Read();
        for (int k = 0; k < 64; ++k, i = (i + 1) % qs.size()) {
          benchmark::DoNotOptimize(view.IsInOrEqual(qs[i].child, qs[i].ancestor));
        }
        reads_.fetch_add(64, std::memory_order_relaxed);
      }
    });
  }
  // Stops the thread and reports its reads per second of `state`'s run.
  void Finish(benchmark::State& state, double seconds) {
    if (!thread_.joinable()) return;
    stop_ = true;
    thread_.join();
    state.counters["reader_in_per_s"] = static_cast<double>(reads_.load()) / seconds;
  }

 private:
  std::atomic<bool> stop_{false};
  std::atomic<size_t> reads_{0};
  std::thread thread_;
};

// Runs `apply(i)` once per iteration with an optional reader, counting `items` per iteration.
template <typename ApplyFn>
void RunUpdates(benchmark::State& state, int64_t items, ApplyFn&& apply) {
  EntityStore& store = Store(false);
  Queries(false, true, false);  // generated before the clock starts
  Reader reader(state.range(0) != 0, store);
  auto start = std::chrono::steady_clock::now();
  size_t i = 0;
  for (auto _ : state) {
    auto v = store.Apply(apply(i++));
    if (!v.ok()) {
      state.SkipWithError(v.status().ToString().c_str());
      break;
    }
  }
  reader.Finish(state, Seconds(start));
  state.SetItemsProcessed(state.iterations() * items);
}

constexpr uint32_t kUpdateLeaves = 4096;

// Leaf k of the updated set: spread over the leaf level.
uint32_t UpdateLeaf(const GroupGraph& g, uint32_t k) {
  return g.level_start(9) + k * (g.level_size(9) / kUpdateLeaves);
}

void BM_UpdateLeafPut(benchmark::State& state) {
  const GroupGraph& g = Graph(false);
  // Two stamps per leaf, so that each put changes the attribute.
  std::vector<EntityOp> ops;
  for (int64_t stamp = 1; stamp <= 2; ++stamp) {
    for (uint32_t k = 0; k < kUpdateLeaves; ++k) {
      ops.push_back(PutOp(MakeEntity(g, UpdateLeaf(g, k), stamp)));
    }
  }
  RunUpdates(state, 1, [&](size_t i) { return std::span(&ops[i % ops.size()], 1); });
}
BENCHMARK(BM_UpdateLeafPut)->ArgName("reader")->Arg(0)->Arg(1)->UseRealTime();

void BM_UpdateBatch100(benchmark::State& state) {
  const GroupGraph& g = Graph(false);
  std::vector<EntityOp> ops;
  for (int64_t stamp = 1; stamp <= 2; ++stamp) {
    for (uint32_t k = 0; k < kUpdateLeaves; ++k) {
      ops.push_back(PutOp(MakeEntity(g, UpdateLeaf(g, k), stamp)));
    }
  }
  size_t batches = ops.size() / 100;
  RunUpdates(state, 100, [&](size_t i) { return std::span(&ops[(i % batches) * 100], 100); });
}
BENCHMARK(BM_UpdateBatch100)->ArgName("reader")->Arg(0)->Arg(1)->UseRealTime();

// Puts that move `node` under `other` (ops[0]) and back (ops[1]).
std::array<EntityOp, 2> MoveOps(const GroupGraph& g, uint32_t node, uint32_t other) {
  Entity away = MakeEntity(g, node, 0);
  away.parents = {Uid(g, other)};
  return {PutOp(std::move(away)), PutOp(MakeEntity(g, node, 0))};
}

// Moves nodes[k] away and back in turn; afterwards puts every moved node back.
void RunMoves(benchmark::State& state, const std::vector<std::array<EntityOp, 2>>& moves) {
  size_t n = moves.size();
  RunUpdates(state, 1, [&](size_t i) {
    // Iteration i: node (i / 2) % n; away on even, back on odd.
    return std::span(&moves[(i / 2) % n][i % 2], 1);
  });
  if (state.iterations() % 2 == 1) {
    size_t last = static_cast<size_t>(state.iterations() - 1);
    auto v = Store(false).Apply(std::span(&moves[(last / 2) % n][1], 1));
    if (!v.ok()) Die("could not undo a move: " + v.status().ToString());
  }
}

void BM_UpdateReparentLeaf(benchmark::State& state) {
  const GroupGraph& g = Graph(false);
  std::vector<std::array<EntityOp, 2>> moves;
  for (uint32_t k = 0; k < kUpdateLeaves; ++k) {
    uint32_t leaf = UpdateLeaf(g, k);
    uint32_t parent = g.Parents(leaf)[0];
    uint32_t other = parent + 1 < g.level_start(9) ? parent + 1 : g.level_start(8);
    moves.push_back(MoveOps(g, leaf, other));
  }
  RunMoves(state, moves);
}
BENCHMARK(BM_UpdateReparentLeaf)->ArgName("reader")->Arg(0)->Arg(1)->UseRealTime();

// Level-5 nodes move to a level-4 node in another root's part of the tree: the closures of the
// whole subtree (subtree_size entities) are recomputed.
void BM_ReparentMidLevel(benchmark::State& state) {
  const GroupGraph& g = Graph(false);
  std::vector<std::array<EntityOp, 2>> moves;
  double subtree = 0;
  constexpr uint32_t kMoved = 16;
  for (uint32_t k = 0; k < kMoved; ++k) {
    uint32_t node = g.level_start(5) + k * (g.level_size(5) / kMoved);
    uint32_t parent = g.Parents(node)[0] - g.level_start(4);
    uint32_t other = g.level_start(4) + (parent + g.level_size(4) / 2) % g.level_size(4);
    moves.push_back(MoveOps(g, node, other));
    subtree += g.SubtreeSize(node);
  }
  RunMoves(state, moves);
  state.counters["subtree_size"] = subtree / kMoved;
}
BENCHMARK(BM_ReparentMidLevel)->ArgName("reader")->Arg(0)->Arg(1)->UseRealTime();

// Attribute-only puts (same parents) of a level-5 node (range(1) == 5) or of a root (0): no
// ancestor list can change, so this shows whether the store still recomputes the subtree.
void BM_UpdateInnerPut(benchmark::State& state) {
  const GroupGraph& g = Graph(false);
  int level = static_cast<int>(state.range(1));
  std::vector<EntityOp> ops;
  constexpr uint32_t kNodes = 4;
  for (int64_t stamp = 1; stamp <= 2; ++stamp) {
    for (uint32_t k = 0; k < kNodes; ++k) {
      ops.push_back(PutOp(MakeEntity(g, g.level_start(level) + k, stamp)));
    }
  }
  RunUpdates(state, 1, [&](size_t i) { return std::span(&ops[i % ops.size()], 1); });
  state.counters["subtree_size"] = g.SubtreeSize(g.level_start(level));
}
BENCHMARK(BM_UpdateInnerPut)
    ->ArgNames({"reader", "level"})
    ->Args({0, 5})
    ->Args({0, 0})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace metagate::bench

BENCHMARK_MAIN();
