#include "metagate/cedar/formatter.h"

#include <gtest/gtest.h>

#include "format/char_width.h"
#include "format/doc.h"
#include "format/fixture_util.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/policy_json.h"
#include "metagate/common/file_util.h"

namespace metagate::cedar {
namespace {

std::string Read(const std::string& path) {
  Result<std::string> r = ReadFile(path);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : "";
}

TEST(FormatterTest, MatchesCedarOnFixtures) {
  const auto names = testing::PolicyFormatFixtures();
  ASSERT_GE(names.size(), 30u);
  for (const std::string& name : names) {
    const std::string base = testing::PolicyFormatFixturesDir() + "/" + name;
    const std::string input = Read(base + ".cedar");
    Result<std::string> got = FormatPolicies(input);
    ASSERT_TRUE(got.ok()) << name << ": " << got.status().ToString();
    EXPECT_EQ(*got, Read(base + ".formatted")) << name;
    FormatOptions narrow;
    narrow.line_width = 40;
    Result<std::string> got40 = FormatPolicies(input, narrow);
    ASSERT_TRUE(got40.ok());
    EXPECT_EQ(*got40, Read(base + ".w40.formatted")) << name;
    Result<std::string> again = FormatPolicies(*got);
    ASSERT_TRUE(again.ok());
    EXPECT_EQ(*again, *got) << name << ": not idempotent";
  }
}

TEST(FormatterTest, ShortPolicyStaysOnOneLine) {
  Result<std::string> got = FormatPolicies("permit(principal,action,resource)when{true};");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "permit (principal, action, resource)\nwhen { true };\n");
}

TEST(FormatterTest, ScopeWithConstraintsGoesOnePerLine) {
  Result<std::string> got = FormatPolicies("permit(principal==User::\"a\",action,resource);");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "permit (\n  principal == User::\"a\",\n  action,\n  resource\n);\n");
}

TEST(FormatterTest, KeepsCommentsAndStringSpelling) {
  Result<std::string> got =
      FormatPolicies("// head\npermit(principal,action,resource) // tail\nwhen { \"\\u{e9}\" };");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "// head\npermit (principal, action, resource) // tail\nwhen { \"\\u{e9}\" };\n");
}

TEST(FormatterTest, EmptyInputGivesANewline) {
  Result<std::string> got = FormatPolicies("");
  ASSERT_TRUE(got.ok());
  EXPECT_EQ(*got, "\n");
}

TEST(FormatterTest, ParseErrorsHaveLineAndColumn) {
  Result<std::string> got = FormatPolicies("permit(principal,action,resource)\nwhen { 1 + };");
  ASSERT_FALSE(got.ok());
  EXPECT_EQ(got.status().loc().line, 2u);
  EXPECT_GT(got.status().loc().column, 0u);
}

TEST(DocTest, GroupBreaksOnlyWhenTooWide) {
  using namespace format_internal;  // NOLINT
  Doc d = Group(Append(Append(Text("aaaa"), Nest(Append(Line(), Text("bbbb")), 2)),
                       Append(Line(), Text("cc"))));
  EXPECT_EQ(Render(d, 20), "aaaa bbbb cc");
  EXPECT_EQ(Render(d, 8), "aaaa\n  bbbb\ncc");
}

TEST(DocTest, HardlineTakesIndentationOfWhatFollows) {
  using namespace format_internal;  // NOLINT
  Doc d = Append(Nest(Append(Text("a"), Hardline()), 4), Text("b"));
  EXPECT_EQ(Render(d, 80), "a\nb");
}

TEST(PrinterTest, PrintsWhatParsesBackToTheSameJson) {
  const char* kPolicies[] = {
      "permit(principal is User in Group::\"g\", action in [Action::\"a\"], resource) when { "
      "principal is User in Group::\"x\" && context has a.b && -(1) == --1 && !(-1 == 2) };",
      "forbid(principal == ?principal, action, resource in ?resource) unless { if (1 + 2) * 3 "
      "> 4 then [1, {\"a b\": ip(\"1.1.1.1\").isIpv4()}] else (if true then 1 else 2).foo };",
      "permit(principal, action, resource) when { (-1).x && principal[\"if\"] like \"a*\\*\" "
      "&& (principal in resource) == true && !!!!(!true) };",
  };
  for (const char* text : kPolicies) {
    Result<std::vector<PolicyPtr>> parsed = ParsePolicies(text);
    ASSERT_TRUE(parsed.ok()) << parsed.status().ToString();
    const std::string printed = PolicyToText(*(*parsed)[0]);
    Result<std::vector<PolicyPtr>> back = ParsePolicies(printed);
    ASSERT_TRUE(back.ok()) << printed << "\n" << back.status().ToString();
    EXPECT_EQ(PolicyToJson(*(*back)[0]), PolicyToJson(*(*parsed)[0])) << printed;
  }
}

TEST(PrinterTest, PoliciesToTextIsFormatted) {
  Result<std::vector<PolicyPtr>> parsed =
      ParsePolicies("@id(\"a\") permit(principal,action,resource) when { 1 < 2 };");
  ASSERT_TRUE(parsed.ok());
  Result<std::string> text = PoliciesToText(*parsed);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(*text, "@id(\"a\")\npermit (principal, action, resource)\nwhen { 1 < 2 };\n");
}

}  // namespace
}  // namespace metagate::cedar

namespace metagate::cedar::format_internal {
namespace {

// Widths measured with Cedar 4.12's formatter (the line width at which a line starts to fit).
TEST(CharWidthTest, MatchesCedarsUnicodeWidth) {
  EXPECT_EQ(DisplayWidth("a\tb"), 3u);              // ASCII: bytes, controls included
  EXPECT_EQ(DisplayWidth("\xC3\xA9"), 1u);          // é
  EXPECT_EQ(DisplayWidth("\xD6\xB2"), 0u);          // U+05B2 combining
  EXPECT_EQ(DisplayWidth("\xC2\xAD"), 0u);          // U+00AD soft hyphen
  EXPECT_EQ(DisplayWidth("\xC2\x85"), 1u);          // U+0085 control
  EXPECT_EQ(DisplayWidth("\xE6\x97\xA5"), 2u);      // 日
  EXPECT_EQ(DisplayWidth("\xF0\x9F\x98\x80"), 2u);  // U+1F600
  EXPECT_EQ(DisplayWidth("\xF0\x9F\xA4\x80"), 1u);  // U+1F900 (not emoji presentation)
  EXPECT_EQ(DisplayWidth("\xE2\x8C\x9A"), 2u);      // U+231A watch
}

}  // namespace
}  // namespace metagate::cedar::format_internal
