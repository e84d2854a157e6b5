#include "metagate/cedar/evaluator.h"

#include <gtest/gtest.h>

#include "eval/test_builders.h"
#include "metagate/cedar/extensions.h"

namespace metagate::cedar {
namespace {

using namespace ast_builders;  // NOLINT: a small AST-building vocabulary

class EvaluatorTest : public ::testing::Test {
 protected:
  EvaluatorTest() {
    Entity p;
    p.uid = EntityUid("User", "p");
    p.attrs = Value::Record({{"age", Value::Long(30)}, {"secret", Value::String("hunter2")}});
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
    request_.context = Value::Record({{"k", Value::Long(1)}, {"s", Value::String("abc")}});
  }

  Result<Value> Eval(const ExprPtr& e) { return Evaluator(request_, entities_).Evaluate(*e); }
  // 1 for true, 0 for false, -1 for an error (or a non-bool result).
  int EvalBool(const ExprPtr& e) {
    auto r = Eval(e);
    if (!r.ok() || !r->is_bool()) return -1;
    return r->as_bool() ? 1 : 0;
  }
  std::string ErrorOf(const ExprPtr& e) {
    auto r = Eval(e);
    return r.ok() ? "<no error>" : r.status().message();
  }

  Entities entities_;
  Request request_;
};

ExprPtr Ip(const char* s) { return Call("ip", {S(s)}); }
ExprPtr Dt(const char* s) { return Call("datetime", {S(s)}); }
ExprPtr Dur(const char* s) { return Call("duration", {S(s)}); }
ExprPtr Dec(const char* s) { return Call("decimal", {S(s)}); }
ExprPtr Bad() { return Bin(BinaryOp::kAdd, L(1), S("a")); }  // always a type error

TEST_F(EvaluatorTest, LiteralsAndVariables) {
  EXPECT_EQ(*Eval(L(5)), Value::Long(5));
  EXPECT_EQ(*Eval(V(Var::kPrincipal)), Value::Entity(EntityUid("User", "p")));
  EXPECT_EQ(*Eval(V(Var::kAction)), Value::Entity(EntityUid("Action", "a")));
  EXPECT_EQ(*Eval(V(Var::kResource)), Value::Entity(EntityUid("Res", "r")));
  EXPECT_EQ(*Eval(Get(V(Var::kContext), "k")), Value::Long(1));
  Expr slot;
  slot.kind = ExprKind::kSlot;
  EXPECT_FALSE(Eval(Make(slot)).ok());
}

TEST_F(EvaluatorTest, AndOrShortCircuit) {
  EXPECT_EQ(EvalBool(And(B(false), Bad())), 0);
  EXPECT_EQ(EvalBool(And(B(false), L(1))), 0);
  EXPECT_EQ(EvalBool(Or(B(true), Bad())), 1);
  EXPECT_EQ(EvalBool(Or(B(true), L(1))), 1);
  EXPECT_EQ(EvalBool(And(B(true), B(true))), 1);
  EXPECT_EQ(EvalBool(And(B(true), B(false))), 0);
  EXPECT_EQ(EvalBool(Or(B(false), B(false))), 0);
  EXPECT_EQ(EvalBool(Or(B(false), L(1))), -1);
  EXPECT_EQ(EvalBool(And(B(true), L(1))), -1);
  EXPECT_EQ(EvalBool(And(L(1), B(true))), -1);
  EXPECT_EQ(EvalBool(Or(L(1), B(true))), -1);
  EXPECT_EQ(ErrorOf(And(L(1), B(true))), "type error: expected bool, got long");
}

TEST_F(EvaluatorTest, IfEvaluatesOnlyTheTakenBranch) {
  EXPECT_EQ(*Eval(If(B(true), L(1), Bad())), Value::Long(1));
  EXPECT_EQ(*Eval(If(B(false), Bad(), L(2))), Value::Long(2));
  EXPECT_FALSE(Eval(If(L(1), L(1), L(2))).ok());
  EXPECT_FALSE(Eval(If(B(true), Bad(), L(2))).ok());
}

TEST_F(EvaluatorTest, Not) {
  EXPECT_EQ(EvalBool(Not(B(false))), 1);
  EXPECT_EQ(EvalBool(Not(L(0))), -1);
}

TEST_F(EvaluatorTest, ArithmeticAndOverflow) {
  EXPECT_EQ(*Eval(Bin(BinaryOp::kAdd, L(2), L(3))), Value::Long(5));
  EXPECT_EQ(*Eval(Bin(BinaryOp::kSub, L(2), L(3))), Value::Long(-1));
  EXPECT_EQ(*Eval(Bin(BinaryOp::kMul, L(-2), L(3))), Value::Long(-6));
  EXPECT_EQ(*Eval(Neg(L(7))), Value::Long(-7));
  EXPECT_EQ(*Eval(Bin(BinaryOp::kSub, L(-INT64_MAX), L(1))), Value::Long(INT64_MIN));
  EXPECT_EQ(ErrorOf(Bin(BinaryOp::kAdd, L(INT64_MAX), L(1))), "integer overflow in `+`");
  EXPECT_EQ(ErrorOf(Bin(BinaryOp::kSub, L(INT64_MIN), L(1))), "integer overflow in `-`");
  EXPECT_EQ(ErrorOf(Bin(BinaryOp::kMul, L(INT64_MAX), L(2))), "integer overflow in `*`");
  EXPECT_FALSE(Eval(Neg(L(INT64_MIN))).ok());
  EXPECT_FALSE(Eval(Neg(S("a"))).ok());
  EXPECT_EQ(ErrorOf(Bad()), "type error: expected long, got string");
  EXPECT_FALSE(Eval(Bin(BinaryOp::kMul, S("a"), L(1))).ok());
}

TEST_F(EvaluatorTest, EqualityNeverErrors) {
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kEq, S("a"), L(1))), 0);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kNotEq, S("a"), L(1))), 1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kEq, Ip("1.2.3.4"), Dec("1.0"))), 0);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kEq, Dec("1.0"), Dec("1.00"))), 1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kEq, Ip("10.0.0.1/24"), Ip("10.0.0.0/24"))), 0);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kEq, SetOf({L(1), L(2)}), SetOf({L(2), L(1), L(1)}))), 1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kEq, Bad(), L(1))), -1);
}

