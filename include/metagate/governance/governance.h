// Governance: what `metagate serve` does with every decision beyond forwarding it. It aggregates
// the data map in memory (flushed to the store periodically and at shutdown, never a write per
// event), queues unknown fields and events for approval, holds the events blocked for approval
// sealed at rest, replays them once their approvals are decided, and writes the decision log
// through an AuditSink. Thread-safe: Observe runs on the gateway's workers.
#pragma once

#include <array>
#include <atomic>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "metagate/egress/pipeline.h"
#include "metagate/governance/governance_store.h"

namespace metagate::governance {

class HoldCipher;

// Where decision-log records go (the DecisionLog, or a test's recorder). `members` is the text
// of JSON object members without braces; it never holds a field value.
class AuditSink {
 public:
  virtual ~AuditSink() = default;
  virtual void Record(std::string_view kind, std::string_view members) = 0;
};

struct GovernanceOptions {
  std::string data_dir;
  std::string hold_key;  // 32 bytes or 64 hex digits (events held for approval are sealed)
  bool hold = true;      // keep the events blocked for approval (else they are only counted)
};

// One filtered request as the gateway saw it.
struct ObservedRequest {
  std::string_view integration;
  std::string_view vendor;
  std::string_view ingest_path;                  // the vendor API path (/v1/batch, /track, ...)
  std::string_view body;                         // as received (decoded)
  const egress::FilterResult* result = nullptr;  // with record_fields and hold_unknown
  const egress::Pipeline* pipeline = nullptr;
  bool replay = false;  // a held request replayed after its approvals were decided
};

class Governance {
 public:
  static Result<std::unique_ptr<Governance>> Open(const GovernanceOptions& options,
                                                  AuditSink* audit);
  ~Governance();

  // Records one request: data map counts, approval sightings, the decision record, and the
  // held events (sealed, on disk before this returns). Fails only when events to hold could not
  // be stored: the gateway then answers 503 so the sender retries (nothing is lost silently).
  Status Observe(const ObservedRequest& request, egress::PipelineScratch& scratch);

  // Writes the map's and the approvals' counts gathered since the last flush to the store.
  Status Flush();

  // Decides an approval (LogDecisions records it).
  Result<Approval> Decide(int64_t id, bool approve, const std::vector<std::string>& classes,
                          std::string_view by);
  // Writes the decisions not yet in the decision log (made here or by `metagate approvals`).
  Status LogDecisions();

  // Delivers held events whose approvals are all decided: `replay` filters the body through the
  // current pipeline and spools what may leave (it returns once the spool has it on disk); the
  // held entry is then deleted. Returns how many entries were replayed.
  using Replayer = std::function<Status(const HeldEvents& held, const std::string& body)>;
  Result<size_t> ReplayReady(const Replayer& replay);

  // The held events, opened, oldest first: each entry with its body.
  Result<std::vector<std::pair<HeldEvents, std::string>>> OpenHeld(size_t limit);
  // The same as JSON lines (for the admin export): one line per held entry.
  Result<std::string> ExportHeld(size_t limit);
  static std::string HeldJsonLine(const HeldEvents& held, std::string_view body);

  // A policy change (reload): the ids added, removed and changed, and a digest of the whole set.
  void RecordPolicies(const egress::Pipeline& pipeline, std::string_view why);

  GovernanceStore& store() { return *store_; }

 private:
  Governance() = default;
  struct Shard;
  Shard& ShardForThisThread();
  // The id of the entry `key` names. When it is not cached, `sighting` is written to the store
  // with its count (`counted`), and `created` says whether that created the entry.
  Result<int64_t> ApprovalId(const ApprovalSighting& sighting, std::string_view key, bool& created,
                             bool& counted);

  std::unique_ptr<GovernanceStore> store_;
  std::unique_ptr<HoldCipher> cipher_;
  AuditSink* audit_ = nullptr;
  bool hold_ = true;
  std::vector<std::unique_ptr<Shard>> shards_;
  std::mutex ids_mu_;
  std::unordered_map<std::string, int64_t> approval_ids_;  // key -> id, for sightings
  std::mutex flush_mu_;
  std::mutex policies_mu_;
  std::vector<std::pair<std::string, std::string>> policy_digests_;  // id -> sha256, last known
};

}  // namespace metagate::governance
