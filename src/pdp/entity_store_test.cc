#include "metagate/pdp/entity_store.h"

#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>

namespace metagate::pdp {
namespace {

using cedar::Entity;
using cedar::EntityUid;
using cedar::Value;

EntityUid U(const std::string& id) { return EntityUid("Group", id); }

EntityOp Put(const std::string& id, std::vector<std::string> parents,
             Value attrs = Value::Record({})) {
  EntityOp op;
  op.entity.uid = U(id);
  op.entity.attrs = std::move(attrs);
  for (const auto& p : parents) op.entity.parents.push_back(U(p));
  return op;
}

EntityOp Delete(const std::string& id) {
  EntityOp op;
  op.kind = EntityOp::Kind::kDelete;
  op.entity.uid = U(id);
  return op;
}

bool In(const EntityStore& s, const std::string& a, const std::string& b) {
  return s.Read().IsInOrEqual(U(a), U(b));
}

TEST(EntityStoreTest, AncestorsFollowPutsPatchesAndDeletes) {
  EntityStore s;
  std::vector<EntityOp> batch = {Put("a", {"b"}), Put("b", {"c"}), Put("c", {})};
  ASSERT_TRUE(s.Apply(batch).ok());
  EXPECT_EQ(s.version(), 1u);
  EXPECT_EQ(s.size(), 3u);
  EXPECT_TRUE(In(s, "a", "c"));
  EXPECT_TRUE(In(s, "a", "a"));
  EXPECT_FALSE(In(s, "c", "a"));

  // Moving b under d changes a's ancestors too.
  std::vector<EntityOp> move = {Put("b", {"d"})};
  ASSERT_TRUE(s.Apply(move).ok());
  EXPECT_FALSE(In(s, "a", "c"));
  EXPECT_TRUE(In(s, "a", "d"));
  // d is a parent that is not an entity: still an ancestor, but not found.
  EXPECT_EQ(s.Read().Find(U("d")), nullptr);

  EntityOp patch;
  patch.kind = EntityOp::Kind::kPatch;
  patch.entity.uid = U("a");
  patch.add_parents = {U("c")};
  patch.set_attrs = {{"level", Value::Long(3)}};
  std::vector<EntityOp> p = {patch};
  ASSERT_TRUE(s.Apply(p).ok());
  EXPECT_TRUE(In(s, "a", "c"));
  EXPECT_TRUE(In(s, "a", "d"));
  const Entity* a = s.Read().Find(U("a"));
  ASSERT_NE(a, nullptr);
  ASSERT_NE(a->attrs.FindField("level"), nullptr);
  EXPECT_EQ(a->parents.size(), 2u);

  // Deleting b cuts a off from d (b's parents go with it) but a still names b.
  std::vector<EntityOp> del = {Delete("b")};
  ASSERT_TRUE(s.Apply(del).ok());
  EXPECT_TRUE(In(s, "a", "b"));
  EXPECT_FALSE(In(s, "a", "d"));
  EXPECT_EQ(s.Read().Find(U("b")), nullptr);
  EXPECT_EQ(s.size(), 2u);
  EXPECT_EQ(s.version(), 4u);
}

TEST(EntityStoreTest, RejectsCyclesAndLeavesTheStoreUnchanged) {
  EntityStore s;
  std::vector<EntityOp> chain = {Put("a", {"b"}), Put("b", {"c"}), Put("c", {})};
  ASSERT_TRUE(s.Apply(chain).ok());
  std::vector<EntityOp> cycle = {Put("x", {}), Put("c", {"a"})};
  Result<uint64_t> r = s.Apply(cycle);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("cycle"), std::string::npos);
  EXPECT_EQ(s.version(), 1u);
  EXPECT_EQ(s.Read().Find(U("x")), nullptr);
  EXPECT_FALSE(In(s, "c", "a"));
  std::vector<EntityOp> self = {Put("q", {"q"})};
  EXPECT_FALSE(s.Apply(self).ok());
}

TEST(EntityStoreTest, MissingTargetsVersionsAndHookFailures) {
  EntityStore s;
  std::vector<EntityOp> del = {Delete("ghost")};
  Result<uint64_t> r = s.Apply(del);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(r.status().message().find("ghost"), std::string::npos) << "ids stay out of errors";

  std::vector<EntityOp> put = {Put("a", {})};
  ASSERT_TRUE(s.Apply(put, 0).ok());
  EXPECT_EQ(s.Apply(put, 0).status().code(), StatusCode::kConflict) << "stale if_version";

  std::vector<EntityChange> seen;
  auto failing = [&](std::span<const EntityChange> changes, uint64_t version) {
    seen.assign(changes.begin(), changes.end());
    EXPECT_EQ(version, 2u);
    return Status(StatusCode::kIo, "disk full");
  };
  std::vector<EntityOp> two = {Put("b", {"a"}), Delete("a")};
  r = s.Apply(two, std::nullopt, failing);
  ASSERT_FALSE(r.ok());
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0].uid, U("b"));
  EXPECT_TRUE(seen[0].entity.has_value());
  EXPECT_FALSE(seen[1].entity.has_value());
  EXPECT_NE(s.Read().Find(U("a")), nullptr) << "a failed hook abandons the batch";
  EXPECT_EQ(s.Read().Find(U("b")), nullptr);
  EXPECT_EQ(s.version(), 1u);
}

