#include "metagate/common/json.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <random>

namespace metagate::json {
namespace {

// AppendQuoted scans eight bytes at a time: every byte value at every offset and length must
// come out as a byte-at-a-time escaper writes it (and parse back to the input).
TEST(JsonTest, AppendQuotedEscapesEveryByteAtEveryOffset) {
  auto reference = [](std::string_view s) {
    std::string out = "\"";
    for (char ch : s) {
      auto c = static_cast<unsigned char>(ch);
      if (c == '"') {
        out += "\\\"";
      } else if (c == '\\') {
        out += "\\\\";
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\r') {
        out += "\\r";
      } else if (c == '\t') {
        out += "\\t";
      } else if (c == '\b') {
        out += "\\b";
      } else if (c == '\f') {
        out += "\\f";
      } else if (c < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", c);
        out += buf;
      } else {
        out.push_back(ch);
      }
    }
    return out + "\"";
  };
  for (int b = 0; b < 256; ++b) {
    for (size_t len = 1; len <= 20; ++len) {
      for (size_t at = 0; at < len; ++at) {
        std::string s(len, 'x');
        s[at] = static_cast<char>(b);
        std::string out;
        AppendQuoted(out, s);
        ASSERT_EQ(out, reference(s)) << "byte " << b << " at " << at << " of " << len;
      }
    }
  }
  std::mt19937 rng(7);
  for (int round = 0; round < 2000; ++round) {
    std::string s(rng() % 70, '\0');
    for (char& c : s) c = static_cast<char>(rng() % 4 == 0 ? rng() % 0x30 : 0x20 + rng() % 0xe0);
    std::string out = "prefix";
    AppendQuoted(out, s);
    ASSERT_EQ(out, "prefix" + reference(s));
  }
}

TEST(JsonTest, ParsesNestedDocumentWithPositions) {
  auto r = Parse("{\n  \"a\": [1, -9223372036854775808, \"x\\u00e9\"],\n  \"b\": {\"c\": null}\n}");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Value* a = r->Find("a");
  ASSERT_NE(a, nullptr);
  ASSERT_EQ(a->items().size(), 3u);
  EXPECT_EQ(a->items()[1].as_int(), INT64_MIN);
  EXPECT_EQ(a->items()[2].as_string(), "x\xc3\xa9");
  EXPECT_EQ(a->loc().line, 2u);
  EXPECT_EQ(a->loc().column, 8u);
  EXPECT_TRUE(r->Find("b")->Find("c")->is_null());
}

TEST(JsonTest, KeepsOutOfRangeIntegersAsNumbers) {
  auto r = Parse("[9223372036854775808, 1.5, 2e3]");
  ASSERT_TRUE(r.ok());
  for (const auto& v : r->items()) EXPECT_EQ(v.kind(), Kind::kNumber);
  EXPECT_EQ(r->items()[0].as_string(), "9223372036854775808");
}

TEST(JsonTest, ReportsLineAndColumnOfErrors) {
  auto r = Parse("{\n  \"a\": [1,\n    2,,\n  ]\n}");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().loc().line, 3u);
  EXPECT_EQ(r.status().loc().column, 7u);
}

TEST(JsonTest, RejectsBadInput) {
  for (const char* bad : {"", "{", "[1 2]", "\"\\x\"", "{\"a\" 1}", "01x", "tru", "\"\\ud800\"",
                          "\"\xff\"", "[1] 2", "-", "1."}) {
    EXPECT_FALSE(Parse(bad).ok()) << bad;
  }
  EXPECT_FALSE(Parse("[[[[1]]]]", 2).ok());
}

TEST(JsonTest, DumpRoundTrips) {
  const char* text = "{\"k\":[true,false,null,-3,\"a\\\"b\\n\"],\"z\":{}}";
  auto r = Parse(text);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->Dump(), text);
}

}  // namespace
}  // namespace metagate::json
