#include "metagate/pdp/pdp_service.h"

#include <gtest/gtest.h>

#include <set>
#include <string>
#include <vector>

#include "http_util.h"
#include "pdp_test_util.h"

namespace metagate::pdp {
namespace {

using testing::TempDir;

constexpr char kAuthzenToken[] = "authzen-token-abcdef";
constexpr char kEntitiesToken[] = "entities-token-0123456789";

constexpr char kSchema[] = R"(
entity User;
entity Doc = { public?: Bool };
action view, edit appliesTo { principal: [User], resource: [Doc] };
)";

constexpr char kPolicies[] = R"(
@id("alice-all") permit (principal == User::"alice", action, resource);
@id("view-public")
permit (principal, action == Action::"view", resource) when { resource has public && resource.public };
)";

constexpr char kEntities[] = R"([
  {"uid": {"type": "User", "id": "alice"}, "attrs": {}, "parents": []},
  {"uid": {"type": "User", "id": "bob"}, "attrs": {}, "parents": []},
  {"uid": {"type": "Doc", "id": "d1"}, "attrs": {"public": true}, "parents": []},
  {"uid": {"type": "Doc", "id": "d2"}, "attrs": {}, "parents": []},
  {"uid": {"type": "Doc", "id": "d3"}, "attrs": {"public": true}, "parents": []},
  {"uid": {"type": "Doc", "id": "d4"}, "attrs": {}, "parents": []},
  {"uid": {"type": "Doc", "id": "d5"}, "attrs": {"public": true}, "parents": []}
])";

constexpr char kExtAuthz[] = R"(
  ext_authz:
    principal: {type: User, header: x-user}
    routes:
      - {methods: [GET], path: "/docs/{id}", action: view, resource: {type: Doc, id: "{id}"}}
      - {path: "/ghosts/{id}", action: view, resource: {type: Ghost, id: "{id}"}}
)";

net::HttpRequest Request(std::string method, std::string target, std::string body = "",
                         std::vector<std::pair<std::string, std::string>> headers = {}) {
  net::HttpRequest r;
  r.method = std::move(method);
  r.target = std::move(target);
  r.body = std::move(body);
  r.headers = std::move(headers);
  return r;
}

const std::string* ResponseHeader(const net::HttpResponse& resp, const std::string& name) {
  for (const auto& [k, v] : resp.headers) {
    if (k == name) return &v;
  }
  return nullptr;
}

json::Value Body(const net::HttpResponse& resp) {
  Result<json::Value> v = json::Parse(resp.body);
  EXPECT_TRUE(v.ok()) << resp.body;
  return v.ok() ? std::move(*v) : json::Value::Null();
}

class PdpServiceTest : public ::testing::Test {
 protected:
  // A service over the files above; `extra` is appended to the `pdp:` section.
  std::unique_ptr<PdpService> Make(const std::string& extra) {
    dir_.Write("schema.cedarschema", kSchema);
    dir_.Write("policies.cedar", kPolicies);
    dir_.Write("entities.json", kEntities);
    dir_.Write("authzen.token", kAuthzenToken);
    dir_.Write("entities.token", kEntitiesToken);
    std::string file = dir_.Write("metagate.yaml",
                                  "pdp:\n  policies: [policies.cedar]\n"
                                  "  schema: schema.cedarschema\n  entities: [entities.json]\n" +
                                      extra);
    Result<std::optional<PdpConfig>> config = LoadPdpConfig(file);
    EXPECT_TRUE(config.ok() && config->has_value()) << config.status().ToString();
    if (!config.ok() || !config->has_value()) return nullptr;
    Result<std::unique_ptr<Pdp>> pdp = Pdp::Open(**config, "");
    EXPECT_TRUE(pdp.ok()) << pdp.status().ToString();
    if (!pdp.ok()) return nullptr;
    Result<std::unique_ptr<PdpService>> s = PdpService::Create(std::move(*pdp), false);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }

