#include "metagate/cedar/authorizer.h"

#include <gtest/gtest.h>

namespace metagate::cedar {
namespace {

Entities MakeEntities() {
  Entities es;
  auto add = [&](const char* type, const char* id, std::vector<EntityUid> parents,
                 Value attrs = Value::Record({})) {
    Entity e;
    e.uid = EntityUid(type, id);
    e.parents = std::move(parents);
    e.attrs = std::move(attrs);
    EXPECT_TRUE(es.Add(std::move(e)).ok());
  };
  add("Group", "admins", {});
  add("User", "alice", {EntityUid("Group", "admins")}, Value::Record({{"age", Value::Long(30)}}));
  add("User", "bob", {}, Value::Record({}));
  add("Action", "read", {EntityUid("Action", "all")});
  add("Action", "write", {EntityUid("Action", "all")});
  add("Action", "all", {});
  es.Finalize();
  return es;
}

Request Req(const char* user, const char* action) {
  return Request{EntityUid("User", user), EntityUid("Action", action), EntityUid("Doc", "d"),
                 Value::Record({})};
}

PolicySet Parse(const char* text) {
  auto set = PolicySet::FromText(text);
  EXPECT_TRUE(set.ok()) << set.status().ToString();
  return set.ok() ? std::move(set).value() : PolicySet();
}

TEST(AuthorizerTest, DefaultDenyWithNoPolicies) {
  Entities es = MakeEntities();
  PolicySet set;
  Response r = IsAuthorized(Req("alice", "read"), set, es);
  EXPECT_EQ(r.decision, Decision::kDeny);
  EXPECT_TRUE(r.reasons.empty());
  EXPECT_TRUE(r.errors.empty());
}

TEST(AuthorizerTest, PermitNamesDeterminingPolicies) {
  Entities es = MakeEntities();
  PolicySet set = Parse(R"(
    permit(principal in Group::"admins", action, resource);
    permit(principal == User::"bob", action, resource);
    permit(principal, action == Action::"read", resource);
  )");
  Response r = IsAuthorized(Req("alice", "read"), set, es);
  EXPECT_EQ(r.decision, Decision::kAllow);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"policy0", "policy2"}));
  r = IsAuthorized(Req("bob", "write"), set, es);
  EXPECT_EQ(r.decision, Decision::kAllow);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"policy1"}));
}

TEST(AuthorizerTest, ForbidOverridesPermitAndOnlyForbidsAreReasons) {
  Entities es = MakeEntities();
  PolicySet set = Parse(R"(
    permit(principal, action, resource);
    forbid(principal, action in Action::"all", resource) when { principal has age };
  )");
  Response r = IsAuthorized(Req("alice", "write"), set, es);
  EXPECT_EQ(r.decision, Decision::kDeny);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"policy1"}));
  r = IsAuthorized(Req("bob", "write"), set, es);
  EXPECT_EQ(r.decision, Decision::kAllow);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"policy0"}));
}

TEST(AuthorizerTest, ErroringPoliciesAreSkippedAndReported) {
  Entities es = MakeEntities();
  PolicySet set = Parse(R"(
    forbid(principal, action, resource) when { principal.age > 18 };
    permit(principal, action, resource);
  )");
  // bob has no `age`: the forbid errors, is skipped, and the permit decides.
  Response r = IsAuthorized(Req("bob", "read"), set, es);
  EXPECT_EQ(r.decision, Decision::kAllow);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"policy1"}));
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0].policy_id, "policy0");
  // alice has an age over 18: the forbid applies.
  r = IsAuthorized(Req("alice", "read"), set, es);
  EXPECT_EQ(r.decision, Decision::kDeny);
  EXPECT_TRUE(r.errors.empty());
}

TEST(AuthorizerTest, ActionIndexFindsPoliciesThroughActionGroupsAndLists) {
  Entities es = MakeEntities();
  PolicySet set = Parse(R"(
    permit(principal, action in Action::"all", resource) when { principal == User::"alice" };
    permit(principal, action in [Action::"read", Action::"all"], resource);
    permit(principal, action == Action::"write", resource) when { principal == User::"bob" };
  )");
  Response r = IsAuthorized(Req("alice", "read"), set, es);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"policy0", "policy1"}));
  r = IsAuthorized(Req("bob", "write"), set, es);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"policy1", "policy2"}));
  // An action that is not in the store matches only `==` and lists that name it.
  r = IsAuthorized(Req("bob", "unknown"), set, es);
  EXPECT_EQ(r.decision, Decision::kDeny);
}

TEST(AuthorizerTest, TemplatesApplyOnlyOnceLinked) {
  Entities es = MakeEntities();
  PolicySet set = Parse(R"(
    permit(principal == ?principal, action, resource);
  )");
  ASSERT_EQ(set.templates().size(), 1u);
  EXPECT_EQ(IsAuthorized(Req("bob", "read"), set, es).decision, Decision::kDeny);
  ASSERT_TRUE(set.Link("policy0", "bob-link", EntityUid("User", "bob"), std::nullopt).ok());
  Response r = IsAuthorized(Req("bob", "read"), set, es);
  EXPECT_EQ(r.decision, Decision::kAllow);
  EXPECT_EQ(r.reasons, (std::vector<std::string>{"bob-link"}));
  EXPECT_EQ(IsAuthorized(Req("alice", "read"), set, es).decision, Decision::kDeny);
  // Wrong slots and duplicate ids are errors.
  EXPECT_FALSE(set.Link("policy0", "x", std::nullopt, EntityUid("Doc", "d")).ok());
  EXPECT_FALSE(set.Link("policy0", "bob-link", EntityUid("User", "alice"), std::nullopt).ok());
  EXPECT_FALSE(set.Link("nope", "y", EntityUid("User", "alice"), std::nullopt).ok());
}

}  // namespace
}  // namespace metagate::cedar