TEST_F(EvaluatorTest, OrderingOnLongDatetimeDuration) {
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kLess, L(1), L(2))), 1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kLessEq, L(2), L(2))), 1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kGreater, L(2), L(2))), 0);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kGreaterEq, L(2), L(3))), 0);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kLess, Dt("2020-01-01"), Dt("2020-01-02"))), 1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kGreater, Dur("1d"), Dur("1h"))), 1);
  // Confirmed with Cedar 4.12: decimal, ipaddr and string operands and mixed kinds are errors.
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kLess, Dec("1.0"), Dec("2.0"))), -1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kLess, Ip("1.2.3.4"), Ip("1.2.3.5"))), -1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kLess, S("a"), S("b"))), -1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kLess, L(1), Dt("2020-01-01"))), -1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kLess, Dt("2020-01-01"), Dur("1d"))), -1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kLess, Dur("1h"), L(3))), -1);
  EXPECT_EQ(ErrorOf(Bin(BinaryOp::kLess, S("a"), L(1))),
            "type error: expected one of [long, datetime, duration], got string");
}

TEST_F(EvaluatorTest, InOverTheHierarchy) {
  auto in = [](ExprPtr a, ExprPtr b) { return Bin(BinaryOp::kIn, a, b); };
  EXPECT_EQ(EvalBool(in(V(Var::kPrincipal), E("G", "b"))), 1);
  EXPECT_EQ(EvalBool(in(V(Var::kPrincipal), E("G", "a"))), 1);
  EXPECT_EQ(EvalBool(in(V(Var::kPrincipal), V(Var::kPrincipal))), 1);
  EXPECT_EQ(EvalBool(in(E("G", "a"), V(Var::kPrincipal))), 0);
  EXPECT_EQ(EvalBool(in(E("User", "x"), E("User", "x"))), 1);
  EXPECT_EQ(EvalBool(in(E("User", "x"), E("G", "a"))), 0);
  EXPECT_EQ(EvalBool(in(V(Var::kPrincipal), SetOf({E("G", "z"), E("G", "b")}))), 1);
  EXPECT_EQ(EvalBool(in(V(Var::kPrincipal), SetOf({}))), 0);
  // Non-entity set elements are errors even when another element matches.
  EXPECT_EQ(EvalBool(in(V(Var::kPrincipal), SetOf({V(Var::kPrincipal), L(1)}))), -1);
  EXPECT_EQ(EvalBool(in(V(Var::kPrincipal), SetOf({L(1), V(Var::kPrincipal)}))), -1);
  EXPECT_EQ(EvalBool(in(L(1), SetOf({V(Var::kPrincipal)}))), -1);
  EXPECT_EQ(EvalBool(in(V(Var::kPrincipal), L(1))), -1);
}

