#include "admin_http.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace metagate::governance {
namespace {

using ::testing::HasSubstr;

TEST(AdminInstant, DatesAndInstants) {
  EXPECT_EQ(*ParseInstantMs("1970-01-01", "x"), 0);
  EXPECT_EQ(*ParseInstantMs("2024-05-01", "x"), 1714521600000);
  EXPECT_EQ(*ParseInstantMs("2024-02-29", "x"), 1709164800000);
  EXPECT_EQ(*ParseInstantMs("2024-05-01T13:00Z", "x"), 1714568400000);
  EXPECT_EQ(*ParseInstantMs("2024-05-01T15:00:00+02:00", "x"), 1714568400000);
  EXPECT_EQ(*ParseInstantMs("2024-05-01T08:30:00-04:30", "x"), 1714568400000);
  EXPECT_EQ(*ParseInstantMs("2024-05-01T13:00:00.123456Z", "x"), 1714568400123);
  EXPECT_EQ(*ParseInstantMs("1969-12-31T23:59:59Z", "x"), -1000);
}

TEST(AdminInstant, RejectsWithTheAcceptedForms) {
  for (const char* bad :
       {"", "2024-5-01", "2023-02-29", "2024-13-01", "2024-05-00", "2024-05-01T13:00",
        "2024-05-01T24:00Z", "2024-05-01T13:60Z", "2024-05-01T13:00:00.Z", "2024-05-01 13:00Z",
        "2024-05-01T13:00+0200", "2024-05-01T13:00Zjunk", "1714521600000"}) {
    Result<int64_t> r = ParseInstantMs(bad, "'since'");
    ASSERT_FALSE(r.ok()) << bad;
    EXPECT_THAT(r.status().message(), HasSubstr("'since' must be a date (2024-05-01)"));
  }
}

TEST(AdminQuery, DecodesAndChecksNames) {
  Result<std::map<std::string, std::string>> q =
      ParseQuery("/x?a=1&b=x%20y%2Fz&&c=&d", {"a", "b", "c", "d"});
  ASSERT_TRUE(q.ok()) << q.status().ToString();
  EXPECT_EQ(q->at("a"), "1");
  EXPECT_EQ(q->at("b"), "x y/z");
  EXPECT_EQ(q->at("c"), "");
  EXPECT_EQ(q->at("d"), "");
  EXPECT_TRUE(ParseQuery("/x", {})->empty());
  EXPECT_THAT(ParseQuery("/x?e=1", {"a", "b"}).status().message(),
              HasSubstr("unknown query parameter 'e' (accepted: a, b)"));
  EXPECT_THAT(ParseQuery("/x?a=1&a=2", {"a"}).status().message(), HasSubstr("given twice"));
  EXPECT_FALSE(ParseQuery("/x?a=%4", {"a"}).ok());
}

TEST(AdminBearer, ParsesOnlyWellFormedHeaders) {
  auto token = [](std::string header) {
    net::HttpRequest r;
    r.headers.emplace_back("Authorization", std::move(header));
    std::optional<std::string_view> t = BearerToken(r);
    return t ? std::string(*t) : std::string("<none>");
  };
  EXPECT_EQ(token("Bearer abc"), "abc");
  EXPECT_EQ(token("BEARER abc"), "abc");
  EXPECT_EQ(token("Bearer "), "<none>");
  EXPECT_EQ(token("Bearer a b"), "<none>");
  EXPECT_EQ(token("Bearerabc"), "<none>");
  EXPECT_EQ(token("Basic abc"), "<none>");
  EXPECT_EQ(BearerToken(net::HttpRequest{}), std::nullopt);
}

TEST(AdminHttp, ErrorBodyIsEscapedJson) {
  net::HttpResponse r;
  FailJson(r, 403, "no \"x\"");
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(r.body, "{\"error\":{\"status\":403,\"message\":\"no \\\"x\\\"\"}}");
}

}  // namespace
}  // namespace metagate::governance