  void SetUp() override {
    service_ = Make(std::string("  entities_api: {token: file:entities.token}\n") + kExtAuthz);
    ASSERT_NE(service_, nullptr);
  }

  net::HttpResponse Call(const net::HttpRequest& req) {
    net::HttpResponse resp;
    EXPECT_TRUE(service_->Handle(req, resp)) << req.target;
    return resp;
  }
  net::HttpResponse Post(const std::string& target, const std::string& body) {
    return Call(Request("POST", target, body));
  }

  TempDir dir_;
  std::unique_ptr<PdpService> service_;
};

TEST_F(PdpServiceTest, OtherPathsAreNotHandled) {
  net::HttpResponse resp;
  resp.status = 299;
  EXPECT_FALSE(service_->Handle(Request("GET", "/v1/batch"), resp));
  EXPECT_FALSE(service_->Handle(Request("GET", "/access/v2/evaluation"), resp));
  EXPECT_FALSE(service_->Handle(Request("GET", "/entities/v10"), resp));
  EXPECT_FALSE(service_->Handle(Request("GET", "/ext_authzz/docs/d1"), resp));
  EXPECT_EQ(resp.status, 299);  // left alone
}

TEST_F(PdpServiceTest, EchoesWellFormedRequestId) {
  net::HttpResponse resp =
      Call(Request("GET", "/access/v1/evaluation", "", {{"X-Request-ID", "req-42"}}));
  const std::string* id = ResponseHeader(resp, "X-Request-ID");
  ASSERT_NE(id, nullptr);
  EXPECT_EQ(*id, "req-42");

  std::string longest(256, 'a');
  resp = Call(Request("GET", "/access/v1/evaluation", "", {{"x-request-id", longest}}));
  ASSERT_NE(ResponseHeader(resp, "X-Request-ID"), nullptr);
  EXPECT_EQ(*ResponseHeader(resp, "X-Request-ID"), longest);

  for (const std::string& bad :
       {std::string(257, 'a'), std::string("a\r\nSet-Cookie: x"), std::string("a b"),
        std::string("tab\there"), std::string("\x7f")}) {
    resp = Call(Request("GET", "/access/v1/evaluation", "", {{"X-Request-ID", bad}}));
    EXPECT_EQ(ResponseHeader(resp, "X-Request-ID"), nullptr) << bad.size();
  }
}

TEST_F(PdpServiceTest, MethodPathAndBodyErrors) {
  net::HttpResponse resp = Call(Request("GET", "/access/v1/evaluation"));
  EXPECT_EQ(resp.status, 405);
  ASSERT_NE(ResponseHeader(resp, "Allow"), nullptr);
  EXPECT_EQ(*ResponseHeader(resp, "Allow"), "POST");
  EXPECT_EQ(Body(resp).Find("error")->Find("status")->as_int(), 405);

  EXPECT_EQ(Post("/access/v1/nothing", "{}").status, 404);
  EXPECT_EQ(Post("/access/v1/evaluation", "{not json").status, 400);
  EXPECT_EQ(Post("/access/v1/evaluation", R"({"subject": {"type": "User"}})").status, 400);
  // An undeclared type is the request's fault.
  resp = Post("/access/v1/evaluation", R"({"subject": {"type": "Ghost", "id": "g"},
      "action": {"name": "view"}, "resource": {"type": "Doc", "id": "d1"}})");
  EXPECT_EQ(resp.status, 400);
  EXPECT_EQ(Call(Request("POST", "/.well-known/authzen-configuration", "{}")).status, 405);
}

