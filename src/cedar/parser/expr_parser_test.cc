// Tests for Cedar expression parsing: tree shapes, precedence, desugaring, literals, errors.
#include <gtest/gtest.h>

#include <string>

#include "metagate/cedar/parser.h"
#include "parser/sexpr_test_util.h"

namespace metagate::cedar {
namespace {

std::string S(std::string_view text) {
  Result<ExprPtr> r = ParseExpression(text);
  if (!r.ok()) return "ERROR " + r.status().ToString();
  return internal::ToSexpr(**r);
}

// Expects a parse error at line:column whose message contains `fragment`.
void ExpectError(std::string_view text, uint32_t line, uint32_t column, std::string_view fragment) {
  Result<ExprPtr> r = ParseExpression(text);
  ASSERT_FALSE(r.ok()) << text << " parsed as " << internal::ToSexpr(**r);
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().loc().line, line) << r.status().ToString();
  EXPECT_EQ(r.status().loc().column, column) << r.status().ToString();
  EXPECT_NE(r.status().message().find(fragment), std::string::npos) << r.status().ToString();
}

TEST(ExprParserTest, Literals) {
  EXPECT_EQ(S("true"), "true");
  EXPECT_EQ(S("false"), "false");
  EXPECT_EQ(S("42"), "42");
  EXPECT_EQ(S("\"hi\""), "\"hi\"");
  EXPECT_EQ(S("User::\"alice\""), "User::\"alice\"");
  EXPECT_EQ(S("Ns::Sub::User :: \"a\""), "Ns::Sub::User::\"a\"");
  EXPECT_EQ(S("principal::\"a\""), "principal::\"a\"");
}

TEST(ExprParserTest, LiteralKindsAndValues) {
  Result<ExprPtr> r = ParseExpression("Ns::User::\"a\\\"b\"");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_EQ((*r)->kind, ExprKind::kLiteral);
  ASSERT_TRUE((*r)->literal.is_entity());
  EXPECT_EQ((*r)->literal.as_entity().type(), "Ns::User");
  EXPECT_EQ((*r)->literal.as_entity().id(), "a\"b");
}

TEST(ExprParserTest, Variables) {
  EXPECT_EQ(S("principal"), "principal");
  EXPECT_EQ(S("action"), "action");
  EXPECT_EQ(S("resource"), "resource");
  EXPECT_EQ(S("context"), "context");
  Result<ExprPtr> r = ParseExpression("context");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->kind, ExprKind::kVar);
  EXPECT_EQ((*r)->var, Var::kContext);
}

TEST(ExprParserTest, IntegerLimits) {
  EXPECT_EQ(S("9223372036854775807"), "9223372036854775807");
  EXPECT_EQ(S("-9223372036854775808"), "-9223372036854775808");
  Result<ExprPtr> r = ParseExpression("-9223372036854775808");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->kind, ExprKind::kLiteral);
  EXPECT_EQ((*r)->literal.as_long(), INT64_MIN);
  ExpectError("9223372036854775808", 1, 1, "integer literal `9223372036854775808` is too large");
  ExpectError("-9223372036854775809", 1, 2, "too large");
  ExpectError("1 + 99999999999999999999999", 1, 5, "too large");
}

TEST(ExprParserTest, NegationFolding) {
  EXPECT_EQ(S("-5"), "-5");
  EXPECT_EQ(S("--5"), "(neg -5)");
  EXPECT_EQ(S("- -5"), "(neg -5)");
  EXPECT_EQ(S("--9223372036854775808"), "(neg -9223372036854775808)");
  EXPECT_EQ(S("-(5)"), "(neg 5)");
  EXPECT_EQ(S("-1.foo"), "(neg (. 1 \"foo\"))");
  EXPECT_EQ(S("-principal"), "(neg principal)");
  EXPECT_EQ(S("1 - -2"), "(- 1 -2)");
  EXPECT_EQ(S("1-2"), "(- 1 2)");
}

