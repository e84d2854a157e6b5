// Strict-mode typechecking of every expression form. Each accept/reject expectation was
// confirmed with Cedar 4.12 (cedar-wasm `validate`, mode "strict").
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/validator.h"

namespace metagate::cedar {
namespace {

constexpr const char* kSchema = R"(
entity Group { o?: {a: Long} };
entity User in [Group] { age: Long, name?: String, rec: {a?: Long, b?: String}, g: Group,
                         s: Set<Long> } tags String;
entity Doc { owner: User };
type C = { r: {a?: Long}, t: {a: Long}, ip: ipaddr, n?: Long };
action view appliesTo { principal: [User], resource: [Doc], context: C };
action edit in [view] appliesTo { principal: [User, Group], resource: [Doc], context: C };
action other;
)";

ValidationResult Validate(const std::string& policies, const char* schema_text = kSchema) {
  auto schema = ParseSchemaText(schema_text);
  EXPECT_TRUE(schema.ok()) << schema.status().ToString();
  auto parsed = ParsePolicies(policies);
  EXPECT_TRUE(parsed.ok()) << policies << " -> " << parsed.status().ToString();
  if (!schema.ok() || !parsed.ok()) return ValidationResult{{ValidationFinding{}}};
  return ValidatePolicies(*schema, *parsed);
}

std::string Policy(const std::string& cond) {
  return "permit(principal, action, resource) when { " + cond + " };";
}

std::string Describe(const ValidationResult& r) {
  std::string out;
  for (const auto& f : r.findings) out += "\n  " + f.loc.ToString() + " " + f.message;
  return out;
}

struct Case {
  const char* expr;
  bool ok;
};

class ExprTest : public ::testing::TestWithParam<Case> {};

TEST_P(ExprTest, AgreesWithCedar) {
  const Case& c = GetParam();
  ValidationResult r = Validate(Policy(c.expr));
  EXPECT_EQ(r.ok(), c.ok) << c.expr << Describe(r);
}

INSTANTIATE_TEST_SUITE_P(
    Strict, ExprTest,
    ::testing::Values(
        // Literals and equality: two literals compare to a known result; otherwise strict.
        Case{"1 == \"a\"", true}, Case{"1 == true", true}, Case{"principal == 1", false},
        Case{"principal == Group::\"x\"", true}, Case{"principal == resource", true},
        Case{"principal == action", true}, Case{"{a: 1} == {a: 1, b: 2}", false},
        Case{"{a: 1} == {a: \"x\"}", false}, Case{"context.r == {a: 1}", false},
        Case{"context.r == context.t", false},
        Case{"principal has age && principal.age == principal.name", false},
        Case{"datetime(\"2020-01-01\") == duration(\"1h\")", false},
        // Sets.
        Case{"[]", false}, Case{"[1, \"a\"]", false}, Case{"[User::\"a\", Group::\"b\"]", false},
        Case{"[1].contains(\"a\")", false}, Case{"[1].containsAll([\"a\"])", false},
        Case{"[principal].contains(resource)", false},
        Case{"principal has s && principal.s.contains(1)", true},  // Group: `has` is False
        Case{"principal.s.contains(1)", false},                    // Group has no `s`
        Case{"principal is User && principal.s.contains(1)", true},
        Case{"principal is User && principal.s.isEmpty()", true},
        Case{"principal is User && principal.age.isEmpty()", false},
        // Short-circuiting: the other operand is not typechecked.
        Case{"false && (1 + \"a\")", true}, Case{"true || (1 + \"a\")", true},
        Case{"if true then 1 else \"a\"", false}, Case{"if false then 1 else \"a\"", false},
        Case{"if principal is User then principal.age > 1 else true", true},
        Case{"if principal is User then (if principal.age > 1 then 1 else \"a\") == 1 else true",
             false},
        // Optional attributes need `has` guards; capabilities flow through && / || / if.
        Case{"principal.name == \"a\"", false},
        Case{"principal has name && principal.name == \"a\"", true}, Case{"context.n > 1", false},
        Case{"context has n || context.n > 1", false},
        Case{"context has n && context.n > 1 || true", true},
        Case{"if context has n then context.n > 1 else false", true},
        Case{"(principal has name || false) && principal.name == \"a\"", true},
        Case{"(if principal has name then true else false) && principal.name == \"a\"", false},
        Case{"principal is User && principal.rec has b && principal.rec.b == \"x\"", true},
        Case{"principal is User && principal.rec.b == \"x\"", false},
        Case{"principal.foo == 1", false}, Case{"principal has foo", true},
        // `has` on a required entity attribute is Bool (the entity may be missing).
        Case{"if User::\"a\" has age then true else Action::\"edit\".g", false},
        // Tags.
        Case{"principal.getTag(\"a\") == \"b\"", false},
        Case{"principal.hasTag(\"a\") && principal.getTag(\"a\") == \"b\"", true},
        Case{"principal.hasTag(\"a\") && principal.getTag(\"a\") == 1", false},
        Case{"resource.hasTag(\"a\")", true}, Case{"resource.getTag(\"a\") == 1", false},
        Case{"principal.hasTag(1)", false},
        // Extension functions.
        Case{"ip(\"1.2.3.4\").isIpv4()", true}, Case{"ip(\"1.2.3.x\").isIpv4()", false},
        Case{"principal is User && principal has name && ip(principal.name).isIpv4()", false},
        Case{"ip(\"1.2.3.4\").isInRange(ip(\"1.2.3.0/24\"))", true},
        Case{"ip(\"1.2.3.4\").isInRange(decimal(\"1.2\"))", false},
        Case{"ip(\"1.2.3.4\").isIpv4(1)", false},
        Case{"decimal(\"1.2\") < decimal(\"1.3\")", false},
        Case{"decimal(\"1.2\").lessThan(decimal(\"1.3\"))", true},
        Case{"datetime(\"2020-01-01\") < datetime(\"2020-01-02\")", true},
        Case{"duration(\"1h\") < duration(\"2h\")", true},
        Case{"datetime(\"2020-01-01\").offset(duration(\"1h\")) > datetime(\"2020-01-01\")", true},
        Case{"datetime(\"2020-01-01\").toTime().toDays() > 1", true},
        Case{"context.ip.isLoopback()", true},
        // Other operators.
        Case{"principal is User && principal.age + \"a\" > 1", false},
        Case{"principal is User && -principal.age > 1", true},
        Case{"principal is User && !principal.age", false},
        Case{"principal is User && principal.age like \"a*\"", false}, Case{"\"a\" < \"b\"", false},
        Case{"ip(\"1.2.3.4\") < ip(\"1.2.3.5\")", false},
        // Hierarchy: `in` and `is`.
        Case{"principal in resource", true}, Case{"principal in [Doc::\"x\"]", true},
        Case{"principal in [Doc::\"x\", User::\"y\"]", false},
        Case{"action in [Action::\"view\", principal]", false},
        Case{"action in Action::\"view\"", true}, Case{"principal is Group", true},
        // Unknown names.
        Case{"Foo::\"x\" == principal", false}, Case{"principal is Foo", false},
        Case{"Action::\"nope\" == action", false}));

TEST(ValidatorTest, ConditionsAreAndedInOrder) {
  EXPECT_FALSE(
      Validate("permit(principal is Group, action, resource) when { true } when { 1 };").ok());
  EXPECT_TRUE(
      Validate("permit(principal is Group, action, resource) when { false } when { 1 };").ok());
  EXPECT_TRUE(Validate("permit(principal is Group, action, resource) when { principal has o } "
                       "when { principal.o.a > 1 };")
                  .ok());
  // `unless` conditions give no capabilities.
  EXPECT_FALSE(Validate("permit(principal is Group, action, resource) unless { !(principal has o) "
                        "} when { principal.o.a > 1 };")
                   .ok());
  EXPECT_FALSE(Validate("permit(principal is Group, action, resource) unless { 1 };").ok());
}

TEST(ValidatorTest, ActionApplicability) {
  auto code_of = [](const ValidationResult& r) {
    return r.findings.empty() ? ValidationCode::kUnexpectedType : r.findings[0].code;
  };
  ValidationResult r = Validate("permit(principal, action == Action::\"other\", resource);");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(code_of(r), ValidationCode::kNoApplicableAction);
  EXPECT_FALSE(Validate("permit(principal == Doc::\"x\", action, resource);").ok());
  EXPECT_FALSE(Validate("permit(principal is Group, action == Action::\"view\", resource);").ok());
  EXPECT_TRUE(Validate("permit(principal is Group, action in Action::\"view\", resource);").ok());
  EXPECT_TRUE(
      Validate("permit(principal in Group::\"x\", action == Action::\"view\", resource);").ok());
  EXPECT_TRUE(Validate("permit(principal is Group, action in [Action::\"edit\"], resource) when { "
                       "principal has o && principal.o.a > 1 };")
                  .ok());
}

TEST(ValidatorTest, TemplatesAndLinkedPolicies) {
  auto schema = ParseSchemaText(kSchema);
  ASSERT_TRUE(schema.ok());
  auto set =
      PolicySet::FromText("permit(principal == ?principal, action == Action::\"view\", resource);");
  ASSERT_TRUE(set.ok()) << set.status().ToString();
  // An unlinked slot may hold any entity.
  EXPECT_TRUE(ValidatePolicies(*schema, set->templates()).ok());
  ASSERT_TRUE(set->Link("policy0", "user", EntityUid("User", "a"), std::nullopt).ok());
  ASSERT_TRUE(set->Link("policy0", "doc", EntityUid("Doc", "a"), std::nullopt).ok());
  ASSERT_TRUE(set->Link("policy0", "foo", EntityUid("Foo", "a"), std::nullopt).ok());
  ValidationResult r = ValidatePolicies(*schema, set->policies());
  std::set<std::string> ids;
  for (const auto& f : r.findings) ids.insert(f.policy_id);
  EXPECT_EQ(ids, (std::set<std::string>{"doc", "foo"})) << Describe(r);
}

constexpr const char* kNsSchema = R"(
namespace Ns {
  entity Team enum ["red", "blue"];
  entity Person in [Team] { meta: { inner?: { x: Long } } } tags { level: Long };
  action "read" appliesTo { principal: [Person], resource: [Person], context: { k?: String } };
  action "group";
  action "write" in ["group"] appliesTo { principal: [Person, Team], resource: [Person] };
}
entity Top;
action "top" appliesTo { principal: [Top], resource: [Top] };
)";

