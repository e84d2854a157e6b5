// The Cedar authorizer: a parsed, indexed policy set and the decision procedure (forbid
// overrides permit, default deny). A decision never fails as a whole: a policy whose evaluation
// errors is skipped and reported. A PolicySet is immutable once built; IsAuthorized is
// thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "metagate/cedar/ast.h"
#include "metagate/cedar/entities.h"
#include "metagate/cedar/evaluator.h"
#include "metagate/cedar/scope_index.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

enum class Decision : uint8_t { kAllow, kDeny };

struct PolicyError {
  std::string policy_id;
  std::string message;  // what went wrong; never contains attribute values
};

struct Response {
  Decision decision = Decision::kDeny;
  std::vector<std::string> reasons;  // ids of the determining policies, sorted
  std::vector<PolicyError> errors;   // policies whose evaluation errored, sorted by id
};

class PolicySet {
 public:
  PolicySet() = default;
  // Parses and indexes policy text. Templates are kept but never evaluated until linked.
  static Result<PolicySet> FromText(std::string_view text);
  // Adds a policy (static or template). Returns an error if its id is already used.
  Status Add(PolicyPtr policy);
  // Links template `template_id` with slot values into a new policy `new_id`.
  Status Link(const std::string& template_id, const std::string& new_id,
              std::optional<EntityUid> principal, std::optional<EntityUid> resource);

  const std::vector<PolicyPtr>& policies() const { return policies_; }
  const std::vector<PolicyPtr>& templates() const { return templates_; }

  // Returns the policies that may apply to `request` (scope pre-filter); the others are known
  // not to be satisfied.
  void Candidates(const Request& request, const EntityLookup& entities,
                  std::vector<const Policy*>& out) const;

 private:
  std::vector<PolicyPtr> policies_;  // static and linked policies
  std::vector<PolicyPtr> templates_;
  std::unordered_set<std::string> ids_;  // ids of policies_ and templates_
  ScopeIndex index_;                     // policies_ by scope
};

// Decides `request` against `policies` and `entities`.
Response IsAuthorized(const Request& request, const PolicySet& policies,
                      const EntityLookup& entities);

}  // namespace metagate::cedar