TEST(ExprParserTest, UnaryChains) {
  EXPECT_EQ(S("!!!!true"), "(! (! (! (! true))))");
  EXPECT_EQ(S("----1"), "(neg (neg (neg -1)))");
  ExpectError("!!!!!true", 1, 5, "too many occurrences of `!`");
  ExpectError("-----1", 1, 5, "too many occurrences of `-`");
  ExpectError("!-1", 1, 2, "unexpected token `-`");
  ExpectError("-!1", 1, 2, "unexpected token `!`");
  EXPECT_EQ(S("!(-1)"), "(! -1)");
}

TEST(ExprParserTest, Precedence) {
  EXPECT_EQ(S("1 + 2 * 3 - 4"), "(- (+ 1 (* 2 3)) 4)");
  EXPECT_EQ(S("true || false && true"), "(|| true (&& false true))");
  EXPECT_EQ(S("1 == 1 && 2 == 2 || false"), "(|| (&& (== 1 1) (== 2 2)) false)");
  EXPECT_EQ(S("!true == false"), "(== (! true) false)");
  EXPECT_EQ(S("1 < 2 + 3"), "(< 1 (+ 2 3))");
  EXPECT_EQ(S("-principal has a"), "(has (neg principal) \"a\")");
  EXPECT_EQ(S("a::\"x\" in b::\"y\" && true"), "(&& (in a::\"x\" b::\"y\") true)");
  EXPECT_EQ(S("(1 + 2) * 3"), "(* (+ 1 2) 3)");
  EXPECT_EQ(S("1 * 2 * 3"), "(* (* 1 2) 3)");
  EXPECT_EQ(S("principal.a || principal.b && !context.c"),
            "(|| (. principal \"a\") (&& (. principal \"b\") (! (. context \"c\"))))");
  EXPECT_EQ(S("true || false || true"), "(|| (|| true false) true)");
}

TEST(ExprParserTest, AllRelations) {
  EXPECT_EQ(S("1 == 2"), "(== 1 2)");
  EXPECT_EQ(S("1 != 2"), "(!= 1 2)");
  EXPECT_EQ(S("1 < 2"), "(< 1 2)");
  EXPECT_EQ(S("1 <= 2"), "(<= 1 2)");
  EXPECT_EQ(S("1 > 2"), "(> 1 2)");
  EXPECT_EQ(S("1 >= 2"), "(>= 1 2)");
  EXPECT_EQ(S("principal in resource"), "(in principal resource)");
  EXPECT_EQ(S("principal in [resource]"), "(in principal (set resource))");
}

TEST(ExprParserTest, RelationsAreNotAssociative) {
  ExpectError("1 < 2 < 3", 1, 7, "multiple relational operators");
  ExpectError("1 == 2 == 3", 1, 8, "multiple relational operators");
  ExpectError("1 < 2 in 3", 1, 7, "multiple relational operators");
  ExpectError("principal has a has b", 1, 17, "unexpected token `has`");
  ExpectError("principal has a == true", 1, 17, "unexpected token `==`");
  ExpectError("principal is A is B", 1, 16, "unexpected token `is`");
  ExpectError("\"a\" like \"a\" like \"b\"", 1, 14, "unexpected token `like`");
  ExpectError("principal is A in B::\"x\" == true", 1, 26, "unexpected token `==`");
  EXPECT_EQ(S("(1 < 2) == true"), "(== (< 1 2) true)");
}

TEST(ExprParserTest, IfThenElse) {
  EXPECT_EQ(S("if true then 1 else 2"), "(if true 1 2)");
  EXPECT_EQ(S("if true then 1 else 2 + 3"), "(if true 1 (+ 2 3))");
  EXPECT_EQ(S("if 1 then 2 else 3 || 4"), "(if 1 2 (|| 3 4))");
  EXPECT_EQ(S("if true then if false then 1 else 2 else 3"), "(if true (if false 1 2) 3)");
  EXPECT_EQ(S("[if true then 1 else 2]"), "(set (if true 1 2))");
  ExpectError("if true then 1", 1, 15, "expected `else`");
  ExpectError("1 + if true then 1 else 2", 1, 5, "unexpected token `if`");
}

