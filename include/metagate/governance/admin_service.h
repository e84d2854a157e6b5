// GovernanceAdminBackend: the admin API's backend in `metagate serve`, over the Governance
// service, the decision log and the pipeline in use. Thread-safe.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "metagate/egress/pipeline.h"
#include "metagate/governance/admin_backend.h"
#include "metagate/governance/governance.h"

namespace metagate::governance {

class DecisionLog;

// The JSON of one approval, as `metagate approvals list --format json` and the admin API show
// it. Holds the masked example, never a value.
void AppendApprovalJson(std::string& out, const Approval& a);

// The data map as read from the store, ready to render: identifier classes from the pipeline.
Result<FlowMap> ReadFlowMap(GovernanceStore& store, const egress::Pipeline* pipeline,
                            std::optional<int64_t> since_ms, std::string source);

class GovernanceAdminBackend : public AdminBackend {
 public:
  struct Deps {
    Governance* governance = nullptr;
    DecisionLog* log = nullptr;  // flushed before it is read
    std::string log_path;
    std::optional<std::string> audit_key;
    std::function<std::shared_ptr<const egress::Pipeline>()> pipeline;  // the one in use
    std::function<void()> decided;  // an approval was decided: apply it
    AuditSink* audit = nullptr;
    std::string source;  // the map's header: where it was read from
  };
  explicit GovernanceAdminBackend(Deps deps) : d_(std::move(deps)) {}

  Result<std::string> MapDocument(std::optional<int64_t> since_ms, MapFormat format) override;
  Result<std::string> ListApprovals(std::string_view status) override;
  Result<ApprovalInfo> GetApproval(int64_t id) override;
  Result<std::string> Approve(int64_t id, const std::vector<std::string>& classes,
                              std::string_view by) override;
  Result<std::string> Deny(int64_t id, std::string_view by) override;
  Result<std::string> AuditTail(size_t n) override;
  Result<std::string> AuditSearch(const AuditQuery& q) override;
  Result<std::string> AuditVerify() override;
  Result<std::string> UsageReport(std::optional<int64_t> since_ms) override;
  Result<HeldEventsExport> ExportHeldEvents() override;
  void RecordAdminDecision(const AdminDecisionRecord& r) override;

 private:
  Deps d_;
};

}  // namespace metagate::governance
