#include "metagate/pdp/ext_authz.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "metagate/common/base64.h"

namespace metagate::pdp {
namespace {

constexpr int64_t kNow = 1'700'000'000;
const std::string kSecret = "ext-authz-test-secret-0123456789abcdef";

std::string Token(const std::string& claims, const std::string& secret = kSecret) {
  std::string input = base64::EncodeUrl(R"({"alg":"HS256"})") + "." + base64::EncodeUrl(claims);
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), int(secret.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &len);
  return input + "." + base64::EncodeUrl(std::string(reinterpret_cast<char*>(mac), len));
}

ExtAuthzConfig TodoConfig() {
  ExtAuthzConfig c;
  c.principal = {.type = "identity", .from_jwt = false, .header = "x-user-id"};
  c.routes = {
      {.methods = {"GET"},
       .path_template = "/todos",
       .action = "list",
       .resource_type = "App",
       .resource_id = "todos"},
      {.methods = {"GET", "PUT"},
       .path_template = "/todos/{todoId}",
       .action = "{method}-todo",
       .resource_type = "Todo",
       .resource_id = "{todoId}"},
      {.path_template = "/todos/{todoId}",
       .action = "other",
       .resource_type = "Route",
       .resource_id = "{route}"},
      {.path_template = "/files/{path*}", .resource_type = "File", .resource_id = "/{path}"},
      {.path_template = "/", .resource_type = "App", .resource_id = "root"},
  };
  c.allow_headers = {{"x-metagate-principal", "{principal}"}, {"x-why", "{action} {{ok}}"}};
  c.context_headers = {"X-Tenant", "accept"};
  return c;
}

CheckInput Input(std::string method, std::string path,
                 std::vector<std::pair<std::string, std::string>> headers = {
                     {"x-user-id", "alice"}}) {
  return CheckInput{std::move(method), std::move(path), std::move(headers)};
}

MappedCheck Map(const CheckInput& in, const ExtAuthzConfig& c = TodoConfig()) {
  EXPECT_TRUE(ValidateExtAuthzConfig(c).ok()) << ValidateExtAuthzConfig(c).message();
  return MapCheck(c, nullptr, in, kNow);
}

TEST(ExtAuthzMap, TemplatesAndMethodFilters) {
  MappedCheck m = Map(Input("GET", "/ext_authz/todos/42"));
  ASSERT_TRUE(m.ok()) << m.message;
  EXPECT_EQ(m.request->principal_type, "identity");
  EXPECT_EQ(m.request->principal_id, "alice");
  EXPECT_EQ(m.request->action, "GET-todo");
  EXPECT_EQ(m.request->resource_type, "Todo");
  EXPECT_EQ(m.request->resource_id, "42");

  m = Map(Input("GET", "/ext_authz/todos"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.request->action, "list");
  EXPECT_EQ(m.request->resource_id, "todos");

  // DELETE is filtered out of rule 1; rule 2 (any method) matches and uses {route}.
  m = Map(Input("DELETE", "/ext_authz/todos/42"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.request->action, "other");
  EXPECT_EQ(m.request->resource_type, "Route");
  EXPECT_EQ(m.request->resource_id, "/todos/{todoId}");

  m = Map(Input("POST", "/ext_authz/todos"));  // only GET on /todos
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.failure, CheckFailure::kNoRoute);
  EXPECT_EQ(HttpStatusFor(m.failure), 403);

  m = Map(Input("GET", "/ext_authz"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.request->resource_id, "root");
  EXPECT_EQ(m.request->action, "GET");  // the default action template
}

TEST(ExtAuthzMap, FirstMatchWins) {
  ExtAuthzConfig c = TodoConfig();
  c.routes.insert(c.routes.begin(), {.path_template = "/todos/{id}",
                                     .action = "first",
                                     .resource_type = "T",
                                     .resource_id = "{id}"});
  MappedCheck m = Map(Input("GET", "/ext_authz/todos/7"), c);
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.request->action, "first");
  EXPECT_EQ(m.request->resource_type, "T");
}

TEST(ExtAuthzMap, WildcardCapturesTheRest) {
  MappedCheck m = Map(Input("GET", "/ext_authz/files/a/b%20c/d.txt"));
  ASSERT_TRUE(m.ok()) << m.message;
  EXPECT_EQ(m.request->resource_id, "/a/b c/d.txt");
  EXPECT_EQ(m.request->context.Find("params")->Find("path")->as_string(), "a/b c/d.txt");
  EXPECT_FALSE(Map(Input("GET", "/ext_authz/files")).ok());   // needs one segment or more
  EXPECT_FALSE(Map(Input("GET", "/ext_authz/files/")).ok());  // an empty one does not count
  EXPECT_FALSE(Map(Input("GET", "/ext_authz/todos/")).ok());
}

TEST(ExtAuthzMap, PercentDecodingPerSegment) {
  MappedCheck m = Map(Input("GET", "/ext_authz/todos/a%2Fb"));  // one segment, not two
  ASSERT_TRUE(m.ok()) << m.message;
  EXPECT_EQ(m.request->resource_id, "a/b");
  m = Map(Input("GET", "/ext_authz/%74odos/x%41"));  // literals match the decoded text
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.request->resource_id, "xA");
  m = Map(Input("GET", "/ext_authz/todos/a+b"));  // '+' is not a space in a path
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.request->resource_id, "a+b");
  for (const char* bad : {"/ext_authz/todos/%zz", "/ext_authz/todos/%4", "/ext_authz/todos/%",
                          "/ext_authz/todos/%ff"}) {
    m = Map(Input("GET", bad));
    ASSERT_FALSE(m.ok()) << bad;
    EXPECT_EQ(m.failure, CheckFailure::kBadRequest) << bad;
    EXPECT_EQ(HttpStatusFor(m.failure), 400);
  }
}

