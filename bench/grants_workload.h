// A deterministic RBAC workload whose policy count is a parameter: users in teams, repositories,
// and one `permit(principal in Team::"t", action in [..], resource in Repo::"r")` grant per
// policy plus a fixed owner grant and archive prohibition, so that decision time can be compared
// across 10 to 10,000 policies on the same entities.
#pragma once

#include <string>
#include <vector>

namespace metagate::bench {

// Principal User::"<user>", action Action::"<action>", resource Repo::"<repo>".
struct GrantsRequest {
  std::string user;
  std::string action;
  std::string repo;
};

struct GrantsWorkload {
  std::string policies;       // Cedar policy text
  std::string entities_json;  // entities JSON array
  std::vector<GrantsRequest> requests;
};

// Builds the workload with `num_policies` policies (at least 2); the same arguments always give
// the same workload. About half the requests ask for a granted (team, repository) pair.
GrantsWorkload MakeGrantsWorkload(int num_policies, unsigned seed = 7, int num_requests = 1000);

}  // namespace metagate::bench