TEST(EntityStoreTest, ForEachOfTypeListsPresentEntitiesOnce) {
  EntityStore s;
  std::vector<EntityOp> ops = {Put("a", {}), Put("b", {}), Delete("a"), Put("a", {})};
  ASSERT_TRUE(s.Apply(ops).ok());
  std::vector<EntityOp> more = {Delete("b")};
  ASSERT_TRUE(s.Apply(more).ok());
  std::vector<std::string> ids;
  s.Read().ForEachOfType("Group", [&](const Entity& e) { ids.push_back(e.uid.id()); });
  EXPECT_EQ(ids, std::vector<std::string>{"a"});
}

// Random batches on a small DAG, checked against a walk of the parent relation after each.
TEST(EntityStoreTest, MatchesAParentWalkUnderRandomBatches) {
  std::mt19937 rng(7);
  EntityStore s;
  std::map<std::string, std::vector<std::string>> model;  // present entities and parents
  auto name = [](int i) { return "n" + std::to_string(i); };
  auto reaches = [&](const std::string& from, const std::string& to) {
    std::set<std::string> seen;
    std::vector<std::string> stack = {from};
    while (!stack.empty()) {
      std::string cur = stack.back();
      stack.pop_back();
      if (cur == to) return true;
      auto it = model.find(cur);
      if (it == model.end()) continue;
      for (const auto& p : it->second) {
        if (seen.insert(p).second) stack.push_back(p);
      }
    }
    return false;
  };
  int accepted = 0, rejected = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<EntityOp> batch;
    auto next = model;
    int n = 1 + static_cast<int>(rng() % 4);
    for (int k = 0; k < n; ++k) {
      std::string id = name(static_cast<int>(rng() % 24));
      if (rng() % 5 == 0 && next.count(id)) {
        batch.push_back(Delete(id));
        next.erase(id);
      } else {
        std::vector<std::string> parents;
        for (int j = static_cast<int>(rng() % 3); j > 0; --j) {
          parents.push_back(name(static_cast<int>(rng() % 24)));
        }
        batch.push_back(Put(id, parents));
        next[id] = parents;
      }
    }
    auto saved = model;
    model = next;
    bool cyclic = false;
    for (const auto& [id, parents] : model) {
      for (const auto& p : parents) cyclic = cyclic || reaches(p, id);
    }
    Result<uint64_t> r = s.Apply(batch);
    ASSERT_EQ(r.ok(), !cyclic) << "round " << round;
    if (!r.ok()) {
      model = saved;
      ++rejected;
      continue;
    }
    ++accepted;
    for (int i = 0; i < 24; ++i) {
      for (int j = 0; j < 24; ++j) {
        ASSERT_EQ(In(s, name(i), name(j)), reaches(name(i), name(j)))
            << "round " << round << ": " << name(i) << " in " << name(j);
      }
    }
  }
  EXPECT_GT(accepted, 100);
  EXPECT_GT(rejected, 10);
}

}  // namespace
}  // namespace metagate::pdp