TEST_F(PdpServiceTest, ContentTypeMustBeJson) {
  const std::string body = R"({"subject": {"type": "User", "id": "alice"},
      "action": {"name": "edit"}, "resource": {"type": "Doc", "id": "d2"}})";
  for (const char* ok :
       {"application/json", "Application/JSON; charset=utf-8", "application/authzen+json"}) {
    net::HttpResponse resp =
        Call(Request("POST", "/access/v1/evaluation", body, {{"Content-Type", ok}}));
    EXPECT_EQ(resp.status, 200) << ok;
    EXPECT_TRUE(Body(resp).Find("decision")->as_bool()) << ok;
  }
  for (const char* bad : {"text/plain", "application/x-www-form-urlencoded", "json"}) {
    net::HttpResponse resp =
        Call(Request("POST", "/access/v1/evaluation", body, {{"Content-Type", bad}}));
    EXPECT_EQ(resp.status, 400) << bad;
  }
  // No Content-Type counts as JSON.
  EXPECT_EQ(Post("/access/v1/evaluation", body).status, 200);
}

TEST_F(PdpServiceTest, EvaluationDecisions) {
  net::HttpResponse resp = Post("/access/v1/evaluation", R"({"subject": {"type": "User",
      "id": "bob"}, "action": {"name": "view"}, "resource": {"type": "Doc", "id": "d1"}})");
  ASSERT_EQ(resp.status, 200);
  EXPECT_TRUE(Body(resp).Find("decision")->as_bool());
  resp = Post("/access/v1/evaluation", R"({"subject": {"type": "User", "id": "bob"},
      "action": {"name": "edit"}, "resource": {"type": "Doc", "id": "d1"}})");
  ASSERT_EQ(resp.status, 200);
  EXPECT_FALSE(Body(resp).Find("decision")->as_bool());
  // An undeclared action: deny, with the reason in the context.
  resp = Post("/access/v1/evaluation", R"({"subject": {"type": "User", "id": "alice"},
      "action": {"name": "shred"}, "resource": {"type": "Doc", "id": "d1"}})");
  ASSERT_EQ(resp.status, 200);
  json::Value body = Body(resp);
  EXPECT_FALSE(body.Find("decision")->as_bool());
  ASSERT_NE(body.Find("context"), nullptr);
  EXPECT_NE(body.Find("context")->Find("reason_admin"), nullptr);
}

TEST(BearerMatchesTest, ChecksSchemeAndToken) {
  const std::string digest = Sha256("tok-123");
  auto with = [](const std::string& auth) {
    net::HttpRequest r;
    r.headers.emplace_back("Authorization", auth);
    return r;
  };
  EXPECT_TRUE(BearerMatches(with("Bearer tok-123"), digest));
  EXPECT_TRUE(BearerMatches(with("bearer tok-123"), digest));
  EXPECT_TRUE(BearerMatches(with("BEARER tok-123"), digest));
  EXPECT_FALSE(BearerMatches(with("Bearer tok-124"), digest));
  EXPECT_FALSE(BearerMatches(with("Bearer tok-123 "), digest));
  EXPECT_FALSE(BearerMatches(with("Basic tok-123"), digest));
  EXPECT_FALSE(BearerMatches(with("Bearer"), digest));
  EXPECT_FALSE(BearerMatches(with("tok-123"), digest));
  EXPECT_FALSE(BearerMatches(net::HttpRequest{}, digest));
  EXPECT_EQ(Sha256("tok-123").size(), 32u);
}