TEST(ExprParserTest, HasAttribute) {
  EXPECT_EQ(S("principal has a"), "(has principal \"a\")");
  EXPECT_EQ(S("principal has \"a b\""), "(has principal \"a b\")");
  EXPECT_EQ(S("principal has principal"), "(has principal \"principal\")");
  EXPECT_EQ(S("principal has a.b.c"),
            "(&& (&& (has principal \"a\") (has (. principal \"a\") \"b\")) "
            "(has (. (. principal \"a\") \"b\") \"c\"))");
  EXPECT_EQ(S("principal has a.b && true"),
            "(&& (&& (has principal \"a\") (has (. principal \"a\") \"b\")) true)");
  ExpectError("principal has if", 1, 15, "reserved");
  ExpectError("principal has a.true", 1, 17, "reserved");
  ExpectError("principal has __cedar", 1, 15, "__cedar");
  ExpectError("principal has a[\"b\"]", 1, 16, "invalid right-hand side of `has`");
  ExpectError("principal has \"a\".b", 1, 18, "invalid right-hand side of `has`");
  ExpectError("principal has a.b()", 1, 18, "invalid right-hand side of `has`");
  ExpectError("principal has a::b", 1, 16, "invalid right-hand side of `has`");
  ExpectError("principal has 1", 1, 15, "invalid right-hand side of `has`");
}

TEST(ExprParserTest, IsAndIsIn) {
  EXPECT_EQ(S("principal is A::B"), "(is principal A::B)");
  EXPECT_EQ(S("principal is A::B in resource"), "(&& (is principal A::B) (in principal resource))");
  EXPECT_EQ(S("principal is A && true"), "(&& (is principal A) true)");
  EXPECT_EQ(S("principal is principal"), "(is principal principal)");
  Result<ExprPtr> r = ParseExpression("principal is Ns::T");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ((*r)->kind, ExprKind::kIs);
  EXPECT_EQ((*r)->name, "Ns::T");
  ExpectError("principal is \"A\"", 1, 14, "entity type name");
  ExpectError("principal is A::\"b\"", 1, 14, "entity type name");
  ExpectError("principal is __cedar::A", 1, 14, "`__cedar::A` contains `__cedar`");
  ExpectError("principal is A::__cedar", 1, 14, "reserved");
  ExpectError("principal is A in B::\"x\" in C", 1, 26, "unexpected token `in`");
}

TEST(ExprParserTest, Like) {
  EXPECT_EQ(S("\"a\" like \"a*b\\*c\""), "(like \"a\" `a*b\\*c`)");
  EXPECT_EQ(S("\"a\" like \"\""), "(like \"a\" ``)");
  EXPECT_EQ(S("\"a\" like \"**\""), "(like \"a\" `**`)");
  // A star produced by an escape other than `\*` is a wildcard, as in Cedar.
  EXPECT_EQ(S("\"a\" like \"\\u{2a}\""), "(like \"a\" `*`)");
  EXPECT_EQ(S("\"a\" like \"\\\\*\""), "(like \"a\" `\\*`)");
  Result<ExprPtr> r = ParseExpression("1 like \"\\u{1F600}\\n*\"");
  ASSERT_TRUE(r.ok());
  ASSERT_EQ((*r)->pattern.elems.size(), 3u);
  EXPECT_EQ((*r)->pattern.elems[0].ch, 0x1F600u);
  EXPECT_FALSE((*r)->pattern.elems[0].wildcard);
  EXPECT_EQ((*r)->pattern.elems[1].ch, static_cast<uint32_t>('\n'));
  EXPECT_TRUE((*r)->pattern.elems[2].wildcard);
  ExpectError("\"a\" like principal", 1, 10, "pattern");
  ExpectError("\"a\" like (\"b\")", 1, 10, "pattern");
  ExpectError("\"a\" like \"x\\q\"", 1, 12, "`\\q` is not a valid escape");
}

