// A deterministic document-sharing workload for benchmarks: users in nested groups, a folder
// tree, documents with owners, readers and classifications (1,000 entities), 100 policies mixing
// RBAC, ABAC and relationship checks, and a list of requests. Also written to files so that a
// peer engine (cedar-wasm) can run the same workload.
#pragma once

#include <string>
#include <vector>

namespace metagate::bench {

// Principal User::"<user>", action Action::"<action>", resource Document::"<document>".
struct WorkloadRequest {
  std::string user;
  std::string action;
  std::string document;
};

struct Workload {
  std::string policies;       // Cedar policy text
  std::string entities_json;  // entities JSON array
  std::vector<WorkloadRequest> requests;
};

// Builds the workload; the same `seed` always gives the same workload.
Workload MakeDocSharingWorkload(unsigned seed = 42, int num_requests = 1000);

}  // namespace metagate::bench
