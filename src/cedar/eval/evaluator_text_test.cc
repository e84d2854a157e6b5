// Evaluator tests written in Cedar syntax. Every expected result was produced by Cedar 4.12
// (cedar-wasm) evaluating `permit(principal, action, resource) when { <expr> };` for the same
// request, entities and context as the fixture below: 1 = true, 0 = false, -1 = error.
#include <gtest/gtest.h>

#include "metagate/cedar/evaluator.h"
#include "metagate/cedar/extensions.h"
#include "metagate/cedar/parser.h"

namespace metagate::cedar {
namespace {

struct Case {
  const char* expr;
  int expected;
};

constexpr Case kCases[] = {
    {R"cedar(1 < 2)cedar", 1},
    {R"cedar(2 <= 1)cedar", 0},
    {R"cedar(1 + 2 == 3)cedar", 1},
    {R"cedar(9223372036854775807 + 1 > 0)cedar", -1},
    {R"cedar(-9223372036854775807 - 1 < 0)cedar", 1},
    {R"cedar(- (-9223372036854775807 - 1) > 0)cedar", -1},
    {R"cedar(9223372036854775807 * 2 > 0)cedar", -1},
    {R"cedar(3 * -2 == -6)cedar", 1},
    {R"cedar(1 + "a" == 2)cedar", -1},
    {R"cedar(false && (1 + "a" == 2))cedar", 0},
    {R"cedar(true || (1 + "a" == 2))cedar", 1},
    {R"cedar(true && (1 + "a" == 2))cedar", -1},
    {R"cedar(false || 1)cedar", -1},
    {R"cedar(1 && true)cedar", -1},
    {R"cedar(!true)cedar", 0},
    {R"cedar(!1)cedar", -1},
    {R"cedar(if true then true else 1 + "a")cedar", 1},
    {R"cedar(if false then 1 + "a" else false)cedar", 0},
    {R"cedar(if 1 then true else true)cedar", -1},
    {R"cedar("a" == 1)cedar", 0},
    {R"cedar([1, 2] == [2, 1, 1])cedar", 1},
    {R"cedar({a: 1, b: [true]} == {b: [true], a: 1})cedar", 1},
    {R"cedar(ip("1.2.3.4") == decimal("1.0"))cedar", 0},
    {R"cedar(datetime("2020-01-01") < datetime("2020-01-02"))cedar", 1},
    {R"cedar(duration("1d") > duration("1h"))cedar", 1},
    {R"cedar(decimal("1.0") < decimal("2.0"))cedar", -1},
    {R"cedar("a" < "b")cedar", -1},
    {R"cedar(1 < datetime("2020-01-01"))cedar", -1},
    {R"cedar(datetime("2020-01-01") <= duration("1d"))cedar", -1},
    {R"cedar(principal in G::"b")cedar", 1},
    {R"cedar(principal in G::"a")cedar", 1},
    {R"cedar(G::"a" in principal)cedar", 0},
    {R"cedar(principal in [G::"z", G::"b"])cedar", 1},
    {R"cedar(principal in [principal, 1])cedar", -1},
    {R"cedar(principal in [])cedar", 0},
    {R"cedar(principal in 1)cedar", -1},
    {R"cedar(1 in [principal])cedar", -1},
    {R"cedar(User::"x" in User::"x")cedar", 1},
    {R"cedar(User::"x" in G::"a")cedar", 0},
    {R"cedar(action in Action::"group")cedar", 1},
    {R"cedar(resource in resource)cedar", 1},
    {R"cedar([1, 2, "x"].contains(2))cedar", 1},
    {R"cedar([1, 2, "x"].contains(3))cedar", 0},
    {R"cedar(1.contains(1))cedar", -1},
    {R"cedar([1, 2, "x"].containsAll([1, "x"]))cedar", 1},
    {R"cedar([1, 2].containsAll([1, 3]))cedar", 0},
    {R"cedar([1].containsAll([]))cedar", 1},
    {R"cedar([1, 2].containsAny([3, 2]))cedar", 1},
    {R"cedar([1].containsAny([]))cedar", 0},
    {R"cedar([1].containsAny(1))cedar", -1},
    {R"cedar([].isEmpty())cedar", 1},
    {R"cedar([1].isEmpty())cedar", 0},
    {R"cedar("".isEmpty())cedar", -1},
    {R"cedar(principal.age == 30)cedar", 1},
    {R"cedar(principal.nope == 1)cedar", -1},
    {R"cedar(User::"x".age == 1)cedar", -1},
    {R"cedar(principal has age)cedar", 1},
    {R"cedar(principal has nope)cedar", 0},
    {R"cedar(User::"x" has age)cedar", 0},
    {R"cedar(context has k)cedar", 1},
    {R"cedar(context.k == 1)cedar", 1},
    {R"cedar(context.nope == 1)cedar", -1},
    {R"cedar(1 has a)cedar", -1},
    {R"cedar({a: 1}["a"] == 1)cedar", 1},
    {R"cedar({a: {b: 2}}.a.b == 2)cedar", 1},
    {R"cedar(principal["age"] > 18)cedar", 1},
    {R"cedar("aaa" like "a*a")cedar", 1},
    {R"cedar("abc" like "abc")cedar", 1},
    {R"cedar("abc" like "ab")cedar", 0},
    {R"cedar("" like "*")cedar", 1},
    {R"cedar("" like "")cedar", 1},
    {R"cedar("abcbd" like "a*b*d")cedar", 1},
    {R"cedar("abcbe" like "a*b*d")cedar", 0},
    {R"cedar("héllo" like "h?llo")cedar", 0},
    {R"cedar("héllo" like "h*llo")cedar", 1},
    {R"cedar("a*b" like "a\*b")cedar", 1},
    {R"cedar("axb" like "a\*b")cedar", 0},
    {R"cedar(1 like "*")cedar", -1},
    {R"cedar(principal is User)cedar", 1},
    {R"cedar(principal is G)cedar", 0},
    {R"cedar(principal is User in G::"b")cedar", 1},
    {R"cedar(principal is User in G::"zz")cedar", 0},
    {R"cedar(1 is User)cedar", -1},
    {R"cedar(principal.hasTag("t"))cedar", 1},
    {R"cedar(principal.hasTag("age"))cedar", 0},
    {R"cedar(User::"x".hasTag("t"))cedar", 0},
    {R"cedar(principal.hasTag(1))cedar", -1},
    {R"cedar(principal.getTag("t") == 1)cedar", 1},
    {R"cedar(principal.getTag("zz") == 1)cedar", -1},
    {R"cedar(User::"x".getTag("t") == 1)cedar", -1},
    {R"cedar(1.getTag("t") == 1)cedar", -1},
    {R"cedar(context.ip.isInRange(ip("10.0.0.0/8")))cedar", 1},
    {R"cedar(ip("10.0.0.1").isInRange(ip("10.0.0.0/8")))cedar", 1},
    {R"cedar(ip("10.0.0.1/24") == ip("10.0.0.0/24"))cedar", 0},
    {R"cedar(ip("1.2.3.4").isIpv4(1))cedar", -1},
    {R"cedar("x".isIpv4())cedar", -1},
    {R"cedar(ip(1).isIpv4())cedar", -1},
    {R"cedar(ip("01.2.3.4").isIpv4())cedar", -1},
    {R"cedar(decimal("1.5").greaterThan(decimal("1.4999")))cedar", 1},
    {R"cedar(decimal("1.5").lessThan(1))cedar", -1},
    {R"cedar(ip("1.2.3.4").lessThan(ip("1.2.3.4")))cedar", -1},
    {R"cedar(datetime("2020-01-01").lessThan(datetime("2020-01-02")))cedar", -1},
    {R"cedar(datetime("2024-01-02").durationSince(datetime("2024-01-01")).toHours() == 24)cedar",
     1},
    {R"cedar(datetime("1969-12-31T23:59:59.999Z").toDate() == datetime("1969-12-31"))cedar", 1},
    {R"cedar(datetime("1969-12-31T23:59:59.999Z").toTime() == duration("23h59m59s999ms"))cedar", 1},
    {R"cedar(datetime("2024-01-01T10:00:00Z").offset(duration("-1h")) == datetime("2024-01-01T09:00:00Z"))cedar",
     1},
    {R"cedar(datetime("9999-12-31").offset(duration("106751991167d")) == datetime("2024-01-01"))cedar",
     -1},
    {R"cedar(duration("-25h").toDays() == -1)cedar", 1},
    {R"cedar(duration("1h").toMilliseconds() == 3600000)cedar", 1},
    {R"cedar([1, 1 + "a", context.nope].isEmpty())cedar", -1},
    {R"cedar({a: 1 + "a"} == {a: 1})cedar", -1},
    {R"cedar(context.s like "a*")cedar", 1},
    {R"cedar(context.s.contains("a"))cedar", -1},
    {R"cedar([principal.age, context.k].contains(30))cedar", 1},
};

// Single policies with whether Cedar 4.12 found them satisfied (1), not satisfied (0) or
// erroring (-1) for the same request.
constexpr Case kPolicyCases[] = {
    {R"cedar(permit(principal, action, resource);)cedar", 1},
    {R"cedar(permit(principal == User::"p", action, resource);)cedar", 1},
    {R"cedar(permit(principal == User::"q", action, resource);)cedar", 0},
    {R"cedar(permit(principal in G::"b", action, resource);)cedar", 1},
    {R"cedar(permit(principal in G::"zz", action, resource);)cedar", 0},
    {R"cedar(permit(principal is User, action, resource);)cedar", 1},
    {R"cedar(permit(principal is G, action, resource);)cedar", 0},
    {R"cedar(permit(principal is User in G::"a", action, resource);)cedar", 1},
    {R"cedar(permit(principal is Admin in G::"a", action, resource);)cedar", 0},
    {R"cedar(permit(principal, action == Action::"a", resource);)cedar", 1},
    {R"cedar(permit(principal, action in Action::"group", resource);)cedar", 1},
    {R"cedar(permit(principal, action in [Action::"x", Action::"group"], resource);)cedar", 1},
    {R"cedar(permit(principal, action in [Action::"x"], resource);)cedar", 0},
    {R"cedar(permit(principal, action in [], resource);)cedar", 0},
    {R"cedar(permit(principal, action, resource == Res::"r");)cedar", 1},
    {R"cedar(permit(principal, action, resource in Res::"r");)cedar", 1},
    {R"cedar(permit(principal, action, resource is Res);)cedar", 1},
    {R"cedar(permit(principal, action, resource is Res in Res::"other");)cedar", 0},
    {R"cedar(permit(principal, action, resource) when { false } when { 1 + "a" == 2 };)cedar", 0},
    {R"cedar(permit(principal, action, resource) when { true } unless { false };)cedar", 1},
    {R"cedar(permit(principal, action, resource) unless { true };)cedar", 0},
    {R"cedar(permit(principal, action, resource) unless { 1 };)cedar", -1},
    {R"cedar(permit(principal, action, resource) when { 1 };)cedar", -1},
    {R"cedar(permit(principal is G, action, resource) when { 1 + "a" == 2 };)cedar", 0},
    {R"cedar(forbid(principal, action, resource) when { principal.age > 18 };)cedar", 1},
    {R"cedar(forbid(principal, action, resource) when { principal.nope > 18 };)cedar", -1},
    {R"cedar(permit(principal, action, resource) when { principal has age && principal.age > 18 };)cedar",
     1},
    {R"cedar(permit(principal, action, resource) when { context.ip.isLoopback() };)cedar", 0},
};

class EvaluatorTextTest : public ::testing::Test {
 protected:
  EvaluatorTextTest() {
    Entity p;
    p.uid = EntityUid("User", "p");
    p.attrs = Value::Record({{"age", Value::Long(30)}, {"name", Value::String("alice")}});
    p.tags = Value::Record({{"t", Value::Long(1)}});
    p.parents = {EntityUid("G", "a")};
    EXPECT_TRUE(entities_.Add(p).ok());
    Entity a;
    a.uid = EntityUid("G", "a");
    a.parents = {EntityUid("G", "b")};
    EXPECT_TRUE(entities_.Add(a).ok());
    Entity act;
    act.uid = EntityUid("Action", "a");
    act.parents = {EntityUid("Action", "group")};
    EXPECT_TRUE(entities_.Add(act).ok());
    entities_.Finalize();
    request_.principal = EntityUid("User", "p");
    request_.action = EntityUid("Action", "a");
    request_.resource = EntityUid("Res", "r");
    auto ip = ConstructExtensionValue("ip", "10.0.0.1");
    EXPECT_TRUE(ip.ok());
    request_.context = Value::Record(
        {{"k", Value::Long(1)}, {"s", Value::String("abc")}, {"ip", ip.ok() ? *ip : Value()}});
  }

  Entities entities_;
  Request request_;
};

TEST_F(EvaluatorTextTest, MatchesCedar) {
  for (const Case& c : kCases) {
    auto expr = ParseExpression(c.expr);
    ASSERT_TRUE(expr.ok()) << c.expr << ": " << expr.status().message();
    auto r = Evaluator(request_, entities_).Evaluate(**expr);
    int got = r.ok() && r->is_bool() ? (r->as_bool() ? 1 : 0) : -1;
    EXPECT_EQ(got, c.expected) << c.expr
                               << (r.ok() ? "" : " (error: " + r.status().message() + ")");
  }
}

TEST_F(EvaluatorTextTest, PoliciesMatchCedar) {
  for (const Case& c : kPolicyCases) {
    auto policies = ParsePolicies(c.expr);
    ASSERT_TRUE(policies.ok()) << c.expr << ": " << policies.status().message();
    ASSERT_EQ(policies->size(), 1u) << c.expr;
    auto r = Evaluator(request_, entities_).Satisfied(*(*policies)[0]);
    int got = r.ok() ? (*r ? 1 : 0) : -1;
    EXPECT_EQ(got, c.expected) << c.expr;
  }
}

}  // namespace
}  // namespace metagate::cedar