TEST_F(EvaluatorTest, SetOperations) {
  auto set = SetOf({L(1), L(2), S("x")});
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kContains, set, L(2))), 1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kContains, set, L(3))), 0);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kContains, L(1), L(1))), -1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kContainsAll, set, SetOf({L(1), S("x")}))), 1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kContainsAll, set, SetOf({L(1), L(3)}))), 0);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kContainsAll, set, SetOf({}))), 1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kContainsAny, set, SetOf({L(3), S("x")}))), 1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kContainsAny, set, SetOf({}))), 0);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kContainsAny, SetOf({L(1)}), L(1))), -1);
  EXPECT_EQ(EvalBool(Bin(BinaryOp::kContainsAll, L(1), SetOf({L(1)}))), -1);
  EXPECT_EQ(EvalBool(IsEmpty(SetOf({}))), 1);
  EXPECT_EQ(EvalBool(IsEmpty(set)), 0);
  EXPECT_EQ(EvalBool(IsEmpty(S(""))), -1);
}

TEST_F(EvaluatorTest, AttributesOnRecordsAndEntities) {
  EXPECT_EQ(*Eval(Get(V(Var::kPrincipal), "age")), Value::Long(30));
  EXPECT_EQ(*Eval(Get(Rec({{"a", L(1)}}), "a")), Value::Long(1));
  EXPECT_EQ(ErrorOf(Get(V(Var::kPrincipal), "nope")),
            "attribute `nope` not found on entity of type `User`");
  EXPECT_EQ(ErrorOf(Get(V(Var::kContext), "nope")), "attribute `nope` not found on record");
  EXPECT_EQ(ErrorOf(Get(E("User", "x"), "age")), "entity of type `User` does not exist");
  EXPECT_FALSE(Eval(Get(L(1), "a")).ok());
  EXPECT_EQ(EvalBool(Has(V(Var::kPrincipal), "age")), 1);
  EXPECT_EQ(EvalBool(Has(V(Var::kPrincipal), "nope")), 0);
  EXPECT_EQ(EvalBool(Has(E("User", "x"), "age")), 0);
  EXPECT_EQ(EvalBool(Has(V(Var::kContext), "k")), 1);
  EXPECT_EQ(EvalBool(Has(V(Var::kContext), "nope")), 0);
  EXPECT_EQ(EvalBool(Has(L(1), "a")), -1);
}

TEST_F(EvaluatorTest, ErrorMessagesNeverContainValues) {
  std::vector<ExprPtr> failing = {
      Bin(BinaryOp::kAdd, Get(V(Var::kPrincipal), "secret"), L(1)),
      Get(Get(V(Var::kPrincipal), "secret"), "x"),
      Call("ip", {Get(V(Var::kPrincipal), "secret")}),
      Call("decimal", {Get(V(Var::kPrincipal), "secret")}),
      Call("datetime", {Get(V(Var::kPrincipal), "secret")}),
      Call("duration", {Get(V(Var::kPrincipal), "secret")}),
      Bin(BinaryOp::kGetTag, V(Var::kPrincipal), Get(V(Var::kPrincipal), "secret")),
  };
  for (const auto& e : failing) {
    std::string msg = ErrorOf(e);
    EXPECT_NE(msg, "<no error>");
    EXPECT_EQ(msg.find("hunter2"), std::string::npos) << msg;
    EXPECT_EQ(msg.find("\"p\""), std::string::npos) << msg;
  }
}

TEST_F(EvaluatorTest, Like) {
  EXPECT_EQ(EvalBool(Like(S("aaa"), U"a*a")), 1);
  EXPECT_EQ(EvalBool(Like(S("abc"), U"abc")), 1);
  EXPECT_EQ(EvalBool(Like(S("abc"), U"ab")), 0);
  EXPECT_EQ(EvalBool(Like(S("abc"), U"*")), 1);
  EXPECT_EQ(EvalBool(Like(S(""), U"*")), 1);
  EXPECT_EQ(EvalBool(Like(S(""), U"")), 1);
  EXPECT_EQ(EvalBool(Like(S("a"), U"")), 0);
  EXPECT_EQ(EvalBool(Like(S("abcbd"), U"a*b*d")), 1);
  EXPECT_EQ(EvalBool(Like(S("abcbe"), U"a*b*d")), 0);
  EXPECT_EQ(EvalBool(Like(S("h\xc3\xa9llo"), U"h\u00e9*")), 1);  // é is one code point
  EXPECT_EQ(EvalBool(Like(S("\xf0\x9f\x98\x80"), U"\U0001F600")), 1);
  EXPECT_EQ(EvalBool(Like(S("x\xc3\xa9y"), U"x?y")), 0);
  EXPECT_EQ(EvalBool(Like(L(1), U"*")), -1);
  // Pathological for naive backtracking: must finish quickly.
  std::string text(5000, 'a');
  std::u32string pat;
  for (int i = 0; i < 50; ++i) pat += U"*a";
  pat += U"b";
  EXPECT_EQ(EvalBool(Like(S(text), pat)), 0);
}