TEST(ExprParserTest, StringEscapes) {
  Result<ExprPtr> r = ParseExpression(R"("\n\r\t\\\0\'\"\u{41}\u{1F600}\x41é")");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ((*r)->literal.as_string(), std::string("\n\r\t\\") + std::string(1, '\0') +
                                           "'\"A\xF0\x9F\x98\x80"
                                           "Aé");
  EXPECT_EQ(S("\"\\u{10FFFF}\"").size(), 6u);
  ExpectError(R"("ab\*")", 1, 4, "`\\*` is not a valid escape");
  ExpectError(R"("\u{}")", 1, 2, "`\\u{}`");
  ExpectError(R"("\u{1234567}")", 1, 2, "not a valid escape");
  ExpectError(R"("\u{D800}")", 1, 2, "not a valid escape");
  ExpectError(R"("\u{110000}")", 1, 2, "not a valid escape");
  ExpectError(R"("\u41")", 1, 2, "`\\u4`");
  ExpectError(R"("\x80")", 1, 2, "not a valid escape");
  ExpectError(R"("\x4")", 1, 2, "not a valid escape");
  ExpectError("\"a\n\\q\"", 2, 1, "`\\q`");
  ExpectError("\"abc", 1, 1, "unterminated string literal");
  EXPECT_EQ(S("\"a\nb\""), "\"a\\nb\"");
}

TEST(ExprParserTest, MemberAccess) {
  EXPECT_EQ(S("principal.a.b"), "(. (. principal \"a\") \"b\")");
  EXPECT_EQ(S("principal[\"a b\"]"), "(. principal \"a b\")");
  EXPECT_EQ(S("principal.principal"), "(. principal \"principal\")");
  EXPECT_EQ(S("principal.permit"), "(. principal \"permit\")");
  EXPECT_EQ(S("{a: 1}.a"), "(. (record (\"a\" 1)) \"a\")");
  EXPECT_EQ(S("principal.contains"), "(. principal \"contains\")");
  ExpectError("principal.if", 1, 11, "reserved");
  ExpectError("principal.__cedar", 1, 11, "__cedar");
  ExpectError("principal[1]", 1, 11, "string literal");
  ExpectError("principal.1", 1, 11, "after `.`");
  ExpectError("principal[\"a\"", 1, 14, "`]`");
}

TEST(ExprParserTest, BuiltinMethods) {
  EXPECT_EQ(S("principal.contains(1)"), "(contains principal 1)");
  EXPECT_EQ(S("principal.containsAll([1])"), "(containsAll principal (set 1))");
  EXPECT_EQ(S("principal.containsAny([1],)"), "(containsAny principal (set 1))");
  EXPECT_EQ(S("principal.getTag(\"a\")"), "(getTag principal \"a\")");
  EXPECT_EQ(S("principal.hasTag(\"a\")"), "(hasTag principal \"a\")");
  EXPECT_EQ(S("principal.isEmpty()"), "(isEmpty principal)");
  EXPECT_EQ(S("principal[\"a\"].contains(1)"), "(contains (. principal \"a\") 1)");
  ExpectError("principal.isEmpty(1)", 1, 11, "requires exactly 0 arguments, but got 1 argument");
  ExpectError("principal.contains()", 1, 11, "requires exactly 1 argument, but got 0 arguments");
  ExpectError("principal.contains(1, 2)", 1, 11, "but got 2 arguments");
  ExpectError("contains(1, 2)", 1, 1, "`contains` is a method, not a function");
}