TEST_F(PdpServiceTest, AuthzenTokenIsRequiredWhenConfigured) {
  service_ = Make("  authzen: {token: file:authzen.token}\n");
  ASSERT_NE(service_, nullptr);
  const std::string body = R"({"subject": {"type": "User", "id": "alice"},
      "action": {"name": "view"}, "resource": {"type": "Doc", "id": "d2"}})";
  net::HttpResponse resp = Post("/access/v1/evaluation", body);
  EXPECT_EQ(resp.status, 401);
  ASSERT_NE(ResponseHeader(resp, "WWW-Authenticate"), nullptr);
  EXPECT_EQ(resp.body.find(kAuthzenToken), std::string::npos);
  resp = Call(
      Request("POST", "/access/v1/evaluation", body, {{"Authorization", "Bearer wrong-token"}}));
  EXPECT_EQ(resp.status, 401);
  resp = Call(Request("POST", "/access/v1/evaluation", body,
                      {{"Authorization", std::string("Basic ") + kAuthzenToken}}));
  EXPECT_EQ(resp.status, 401);
  resp = Call(Request("POST", "/access/v1/evaluation", body,
                      {{"Authorization", std::string("Bearer ") + kAuthzenToken}}));
  EXPECT_EQ(resp.status, 200);
  // Discovery sits behind the same token.
  EXPECT_EQ(Call(Request("GET", "/.well-known/authzen-configuration", "", {{"Host", "h"}})).status,
            401);
  // Without a token in the config (the fixture's default) the API is open.
  service_ = Make("");
  EXPECT_EQ(Post("/access/v1/evaluation", body).status, 200);
}

TEST_F(PdpServiceTest, EntityApiNeedsItsToken) {
  const std::string auth = std::string("Bearer ") + kEntitiesToken;
  net::HttpResponse resp = Call(Request("GET", "/entities/v1"));
  EXPECT_EQ(resp.status, 401);
  EXPECT_NE(ResponseHeader(resp, "WWW-Authenticate"), nullptr);
  resp = Call(Request("GET", "/entities/v1", "", {{"Authorization", "Bearer not-the-token"}}));
  EXPECT_EQ(resp.status, 401);
  resp = Call(Request("GET", "/entities/v1", "", {{"Authorization", auth}}));
  ASSERT_EQ(resp.status, 200);
  EXPECT_EQ(Body(resp).Find("entities")->as_int(), 7 + 2);  // and the two actions

  resp = Call(Request("PUT", "/entities/v1/User/carol", "{}",
                      {{"Authorization", auth}, {"Content-Type", "text/plain"}}));
  EXPECT_EQ(resp.status, 400);
  resp = Call(Request("PUT", "/entities/v1/User/carol", "{}", {{"Authorization", auth}}));
  ASSERT_EQ(resp.status, 200) << resp.body;
  resp = Call(Request("GET", "/entities/v1/User/carol", "", {{"Authorization", auth}}));
  EXPECT_EQ(resp.status, 200);

  // No token configured: the API is off.
  service_ = Make("");
  resp = Call(Request("GET", "/entities/v1", "", {{"Authorization", auth}}));
  EXPECT_EQ(resp.status, 403);
}

std::string SearchBody(const std::string& extra) {
  return R"({"subject": {"type": "User", "id": "bob"}, "action": {"name": "view"},
    "resource": {"type": "Doc"})" +
         extra + "}";
}

std::vector<std::string> ResultIds(const json::Value& body) {
  std::vector<std::string> out;
  for (const json::Value& r : body.Find("results")->items()) {
    out.push_back(r.Find("id")->as_string());
  }
  return out;
}

TEST_F(PdpServiceTest, SearchPagesCoverTheUnpagedResult) {
  net::HttpResponse resp = Post("/access/v1/search/resource", SearchBody(""));
  ASSERT_EQ(resp.status, 200) << resp.body;
  std::vector<std::string> all = ResultIds(Body(resp));
  EXPECT_EQ(all, (std::vector<std::string>{"d1", "d3", "d5"}));

  std::vector<std::string> paged;
  std::string token;
  int pages = 0;
  for (; pages < 10; ++pages) {
    std::string page = token.empty() ? R"(, "page": {"limit": 1})"
                                     : R"(, "page": {"limit": 1, "token": ")" + token + "\"}";
    resp = Post("/access/v1/search/resource", SearchBody(page));
    ASSERT_EQ(resp.status, 200) << resp.body;
    json::Value body = Body(resp);
    std::vector<std::string> ids = ResultIds(body);
    ASSERT_LE(ids.size(), 1u);
    paged.insert(paged.end(), ids.begin(), ids.end());
    ASSERT_NE(body.Find("page"), nullptr) << resp.body;
    token = body.Find("page")->Find("next_token")->as_string();
    if (token.empty()) break;
  }
  EXPECT_EQ(pages + 1, 3);
  EXPECT_EQ(paged, all);
}