TEST(ExtAuthzMap, RejectsDotSegmentsAndNul) {
  for (const char* bad :
       {"/ext_authz/todos/..", "/ext_authz/todos/.", "/ext_authz/todos/%2e%2E",
        "/ext_authz/files/a/../b", "/ext_authz/todos/%2e", "/ext_authz/todos/a%00"}) {
    MappedCheck m = Map(Input("GET", bad));
    ASSERT_FALSE(m.ok()) << bad;
    EXPECT_EQ(m.failure, CheckFailure::kBadRequest) << bad;
  }
  MappedCheck m = Map(Input("GET", std::string("/ext_authz/todos/a\0b", 20)));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.failure, CheckFailure::kBadRequest);
  EXPECT_TRUE(Map(Input("GET", "/ext_authz/todos/..a")).ok());  // only whole dot segments
}

TEST(ExtAuthzMap, QuerySplitAndContext) {
  CheckInput in = Input("GET", "/ext_authz/todos/a%2Fb?x=1&y=%2F",
                        {{"x-user-id", "alice"},
                         {"x-tenant", "t1"},
                         {"accept", "a"},
                         {"accept", "b"},
                         {"cookie", "secret"}});
  MappedCheck m = Map(in);
  ASSERT_TRUE(m.ok()) << m.message;
  EXPECT_EQ(m.request->resource_id, "a/b");
  EXPECT_EQ(m.request->context.Dump(),
            R"({"method":"GET","path":"/todos/a%2Fb","query":"x=1&y=%2F",)"
            R"("headers":{"x-tenant":"t1","accept":"a, b"},"params":{"todoId":"a/b"}})");
  m = Map(Input("GET", "/ext_authz?q"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.request->context.Find("query")->as_string(), "q");
  EXPECT_EQ(m.request->context.Find("path")->as_string(), "/");
  m = Map(Input("GET", "/ext_authz/todos"));
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m.request->context.Find("query"), nullptr);
  EXPECT_EQ(m.request->context.Find("headers")->members().size(), 0u);
}

TEST(ExtAuthzMap, PrefixMustEndOnASegmentBoundary) {
  MappedCheck m = Map(Input("GET", "/ext_authzX/todos"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.failure, CheckFailure::kNoRoute);
  EXPECT_FALSE(Map(Input("GET", "/todos")).ok());
  ExtAuthzConfig c = TodoConfig();
  c.path_prefix = "/ext_authz/";  // a trailing slash in the config changes nothing
  EXPECT_TRUE(Map(Input("GET", "/ext_authz/todos"), c).ok());
  EXPECT_FALSE(Map(Input("GET", "/ext_authzX/todos"), c).ok());
  c.path_prefix = "";
  EXPECT_TRUE(Map(Input("GET", "/todos"), c).ok());
}

TEST(ExtAuthzMap, HeaderPrincipal) {
  MappedCheck m = Map(Input("GET", "/ext_authz/todos", {}));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.failure, CheckFailure::kUnauthenticated);
  EXPECT_EQ(HttpStatusFor(m.failure), 401);
  EXPECT_EQ(Map(Input("GET", "/ext_authz/todos", {{"x-user-id", ""}})).failure,
            CheckFailure::kUnauthenticated);
  m = Map(Input("GET", "/ext_authz/todos", {{"x-user-id", "alice"}, {"x-user-id", "bob"}}));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.failure, CheckFailure::kUnauthenticated);
  ExtAuthzConfig upper = TodoConfig();
  upper.principal.header = "X-User-Id";  // config names are matched case-insensitively
  m = Map(Input("GET", "/ext_authz/todos", {{"x-user-id", "dave"}}), upper);
  ASSERT_TRUE(m.ok()) << m.message;
  EXPECT_EQ(m.request->principal_id, "dave");
  m = Map(Input("GET", "/ext_authz/todos", {{"x-user-id", "alice\r\nx-admin: 1"}}));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.failure, CheckFailure::kUnauthenticated);
  EXPECT_EQ(m.message.find("alice"), std::string::npos);
}

