// AdminBackend: what the admin API serves (the data map, approvals, the decision log, exports)
// and where it records its own decisions. Implemented by the governance service and by test
// fakes. Implementations must be thread-safe: AdminApi calls them from many HTTP workers.
// Error messages a backend returns may reach API callers: they must never hold a raw value.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/common/status.h"
#include "metagate/governance/flow_map.h"

namespace metagate::governance {

// What the admin API needs of one approval to authorize a decision on it. Never a value.
struct ApprovalInfo {
  int64_t id = 0;
  std::string kind;  // field | event
  std::string integration;
  std::string event;
  std::string path;    // the field's logical path; "" for an event approval
  std::string status;  // pending | approved | denied
  std::vector<std::string> vendors;
  std::vector<std::string> classes;  // detected classes
};

// A decision-log search (GET /admin/v1/audit/search). Empty strings match anything.
struct AuditQuery {
  std::string kind;
  std::string integration;
  std::string vendor;
  std::string event;
  std::string policy;
  std::optional<int64_t> since_ms;  // Unix milliseconds, inclusive
  std::optional<int64_t> until_ms;  // exclusive
  size_t limit = 100;
};

// The raw held events: the only admin output that carries values.
struct HeldEventsExport {
  std::string jsonl;  // one decrypted event per line
  // The class names the events carry (from their approvals) and their taxonomy groups, so that a
  // policy can match a class or a group.
  std::set<std::string> classes;
};

// One admin request's outcome, for the decision log. Never holds a token or a value.
struct AdminDecisionRecord {
  std::string user;      // "" when the caller could not be authenticated
  std::string action;    // view_map | list_approvals | approve | deny | read_audit | ...
  std::string resource;  // Cedar form, e.g. Approval::"12"
  bool allowed = false;
  std::vector<std::string> policy_ids;          // the determining policies (sorted)
  std::vector<std::string> errored_policy_ids;  // policies whose evaluation failed
  int http_status = 0;                          // what the caller was answered
};

class AdminBackend {
 public:
  virtual ~AdminBackend() = default;
  // The data map rendered with RenderMap; rows first seen at or after `since_ms` are "new".
  virtual Result<std::string> MapDocument(std::optional<int64_t> since_ms, MapFormat format) = 0;
  // A JSON array of approvals; `status`: pending | approved | denied | all.
  virtual Result<std::string> ListApprovals(std::string_view status) = 0;
  // NotFound for an unknown id.
  virtual Result<ApprovalInfo> GetApproval(int64_t id) = 0;
  // Approves with `classes` (empty: the detected ones); returns the decided approval as JSON.
  // NotFound; Conflict when already decided; Invalid for an unknown class.
  virtual Result<std::string> Approve(int64_t id, const std::vector<std::string>& classes,
                                      std::string_view by) = 0;
  // Denies; returns the decided approval as JSON. NotFound; Conflict when already decided.
  virtual Result<std::string> Deny(int64_t id, std::string_view by) = 0;
  // The last `n` decision-log records, a JSON array.
  virtual Result<std::string> AuditTail(size_t n) = 0;
  // Matching decision-log records, a JSON array.
  virtual Result<std::string> AuditSearch(const AuditQuery& q) = 0;
  // A JSON report of the log's verification.
  virtual Result<std::string> AuditVerify() = 0;
  // Aggregated usage counts as JSON (no field values).
  virtual Result<std::string> UsageReport(std::optional<int64_t> since_ms) = 0;
  virtual Result<HeldEventsExport> ExportHeldEvents() = 0;
  // Records one admin request's outcome in the decision log. Must not fail the request.
  virtual void RecordAdminDecision(const AdminDecisionRecord& r) = 0;
};

}  // namespace metagate::governance
