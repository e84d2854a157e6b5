#include "metagate/governance/admin_api.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>

#include "admin_test_util.h"

namespace metagate::governance {
namespace {

using admin_testing::FakeAdminBackend;
using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

// Tokens and their SHA-256 (computed with sha256sum, not with the code under test).
struct TestUser {
  const char* id;
  const char* roles;
  const char* token;
  const char* sha256;
};
constexpr TestUser kUsers[] = {
    {"alice", "[admin]", "tok-alice-admin-0001",
     "2695ac53fa599718f7e9d3b4b6d855d59d06c6924dbcd1bd097dba960bb7553f"},
    {"ann", "[approver]", "tok-ann-approver-02",
     "54395f974f69ec14851dad5d5c6af9c6fca92bbb003a2b6a08284aab6ccf91b3"},
    {"aud", "[auditor]", "tok-aud-auditor-003",
     "b0dd09119ce464b644373c2a72231bd72e6379dc9db8af1b8c273712812d9748"},
    {"vic", "[viewer]", "tok-vic-viewer-0004",
     "a9a31c2802efe779b51936931cf4b560214a08d5af7eb23d3ead2e490dafb307"},
    {"sue", "[support]", "tok-sue-support-005",
     "5fcf81b9ea86564797495b9089380d30f6ab195c1e3b8ebfb1756b6a293d2b52"},
    {"sam", "[support, admin]", "tok-sam-supadmin-06",
     "ca9c88cdb0e24d1e7b31ab3fcd9c00b2e4ecb2526fb4435b75b17f1094b61121"},
    {"sal", "[support, auditor]", "tok-sal-supaudit-07",
     "55a463f649a8330701ce94a7e90902b6048e5b00fa09056c192dc2aa68df546f"},
    {"nob", "[nobody]", "tok-nob-nobody-0008",
     "b23d4f9c4bc9b1af874867515d10c28844f849a89c8b12c7c11e06371425b2bf"},
};

const char* TokenOf(std::string_view id) {
  for (const TestUser& u : kUsers) {
    if (id == u.id) return u.token;
  }
  return "";
}

std::string ConfigYaml(const std::string& policies_line) {
  std::string y = "admin:\n" + policies_line + "  users:\n";
  for (const TestUser& u : kUsers) {
    y += std::string("    - id: ") + u.id + "\n      roles: " + u.roles +
         "\n      bearer_sha256: " + u.sha256 + "\n";
  }
  return y;
}

AdminConfig Config(const std::string& policies_line = "") {
  Result<std::optional<AdminConfig>> c =
      ParseAdminConfig(YAML::Load(ConfigYaml(policies_line)), "gw.yaml", "/cfg");
  EXPECT_TRUE(c.ok()) << c.status().ToString();
  return **c;
}

net::HttpRequest Request(std::string method, std::string target, std::string user = "",
                         std::string body = "") {
  net::HttpRequest r;
  r.method = std::move(method);
  r.target = std::move(target);
  if (!user.empty())
    r.headers.emplace_back("Authorization", std::string("Bearer ") + TokenOf(user));
  r.body = std::move(body);
  return r;
}

std::string HeaderOf(const net::HttpResponse& r, std::string_view name) {
  for (const auto& [k, v] : r.headers) {
    if (k == name) return v;
  }
  return "";
}

class AdminApiTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<std::unique_ptr<AdminApi>> api = AdminApi::Create(Config(), backend_);
    ASSERT_TRUE(api.ok()) << api.status().ToString();
    api_ = std::move(*api);
  }

  net::HttpResponse Call(const net::HttpRequest& req) {
    net::HttpResponse resp;
    EXPECT_TRUE(api_->Handle(req, resp)) << req.target;
    responses_.push_back(resp);
    return resp;
  }
  int StatusOf(std::string method, std::string target, std::string user, std::string body = "") {
    return Call(Request(std::move(method), std::move(target), std::move(user), std::move(body)))
        .status;
  }

  FakeAdminBackend backend_;
  std::unique_ptr<AdminApi> api_;
  std::vector<net::HttpResponse> responses_;
};

struct Endpoint {
  const char* method;
  const char* target;
};
constexpr Endpoint kEndpoints[] = {
    {"GET", "/admin/v1/map"},
    {"GET", "/admin/v1/approvals"},
    {"POST", "/admin/v1/approvals/7/approve"},
    {"POST", "/admin/v1/approvals/7/deny"},
    {"GET", "/admin/v1/audit/tail"},
    {"GET", "/admin/v1/audit/search?kind=block"},
    {"GET", "/admin/v1/audit/verify"},
    {"GET", "/admin/v1/export/usage"},
    {"GET", "/admin/v1/export/held-events"},  // raw, carries class email
};

