// metagate's policy decision point: a Cedar policy set (with an optional schema) over the entity
// store, answering AuthZEN evaluations and searches and Envoy ext_authz checks, and applying
// entity changes (validated against the schema, persisted before they become visible).
// Thread-safe: evaluations run concurrently; entity changes are serialized.
#pragma once

#include <memory>
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
  // With a schema, its actions (which Open adds to the store) cannot be changed or deleted.
  Result<uint64_t> ApplyEntityOps(std::span<const EntityOp> ops,
                                  std::optional<uint64_t> if_version);

  const EntityStore& entities() const { return store_; }
  const cedar::Schema* schema() const { return schema_ ? &*schema_ : nullptr; }
  const PdpConfig& config() const { return config_; }
  size_t policy_count() const { return policy_count_; }
  // The Cedar entity type an AuthZEN type maps to (the namespace prefixed).
  std::string CedarType(const std::string& authzen_type) const;

 private:
  explicit Pdp(PdpConfig config) : config_(std::move(config)) {}
  std::vector<std::string> ActionCandidates(const std::string& principal_type,
                                            const std::string& resource_type,
                                            const EntityStore::View& view) const;

  PdpConfig config_;
  std::optional<cedar::Schema> schema_;
  cedar::PolicySet policies_;
  size_t policy_count_ = 0;
  EntityStore store_;
  std::unique_ptr<EntityDb> db_;
};

}  // namespace metagate::pdp
