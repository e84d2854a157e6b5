// AdminApi: metagate's admin HTTP API (/admin/v1/...): the data map, approvals, the decision
// log and exports, each request authenticated by a bearer token and authorized by Cedar (the
// shipped admin policies or the config's override). Thread-safe; immutable once created.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "metagate/governance/admin_backend.h"
#include "metagate/governance/admin_config.h"
#include "metagate/net/http_server.h"

namespace metagate::governance {

struct AdminRules;

class AdminApi {
 public:
  // Loads and validates the policies (errors name FILE:LINE:COL). `backend` must outlive the
  // API.
  static Result<std::unique_ptr<AdminApi>> Create(const AdminConfig& config, AdminBackend& backend);
  ~AdminApi();

  // Answers `request` when its path is under /admin/v1 and returns true; returns false and
  // leaves `response` alone otherwise.
  bool Handle(const net::HttpRequest& request, net::HttpResponse& response) const;

  // The ids of the policies in force, sorted (for startup logs).
  std::vector<std::string> PolicyIds() const;

 private:
  AdminApi(AdminBackend& backend, std::vector<AdminUser> users, std::unique_ptr<AdminRules> rules);

  AdminBackend& backend_;
  std::vector<AdminUser> users_;
  std::unique_ptr<AdminRules> rules_;
};

}  // namespace metagate::governance