TEST_F(AdminApiTest, RoleEndpointMatrix) {
  // Expected status per user, in kEndpoints order.
  const std::vector<std::pair<std::string, std::vector<int>>> expected = {
      {"alice", {200, 200, 200, 200, 200, 200, 200, 200, 200}},
      {"ann", {200, 200, 200, 200, 403, 403, 403, 403, 403}},
      {"aud", {200, 200, 403, 403, 200, 200, 200, 200, 403}},
      {"vic", {200, 200, 403, 403, 403, 403, 403, 403, 403}},
      {"sue", {403, 403, 403, 403, 403, 403, 403, 200, 403}},
      {"nob", {403, 403, 403, 403, 403, 403, 403, 403, 403}},
  };
  for (const auto& [user, statuses] : expected) {
    for (size_t i = 0; i < std::size(kEndpoints); ++i) {
      EXPECT_EQ(StatusOf(kEndpoints[i].method, kEndpoints[i].target, user), statuses[i])
          << user << " " << kEndpoints[i].method << " " << kEndpoints[i].target;
    }
  }
}

TEST_F(AdminApiTest, AllowedAnswersCarryTheBackendsDocument) {
  net::HttpResponse r = Call(Request("GET", "/admin/v1/export/held-events", "alice"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, FakeAdminBackend::kHeldBody);
  EXPECT_EQ(r.content_type, "application/x-ndjson");
  r = Call(Request("GET", "/admin/v1/audit/verify", "aud"));
  EXPECT_EQ(r.body, "{\"ok\":true}");
  EXPECT_EQ(HeaderOf(r, "Cache-Control"), "no-store");
}

TEST_F(AdminApiTest, SupportNeverExportsRawEventLogsWithEmailsOrIps) {
  const std::string forbid = "support-never-export-raw-event-logs-with-emails-or-ips";
  for (std::set<std::string> classes :
       {std::set<std::string>{"email"}, std::set<std::string>{"ip_address"},
        std::set<std::string>{"country", "ip_address"}}) {
    backend_.held_classes = classes;
    for (const char* user : {"sue", "sam", "sal"}) {
      net::HttpResponse r = Call(Request("GET", "/admin/v1/export/held-events", user));
      EXPECT_EQ(r.status, 403) << user;
      EXPECT_THAT(r.body, HasSubstr(forbid)) << user;
      EXPECT_THAT(r.body, Not(HasSubstr("jane@example.com")));
    }
  }
  // The forbid holds for sam although his admin role permits everything; usage reports stay open.
  EXPECT_EQ(StatusOf("GET", "/admin/v1/export/usage", "sam"), 200);
  EXPECT_EQ(StatusOf("GET", "/admin/v1/export/usage", "sal"), 200);
}

TEST_F(AdminApiTest, EventLogWithoutEmailsOrIpsFollowsTheOtherPolicies) {
  backend_.held_classes = {"user_id", "country"};
  EXPECT_EQ(StatusOf("GET", "/admin/v1/export/held-events", "sam"), 200);  // admin permits
  net::HttpResponse r = Call(Request("GET", "/admin/v1/export/held-events", "sue"));
  EXPECT_EQ(r.status, 403);  // support alone: no permit, and no forbid named
  EXPECT_THAT(r.body, HasSubstr("no admin policy permits 'export' on EventLog::\\\"held\\\""));
  EXPECT_THAT(r.body, Not(HasSubstr("support-never")));
  EXPECT_EQ(StatusOf("GET", "/admin/v1/export/held-events", "sal"), 403);  // auditor: not raw only
}

TEST_F(AdminApiTest, UnauthenticatedRequestsGet401) {
  std::vector<net::HttpRequest> requests;
  requests.push_back(Request("GET", "/admin/v1/map"));
  for (std::string header :
       {"Bearer wrong-token", "Basic dG9rLWFsaWNlLWFkbWluLTAwMDE=", "Bearer",
        "Bearer  tok-alice-admin-0001", "tok-alice-admin-0001", "Bearer tok-alice-admin-0002",
        "Bearer tok-alice-admin-000", "Bearer tok-alice-admin-0001 "}) {
    net::HttpRequest r = Request("GET", "/admin/v1/map");
    r.headers.emplace_back("Authorization", header);
    requests.push_back(r);
  }
  for (const net::HttpRequest& req : requests) {
    net::HttpResponse r = Call(req);
    EXPECT_EQ(r.status, 401) << (req.headers.empty() ? "" : req.headers[0].second);
    EXPECT_EQ(HeaderOf(r, "WWW-Authenticate"), "Bearer");
  }
  EXPECT_FALSE(backend_.map_format.has_value());  // the backend was never asked
  ASSERT_EQ(backend_.records.size(), requests.size());
  for (const AdminDecisionRecord& rec : backend_.records) {
    EXPECT_EQ(rec.user, "");
    EXPECT_FALSE(rec.allowed);
    EXPECT_EQ(rec.http_status, 401);
    EXPECT_EQ(rec.action, "view_map");
  }
  // The scheme is case-insensitive.
  net::HttpRequest lower = Request("GET", "/admin/v1/map");
  lower.headers.emplace_back("authorization", "bearer tok-vic-viewer-0004");
  EXPECT_EQ(Call(lower).status, 200);
}

TEST_F(AdminApiTest, UnknownPathsAndWrongMethods) {
  net::HttpResponse resp;
  EXPECT_FALSE(api_->Handle(Request("GET", "/v1/batch", "alice"), resp));
  EXPECT_FALSE(api_->Handle(Request("GET", "/admin/v10/map", "alice"), resp));
  EXPECT_FALSE(api_->Handle(Request("GET", "/adminx", "alice"), resp));
  for (const char* target :
       {"/admin/v1", "/admin/v1/", "/admin/v1/nope", "/admin/v1/map/", "/admin/v1/approvals/7/frob",
        "/admin/v1/approvals//approve", "/admin/v1/export"}) {
    EXPECT_EQ(StatusOf("GET", target, "alice"), 404) << target;
  }
  net::HttpResponse r = Call(Request("POST", "/admin/v1/map", "alice"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(HeaderOf(r, "Allow"), "GET");
  r = Call(Request("GET", "/admin/v1/approvals/7/approve", "alice"));
  EXPECT_EQ(r.status, 405);
  EXPECT_EQ(HeaderOf(r, "Allow"), "POST");
  EXPECT_EQ(r.body, "{\"error\":{\"status\":405,\"message\":\"this endpoint answers POST only\"}}");
}

TEST_F(AdminApiTest, ApprovePassesClassesAndTheApprover) {
  net::HttpResponse r = Call(Request("POST", "/admin/v1/approvals/7/approve", "ann",
                                     R"({"classes":["email","phone_number"]})"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.body, "{\"id\":7,\"status\":\"approved\"}");
  EXPECT_THAT(backend_.approved_classes, ElementsAre("email", "phone_number"));
  EXPECT_EQ(backend_.decided_by, "ann");
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/7/approve", "ann", "{}"), 200);
  EXPECT_TRUE(backend_.approved_classes.empty());
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/7/deny", "alice"), 200);
  EXPECT_EQ(backend_.decided_by, "alice");
}

TEST_F(AdminApiTest, ApproveErrors) {
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/8/approve", "ann"), 409);
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/8/deny", "ann"), 409);
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/99/approve", "ann"), 404);
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/abc/approve", "ann"), 400);
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/0/deny", "ann"), 400);
  EXPECT_EQ(
      StatusOf("POST", "/admin/v1/approvals/7/approve", "ann", R"({"classes":["no_such_class"]})"),
      400);
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/7/approve", "ann", R"({"classes":"email"})"),
            400);
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/7/approve", "ann", R"({"class":["email"]})"),
            400);
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/7/approve", "ann", "{not json"), 400);
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/7/approve", "ann", R"({"classes":["a b"]})"),
            400);
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/7/deny", "ann", R"({"x":1})"), 400);
  EXPECT_EQ(StatusOf("POST", "/admin/v1/approvals/7/approve?x=1", "ann"), 400);
}

TEST_F(AdminApiTest, QueriesReachTheBackend) {
  net::HttpResponse r = Call(Request("GET", "/admin/v1/map?since=2024-05-01&format=csv", "vic"));
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.content_type, "text/csv; charset=utf-8");
  EXPECT_EQ(backend_.map_since, 1714521600000);
  EXPECT_EQ(backend_.map_format, MapFormat::kCsv);
  EXPECT_EQ(StatusOf("GET", "/admin/v1/map", "vic"), 200);
  EXPECT_EQ(backend_.map_format, MapFormat::kJson);
  EXPECT_FALSE(backend_.map_since.has_value());

  EXPECT_EQ(StatusOf("GET", "/admin/v1/approvals", "vic"), 200);
  EXPECT_EQ(backend_.list_status, "pending");
  EXPECT_EQ(StatusOf("GET", "/admin/v1/approvals?status=all", "vic"), 200);
  EXPECT_EQ(backend_.list_status, "all");

  EXPECT_EQ(StatusOf("GET", "/admin/v1/audit/tail?n=5", "aud"), 200);
  EXPECT_EQ(backend_.tail_n, 5u);
  EXPECT_EQ(StatusOf("GET",
                     "/admin/v1/audit/search?kind=block&integration=web&vendor=segment&event=Sign"
                     "%20Up&policy=p1&since=2024-05-01T15:00%2B02:00&until=2024-05-02&limit=7",
                     "aud"),
            200);
  EXPECT_EQ(backend_.search.kind, "block");
  EXPECT_EQ(backend_.search.integration, "web");
  EXPECT_EQ(backend_.search.vendor, "segment");
  EXPECT_EQ(backend_.search.event, "Sign Up");
  EXPECT_EQ(backend_.search.policy, "p1");
  EXPECT_EQ(backend_.search.since_ms, 1714568400000);
  EXPECT_EQ(backend_.search.until_ms, 1714608000000);
  EXPECT_EQ(backend_.search.limit, 7u);

  EXPECT_EQ(StatusOf("GET", "/admin/v1/export/usage?since=2024-05-01T00:00:00.250Z", "sue"), 200);
  EXPECT_EQ(backend_.usage_since, 1714521600250);
}

TEST_F(AdminApiTest, BadQueriesGet400) {
  for (const char* target :
       {"/admin/v1/map?format=pdf", "/admin/v1/map?since=yesterday",
        "/admin/v1/map?since=2024-02-30", "/admin/v1/map?since=2024-05-01T10:00:00",
        "/admin/v1/map?colour=red", "/admin/v1/map?format=csv&format=json",
        "/admin/v1/map?since=%zz", "/admin/v1/approvals?status=maybe", "/admin/v1/audit/tail?n=0",
        "/admin/v1/audit/tail?n=-1", "/admin/v1/audit/tail?n=100000",
        "/admin/v1/audit/search?limit=x",
        "/admin/v1/audit/search?since=2024-05-02&until=2024-05-01", "/admin/v1/audit/verify?full=1",
        "/admin/v1/export/held-events?x=1"}) {
    net::HttpResponse r = Call(Request("GET", target, "alice"));
    EXPECT_EQ(r.status, 400) << target;
    EXPECT_THAT(r.body, HasSubstr("\"status\":400")) << target;
  }
}

TEST_F(AdminApiTest, BackendFailuresGet503WithoutValues) {
  backend_.fail = true;
  for (const Endpoint& e : kEndpoints) {
    net::HttpResponse r = Call(Request(e.method, e.target, "alice"));
    EXPECT_EQ(r.status, 503) << e.target;
    EXPECT_THAT(r.body, Not(HasSubstr("jane@example.com")));
    EXPECT_THAT(r.body, Not(HasSubstr("store error")));
  }
}

TEST_F(AdminApiTest, DecisionsAreRecorded) {
  ASSERT_EQ(StatusOf("POST", "/admin/v1/approvals/7/approve", "ann"), 200);
  ASSERT_EQ(StatusOf("POST", "/admin/v1/approvals/7/approve", "vic"), 403);
  backend_.held_classes = {"email"};
  ASSERT_EQ(StatusOf("GET", "/admin/v1/export/held-events", "sam"), 403);
  ASSERT_EQ(StatusOf("GET", "/admin/v1/map?format=nope", "alice"), 400);  // no decision made
  ASSERT_EQ(backend_.records.size(), 3u);

  const AdminDecisionRecord& allowed = backend_.records[0];
  EXPECT_EQ(allowed.user, "ann");
  EXPECT_EQ(allowed.action, "approve");
  EXPECT_EQ(allowed.resource, "Approval::\"7\"");
  EXPECT_TRUE(allowed.allowed);
  EXPECT_THAT(allowed.policy_ids, ElementsAre("approver-decide"));
  EXPECT_EQ(allowed.http_status, 200);

  const AdminDecisionRecord& denied = backend_.records[1];
  EXPECT_EQ(denied.user, "vic");
  EXPECT_FALSE(denied.allowed);
  EXPECT_TRUE(denied.policy_ids.empty());
  EXPECT_EQ(denied.http_status, 403);

  const AdminDecisionRecord& forbidden = backend_.records[2];
  EXPECT_EQ(forbidden.user, "sam");
  EXPECT_EQ(forbidden.action, "export");
  EXPECT_EQ(forbidden.resource, "EventLog::\"held\"");
  EXPECT_FALSE(forbidden.allowed);
  EXPECT_THAT(forbidden.policy_ids,
              ElementsAre("support-never-export-raw-event-logs-with-emails-or-ips"));
}

TEST_F(AdminApiTest, NoTokenOrHashInResponsesOrRecords) {
  for (const TestUser& u : kUsers) {
    for (const Endpoint& e : kEndpoints) Call(Request(e.method, e.target, u.id));
    net::HttpRequest wrong = Request("GET", "/admin/v1/map");
    wrong.headers.emplace_back("Authorization", std::string("Bearer x") + u.token);
    Call(wrong);
  }
  ASSERT_FALSE(backend_.records.empty());
  for (const TestUser& u : kUsers) {
    for (const net::HttpResponse& r : responses_) {
      EXPECT_THAT(r.body, Not(HasSubstr(u.token)));
      EXPECT_THAT(r.body, Not(HasSubstr(u.sha256)));
      for (const auto& [k, v] : r.headers) EXPECT_THAT(v, Not(HasSubstr(u.token)));
    }
    for (const AdminDecisionRecord& rec : backend_.records) {
      std::string all = rec.user + rec.action + rec.resource;
      for (const std::string& p : rec.policy_ids) all += p;
      EXPECT_THAT(all, Not(HasSubstr(u.token)));
    }
  }
}

TEST_F(AdminApiTest, EchoesRequestId) {
  net::HttpRequest req = Request("GET", "/admin/v1/map", "vic");
  req.headers.emplace_back("X-Request-ID", "req-42");
  EXPECT_EQ(HeaderOf(Call(req), "X-Request-ID"), "req-42");
  req.headers.back().second = "has space";
  EXPECT_EQ(HeaderOf(Call(req), "X-Request-ID"), "");
}

class AdminPolicyOverrideTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() /
           ("admin_override_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::create_directories(dir_);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }
  std::string Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name) << text;
    return (dir_ / name).string();
  }

  std::filesystem::path dir_;
  FakeAdminBackend backend_;
};

