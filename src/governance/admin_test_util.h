// Internal, tests only: a fake AdminBackend that answers from memory and keeps what it was
// asked, and the admin config the API tests share (one user per role, tokens and their hashes).
#pragma once

#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "metagate/governance/admin_backend.h"

namespace metagate::governance::admin_testing {

class FakeAdminBackend : public AdminBackend {
 public:
  // Approval 7 is pending (a field with class email), 8 is already decided, others are unknown.
  Result<std::string> MapDocument(std::optional<int64_t> since_ms, MapFormat format) override {
    if (fail) return Status::Io(kFailure);
    map_since = since_ms;
    map_format = format;
    return std::string("map-document");
  }
  Result<std::string> ListApprovals(std::string_view status) override {
    if (fail) return Status::Io(kFailure);
    list_status = status;
    return std::string("[]");
  }
  Result<ApprovalInfo> GetApproval(int64_t id) override {
    if (fail) return Status::Io(kFailure);
    if (id != 7 && id != 8) return Status::NotFound("no approval " + std::to_string(id));
    ApprovalInfo a;
    a.id = id;
    a.kind = "field";
    a.integration = "web";
    a.event = "Signed Up";
    a.path = "properties.contact";
    a.status = id == 7 ? "pending" : "approved";
    a.vendors = {"segment"};
    a.classes = {"email"};
    return a;
  }
  Result<std::string> Approve(int64_t id, const std::vector<std::string>& classes,
                              std::string_view by) override {
    approved_classes = classes;
    decided_by = by;
    if (id == 8) return Status(StatusCode::kConflict, "approval 8 is already approved");
    for (const std::string& c : classes) {
      if (c == "no_such_class") return Status::Invalid("unknown class 'no_such_class'");
    }
    return std::string("{\"id\":" + std::to_string(id) + ",\"status\":\"approved\"}");
  }
  Result<std::string> Deny(int64_t id, std::string_view by) override {
    decided_by = by;
    if (id == 8) return Status(StatusCode::kConflict, "approval 8 is already approved");
    return std::string("{\"id\":" + std::to_string(id) + ",\"status\":\"denied\"}");
  }
  Result<std::string> AuditTail(size_t n) override {
    if (fail) return Status::Io(kFailure);
    tail_n = n;
    return std::string("[]");
  }
  Result<std::string> AuditSearch(const AuditQuery& q) override {
    if (fail) return Status::Io(kFailure);
    search = q;
    return std::string("[]");
  }
  Result<std::string> AuditVerify() override {
    if (fail) return Status::Io(kFailure);
    return std::string("{\"ok\":true}");
  }
  Result<std::string> UsageReport(std::optional<int64_t> since_ms) override {
    if (fail) return Status::Io(kFailure);
    usage_since = since_ms;
    return std::string("{\"usage\":[]}");
  }
  Result<HeldEventsExport> ExportHeldEvents() override {
    if (fail) return Status::Io(kFailure);
    return HeldEventsExport{kHeldBody, held_classes};
  }
  void RecordAdminDecision(const AdminDecisionRecord& r) override {
    std::lock_guard<std::mutex> lock(mu);
    records.push_back(r);
  }

  // A failure message holding a value, which must never reach a caller.
  static constexpr const char* kFailure = "store error near jane@example.com";
  static constexpr const char* kHeldBody = "{\"email\":\"jane@example.com\"}\n";

  bool fail = false;
  std::set<std::string> held_classes = {"email"};
  std::optional<int64_t> map_since;
  std::optional<MapFormat> map_format;
  std::string list_status;
  std::vector<std::string> approved_classes;
  std::string decided_by;
  size_t tail_n = 0;
  AuditQuery search;
  std::optional<int64_t> usage_since;
  std::mutex mu;
  std::vector<AdminDecisionRecord> records;
};

}  // namespace metagate::governance::admin_testing
