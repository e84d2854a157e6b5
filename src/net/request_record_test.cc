#include "metagate/net/request_record.h"

#include <gtest/gtest.h>

namespace metagate::net {
namespace {

TEST(RequestRecord, CredentialHeadersAreRedacted) {
  HttpRequest r;
  r.method = "POST";
  r.target = "/v1/batch";
  r.headers = {{"Authorization", "Basic c2VjcmV0Og=="},
               {"X-Api-Key", "k-123"},
               {"Content-Type", "application/json"}};
  r.body = R"({"a":"é"})";
  std::string out;
  AppendRequestRecord(r, 200, 7, 1000, out);
  EXPECT_EQ(out, R"({"seq":7,"time_ms":1000,"method":"POST","path":"/v1/batch","headers":{)"
                 R"("authorization":"[redacted]","x-api-key":"[redacted]",)"
                 R"("content-type":"application/json"},"body":"{\"a\":\"é\"}","status":200})");
  EXPECT_EQ(out.find("c2VjcmV0"), std::string::npos);
}

TEST(RequestRecord, BinaryBodiesAreBase64) {
  HttpRequest r;
  r.method = "POST";
  r.target = "/";
  r.body = std::string("\x1f\x8b\xff", 3);
  std::string out;
  AppendRequestRecord(r, 503, 1, 0, out);
  EXPECT_NE(out.find(R"("body_base64":"H4v/")"), std::string::npos) << out;
  EXPECT_NE(out.find(R"("status":503)"), std::string::npos);
}

TEST(RequestRecord, SecretHeaderNames) {
  for (const char* h : {"authorization", "Proxy-Authorization", "Cookie", "X-Auth-Token", "apikey",
                        "X-Client-Secret"}) {
    EXPECT_TRUE(IsSecretHeader(h)) << h;
  }
  for (const char* h : {"content-type", "user-agent", "host", "x-request-id"}) {
    EXPECT_FALSE(IsSecretHeader(h)) << h;
  }
}

TEST(ListenAddress, Parses) {
  auto a = ParseListenAddress("127.0.0.1:8080");
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->first, "127.0.0.1");
  EXPECT_EQ(a->second, 8080);
  auto b = ParseListenAddress("[::1]:0");
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(b->first, "::1");
  for (const char* bad : {"8080", "host:", "host:99999", ":80", "host:8x"}) {
    EXPECT_FALSE(ParseListenAddress(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace metagate::net