TEST_F(AdminPolicyOverrideTest, OverrideReplacesTheShippedPolicies) {
  Write("mine.cedar",
        "@id(\"viewers-read-audit\")\n"
        "permit (principal in Role::\"viewer\", action == Action::\"read_audit\", resource);\n");
  AdminConfig config = Config("  policies: " + dir_.string() + "\n");
  Result<std::unique_ptr<AdminApi>> api = AdminApi::Create(config, backend_);
  ASSERT_TRUE(api.ok()) << api.status().ToString();
  EXPECT_THAT((*api)->PolicyIds(), ElementsAre("viewers-read-audit"));
  net::HttpResponse r;
  (*api)->Handle(Request("GET", "/admin/v1/audit/tail", "vic"), r);
  EXPECT_EQ(r.status, 200);
  (*api)->Handle(Request("GET", "/admin/v1/map", "vic"), r);
  EXPECT_EQ(r.status, 403);  // the shipped viewer policy is gone
  (*api)->Handle(Request("GET", "/admin/v1/map", "alice"), r);
  EXPECT_EQ(r.status, 403);  // and so is admin-all
}

TEST_F(AdminPolicyOverrideTest, BrokenOverrideFailsWithLocation) {
  std::string file = Write("broken.cedar",
                           "@id(\"a\")\npermit (principal, action, resource)\n"
                           "when { principal.name == };\n");
  Result<std::unique_ptr<AdminApi>> api =
      AdminApi::Create(Config("  policies: " + file + "\n"), backend_);
  ASSERT_FALSE(api.ok());
  EXPECT_THAT(api.status().message(), HasSubstr(file + ":3:"));
}

TEST_F(AdminPolicyOverrideTest, OverrideMustValidateAgainstTheShippedSchema) {
  std::string file = Write("bad.cedar",
                           "\n@id(\"b\")\npermit (principal, action, resource)\n"
                           "when { resource.owner == \"x\" };\n");
  Result<std::unique_ptr<AdminApi>> api =
      AdminApi::Create(Config("  policies: " + file + "\n"), backend_);
  ASSERT_FALSE(api.ok());
  EXPECT_THAT(api.status().message(), HasSubstr(file + ":4:"));
  EXPECT_THAT(api.status().message(), HasSubstr("schema"));

  api = AdminApi::Create(Config("  policies: " + (dir_ / "missing").string() + "\n"), backend_);
  ASSERT_FALSE(api.ok());
  EXPECT_THAT(api.status().message(), HasSubstr("missing"));
}

}  // namespace
}  // namespace metagate::governance