TEST(ExprParserTest, ExtensionCalls) {
  EXPECT_EQ(S("ip(\"1.2.3.4\")"), "(call ip \"1.2.3.4\")");
  EXPECT_EQ(S("ip(\"a\",)"), "(call ip \"a\")");
  EXPECT_EQ(S("ip(\"1.2.3.4\").isInRange(ip(\"1.0.0.0/8\"))"),
            "(call isInRange (call ip \"1.2.3.4\") (call ip \"1.0.0.0/8\"))");
  EXPECT_EQ(S("decimal(\"1.0\").lessThan(decimal(\"2.0\"))"),
            "(call lessThan (call decimal \"1.0\") (call decimal \"2.0\"))");
  EXPECT_EQ(S("datetime(\"2024-01-01\").offset(duration(\"1h\")).toDate()"),
            "(call toDate (call offset (call datetime \"2024-01-01\") (call duration \"1h\")))");
  // Cedar checks extension function arity only when evaluating.
  EXPECT_EQ(S("ip()"), "(call ip)");
  EXPECT_EQ(S("ip(\"a\").isIpv4(1, 2)"), "(call isIpv4 (call ip \"a\") 1 2)");
  ExpectError("ipp(\"x\")", 1, 1, "unknown extension function `ipp`");
  ExpectError("A::ip(\"x\")", 1, 1, "`A::ip` is not a valid function");
  ExpectError("isIpv4(ip(\"a\"))", 1, 1, "`isIpv4` is a method, not a function");
  ExpectError("principal.ip(\"a\")", 1, 11, "`ip` is a function, not a method");
  ExpectError("principal.foo()", 1, 11, "`foo` is not a valid method");
  ExpectError("ip(,)", 1, 4, "unexpected token `,`");
}

TEST(ExprParserTest, SetsAndRecords) {
  EXPECT_EQ(S("[]"), "(set)");
  EXPECT_EQ(S("[1, [2, {a: [3]}],]"), "(set 1 (set 2 (record (\"a\" (set 3)))))");
  EXPECT_EQ(S("{}"), "(record)");
  EXPECT_EQ(S("{b: 1, \"a c\": 2, principal: 3, when: 4,}"),
            "(record (\"b\" 1) (\"a c\" 2) (\"principal\" 3) (\"when\" 4))");
  ExpectError("{\"a\": 1, a: 2}", 1, 10, "duplicate key `a` in record literal");
  ExpectError("{if: 1}", 1, 2, "reserved");
  ExpectError("{true: 1}", 1, 2, "reserved");
  ExpectError("{__cedar: 1}", 1, 2, "__cedar");
  ExpectError("{1: 2}", 1, 2, "invalid attribute name");
  ExpectError("{a 1}", 1, 4, "expected `:`");
  ExpectError("{a: 1 b: 2}", 1, 7, "`,` or `}`");
  ExpectError("[1 2]", 1, 4, "`,` or `]`");
  ExpectError("[,]", 1, 2, "unexpected token `,`");
}

TEST(ExprParserTest, NamesAndReservedWords) {
  ExpectError("foo", 1, 1, "invalid variable: foo");
  ExpectError("x::y::z", 1, 1, "invalid variable: x::y::z");
  ExpectError("A::if::\"a\"", 1, 4, "reserved and cannot be used: if");
  ExpectError("has::\"a\"", 1, 1, "reserved");
  ExpectError("__cedar::\"a\"", 1, 1, "contains `__cedar`");
  EXPECT_EQ(S("__cedarx::\"a\""), "__cedarx::\"a\"");
  EXPECT_EQ(S("principal.__cedarx"), "(. principal \"__cedarx\")");
  ExpectError("User::\"a\"::\"b\"", 1, 10, "unexpected `::`");
  ExpectError("?principal", 1, 1, "template slot ?principal");
  ExpectError("()", 1, 2, "unexpected token `)`");
  ExpectError("", 1, 1, "unexpected end of input");
  ExpectError("1 2", 1, 3, "unexpected `2` after the expression");
  ExpectError("1 \"" + std::string(100, 'x') + "\"", 1, 3,
              "unexpected `\"" + std::string(39, 'x') + "...` after");
}