TEST_F(PdpServiceTest, ForgedPageTokenIsRejected) {
  for (const char* forged : {"not-a-token", "bzoxeA", "", "o:1", "bzotMQ"}) {
    net::HttpResponse resp =
        Post("/access/v1/search/resource",
             SearchBody(std::string(R"(, "page": {"token": ")") + forged + "\"}"));
    EXPECT_EQ(resp.status, 400) << forged << " " << resp.body;
  }
}

TEST_F(PdpServiceTest, SubjectAndActionSearch) {
  net::HttpResponse resp = Post("/access/v1/search/subject", R"({"subject": {"type": "User"},
      "action": {"name": "edit"}, "resource": {"type": "Doc", "id": "d1"}})");
  ASSERT_EQ(resp.status, 200) << resp.body;
  EXPECT_EQ(ResultIds(Body(resp)), std::vector<std::string>{"alice"});
  resp = Post("/access/v1/search/action", R"({"subject": {"type": "User", "id": "bob"},
      "resource": {"type": "Doc", "id": "d3"}})");
  ASSERT_EQ(resp.status, 200) << resp.body;
  json::Value body = Body(resp);
  ASSERT_EQ(body.Find("results")->items().size(), 1u);
  EXPECT_EQ(body.Find("results")->items()[0].Find("name")->as_string(), "view");
}

// Items: alice may edit d2 (true); bob may not (false); bob may view d1 (true).
std::string Evaluations(const std::string& semantic, const std::string& items) {
  return R"({"action": {"name": "edit"}, "resource": {"type": "Doc", "id": "d2"},
    "options": {"evaluations_semantic": ")" +
         semantic + R"("}, "evaluations": [)" + items + "]}";
}

std::vector<bool> Decisions(const json::Value& body) {
  std::vector<bool> out;
  for (const json::Value& e : body.Find("evaluations")->items()) {
    out.push_back(e.Find("decision")->as_bool());
  }
  return out;
}

constexpr char kAllowItem[] = R"({"subject": {"type": "User", "id": "alice"}})";
constexpr char kDenyItem[] = R"({"subject": {"type": "User", "id": "bob"}})";

TEST_F(PdpServiceTest, DenyOnFirstDenyStopsAtFirstFalse) {
  std::string items = std::string(kAllowItem) + "," + kDenyItem + "," + kAllowItem;
  net::HttpResponse resp = Post("/access/v1/evaluations", Evaluations("deny_on_first_deny", items));
  ASSERT_EQ(resp.status, 200) << resp.body;
  EXPECT_EQ(Decisions(Body(resp)), (std::vector<bool>{true, false}));
}

TEST_F(PdpServiceTest, PermitOnFirstPermitStopsAtFirstTrue) {
  std::string items = std::string(kDenyItem) + "," + kAllowItem + "," + kDenyItem;
  net::HttpResponse resp =
      Post("/access/v1/evaluations", Evaluations("permit_on_first_permit", items));
  ASSERT_EQ(resp.status, 200) << resp.body;
  EXPECT_EQ(Decisions(Body(resp)), (std::vector<bool>{false, true}));
}

