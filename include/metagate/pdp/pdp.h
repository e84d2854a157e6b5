// metagate's policy decision point: a Cedar policy set (with an optional schema) over the entity
// store, answering AuthZEN evaluations and searches and Envoy ext_authz checks, and applying
// entity changes (validated against the schema, persisted before they become visible).
// Thread-safe: evaluations run concurrently; entity changes are serialized.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/schema.h"
#include "metagate/pdp/authzen.h"
#include "metagate/pdp/entity_db.h"
#include "metagate/pdp/entity_store.h"
#include "metagate/pdp/pdp_config.h"

namespace metagate::pdp {

// The outcome of one evaluation.
struct PdpAnswer {
  bool allow = false;
  std::vector<std::string> reasons;  // ids of the determining policies
  std::vector<std::string> errors;   // ids of policies whose evaluation failed
  std::string note;  // why the request was denied without evaluating (schema mismatch), if so
};

class Pdp {
 public:
  // The policies and schema in force. ReloadPolicies replaces them whole; holders of a snapshot
  // keep theirs.
  struct Rules {
    std::optional<cedar::Schema> schema;
    cedar::PolicySet policies;
    size_t policy_count = 0;
    const cedar::Schema* schema_ptr() const { return schema ? &*schema : nullptr; }
  };

  // Loads the schema, the policies (validated against the schema) and the entity files, then
  // the entity changes saved under `data_dir`/pdp/entities.db (an empty `data_dir`: none are
  // kept). Errors name the file, line and column.
  static Result<std::unique_ptr<Pdp>> Open(const PdpConfig& config, const std::string& data_dir);

  // Decides one complete request (CheckComplete holds). An error means the request itself is
  // wrong (an undeclared type, a property of the wrong type): answer 400 with its message.
  Result<PdpAnswer> Evaluate(const AzRequest& request) const;
  // Answers a search exactly over the entity store: every stored entity of the searched type
  // (or every action that applies) for which the decision is allow, sorted by id (or name).
  Result<std::vector<SearchHit>> Search(SearchKind kind, const AzRequest& query) const;

  // Applies entity changes atomically (see EntityStore::Apply): each resulting entity is checked
  // against the schema, then the batch is saved, then it becomes visible. Returns the version.
  // Action entities (the schema's action types, else `Action`/`NS::Action`) cannot be changed or
  // deleted: they are the policies' vocabulary, from the schema and the entity files.
  Result<uint64_t> ApplyEntityOps(std::span<const EntityOp> ops,
                                  std::optional<uint64_t> if_version);

  // Reads the policy files and the schema `latest` (the config as it is now) names; when they
  // load and validate, they replace the ones in force. The entity store and the rest of the
  // configuration stay as they are. On an error nothing changes.
  Status ReloadPolicies(const PdpConfig& latest);

  const EntityStore& entities() const { return store_; }
  std::shared_ptr<const Rules> rules() const;
  const PdpConfig& config() const { return config_; }
  // The Cedar entity type an AuthZEN type maps to (the namespace prefixed).
  std::string CedarType(const std::string& authzen_type) const;

 private:
  explicit Pdp(PdpConfig config) : config_(std::move(config)) {}
  std::vector<std::string> ActionCandidates(const Rules& rules, const std::string& principal_type,
                                            const std::string& resource_type,
                                            const EntityStore::View& view) const;

  PdpConfig config_;
  mutable std::mutex rules_mutex_;
  std::shared_ptr<const Rules> rules_;
  EntityStore store_;
  std::unique_ptr<EntityDb> db_;
};

}  // namespace metagate::pdp
