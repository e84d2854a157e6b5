#include "metagate/common/json.h"

#include <gtest/gtest.h>

namespace metagate::json {
namespace {

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