class ExtAuthzJwt : public ::testing::Test {
 protected:
  ExtAuthzJwt() {
    config_ = TodoConfig();
    config_.principal = {.type = "User", .from_jwt = true, .jwt_claim = "sub"};
    Result<JwtVerifier> v = JwtVerifier::Create({.keys = {{"", JwtKey::kHs256, kSecret}}});
    EXPECT_TRUE(v.ok());
    verifier_.emplace(std::move(v).value());
  }
  MappedCheck MapWith(const std::string& authorization) {
    EXPECT_TRUE(ValidateExtAuthzConfig(config_).ok());
    return MapCheck(config_, &*verifier_,
                    Input("GET", "/ext_authz/todos/1", {{"authorization", authorization}}), kNow);
  }
  ExtAuthzConfig config_;
  std::optional<JwtVerifier> verifier_;
};

TEST_F(ExtAuthzJwt, PrincipalFromVerifiedToken) {
  MappedCheck m = MapWith("Bearer " + Token(R"({"sub":"carol","exp":1700000500})"));
  ASSERT_TRUE(m.ok()) << m.message;
  EXPECT_EQ(m.request->principal_type, "User");
  EXPECT_EQ(m.request->principal_id, "carol");
  m = MapWith("bEaReR   " + Token(R"({"sub":"carol","exp":1700000500})"));
  ASSERT_TRUE(m.ok()) << m.message;
  config_.principal.jwt_claim = "uid";
  m = MapWith("Bearer " + Token(R"({"sub":"carol","uid":1234,"exp":1700000500})"));
  ASSERT_TRUE(m.ok()) << m.message;
  EXPECT_EQ(m.request->principal_id, "1234");
}

TEST_F(ExtAuthzJwt, MissingOrInvalidTokenIsUnauthenticated) {
  std::string expired = Token(R"({"sub":"carol","exp":1600000000})");
  for (const std::string& auth :
       {std::string(""), std::string("Bearer"), std::string("Bearer "), std::string("Basic abc"),
        "Bearer " +
            Token(R"({"sub":"carol","exp":1700000500})", "wrong-secret-wrong-secret-000000"),
        "Bearer " + expired, "Bearer " + Token(R"({"exp":1700000500})"),
        "Bearer " + Token(R"({"sub":"","exp":1700000500})"), "Bearer" + expired}) {
    MappedCheck m = MapWith(auth);
    ASSERT_FALSE(m.ok()) << auth;
    EXPECT_EQ(m.failure, CheckFailure::kUnauthenticated) << auth;
    EXPECT_EQ(m.message.find(expired.substr(0, 12)), std::string::npos);
  }
  EXPECT_EQ(MapWith("Bearer " + expired).message, "bearer token rejected: JWT expired");
  MappedCheck no_verifier = MapCheck(
      config_, nullptr, Input("GET", "/ext_authz/todos/1", {{"authorization", "Bearer x"}}), kNow);
  EXPECT_EQ(no_verifier.failure, CheckFailure::kUnauthenticated);
}

TEST(ExtAuthzConfig, AllowHeadersFilled) {
  MappedCheck m = Map(Input("PUT", "/ext_authz/todos/9"));
  ASSERT_TRUE(m.ok());
  auto headers = AllowHeaders(TodoConfig(), *m.request);
  ASSERT_EQ(headers.size(), 2u);
  EXPECT_EQ(headers[0], (std::pair<std::string, std::string>{"x-metagate-principal", "alice"}));
  EXPECT_EQ(headers[1], (std::pair<std::string, std::string>{"x-why", "PUT-todo {ok}"}));
}

TEST(ExtAuthzConfig, ValidationNamesTheProblem) {
  auto error = [](auto mutate) {
    ExtAuthzConfig c = TodoConfig();
    mutate(c);
    return ValidateExtAuthzConfig(c).message();
  };
  EXPECT_EQ(error([](ExtAuthzConfig&) {}), "");
  EXPECT_EQ(error([](ExtAuthzConfig& c) { c.routes[1].resource_id = "{nope}"; }),
            "ext_authz route #1 resource_id: {nope} is not a capture of path_template, {method} "
            "or {route}");
  EXPECT_EQ(error([](ExtAuthzConfig& c) { c.routes[0].path_template = "todos"; }),
            "ext_authz route #0: path_template must start with '/'");
  EXPECT_EQ(error([](ExtAuthzConfig& c) { c.routes[3].path_template = "/f/{p*}/x"; }),
            "ext_authz route #3: path_template has a wildcard '{name*}' before its last segment");
  EXPECT_EQ(error([](ExtAuthzConfig& c) { c.routes[0].path_template = "/t/{id}.json"; }),
            "ext_authz route #0: path_template captures must be whole segments");
  EXPECT_EQ(error([](ExtAuthzConfig& c) { c.routes[0].action = "a{"; }),
            "ext_authz route #0 action: a '{' is not closed");
  EXPECT_EQ(error([](ExtAuthzConfig& c) { c.principal.header = ""; }),
            "ext_authz principal header is empty");
  EXPECT_EQ(error([](ExtAuthzConfig& c) {
              c.allow_headers.push_back({"x", "{method}"});
            }),
            "ext_authz allow header 'x' may only use {principal} and {action}");
}

}  // namespace
}  // namespace metagate::pdp