TEST_F(EvaluatorTest, Is) {
  EXPECT_EQ(EvalBool(Is(V(Var::kPrincipal), "User")), 1);
  EXPECT_EQ(EvalBool(Is(V(Var::kPrincipal), "G")), 0);
  EXPECT_EQ(EvalBool(Is(E("Ns::User", "x"), "User")), 0);
  EXPECT_EQ(EvalBool(Is(L(1), "User")), -1);
}

TEST_F(EvaluatorTest, Tags) {
  auto get = [](ExprPtr e, ExprPtr k) { return Bin(BinaryOp::kGetTag, e, k); };
  auto has = [](ExprPtr e, ExprPtr k) { return Bin(BinaryOp::kHasTag, e, k); };
  EXPECT_EQ(*Eval(get(V(Var::kPrincipal), S("t"))), Value::Long(1));
  EXPECT_FALSE(Eval(get(V(Var::kPrincipal), S("missing"))).ok());
  EXPECT_FALSE(Eval(get(E("User", "x"), S("t"))).ok());
  EXPECT_FALSE(Eval(get(V(Var::kPrincipal), L(1))).ok());
  EXPECT_FALSE(Eval(get(L(1), S("t"))).ok());
  EXPECT_EQ(EvalBool(has(V(Var::kPrincipal), S("t"))), 1);
  EXPECT_EQ(EvalBool(has(V(Var::kPrincipal), S("age"))), 0);  // attributes are not tags
  EXPECT_EQ(EvalBool(has(E("User", "x"), S("t"))), 0);
  EXPECT_EQ(EvalBool(has(V(Var::kPrincipal), L(1))), -1);
}

TEST_F(EvaluatorTest, SetAndRecordLiterals) {
  auto set = Eval(SetOf({L(1), L(1), S("a")}));
  ASSERT_TRUE(set.ok());
  EXPECT_EQ(set->set_elems().size(), 2u);
  auto rec = Eval(Rec({{"b", L(2)}, {"a", S("x")}}));
  ASSERT_TRUE(rec.ok());
  EXPECT_EQ(*rec->FindField("b"), Value::Long(2));
  // The first error in evaluation order wins.
  EXPECT_EQ(ErrorOf(SetOf({L(1), Bad(), Get(V(Var::kContext), "nope")})),
            "type error: expected long, got string");
  EXPECT_EQ(ErrorOf(Rec({{"a", Get(V(Var::kContext), "nope")}, {"b", Bad()}})),
            "attribute `nope` not found on record");
  EXPECT_FALSE(Eval(Rec({{"a", L(1)}, {"a", L(2)}})).ok());
}

TEST_F(EvaluatorTest, ExtensionCalls) {
  EXPECT_EQ(EvalBool(Call("isInRange", {Ip("10.0.0.1"), Ip("10.0.0.0/8")})), 1);
  EXPECT_EQ(EvalBool(Call("lessThan", {Dec("1.0"), Dec("2.0")})), 1);
  EXPECT_EQ(EvalBool(Call("lessThan", {Ip("1.2.3.4"), Ip("1.2.3.4")})), -1);
  EXPECT_EQ(*Eval(Call("toHours", {Call("durationSince", {Dt("2024-01-02"), Dt("2024-01-01")})})),
            Value::Long(24));
  EXPECT_EQ(ErrorOf(Call("isIpv4", {Ip("1.2.3.4"), L(1)})),
            "wrong number of arguments to extension function `isIpv4`: expected 1, got 2");
  EXPECT_FALSE(Eval(Call("nope", {})).ok());
  EXPECT_FALSE(Eval(Call("isIpv4", {S("1.2.3.4")})).ok());
  EXPECT_FALSE(Eval(Ip("1.2.3")).ok());
  // Arguments are evaluated (and their errors returned) before the call.
  EXPECT_EQ(ErrorOf(Call("ip", {Bad()})), "type error: expected long, got string");
}

Policy MakePolicy() {
  Policy p;
  p.id = "policy0";
  return p;
}

