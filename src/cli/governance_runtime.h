// GovernanceRuntime: governance inside `metagate serve`: opens the store, the hold key and the
// decision log, observes every gateway request, and runs the background loop that flushes the
// data map and, once approvals are decided, swaps in a pipeline that knows them and replays the
// events held for them.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "metagate/egress/config.h"
#include "metagate/gateway/gateway.h"
#include "metagate/governance/admin_api.h"
#include "metagate/governance/admin_service.h"
#include "metagate/governance/decision_log.h"
#include "metagate/governance/governance.h"

namespace metagate::cli {

class GovernanceRuntime {
 public:
  // Null when the config switches governance off.
  static Result<std::unique_ptr<GovernanceRuntime>> Open(const egress::EgressConfig& config,
                                                         const std::string& data_dir);
  ~GovernanceRuntime();

  gateway::Observer Observer();
  governance::Governance& governance() { return *governance_; }
  governance::AuditSink* audit() { return audit_.get(); }

  // Starts the loop for this gateway (config_path: to rebuild the pipeline), and the admin API
  // when the config has an `admin:` section.
  Status Start(const std::string& config_path, gateway::Gateway& gateway);
  // Answers /admin/v1/... (false for other paths, or when there is no admin section).
  bool HandleAdmin(const net::HttpRequest& request, net::HttpResponse& response) const;
  // A reload happened: record the policies in force.
  void Reloaded(const egress::Pipeline& pipeline) {
    governance_->RecordPolicies(pipeline, "reload");
  }
  // Something was decided (the admin API): apply it now rather than at the next tick.
  void Notify();
  // Stops the loop, flushes the map, closes the decision log. Idempotent.
  void Stop();

 private:
  GovernanceRuntime() = default;
  void Loop();
  void ApplyDecisions();

  std::string data_dir_;
  std::unique_ptr<governance::DecisionLog> log_;
  std::string log_path_;
  std::string audit_key_;
  std::unique_ptr<governance::AuditSink> audit_;
  std::unique_ptr<governance::Governance> governance_;
  std::unique_ptr<governance::GovernanceAdminBackend> admin_backend_;
  std::unique_ptr<governance::AdminApi> admin_;
  std::chrono::milliseconds flush_interval_{5000};
  std::string config_path_;
  gateway::Gateway* gateway_ = nullptr;
  int64_t applied_version_ = -1;
  std::mutex mu_;
  std::condition_variable wake_;
  bool notified_ = false;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace metagate::cli
