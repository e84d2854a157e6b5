#include "metagate/cedar/entities.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace metagate::cedar {
namespace {

EntityUid U(const char* type, const char* id) { return EntityUid(type, id); }

Entity Make(EntityUid uid, std::vector<EntityUid> parents) {
  Entity e;
  e.uid = std::move(uid);
  e.parents = std::move(parents);
  return e;
}

TEST(EntitiesTest, AddRejectsDuplicatesUpsertReplaces) {
  Entities es;
  EXPECT_TRUE(es.Add(Make(U("User", "a"), {})).ok());
  Status dup = es.Add(Make(U("User", "a"), {U("G", "x")}));
  EXPECT_FALSE(dup.ok());
  EXPECT_EQ(dup.message().find("\"a\""), std::string::npos);  // no ids in messages
  EXPECT_TRUE(es.Find(U("User", "a"))->parents.empty());
  es.Upsert(Make(U("User", "a"), {U("G", "x")}));
  EXPECT_EQ(es.Find(U("User", "a"))->parents.size(), 1u);
  EXPECT_EQ(es.size(), 1u);
  EXPECT_EQ(es.Find(U("User", "b")), nullptr);
}

TEST(EntitiesTest, TransitiveClosureThroughSeveralLevels) {
  Entities es;
  ASSERT_TRUE(es.Add(Make(U("User", "u"), {U("G", "1")})).ok());
  ASSERT_TRUE(es.Add(Make(U("G", "1"), {U("G", "2")})).ok());
  ASSERT_TRUE(es.Add(Make(U("G", "2"), {U("G", "3"), U("G", "4")})).ok());
  ASSERT_TRUE(es.Add(Make(U("G", "3"), {U("Missing", "m")})).ok());
  es.Finalize();
  EXPECT_FALSE(es.has_cycle());
  EXPECT_TRUE(es.IsInOrEqual(U("User", "u"), U("User", "u")));
  EXPECT_TRUE(es.IsInOrEqual(U("User", "u"), U("G", "1")));
  EXPECT_TRUE(es.IsInOrEqual(U("User", "u"), U("G", "3")));
  EXPECT_TRUE(es.IsInOrEqual(U("User", "u"), U("G", "4")));
  // A parent that is not itself an entity is still an ancestor.
  EXPECT_TRUE(es.IsInOrEqual(U("User", "u"), U("Missing", "m")));
  EXPECT_FALSE(es.IsInOrEqual(U("G", "1"), U("User", "u")));
  EXPECT_FALSE(es.IsInOrEqual(U("G", "4"), U("G", "3")));
  // An entity not in the store is only `in` itself.
  EXPECT_TRUE(es.IsInOrEqual(U("User", "zz"), U("User", "zz")));
  EXPECT_FALSE(es.IsInOrEqual(U("User", "zz"), U("G", "1")));
  EXPECT_EQ(es.Find(U("User", "u"))->ancestors.size(), 5u);
}

TEST(EntitiesTest, CyclesTerminateAndAreReported) {
  Entities es;
  ASSERT_TRUE(es.Add(Make(U("G", "a"), {U("G", "b")})).ok());
  ASSERT_TRUE(es.Add(Make(U("G", "b"), {U("G", "c")})).ok());
  ASSERT_TRUE(es.Add(Make(U("G", "c"), {U("G", "a")})).ok());
  ASSERT_TRUE(es.Add(Make(U("User", "u"), {U("G", "a")})).ok());
  es.Finalize();
  EXPECT_TRUE(es.has_cycle());
  EXPECT_TRUE(es.IsInOrEqual(U("G", "a"), U("G", "c")));
  EXPECT_TRUE(es.IsInOrEqual(U("G", "c"), U("G", "b")));
  EXPECT_TRUE(es.IsInOrEqual(U("User", "u"), U("G", "c")));
  EXPECT_FALSE(es.IsInOrEqual(U("G", "a"), U("User", "u")));
}

TEST(EntitiesTest, FinalizeAfterUpsertRecomputes) {
  Entities es;
  es.Upsert(Make(U("User", "u"), {U("G", "1")}));
  es.Finalize();
  EXPECT_FALSE(es.IsInOrEqual(U("User", "u"), U("G", "2")));
  es.Upsert(Make(U("G", "1"), {U("G", "2")}));
  es.Finalize();
  EXPECT_TRUE(es.IsInOrEqual(U("User", "u"), U("G", "2")));
}

TEST(EntitiesTest, DiamondAndSelfLoop) {
  Entities es;
  ASSERT_TRUE(es.Add(Make(U("U", "u"), {U("G", "l"), U("G", "r")})).ok());
  ASSERT_TRUE(es.Add(Make(U("G", "l"), {U("G", "top")})).ok());
  ASSERT_TRUE(es.Add(Make(U("G", "r"), {U("G", "top")})).ok());
  ASSERT_TRUE(es.Add(Make(U("G", "top"), {})).ok());
  es.Finalize();
  EXPECT_FALSE(es.has_cycle());
  EXPECT_EQ(es.Find(U("U", "u"))->ancestors.size(), 3u);
  EXPECT_TRUE(es.IsInOrEqual(U("U", "u"), U("G", "top")));
  es.Upsert(Make(U("G", "top"), {U("G", "top")}));
  es.Finalize();
  EXPECT_TRUE(es.has_cycle());
  EXPECT_TRUE(es.IsInOrEqual(U("U", "u"), U("G", "top")));
  EXPECT_FALSE(es.IsInOrEqual(U("G", "top"), U("U", "u")));
}

TEST(EntitiesTest, DeepChainDoesNotRecurse) {
  Entities es;
  constexpr int kDepth = 1000;
  for (int i = 0; i < kDepth; ++i) {
    std::vector<EntityUid> parents;
    if (i + 1 < kDepth) parents.push_back(EntityUid("G", std::to_string(i + 1)));
    ASSERT_TRUE(es.Add(Make(EntityUid("G", std::to_string(i)), parents)).ok());
  }
  es.Finalize();
  EXPECT_FALSE(es.has_cycle());
  EXPECT_TRUE(es.IsInOrEqual(U("G", "0"), EntityUid("G", std::to_string(kDepth - 1))));
  EXPECT_FALSE(es.IsInOrEqual(EntityUid("G", std::to_string(kDepth - 1)), U("G", "0")));
  EXPECT_EQ(es.Find(U("G", "0"))->ancestors.size(), static_cast<size_t>(kDepth - 1));
}

TEST(EntitiesTest, AncestorSetAnswersEveryMemberAndNoOtherAtEverySize) {
  // Sizes on both sides of the linear-scan cutoff, with duplicates given to Assign.
  for (int n : {0, 1, 7, 8, 9, 40}) {
    std::vector<EntityUid> members, given;
    for (int i = 0; i < n; ++i) members.emplace_back("G", "m" + std::to_string(i));
    given = members;
    given.insert(given.end(), members.begin(), members.end());
    AncestorSet set;
    set.Assign(given);
    EXPECT_EQ(set.size(), static_cast<size_t>(n));
    for (const EntityUid& m : members) EXPECT_TRUE(set.contains(m)) << n << " " << m.id();
    for (int i = 0; i < 50; ++i) {
      EXPECT_FALSE(set.contains(EntityUid("G", "x" + std::to_string(i)))) << n;
      EXPECT_FALSE(set.contains(EntityUid("H", "m" + std::to_string(i)))) << n;
    }
  }
}

TEST(EntitiesTest, TableFindsEveryEntityAcrossGrowthAndKeepsTheOrderAdded) {
  // Enough entities for the open-addressing table to grow several times; uids of two types with
  // the same ids must stay apart.
  Entities es;
  constexpr int kCount = 5000;
  for (int i = 0; i < kCount; ++i) {
    Entity e = Make(EntityUid("Doc", std::to_string(i)), {EntityUid("Folder", std::to_string(i))});
    e.attrs = Value::Record({{"n", Value::Long(i)}});
    ASSERT_TRUE(es.Add(std::move(e)).ok()) << i;
  }
  es.Finalize();
  ASSERT_EQ(es.size(), static_cast<size_t>(kCount));
  for (int i = 0; i < kCount; ++i) {
    const Entity* e = es.Find(EntityUid("Doc", std::to_string(i)));
    ASSERT_NE(e, nullptr) << i;
    EXPECT_EQ(e->uid.id(), std::to_string(i));
    EXPECT_EQ(e->attrs.FindField("n")->as_long(), i);
    EXPECT_EQ(es.all()[static_cast<size_t>(i)].uid.id(), std::to_string(i));
    // The parent is not an entity: an ancestor, but not found.
    EXPECT_EQ(es.Find(EntityUid("Folder", std::to_string(i))), nullptr) << i;
    EXPECT_TRUE(es.IsInOrEqual(EntityUid("Doc", std::to_string(i)),
                               EntityUid("Folder", std::to_string(i))));
    EXPECT_FALSE(es.IsInOrEqual(EntityUid("Doc", std::to_string(i)),
                                EntityUid("Folder", std::to_string(i + 1))));
  }
  EXPECT_EQ(es.Find(EntityUid("Doc", std::to_string(kCount))), nullptr);
  EXPECT_FALSE(es.Add(Make(EntityUid("Doc", "4999"), {})).ok());
}

TEST(EntitiesTest, UpsertReplacesInPlaceAndAppendsNewOnes) {
  Entities es;
  ASSERT_TRUE(es.Add(Make(U("User", "a"), {})).ok());
  ASSERT_TRUE(es.Add(Make(U("User", "b"), {})).ok());
  es.Upsert(Make(U("User", "a"), {U("G", "x")}));
  es.Upsert(Make(U("User", "c"), {U("G", "y")}));
  es.Finalize();
  ASSERT_EQ(es.size(), 3u);
  EXPECT_EQ(es.all()[0].uid, U("User", "a"));
  EXPECT_EQ(es.all()[1].uid, U("User", "b"));
  EXPECT_EQ(es.all()[2].uid, U("User", "c"));
  EXPECT_TRUE(es.IsInOrEqual(U("User", "a"), U("G", "x")));
  EXPECT_TRUE(es.IsInOrEqual(U("User", "c"), U("G", "y")));
  EXPECT_FALSE(es.IsInOrEqual(U("User", "b"), U("G", "x")));
}

TEST(EntitiesTest, AncestorsComeFromEntitiesAddedAfterTheirChildren) {
  // A child listed before its parents still gets the parents' ancestors.
  Entities es;
  ASSERT_TRUE(es.Add(Make(U("Doc", "d"), {U("Folder", "f2")})).ok());
  ASSERT_TRUE(es.Add(Make(U("Folder", "f2"), {U("Folder", "f1")})).ok());
  ASSERT_TRUE(es.Add(Make(U("Folder", "f1"), {U("Folder", "root")})).ok());
  es.Finalize();
  std::vector<const EntityUid*> out;
  es.AppendAncestors(U("Doc", "d"), out);
  std::vector<std::string> ids;
  for (const EntityUid* a : out) ids.push_back(a->id());
  std::sort(ids.begin(), ids.end());
  EXPECT_EQ(ids, (std::vector<std::string>{"f1", "f2", "root"}));
  out.clear();
  es.AppendAncestors(U("Doc", "unknown"), out);
  EXPECT_TRUE(out.empty());
}

}  // namespace
}  // namespace metagate::cedar