TEST_F(EvaluatorTest, ScopeConstraints) {
  Evaluator ev(request_, entities_);
  using Op = ScopeConstraint::Op;
  Policy p = MakePolicy();
  EXPECT_TRUE(*ev.Satisfied(p));

  p.principal = {Op::kEq, EntityUid("User", "p"), {}, {}, false, ""};
  EXPECT_TRUE(*ev.Satisfied(p));
  p.principal.entity = EntityUid("User", "q");
  EXPECT_FALSE(*ev.Satisfied(p));

  p.principal = {Op::kIn, EntityUid("G", "b"), {}, {}, false, ""};
  EXPECT_TRUE(*ev.Satisfied(p));
  p.principal = {Op::kIs, {}, {}, {}, false, "User"};
  EXPECT_TRUE(*ev.Satisfied(p));
  p.principal = {Op::kIs, {}, {}, {}, false, "G"};
  EXPECT_FALSE(*ev.Satisfied(p));
  p.principal = {Op::kIsIn, EntityUid("G", "a"), {}, {}, false, "User"};
  EXPECT_TRUE(*ev.Satisfied(p));
  p.principal = {Op::kIsIn, EntityUid("G", "a"), {}, {}, false, "Admin"};
  EXPECT_FALSE(*ev.Satisfied(p));
  p.principal = {Op::kIsIn, EntityUid("G", "zz"), {}, {}, false, "User"};
  EXPECT_FALSE(*ev.Satisfied(p));
  p.principal = {};

  p.action = {Op::kIn, EntityUid("Action", "group"), {}, {}, false, ""};
  EXPECT_TRUE(*ev.Satisfied(p));
  p.action = {Op::kIn, {}, {}, {EntityUid("Action", "x"), EntityUid("Action", "group")}, true, ""};
  EXPECT_TRUE(*ev.Satisfied(p));
  p.action = {Op::kIn, {}, {}, {EntityUid("Action", "x")}, true, ""};
  EXPECT_FALSE(*ev.Satisfied(p));
  p.action = {Op::kIn, {}, {}, {}, true, ""};
  EXPECT_FALSE(*ev.Satisfied(p));
  p.action = {Op::kEq, EntityUid("Action", "a"), {}, {}, false, ""};
  EXPECT_TRUE(*ev.Satisfied(p));

  p.resource = {Op::kEq, EntityUid("Res", "other"), {}, {}, false, ""};
  EXPECT_FALSE(*ev.Satisfied(p));
  p.resource = {Op::kIn, EntityUid("Res", "r"), {}, {}, false, ""};
  EXPECT_TRUE(*ev.Satisfied(p));
}

TEST_F(EvaluatorTest, LinkedTemplateSlots) {
  Evaluator ev(request_, entities_);
  Policy p = MakePolicy();
  p.is_template = true;
  p.principal.op = ScopeConstraint::Op::kIn;
  p.principal.slot = SlotId::kPrincipal;
  p.resource.op = ScopeConstraint::Op::kEq;
  p.resource.slot = SlotId::kResource;
  EXPECT_FALSE(ev.Satisfied(p).ok());  // unlinked
  p.principal_slot_value = EntityUid("G", "b");
  p.resource_slot_value = EntityUid("Res", "r");
  EXPECT_TRUE(*ev.Satisfied(p));
  p.resource_slot_value = EntityUid("Res", "other");
  EXPECT_FALSE(*ev.Satisfied(p));
}

TEST_F(EvaluatorTest, Conditions) {
  Evaluator ev(request_, entities_);
  Policy p = MakePolicy();
  p.conditions = {{true, B(true)}, {false, B(false)}};
  EXPECT_TRUE(*ev.Satisfied(p));
  p.conditions = {{true, B(false)}, {true, Bad()}};  // stops at the first unsatisfied condition
  EXPECT_FALSE(*ev.Satisfied(p));
  p.conditions = {{false, B(true)}};
  EXPECT_FALSE(*ev.Satisfied(p));
  p.conditions = {{true, L(1)}};
  EXPECT_EQ(ev.Satisfied(p).status().message(), "type error: expected bool, got long");
  p.conditions = {{false, Bad()}};
  EXPECT_FALSE(ev.Satisfied(p).ok());
  // Conditions are not evaluated when the scope does not match.
  p.principal = {ScopeConstraint::Op::kIs, {}, {}, {}, false, "G"};
  EXPECT_FALSE(*ev.Satisfied(p));
}

}  // namespace
}  // namespace metagate::cedar
