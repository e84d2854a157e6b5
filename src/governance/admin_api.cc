// AdminApi: authentication, Cedar authorization and the decision record of every request.
#include "metagate/governance/admin_api.h"

#include <openssl/crypto.h>

#include <algorithm>

#include "admin_http.h"
#include "admin_routes.h"
#include "admin_rules.h"
#include "metagate/cedar/authorizer.h"

namespace metagate::governance {
namespace {

constexpr std::string_view kPrefix = "/admin/v1";

std::string_view PathOf(std::string_view target) { return target.substr(0, target.find('?')); }

std::string JoinQuoted(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out += ", ";
    out += "'" + s + "'";
  }
  return out;
}

}  // namespace

AdminApi::AdminApi(AdminBackend& backend, std::vector<AdminUser> users,
                   std::unique_ptr<AdminRules> rules)
    : backend_(backend), users_(std::move(users)), rules_(std::move(rules)) {}

AdminApi::~AdminApi() = default;

Result<std::unique_ptr<AdminApi>> AdminApi::Create(const AdminConfig& config,
                                                   AdminBackend& backend) {
  for (const AdminUser& u : config.users) {
    if (u.id.empty() || u.roles.empty() || u.bearer_sha256.size() != 32) {
      return Status::Invalid(config.file + ": admin user '" + u.id +
                             "' needs an id, at least one role and a 32-byte token hash");
    }
  }
  Result<AdminRules> rules = LoadAdminRules(config.policies);
  if (!rules.ok()) return rules.status();
  return std::unique_ptr<AdminApi>(
      new AdminApi(backend, config.users, std::make_unique<AdminRules>(std::move(*rules))));
}

std::vector<std::string> AdminApi::PolicyIds() const {
  std::vector<std::string> ids;
  for (const cedar::PolicyPtr& p : rules_->policies.policies()) ids.push_back(p->id);
  std::sort(ids.begin(), ids.end());
  return ids;
}

bool AdminApi::Handle(const net::HttpRequest& req, net::HttpResponse& resp) const {
  std::string_view path = PathOf(req.target);
  if (path != kPrefix && !path.starts_with(std::string(kPrefix) + "/")) return false;
  resp = net::HttpResponse{};
  EchoRequestId(req, resp);
  resp.headers.emplace_back("Cache-Control", "no-store");

  std::optional<AdminRoute> route = MatchAdminRoute(path);
  if (!route) {
    FailJson(resp, 404, "no admin endpoint at this path (see docs/governance.md, \"Admin API\")");
    return true;
  }
  if (req.method != route->method) {
    resp.headers.emplace_back("Allow", route->method);
    FailJson(resp, 405, std::string("this endpoint answers ") + route->method + " only");
    return true;
  }

  AdminDecisionRecord record;
  record.action = AdminAction(route->endpoint);
  record.resource = AdminResource(*route).ToString();

  // Every user's hash is compared, in constant time, whatever matches.
  const AdminUser* user = nullptr;
  if (std::optional<std::string_view> token = BearerToken(req)) {
    std::string digest = Sha256Bytes(*token);
    for (const AdminUser& u : users_) {
      bool same = CRYPTO_memcmp(digest.data(), u.bearer_sha256.data(), digest.size()) == 0;
      if (same) user = &u;
    }
  }
  if (user == nullptr) {
    resp.headers.emplace_back("WWW-Authenticate", "Bearer");
    FailJson(resp, 401,
             "the admin API needs 'Authorization: Bearer <token>' with a token configured "
             "under admin.users");
    record.http_status = 401;
    backend_.RecordAdminDecision(record);
    return true;
  }
  record.user = user->id;

  std::optional<AdminCall> call = PrepareAdminCall(*route, req, backend_, resp);
  if (!call) return true;  // a bad request or a missing approval: no decision was made
  record.resource = call->resource.ToString();

  cedar::Entities entities;
  cedar::Entity principal;
  principal.uid = cedar::EntityUid("User", user->id);
  for (const std::string& role : user->roles) {
    principal.parents.emplace_back("Role", role);
    cedar::Entity r;
    r.uid = cedar::EntityUid("Role", role);
    entities.Upsert(std::move(r));
  }
  entities.Upsert(principal);
  cedar::Entity resource;
  resource.uid = call->resource;
  resource.attrs = call->resource_attrs;
  entities.Upsert(std::move(resource));
  for (const cedar::Entity& a : rules_->actions) entities.Upsert(a);
  entities.Finalize();

  cedar::Request request;
  request.principal = principal.uid;
  request.action = cedar::EntityUid("Action", record.action);
  request.resource = call->resource;
  request.context = cedar::Value::Record({{"method", cedar::Value::String(req.method)},
                                          {"path", cedar::Value::String(std::string(path))}});
  cedar::Response decision = cedar::IsAuthorized(request, rules_->policies, entities);
  record.allowed = decision.decision == cedar::Decision::kAllow;
  record.policy_ids = decision.reasons;
  for (const cedar::PolicyError& e : decision.errors)
    record.errored_policy_ids.push_back(e.policy_id);

  if (!record.allowed) {
    std::string message = decision.reasons.empty()
                              ? "no admin policy permits '" + record.action + "' on " +
                                    record.resource + " for user '" + user->id + "'"
                              : "'" + record.action + "' on " + record.resource +
                                    " is forbidden by policy " + JoinQuoted(decision.reasons);
    if (!record.errored_policy_ids.empty()) {
      message +=
          " (policies that failed to evaluate: " + JoinQuoted(record.errored_policy_ids) + ")";
    }
    FailJson(resp, 403, message);
  } else {
    call->run(backend_, user->id, resp);
  }
  record.http_status = resp.status;
  backend_.RecordAdminDecision(record);
  return true;
}

}  // namespace metagate::governance
