// GovernanceStore: governance state in the embedded SQLite store (DATA_DIR/governance.db): the
// data map's aggregated flows, the approvals queue, and the events held for approval (sealed by
// the caller; the store never sees them in clear). Thread-safe; every write is one transaction.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/egress/config.h"
#include "metagate/governance/flow_map.h"

namespace metagate::store {
class SqliteDb;
}

namespace metagate::governance {

// One entry of the approvals queue: a field or an event the catalog did not know.
struct Approval {
  int64_t id = 0;
  std::string kind;  // field | event
  std::string integration;
  std::string event;
  std::string path;                  // the field ('.'-joined, as policies see it); "" for events
  std::vector<std::string> vendors;  // where it was being sent
  std::vector<std::string> classes;  // what the detectors found in its value
  std::string example;               // masked (egress::MaskExample), never the value
  uint64_t count = 0;                // times seen
  int64_t first_seen_ms = 0;
  int64_t last_seen_ms = 0;
  std::string status;                        // pending | approved | denied
  std::vector<std::string> decided_classes;  // approved with these classes
  std::string decided_by;
  int64_t decided_ms = 0;
};

// What the gateway noticed about an unknown field or event in one flush period.
struct ApprovalSighting {
  std::string kind, integration, vendor, event, path;
  std::vector<std::string> classes;  // used when the entry is new
  std::string example;               // used when the entry is new
  uint64_t count = 0;
  int64_t first_seen_ms = 0, last_seen_ms = 0;
};

// An event held for approval: the vendor body holding it, sealed.
struct HeldEvents {
  int64_t id = 0;
  std::string integration, vendor;
  std::string ingest_path;        // the vendor API path it came to (/v1/batch, ...)
  std::vector<int64_t> waits_on;  // approval ids
  int64_t events = 0;
  std::string sealed;  // nonce + ciphertext + tag (HoldCipher)
  int64_t held_ms = 0;
};

class GovernanceStore {
 public:
  // Opens (creating) DATA_DIR/governance.db, and the folder with mode 0700.
  static Result<std::unique_ptr<GovernanceStore>> Open(const std::string& data_dir);
  ~GovernanceStore();

  // Flows: adds counts and widens first/last seen, all rows in one transaction.
  Status AddFlows(const std::vector<FlowRow>& deltas);
  // Every flow (seen at or after `since_ms` when given), sorted.
  Result<std::vector<FlowRow>> Flows(std::optional<int64_t> since_ms = std::nullopt);

  // Approvals: adds sightings (new entries are pending); returns the ids in the same order, and
  // in `created` (when given) whether each entry is new.
  Result<std::vector<int64_t>> NoteApprovals(const std::vector<ApprovalSighting>& sightings,
                                             std::vector<bool>* created = nullptr);
  // The id of an entry, or nullopt when it was never seen.
  Result<std::optional<int64_t>> FindApproval(std::string_view kind, std::string_view integration,
                                              std::string_view event, std::string_view path);
  // status: pending | approved | denied | all.
  Result<std::vector<Approval>> Approvals(std::string_view status);
  Result<Approval> GetApproval(int64_t id);
  // Decides a pending entry (NotFound; Conflict when already decided). `classes` (approve only)
  // replaces the detected classes in the catalog entry; empty keeps them.
  Result<Approval> Decide(int64_t id, bool approve, const std::vector<std::string>& classes,
                          std::string_view by, int64_t now_ms);
  // Decisions not yet written to the decision log, marked as written (the gateway owns the log;
  // `metagate approvals` only decides).
  Result<std::vector<Approval>> TakeUnloggedDecisions();
  // Bumped by each decision: a watcher compares it to see that there is something to apply.
  Result<int64_t> DecisionsVersion();
  // The catalog entries the decisions add: approved fields and events, denied ones.
  Result<std::vector<egress::CatalogEntry>> CatalogOverlay();

  // Held events.
  Result<int64_t> Hold(const HeldEvents& held);
  // Held entries none of whose approvals is still pending, oldest first, at most `limit`.
  Result<std::vector<HeldEvents>> ReadyToReplay(size_t limit);
  // Every held entry (for the export), oldest first, at most `limit`.
  Result<std::vector<HeldEvents>> AllHeld(size_t limit);
  Status DeleteHeld(int64_t id);
  Result<int64_t> HeldCount();
  // The id of the newest held entry (0 when none was ever held).
  Result<int64_t> LastHeldId();

  const std::string& file() const;

 private:
  GovernanceStore() = default;
  std::mutex mu_;
  std::unique_ptr<store::SqliteDb> db_;
};

}  // namespace metagate::governance
