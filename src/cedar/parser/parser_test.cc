// Tests for parsing Cedar policy sets: ids, annotations, effects, scopes, templates,
// conditions and errors (with locations); plus the Cedar test corpus, which must all parse.
#include "metagate/cedar/parser.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "parser/sexpr_test_util.h"

namespace metagate::cedar {
namespace {

std::vector<PolicyPtr> MustParse(std::string_view text) {
  Result<std::vector<PolicyPtr>> r = ParsePolicies(text);
  EXPECT_TRUE(r.ok()) << r.status().ToString() << "\n" << text;
  if (!r.ok()) return {};
  return *r;
}

PolicyPtr MustParseOne(std::string_view text) {
  std::vector<PolicyPtr> ps = MustParse(text);
  EXPECT_EQ(ps.size(), 1u);
  return ps.empty() ? std::make_shared<Policy>() : ps[0];
}

void ExpectError(std::string_view text, uint32_t line, uint32_t column, std::string_view fragment) {
  Result<std::vector<PolicyPtr>> r = ParsePolicies(text);
  ASSERT_FALSE(r.ok()) << text;
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().loc().line, line) << r.status().ToString();
  EXPECT_EQ(r.status().loc().column, column) << r.status().ToString();
  EXPECT_NE(r.status().message().find(fragment), std::string::npos) << r.status().ToString();
}

TEST(PolicyParserTest, EmptyInputHasNoPolicies) {
  EXPECT_TRUE(MustParse("").empty());
  EXPECT_TRUE(MustParse("  // only a comment\n\t ").empty());
}

TEST(PolicyParserTest, IdsInFileOrderIncludingTemplates) {
  std::vector<PolicyPtr> ps = MustParse(
      "permit(principal, action, resource);\n"
      "@id(\"custom\") forbid(principal == ?principal, action, resource);\n"
      "permit(principal, action, resource) when { true };");
  ASSERT_EQ(ps.size(), 3u);
  EXPECT_EQ(ps[0]->id, "policy0");
  EXPECT_EQ(ps[1]->id, "policy1");
  EXPECT_EQ(ps[2]->id, "policy2");
  EXPECT_FALSE(ps[0]->is_template);
  EXPECT_TRUE(ps[1]->is_template);
  EXPECT_EQ(ps[0]->effect, Effect::kPermit);
  EXPECT_EQ(ps[1]->effect, Effect::kForbid);
  EXPECT_EQ(ps[1]->loc.line, 2u);
  EXPECT_EQ(ps[1]->loc.column, 1u);
  EXPECT_EQ(ps[2]->loc.line, 3u);
}

TEST(PolicyParserTest, Annotations) {
  PolicyPtr p = MustParseOne(
      "@id(\"a\\n\\u{41}\") @advice @if(\"reserved words are fine\") @ x ( \"y\" )\n"
      "permit(principal, action, resource);");
  ASSERT_EQ(p->annotations.size(), 4u);
  EXPECT_EQ(p->annotations[0].key, "id");
  EXPECT_EQ(p->annotations[0].value, std::optional<std::string>("a\nA"));
  EXPECT_EQ(p->annotations[1].key, "advice");
  EXPECT_FALSE(p->annotations[1].value.has_value());
  EXPECT_EQ(p->annotations[2].key, "if");
  EXPECT_EQ(p->annotations[3].key, "x");
  EXPECT_EQ(p->annotations[3].value, std::optional<std::string>("y"));
  EXPECT_EQ(p->annotations[1].loc.column, 18u);
  EXPECT_EQ(p->loc.column, 1u);
  ExpectError("@id(\"a\") @id(\"b\") permit(principal, action, resource);", 1, 10,
              "duplicate annotation: @id");
  ExpectError(
      "@id permit(principal, action, resource);\n@a @a permit(principal, action, resource);", 2, 4,
      "duplicate annotation: @a");
  ExpectError("@a::b(\"x\") permit(principal, action, resource);", 1, 3, "`::`");
  ExpectError("@a(x) permit(principal, action, resource);", 1, 4, "string literal");
  ExpectError("@a() permit(principal, action, resource);", 1, 4, "string literal");
  ExpectError("@a(\"\\*\") permit(principal, action, resource);", 1, 5, "not a valid escape");
  // `@ permit(` is the annotation `@permit` whose value must be a string.
  ExpectError("@ permit(principal, action, resource);", 1, 10, "string literal");
}

TEST(PolicyParserTest, PrincipalAndResourceScopes) {
  PolicyPtr p =
      MustParseOne("permit(principal == User::\"a\", action, resource in Folder::\"f\");");
  EXPECT_EQ(p->principal.op, ScopeConstraint::Op::kEq);
  EXPECT_EQ(p->principal.entity, EntityUid("User", "a"));
  EXPECT_FALSE(p->principal.slot.has_value());
  EXPECT_EQ(p->action.op, ScopeConstraint::Op::kAny);
  EXPECT_EQ(p->resource.op, ScopeConstraint::Op::kIn);
  EXPECT_EQ(p->resource.entity, EntityUid("Folder", "f"));

  p = MustParseOne("permit(principal is Ns::User, action, resource is Photo in Album::\"x\");");
  EXPECT_EQ(p->principal.op, ScopeConstraint::Op::kIs);
  EXPECT_EQ(p->principal.entity_type, "Ns::User");
  EXPECT_FALSE(p->principal.entity.has_value());
  EXPECT_EQ(p->resource.op, ScopeConstraint::Op::kIsIn);
  EXPECT_EQ(p->resource.entity_type, "Photo");
  EXPECT_EQ(p->resource.entity, EntityUid("Album", "x"));
  EXPECT_FALSE(p->is_template);

  p = MustParseOne("permit(principal,action,resource,);");  // trailing comma, as in Cedar
  EXPECT_EQ(p->principal.op, ScopeConstraint::Op::kAny);
  EXPECT_EQ(p->resource.op, ScopeConstraint::Op::kAny);
}

TEST(PolicyParserTest, ActionScopes) {
  PolicyPtr p = MustParseOne("permit(principal, action == Action::\"view\", resource);");
  EXPECT_EQ(p->action.op, ScopeConstraint::Op::kEq);
  EXPECT_EQ(p->action.entity, EntityUid("Action", "view"));

  p = MustParseOne("permit(principal, action in Ns::Action::\"read\", resource);");
  EXPECT_EQ(p->action.op, ScopeConstraint::Op::kIn);
  EXPECT_FALSE(p->action.is_list);
  EXPECT_EQ(p->action.entity, EntityUid("Ns::Action", "read"));

  p = MustParseOne("permit(principal, action in [Action::\"a\", A::Action::\"b\",], resource);");
  EXPECT_EQ(p->action.op, ScopeConstraint::Op::kIn);
  EXPECT_TRUE(p->action.is_list);
  EXPECT_FALSE(p->action.entity.has_value());
  ASSERT_EQ(p->action.entity_list.size(), 2u);
  EXPECT_EQ(p->action.entity_list[1], EntityUid("A::Action", "b"));

  p = MustParseOne("permit(principal, action in [], resource);");
  EXPECT_TRUE(p->action.is_list);
  EXPECT_TRUE(p->action.entity_list.empty());

  ExpectError("permit(principal, action in Foo::\"a\", resource);", 1, 29,
              "expected an entity uid with type `Action` but got `Foo::\"a\"`");
  ExpectError("permit(principal, action == ActionX::\"a\", resource);", 1, 29, "type `Action`");
  ExpectError("permit(principal, action in [Action::\"a\", Foo::\"x\"], resource);", 1, 43,
              "type `Action`");
  ExpectError("permit(principal, action is Action, resource);", 1, 26,
              "`is` cannot appear in the action scope");
  ExpectError("permit(principal, action == ?principal, resource);", 1, 29, "slot");
  ExpectError("permit(principal, action in [Action::\"a\", ?principal], resource);", 1, 43, "slot");
  ExpectError("permit(principal, action == Action, resource);", 1, 29, "found name `Action`");
  ExpectError("permit(principal, action in [Action::\"a\",,], resource);", 1, 42, "found `,`");
}

TEST(PolicyParserTest, TemplatesAndSlots) {
  PolicyPtr p =
      MustParseOne("permit(principal in ?principal, action, resource is Photo in ?resource);");
  EXPECT_TRUE(p->is_template);
  EXPECT_EQ(p->principal.op, ScopeConstraint::Op::kIn);
  EXPECT_EQ(p->principal.slot, std::optional<SlotId>(SlotId::kPrincipal));
  EXPECT_FALSE(p->principal.entity.has_value());
  EXPECT_EQ(p->resource.op, ScopeConstraint::Op::kIsIn);
  EXPECT_EQ(p->resource.slot, std::optional<SlotId>(SlotId::kResource));
  EXPECT_EQ(p->resource.entity_type, "Photo");

  p = MustParseOne("forbid(principal, action, resource == ?resource);");
  EXPECT_TRUE(p->is_template);
  EXPECT_EQ(p->resource.op, ScopeConstraint::Op::kEq);

  ExpectError("permit(principal == ?resource, action, resource);", 1, 21,
              "template slot ?principal, found ?resource");
  ExpectError("permit(principal, action, resource in ?principal);", 1, 39,
              "template slot ?resource, found ?principal");
  ExpectError("permit(principal == ?foo, action, resource);", 1, 21, "found ?foo");
  ExpectError("permit(principal is ?principal, action, resource);", 1, 21, "entity type name");
  ExpectError("permit(principal in User::\"a\", action, resource) when { ?principal };", 1, 57,
              "found template slot ?principal in a `when` clause");
  ExpectError("permit(principal, action, resource) unless { principal == ?resource };", 1, 59,
              "in a `unless` clause");
}

TEST(PolicyParserTest, ScopeErrors) {
  ExpectError("permit(action, principal, resource);", 1, 8,
              "found the variable `action` where the variable `principal` must be used");
  ExpectError("permit(principal, action);", 1, 25, "missing the `resource` variable");
  ExpectError("permit();", 1, 8, "missing the `principal` variable");
  ExpectError("permit(principal, action, resource, context);", 1, 37,
              "extra element in the scope: context");
  ExpectError("permit(principal, action, resource,,);", 1, 36, "`)`");
  ExpectError("permit(principal in [User::\"a\"], action, resource);", 1, 21,
              "found a set of entity UIDs");
  ExpectError("permit(principal is User == User::\"a\", action, resource);", 1, 26,
              "`is` cannot be used together with `==`");
  ExpectError("permit(principal == User, action, resource);", 1, 21, "found name `User`");
  ExpectError("permit(principal <= User::\"a\", action, resource);", 1, 18,
              "invalid operator in the policy scope: <=");
  ExpectError("permit(principal == User::\"a\"::\"b\", action, resource);", 1, 30,
              "expected `,` after the principal scope");
  ExpectError("permit(principal is __cedar, action, resource);", 1, 21, "__cedar");
  ExpectError("permit(principal == if::\"a\", action, resource);", 1, 21, "reserved");
  ExpectError("permit(principal foo, action, resource);", 1, 18, "expected `,`");
}

TEST(PolicyParserTest, Conditions) {
  PolicyPtr p = MustParseOne(
      "permit(principal, action, resource)\n"
      "  when { principal has name }\n"
      "  unless { context.x == 1 }\n"
      "  when { true };");
  ASSERT_EQ(p->conditions.size(), 3u);
  EXPECT_TRUE(p->conditions[0].is_when);
  EXPECT_FALSE(p->conditions[1].is_when);
  EXPECT_TRUE(p->conditions[2].is_when);
  EXPECT_EQ(internal::ToSexpr(*p->conditions[1].expr), "(== (. context \"x\") 1)");
  EXPECT_EQ(p->conditions[1].expr->loc.line, 3u);
  EXPECT_EQ(p->conditions[1].expr->loc.column, 12u);

  ExpectError("permit(principal, action, resource) when {};", 1, 37,
              "`when` condition clause cannot be empty");
  ExpectError("permit(principal, action, resource) where { true };", 1, 37,
              "invalid policy condition `where`");
  ExpectError("permit(principal, action, resource) when { true }", 1, 50,
              "expected `;` after policy");
  ExpectError("permit(principal, action, resource) when { true ;", 1, 49, "`}`");
  ExpectError("permit(principal, action, resource) when true;", 1, 42, "`{`");
}

TEST(PolicyParserTest, EffectAndStructureErrors) {
  ExpectError("permitt(principal, action, resource);", 1, 1, "invalid policy effect `permitt`");
  ExpectError("Permit(principal, action, resource);", 1, 1, "invalid policy effect");
  ExpectError("permit principal, action, resource);", 1, 8, "expected `(`");
  ExpectError("permit(principal, action, resource)", 1, 36, "expected `;` after policy");
  ExpectError("permit(principal, action, resource);\n  forbid(principal, action, resource)", 2, 38,
              "expected `;`");
  ExpectError("permit(principal, action, resource);;", 1, 37, "invalid policy effect `;`");
  ExpectError("permit(principal, action, resource) when { 1 = 2 };", 1, 46,
              "'=' is not a valid operator");
  ExpectError("permit(principal, action, resource) when { \"x };", 1, 44,
              "unterminated string literal");
}

TEST(PolicyParserTest, NeverCrashesOnJunk) {
  const std::string inputs[] = {std::string("\0\0\0", 3),
                                "\xFF\xFE",
                                "@",
                                "@(",
                                "permit(",
                                "permit(principal ==",
                                "permit(principal == User::",
                                "permit(principal, action in [",
                                "permit(principal, action "
                                "in [Action::\"a\"",
                                "((((",
                                "\"\\",
                                "\"\\u{",
                                "\"\\u{FFFFFFFFFFFFFFFFFFFF}\"",
                                "?",
                                "/",
                                "permit(principal, action, resource) when { principal.",
                                "forbid(principal is"};
  for (const std::string& in : inputs) {
    EXPECT_FALSE(ParsePolicies(in).ok()) << in;
    EXPECT_FALSE(ParseExpression(in).ok()) << in;
    EXPECT_FALSE(ParseEntityUid(in).ok()) << in;
  }
}

TEST(PolicyParserTest, AllCorpusPoliciesParse) {
  const std::filesystem::path root =
      std::filesystem::path(METAGATE_SOURCE_DIR) / "../shared/cedar-tests";
  ASSERT_TRUE(std::filesystem::exists(root)) << "no Cedar test corpus at " << root;
  int files = 0;
  int policies = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".cedar") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    Result<std::vector<PolicyPtr>> r = ParsePolicies(ss.str());
    EXPECT_TRUE(r.ok()) << entry.path() << ": " << r.status().ToString();
    ++files;
    if (r.ok()) policies += static_cast<int>(r->size());
  }
  EXPECT_GT(files, 2000);
  EXPECT_GT(policies, files);
  std::cout << "parsed " << files << " corpus files, " << policies << " policies\n";
}

}  // namespace
}  // namespace metagate::cedar
