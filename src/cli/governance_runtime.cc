#include "governance_runtime.h"

#include <cstdio>
#include <filesystem>

#include "metagate/common/clock.h"
#include "pipeline_loading.h"

namespace metagate::cli {

namespace fs = std::filesystem;

GovernanceRuntime::~GovernanceRuntime() { Stop(); }

Result<std::unique_ptr<GovernanceRuntime>> GovernanceRuntime::Open(
    const egress::EgressConfig& config, const std::string& data_dir) {
  const egress::GovernanceConfig& gc = config.governance;
  if (!gc.enabled) return std::unique_ptr<GovernanceRuntime>();
  std::unique_ptr<GovernanceRuntime> rt(new GovernanceRuntime());
  governance::GovernanceOptions options;
  options.data_dir = data_dir;
  options.hold = gc.hold;
  if (gc.hold_key) {
    Result<std::string> key = egress::LoadSecret(*gc.hold_key);
    if (!key.ok()) return key.status().WithContext(config.file);
    options.hold_key = *key;
  } else {
    ASSIGN_OR_RETURN(options.hold_key, governance::LoadOrCreateHoldKey(
                                           (fs::path(data_dir) / "governance" / "hold.key").string()));
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

void GovernanceRuntime::Start(const std::string& config_path, gateway::Gateway& gateway) {
  config_path_ = config_path;
  gateway_ = &gateway;
  Result<int64_t> version = governance_->store().DecisionsVersion();
  applied_version_ = version.ok() ? *version : -1;
  governance_->RecordPolicies(*gateway.pipeline(), "start");
  thread_ = std::thread([this] { Loop(); });
  Notify();  // events held by an earlier run whose approvals are decided: replay them now
}

void GovernanceRuntime::Notify() {
  std::lock_guard lk(mu_);
  notified_ = true;
  wake_.notify_all();
}

void GovernanceRuntime::Loop() {
  std::unique_lock lk(mu_);
  bool replay_pending = true;
  while (!stop_) {
    wake_.wait_for(lk, std::min(flush_interval_, std::chrono::milliseconds(500)),
                   [&] { return stop_ || notified_; });
    if (stop_) break;
    bool notified = notified_;
    notified_ = false;
    lk.unlock();
    static thread_local int64_t last_flush = 0;
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
}

}  // namespace metagate::cli
