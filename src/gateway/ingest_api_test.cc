#include "ingest_api.h"

#include <gtest/gtest.h>

#include "sender_auth.h"

namespace metagate::gateway {
namespace {

net::HttpRequest Post(std::string body, std::vector<std::pair<std::string, std::string>> h = {}) {
  net::HttpRequest r;
  r.method = "POST";
  r.body = std::move(body);
  r.headers = std::move(h);
  return r;
}

TEST(IngestApi, SegmentSingleCallsGetTheirTypeFromThePath) {
  auto r = DecodeIngest("segment", "/v1/identify", Post(R"( {"userId":"u"})"));
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->body, R"( {"type":"identify","userId":"u"})");
  auto kept = DecodeIngest("segment", "/v1/track", Post(R"({"type":"track","event":"E"})"));
  EXPECT_EQ(kept->body, R"({"type":"track","event":"E"})");
  auto empty = DecodeIngest("segment", "/v1/track", Post("{}"));
  EXPECT_EQ(empty->body, R"({"type":"track"})");
}

TEST(IngestApi, CredentialsFromHeadersAndBody) {
  // "Basic d2stMTIzOg==" is "wk-123:".
  auto r = DecodeIngest(
      "segment", "/v1/batch",
      Post(R"({"batch":[],"writeKey":"wk-body"})", {{"Authorization", "Basic d2stMTIzOg=="}}));
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->credentials.size(), 2u);
  EXPECT_EQ(r->credentials[0].kind, "write_key");
  EXPECT_EQ(r->credentials[0].secret, "wk-123");
  EXPECT_EQ(r->credentials[1].secret, "wk-body");
  auto a = DecodeIngest("amplitude", "/2/httpapi", Post(R"({"api_key":"ak","events":[]})"));
  EXPECT_EQ(a->credentials.at(0).kind, "api_key");
  auto b = DecodeIngest(
      "otlp-logs", "/v1/logs",
      Post("{}", {{"authorization", "Bearer tok"}, {"Content-Type", "application/json"}}));
  EXPECT_EQ(b->credentials.at(0).kind, "bearer");
  EXPECT_EQ(b->credentials.at(0).secret, "tok");
}

TEST(IngestApi, MixpanelFormDataIsJsonOrBase64) {
  std::string json = R"([{"event":"E","properties":{"token":"t"}}])";
  // base64 of the JSON, URL-encoded.
  std::string b64 = "W3siZXZlbnQiOiJFIiwicHJvcGVydGllcyI6eyJ0b2tlbiI6InQifX1d";
  std::vector<std::string> forms = {
      "data=" + b64, "ip=1&data=" + b64 + "&verbose=1",
      "data=%5B%7B%22event%22%3A%22E%22%2C%22properties%22%3A%7B%22token%22%3A%22t%22%7D%7D%5D"};
  for (const std::string& form : forms) {
    auto r = DecodeIngest("mixpanel", "/track",
                          Post(form, {{"Content-Type", "application/x-www-form-urlencoded"}}));
    ASSERT_TRUE(r.ok()) << form << ": " << r.status().ToString();
    EXPECT_EQ(r->body, json);
    EXPECT_EQ(r->credentials.at(0).secret, "t");
  }
  EXPECT_FALSE(
      DecodeIngest("mixpanel", "/track",
                   Post("nodata=1", {{"Content-Type", "application/x-www-form-urlencoded"}}))
          .ok());
}

TEST(IngestApi, UnknownPathsAndMethods) {
  auto r = DecodeIngest("posthog", "/nope", Post("{}"));
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
  net::HttpRequest get = Post("{}");
  get.method = "GET";
  EXPECT_FALSE(DecodeIngest("posthog", "/capture", get).ok());
  auto proto = DecodeIngest("otlp-traces", "/v1/traces",
                            Post("\x0a\x01", {{"Content-Type", "application/x-protobuf"}}));
  EXPECT_FALSE(proto.ok());
}

TEST(IngestApi, RepliesInTheVendorsShape) {
  net::HttpResponse r;
  ReplyAccepted("mixpanel", "/track", 3, 100, r);
  EXPECT_EQ(r.body, "1");
  ReplyAccepted("mixpanel", "/import", 3, 100, r);
  EXPECT_EQ(r.body, R"({"code":200,"num_records_imported":3,"status":1})");
  ReplyError("otlp-logs", 401, "unknown credential", r);
  EXPECT_EQ(r.status, 401);
  EXPECT_EQ(r.body, R"({"code":16,"message":"unknown credential"})");
}

TEST(SenderAuth, MatchesByKindAndDigest) {
  egress::IntegrationConfig a, b;
  a.id = "a";
  b.id = "b";
  // sha256("tok-a") and sha256("wk-b").
  a.credentials.push_back(
      {"bearer", "4f66a4283f8bc9768c3cb97fd06d267b79315aee941c9c1727b9354509242ffe", {}});
  std::string wk_b = "0be2ff7dcae22ac3ecca774f456bf59aa89f67b0f6fb7f449ef2b7a27df93d66";
  b.credentials.push_back({"write_key", wk_b, {}});
  std::vector<egress::IntegrationConfig> all = {a, b};
  SenderAuth auth(all);
  EXPECT_EQ(auth.Find({{"bearer", "tok-a"}}), &all[0]);
  EXPECT_EQ(auth.Find({{"write_key", "wk-b"}}), &all[1]);
  EXPECT_EQ(auth.Find({{"write_key", "tok-a"}}), nullptr);  // right secret, wrong kind
  EXPECT_EQ(auth.Find({{"bearer", "tok-b"}}), nullptr);
  EXPECT_EQ(auth.Find({{"bearer", ""}, {"write_key", "wk-b"}}), &all[1]);  // next candidate
  EXPECT_EQ(auth.Find({}), nullptr);
}

}  // namespace
}  // namespace metagate::gateway