TEST(ExprParserTest, Lexing) {
  EXPECT_EQ(S("1 // comment\n + 2"), "(+ 1 2)");
  EXPECT_EQ(S("1\xC2\xA0+\xE2\x80\x83\x0B\x0C"
              "2"),
            "(+ 1 2)");  // Unicode whitespace
  ExpectError("1 = 2", 1, 3, "'=' is not a valid operator");
  ExpectError("1 & 2", 1, 3, "`&&`");
  ExpectError("1 | 2", 1, 3, "`||`");
  ExpectError("1 # 2", 1, 3, "invalid character `#`");
  ExpectError("1 + \xC3\xA9", 1, 5, "invalid character");
  ExpectError("\"\xFF\"", 1, 2, "not valid UTF-8");
  ExpectError("1 +\n  \xC0\x80", 2, 3, "not valid UTF-8");
  ExpectError("\"\xED\xA0\x80\"", 1, 2, "not valid UTF-8");  // encoded surrogate
  ExpectError("? principal", 1, 1, "invalid token `?`");
  ExpectError(std::string_view("1 +\0 2", 6), 1, 4, "invalid character");
}

TEST(ExprParserTest, Locations) {
  Result<ExprPtr> r = ParseExpression("\n  principal.a &&\n   [1]");
  ASSERT_TRUE(r.ok());
  const Expr& e = **r;
  EXPECT_EQ(e.kind, ExprKind::kAnd);
  EXPECT_EQ(e.loc.line, 2u);
  EXPECT_EQ(e.loc.column, 3u);
  EXPECT_EQ(e.loc.offset, 3u);
  const Expr& set = *e.args[1];
  EXPECT_EQ(set.loc.line, 3u);
  EXPECT_EQ(set.loc.column, 4u);
  const Expr& elem = *set.args[0];
  EXPECT_EQ(elem.loc.line, 3u);
  EXPECT_EQ(elem.loc.column, 5u);
  EXPECT_EQ(elem.loc.offset, 22u);
}

TEST(ExprParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep(100000, '(');
  ExpectError(deep, 1, 201, "nested too deeply");
  std::string long_chain = "1";
  for (int i = 0; i < 5000; ++i) long_chain += " + 1";
  Result<ExprPtr> r = ParseExpression(long_chain);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("nested too deeply"), std::string::npos);
  std::string sets(10000, '[');
  EXPECT_FALSE(ParseExpression(sets).ok());
  std::string unary;
  for (int i = 0; i < 3000; ++i) unary += "!(";
  EXPECT_FALSE(ParseExpression(unary).ok());
  // Moderate nesting is fine.
  std::string ok = std::string(100, '(') + "1" + std::string(100, ')');
  EXPECT_EQ(S(ok), "1");
  std::string chain = "1";
  for (int i = 0; i < 500; ++i) chain += " + 1";
  EXPECT_TRUE(ParseExpression(chain).ok());
}

TEST(ExprParserTest, EntityUidAndName) {
  Result<EntityUid> uid = ParseEntityUid("  Ns::User::\"al\\\"ice\" // c\n");
  ASSERT_TRUE(uid.ok()) << uid.status().ToString();
  EXPECT_EQ(uid->type(), "Ns::User");
  EXPECT_EQ(uid->id(), "al\"ice");
  EXPECT_FALSE(ParseEntityUid("User").ok());
  EXPECT_FALSE(ParseEntityUid("User::\"a\" x").ok());
  EXPECT_FALSE(ParseEntityUid("").ok());
  EXPECT_FALSE(ParseEntityUid("if::\"a\"").ok());
  Result<std::string> name = ParseName("Ns::Sub::Type");
  ASSERT_TRUE(name.ok());
  EXPECT_EQ(*name, "Ns::Sub::Type");
  EXPECT_FALSE(ParseName("Ns::").ok());
  EXPECT_FALSE(ParseName(" Ns::User").ok());  // not normalized
  EXPECT_FALSE(ParseName("Ns :: User").ok());
  EXPECT_FALSE(ParseName("User//c").ok());
  EXPECT_TRUE(ParseName("principal").ok());
  EXPECT_FALSE(ParseName("Ns::\"a\"").ok());
  EXPECT_FALSE(ParseName("a b").ok());
  EXPECT_FALSE(ParseName("__cedar::A").ok());
  Result<std::string> bad = ParseName("A::in");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().loc().column, 4u);
}

}  // namespace
}  // namespace metagate::cedar