TEST_F(PdpServiceTest, ExecuteAllAnswersEveryItemWithPerItemErrors) {
  std::string items = std::string(kAllowItem) + "," + kDenyItem +
                      R"(, {"subject": {"type": "Ghost", "id": "g"}},
                           {"subject": {"type": "User"}}, )" +
                      kAllowItem;
  net::HttpResponse resp = Post("/access/v1/evaluations", Evaluations("execute_all", items));
  ASSERT_EQ(resp.status, 200) << resp.body;
  json::Value body = Body(resp);
  EXPECT_EQ(Decisions(body), (std::vector<bool>{true, false, false, false, true}));
  const auto& results = body.Find("evaluations")->items();
  EXPECT_EQ(results[0].Find("context"), nullptr);
  for (size_t i : {2u, 3u}) {
    const json::Value* ctx = results[i].Find("context");
    ASSERT_NE(ctx, nullptr) << i;
    ASSERT_NE(ctx->Find("error"), nullptr) << i;
    EXPECT_EQ(ctx->Find("error")->Find("status")->as_int(), 400) << i;
    EXPECT_FALSE(ctx->Find("error")->Find("message")->as_string().empty());
  }
  // No items: one evaluation of the top-level request.
  resp = Post("/access/v1/evaluations", R"({"subject": {"type": "User", "id": "alice"},
      "action": {"name": "edit"}, "resource": {"type": "Doc", "id": "d2"}})");
  ASSERT_EQ(resp.status, 200);
  EXPECT_TRUE(Body(resp).Find("decision")->as_bool());
}

TEST_F(PdpServiceTest, DiscoveryUsesTheHostHeader) {
  net::HttpResponse resp =
      Call(Request("GET", "/.well-known/authzen-configuration", "", {{"Host", "pdp.local:8080"}}));
  ASSERT_EQ(resp.status, 200) << resp.body;
  json::Value body = Body(resp);
  EXPECT_EQ(body.Find("policy_decision_point")->as_string(), "http://pdp.local:8080");
  EXPECT_EQ(body.Find("access_evaluation_endpoint")->as_string(),
            "http://pdp.local:8080/access/v1/evaluation");
  EXPECT_EQ(body.Find("search_action_endpoint")->as_string(),
            "http://pdp.local:8080/access/v1/search/action");
  for (const char* bad : {"evil.example/x", "a@b", "h\"ost", "x y"}) {
    resp = Call(Request("GET", "/.well-known/authzen-configuration", "", {{"Host", bad}}));
    EXPECT_EQ(resp.status, 400) << bad;
  }
  resp = Call(Request("GET", "/.well-known/authzen-configuration"));
  EXPECT_EQ(resp.status, 400);
  // A configured base_url wins over the Host header.
  service_ = Make("  base_url: https://pdp.example.com/\n");
  resp = Call(Request("GET", "/.well-known/authzen-configuration", "", {{"Host", "other"}}));
  ASSERT_EQ(resp.status, 200);
  EXPECT_EQ(Body(resp).Find("access_evaluations_endpoint")->as_string(),
            "https://pdp.example.com/access/v1/evaluations");
}

TEST_F(PdpServiceTest, ExtAuthzAllowsDeniesAndNeverAnswers5xx) {
  net::HttpResponse resp = Call(Request("GET", "/ext_authz/docs/d1", "", {{"x-user", "bob"}}));
  EXPECT_EQ(resp.status, 200) << resp.body;
  resp = Call(Request("GET", "/ext_authz/docs/d2", "", {{"x-user", "bob"}}));
  EXPECT_EQ(resp.status, 403);
  resp = Call(Request("GET", "/ext_authz/docs/d1"));
  EXPECT_EQ(resp.status, 401);
  resp = Call(Request("DELETE", "/ext_authz/docs/d1", "", {{"x-user", "alice"}}));
  EXPECT_EQ(resp.status, 403);  // no route for DELETE /docs/...
  // The route names a type the schema does not declare: the evaluation fails, Envoy gets 403.
  resp = Call(Request("GET", "/ext_authz/ghosts/g1", "", {{"x-user", "alice"}}));
  EXPECT_EQ(resp.status, 403) << resp.body;
  // A principal id the schema cannot take still denies with 4xx.
  resp = Call(Request("GET", "/ext_authz/docs/d1", "", {{"x-user", std::string(5000, 'z')}}));
  EXPECT_GE(resp.status, 200);
  EXPECT_LT(resp.status, 500);
}

}  // namespace
}  // namespace metagate::pdp
