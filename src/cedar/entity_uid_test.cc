// Interned entity uids: equal uids share one representation, distinct ones never compare equal,
// and uids created and dropped concurrently stay intact (run under asan-ubsan to catch a
// representation freed while still in use).
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "metagate/cedar/value.h"

namespace metagate::cedar {
namespace {

TEST(EntityUidTest, EqualUidsAreEqualWhereverTheyAreMade) {
  std::string type = "Ns::User";
  EntityUid a(type, "alice");
  EntityUid b(std::string("Ns::") + "User", std::string("ali") + "ce");
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.hash(), b.hash());
  EXPECT_EQ(a.type_key(), EntityUid("Ns::User", "bob").type_key());
  EXPECT_NE(a, EntityUid("Ns::User", "alice "));
  EXPECT_NE(a, EntityUid("User", "alice"));
  // Type and id are not confused by where the separator falls.
  EXPECT_NE(EntityUid("A", "B::C"), EntityUid("A::B", "C"));
  EXPECT_EQ(a.ToString(), "Ns::User::\"alice\"");
}

TEST(EntityUidTest, CopiesMovesAndAssignmentsKeepTheValue) {
  EntityUid a("User", "a-long-identifier-that-does-not-fit-inline");
  EntityUid copy = a;
  EntityUid moved = std::move(copy);
  EntityUid assigned("User", "other");
  assigned = moved;
  EXPECT_EQ(assigned, a);
  assigned = EntityUid("User", "third");
  EXPECT_EQ(assigned.id(), "third");
  copy = a;  // a moved-from uid can be assigned to
  EXPECT_EQ(copy, a);
  EntityUid self = a;
  self = self;
  EXPECT_EQ(self.id(), "a-long-identifier-that-does-not-fit-inline");
}

TEST(EntityUidTest, DroppedUidsCanBeMadeAgain) {
  size_t hash;
  {
    EntityUid once("Temp", "x");
    hash = once.hash();
  }
  EntityUid again("Temp", "x");
  EXPECT_EQ(again.hash(), hash);
  EXPECT_EQ(again.id(), "x");
}

TEST(EntityUidTest, ConcurrentCreateCopyAndDropKeepsUidsIntact) {
  constexpr int kThreads = 4;
  constexpr int kRounds = 20000;
  std::vector<std::thread> threads;
  std::vector<int> bad(kThreads, 0);
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([t, &bad] {
      for (int i = 0; i < kRounds; ++i) {
        // Few distinct ids, so threads keep creating and releasing the same uids.
        std::string id = "id" + std::to_string(i % 7);
        EntityUid u("Shared", id);
        EntityUid v = u;
        if (v.id() != id || v.type() != "Shared" || !(EntityUid("Shared", id) == u)) ++bad[t];
      }
    });
  }
  for (auto& th : threads) th.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(bad[t], 0) << "thread " << t;
}

}  // namespace
}  // namespace metagate::cedar
