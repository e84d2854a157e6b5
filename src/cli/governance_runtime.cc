#include "governance_runtime.h"

#include <cstdio>
#include <filesystem>

#include "metagate/common/clock.h"
#include "metagate/governance/admin_config.h"
#include "metagate/governance/audit_key.h"
#include "pipeline_loading.h"

namespace metagate::cli {

namespace fs = std::filesystem;

namespace {

// Decision records go to the hash-chained log.
class LogSink : public governance::AuditSink {
 public:
  explicit LogSink(governance::DecisionLog& log) : log_(log) {}
  void Record(std::string_view kind, std::string_view members) override {
    log_.Append(kind, members);
  }

 private:
  governance::DecisionLog& log_;
};

}  // namespace

GovernanceRuntime::~GovernanceRuntime() { Stop(); }

Result<std::unique_ptr<GovernanceRuntime>> GovernanceRuntime::Open(
    const egress::EgressConfig& config, const std::string& data_dir) {
  const egress::GovernanceConfig& gc = config.governance;
  if (!gc.enabled) return std::unique_ptr<GovernanceRuntime>();
  std::unique_ptr<GovernanceRuntime> rt(new GovernanceRuntime());
  rt->data_dir_ = data_dir;
  // The decision log, and the key its checkpoints are signed with.
  if (gc.audit_key) {
    Result<std::string> key = egress::LoadSecret(*gc.audit_key);
    if (!key.ok()) return key.status().WithContext(config.file);
    rt->audit_key_ = *key;
  } else {
    ASSIGN_OR_RETURN(rt->audit_key_, governance::LoadOrCreateKeyFile(
                                         (fs::path(data_dir) / "audit" / "audit.key").string()));
  }
  rt->log_path_ = (fs::path(data_dir) / "audit" / "decisions.jsonl").string();
  governance::DecisionLogOptions log_options;
  log_options.path = rt->log_path_;
  log_options.key = rt->audit_key_;
  log_options.checkpoint_every = static_cast<uint64_t>(gc.checkpoint_every);
  ASSIGN_OR_RETURN(rt->log_, governance::DecisionLog::Open(log_options));
  rt->audit_ = std::make_unique<LogSink>(*rt->log_);
  governance::GovernanceOptions options;
  options.data_dir = data_dir;
  options.hold = gc.hold;
  if (gc.hold_key) {
    Result<std::string> key = egress::LoadSecret(*gc.hold_key);
    if (!key.ok()) return key.status().WithContext(config.file);
    options.hold_key = *key;
  } else {
    ASSIGN_OR_RETURN(
        options.hold_key,
        governance::LoadOrCreateKeyFile((fs::path(data_dir) / "governance" / "hold.key").string()));
  }
  rt->flush_interval_ = std::chrono::milliseconds(gc.flush_interval_ms);
  ASSIGN_OR_RETURN(rt->governance_, governance::Governance::Open(options, rt->audit_.get()));
  return rt;
}

gateway::Observer GovernanceRuntime::Observer() {
  governance::Governance* g = governance_.get();
  return [g](const gateway::Observation& o) {
    governance::ObservedRequest r;
    r.integration = o.integration;
    r.vendor = o.vendor;
    r.ingest_path = o.ingest_path;
    r.body = o.body;
    r.result = &o.result;
    r.pipeline = &o.pipeline;
    r.replay = o.replay;
    return g->Observe(r, o.scratch);
  };
}

Status GovernanceRuntime::Start(const std::string& config_path, gateway::Gateway& gateway) {
  config_path_ = config_path;
  gateway_ = &gateway;
  ASSIGN_OR_RETURN(std::optional<governance::AdminConfig> admin,
                   governance::LoadAdminConfig(config_path));
  if (admin) {
    governance::GovernanceAdminBackend::Deps deps;
    deps.governance = governance_.get();
    deps.log = log_.get();
    deps.log_path = log_path_;
    deps.audit_key = audit_key_;
    deps.pipeline = [&gateway] { return gateway.pipeline(); };
    deps.decided = [this] { Notify(); };
    deps.audit = audit_.get();
    deps.source = "metagate serve, " + data_dir_;
    admin_backend_ = std::make_unique<governance::GovernanceAdminBackend>(std::move(deps));
    ASSIGN_OR_RETURN(admin_, governance::AdminApi::Create(*admin, *admin_backend_));
  }
  Result<int64_t> version = governance_->store().DecisionsVersion();
  applied_version_ = version.ok() ? *version : -1;
  governance_->RecordPolicies(*gateway.pipeline(), "start");
  RETURN_IF_ERROR(governance_->LogDecisions());  // decided while the gateway was not running
  thread_ = std::thread([this] { Loop(); });
  Notify();  // events held by an earlier run whose approvals are decided: replay them now
  return Status::Ok();
}

bool GovernanceRuntime::HandleAdmin(const net::HttpRequest& request,
                                    net::HttpResponse& response) const {
  return admin_ != nullptr && admin_->Handle(request, response);
}

void GovernanceRuntime::Notify() {
  std::lock_guard lk(mu_);
  notified_ = true;
  wake_.notify_all();
}

void GovernanceRuntime::Loop() {
  std::unique_lock lk(mu_);
  bool replay_pending = true;
  int64_t last_flush = 0;
  while (!stop_) {
    wake_.wait_for(lk, std::min(flush_interval_, std::chrono::milliseconds(500)),
                   [&] { return stop_ || notified_; });
    if (stop_) break;
    bool notified = notified_;
    notified_ = false;
    lk.unlock();
    int64_t now = UnixMillis();
    if (now - last_flush >= flush_interval_.count()) {
      Status s = governance_->Flush();
      if (!s.ok()) {
        std::fprintf(stderr, "metagate serve: data map flush failed (kept for the next one): %s\n",
                     s.ToString().c_str());
      }
      last_flush = now;
    }
    Result<int64_t> version = governance_->store().DecisionsVersion();
    if (version.ok() && *version != applied_version_) {
      Status logged = governance_->LogDecisions();
      if (!logged.ok()) {
        std::fprintf(stderr, "metagate serve: recording approval decisions failed: %s\n",
                     logged.ToString().c_str());
      }
      ApplyDecisions();
      applied_version_ = *version;
      replay_pending = true;
    }
    if (replay_pending || notified) {
      Result<size_t> replayed = governance_->ReplayReady(
          [this](const governance::HeldEvents& h, const std::string& body) {
            return gateway_->Replay(h.integration, h.vendor, h.ingest_path, body);
          });
      if (!replayed.ok()) {
        std::fprintf(stderr, "metagate serve: replaying held events failed (retried): %s\n",
                     replayed.status().ToString().c_str());
      } else {
        replay_pending = false;
        if (*replayed > 0) {
          std::fprintf(stderr, "metagate serve: replayed %zu held request(s) after approval\n",
                       *replayed);
        }
      }
    }
    lk.lock();
  }
}

void GovernanceRuntime::ApplyDecisions() {
  Result<std::shared_ptr<const egress::Pipeline>> next =
      BuildPipeline(config_path_, &governance_->store());
  Status s = next.ok() ? gateway_->Reload(*next) : next.status();
  if (!s.ok()) {
    std::fprintf(stderr,
                 "metagate serve: approvals could not be applied; keeping the pipeline in use: "
                 "%s\n",
                 s.ToString().c_str());
    return;
  }
  std::fprintf(stderr, "metagate serve: applied approval decisions to the catalog\n");
  governance_->RecordPolicies(**next, "approvals");
}

void GovernanceRuntime::Stop() {
  {
    std::lock_guard lk(mu_);
    if (stop_ && !thread_.joinable()) return;
    stop_ = true;
    wake_.notify_all();
  }
  if (thread_.joinable()) thread_.join();
  if (governance_) {
    Status s = governance_->Flush();
    if (!s.ok()) {
      std::fprintf(stderr, "metagate serve: the last data map flush failed: %s\n",
                   s.ToString().c_str());
    }
  }
  if (log_) {
    Status s = log_->Close();
    if (!s.ok()) {
      std::fprintf(stderr, "metagate serve: closing the decision log failed: %s\n",
                   s.ToString().c_str());
    }
  }
}

}  // namespace metagate::cli