TEST(ValidatorTest, EnumsNamespacesAndActionGroups) {
  auto ok = [](const std::string& p) { return Validate(p, kNsSchema).ok(); };
  EXPECT_TRUE(ok(Policy("Ns::Team::\"red\" == principal")));
  EXPECT_FALSE(ok(Policy("Ns::Team::\"green\" == principal")));
  EXPECT_FALSE(ok("permit(principal == Ns::Team::\"green\", action, resource);"));
  EXPECT_TRUE(ok("permit(principal, action in Ns::Action::\"group\", resource);"));
  EXPECT_FALSE(ok("permit(principal, action in Ns::Action::\"group\", resource is Top);"));
  EXPECT_FALSE(ok("permit(principal, action == Ns::Action::\"nope\", resource);"));
  EXPECT_FALSE(
      ok("permit(principal, action in [Ns::Action::\"read\", Action::\"top\"], "
         "resource);"));
  EXPECT_TRUE(
      ok("permit(principal is Ns::Person in Ns::Team::\"red\", action == "
         "Ns::Action::\"read\", resource) when { principal.hasTag(\"x\") && "
         "principal.getTag(\"x\").level > 1 && principal.meta has inner && "
         "principal.meta.inner.x > 1 };"));
  EXPECT_FALSE(
      ok("permit(principal, action == Ns::Action::\"read\", resource) when { "
         "context.k == \"a\" };"));
}

TEST(ValidatorTest, FindingsNamePolicyCodeAndLocation) {
  ValidationResult r = Validate(
      "permit(principal, action, resource);\n"
      "permit(principal, action == Action::\"view\", resource)\n"
      "  when { principal.name == \"a\" };");
  ASSERT_EQ(r.findings.size(), 1u) << Describe(r);
  const ValidationFinding& f = r.findings[0];
  EXPECT_EQ(f.policy_id, "policy1");
  EXPECT_EQ(f.code, ValidationCode::kUnsafeOptionalAttr);
  EXPECT_EQ(f.loc.line, 3u);
  EXPECT_NE(f.message.find("`name`"), std::string::npos) << f.message;
  EXPECT_NE(f.message.find("has"), std::string::npos) << f.message;
}

}  // namespace
}  // namespace metagate::cedar
