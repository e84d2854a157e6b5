#include "metagate/transform/redact.h"

#include <gtest/gtest.h>

namespace metagate::transform {
namespace {

TEST(Redact, ReplacesSpansWithMarkers) {
  std::string text = "mail bob@x.io or call +1 555 0100, card 4111111111111111.";
  auto at = [&](std::string_view needle) {
    size_t b = text.find(needle);
    return std::pair<size_t, size_t>(b, b + needle.size());
  };
  auto [e0, e1] = at("bob@x.io");
  auto [p0, p1] = at("+1 555 0100");
  auto [c0, c1] = at("4111111111111111");
  std::vector<Span> spans = {{e0, e1, "email"}, {p0, p1, "phone"}, {c0, c1, "credit_card"}};
  Result<std::string> r = Redact(text, spans);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(*r, "mail [EMAIL] or call [PHONE], card [CREDIT_CARD].");
}

TEST(Redact, EdgesAndNoSpans) {
  EXPECT_EQ(*Redact("", {}), "");
  EXPECT_EQ(*Redact("abc", {}), "abc");
  EXPECT_EQ(*Redact("abc", {{0, 3, "secret"}}), "[SECRET]");
  EXPECT_EQ(*Redact("abcdef", {{0, 1, "a"}, {1, 2, "b"}, {5, 6, "c"}}), "[A][B]cde[C]");
  EXPECT_EQ(*Redact("abc", {{1, 2, ""}}), "a[REDACTED]c");
  EXPECT_EQ(*Redact("abc", {{1, 2, "ip-address v6"}}), "a[IP_ADDRESS_V6]c");
}

TEST(Redact, InvalidUtf8OutsideSpansIsByteExact) {
  static constexpr char kIn[] = "\xff\xfe a@b.c \xc3(\x00 tail\x80";
  static constexpr char kOut[] = "\xff\xfe [EMAIL] \xc3(\x00 tail\x80";
  std::string text(kIn, sizeof kIn - 1);
  ASSERT_EQ(text.substr(3, 5), "a@b.c");
  Result<std::string> r = Redact(text, {{3, 8, "email"}});
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, std::string(kOut, sizeof kOut - 1));
}

TEST(Redact, RejectsBadSpans) {
  EXPECT_FALSE(Redact("abc", {{1, 1, "x"}}).ok());                  // empty
  EXPECT_FALSE(Redact("abc", {{2, 1, "x"}}).ok());                  // reversed
  EXPECT_FALSE(Redact("abc", {{1, 4, "x"}}).ok());                  // past the end
  EXPECT_FALSE(Redact("abc", {{5, 6, "x"}}).ok());                  // past the end
  EXPECT_FALSE(Redact("", {{0, 1, "x"}}).ok());                     // empty text
  EXPECT_FALSE(Redact("abcdef", {{0, 3, "x"}, {2, 4, "y"}}).ok());  // overlap
  EXPECT_FALSE(Redact("abcdef", {{3, 4, "x"}, {0, 1, "y"}}).ok());  // unsorted
  EXPECT_FALSE(Redact("abcdef", {{0, 3, "x"}, {0, 3, "y"}}).ok());  // duplicate
  Status st = Redact("abc", {{1, 9, "x"}}).status();
  EXPECT_NE(st.message().find("[1, 9)"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace metagate::transform
