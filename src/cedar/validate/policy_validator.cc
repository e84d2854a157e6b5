// ValidatePolicies: per policy, checks the entity types and actions it names, finds the request
// environments its scope admits, and typechecks its conditions in each of them.
#include <algorithm>
#include <utility>

#include "metagate/cedar/validator.h"
#include "validate/entity_refs.h"
#include "validate/hierarchy.h"
#include "validate/scope.h"
#include "validate/typechecker.h"

namespace metagate::cedar {

namespace {

using validate::Capabilities;
using validate::Hierarchy;
using validate::Reporter;
using validate::RequestEnv;
using validate::Typechecker;
using validate::Typed;
using validate::TypeKind;

std::vector<RequestEnv> AllEnvironments(const Schema& schema) {
  std::vector<RequestEnv> out;
  for (const ActionDecl& a : schema.actions()) {
    validate::TypePtr ctx = validate::FromSchema(*a.context);
    for (const std::string& p : a.principal_types) {
      for (const std::string& r : a.resource_types) out.push_back(RequestEnv{p, &a, r, ctx});
    }
  }
  return out;
}

// Typechecks the conditions of `policy` in one environment, in order, as Cedar's `&&` chain.
void CheckConditions(const Policy& policy, Typechecker& tc) {
  Capabilities prior;
  for (const Condition& c : policy.conditions) {
    Typed t = tc.CheckBool(*c.expr, prior);
    if (!t.type) return;
    TypeKind k = t.type->kind;
    if (!c.is_when) {
      k = k == TypeKind::kTrue    ? TypeKind::kFalse
          : k == TypeKind::kFalse ? TypeKind::kTrue
                                  : TypeKind::kBool;
      t.effects.clear();
    }
    if (k == TypeKind::kFalse) return;
    prior.insert(t.effects.begin(), t.effects.end());
  }
}

void ValidateOne(const Schema& schema, const Hierarchy& hierarchy,
                 const std::vector<RequestEnv>& envs, validate::AttrTypeCache& cache,
                 const Policy& policy, std::vector<ValidationFinding>& out) {
  Reporter reporter(policy.id, out);
  validate::CheckEntityReferences(schema, hierarchy, policy, reporter);
  bool any_applies = false;
  for (const RequestEnv& env : envs) {
    if (!validate::ScopeMayMatch(policy, env, hierarchy)) continue;
    any_applies = true;
    Typechecker tc(schema, hierarchy, env, reporter, cache);
    CheckConditions(policy, tc);
  }
  if (!any_applies) {
    reporter.Report(policy.loc, ValidationCode::kNoApplicableAction,
                    "unable to find an applicable action given the policy scope constraints; "
                    "check the schema's `appliesTo` for the actions and types the scope names");
  }
}

}  // namespace

ValidationResult ValidatePolicies(const Schema& schema, const std::vector<PolicyPtr>& policies,
                                  ValidationMode /*mode*/) {
  ValidationResult result;
  Hierarchy hierarchy(schema);
  std::vector<RequestEnv> envs = AllEnvironments(schema);
  validate::AttrTypeCache cache;
  for (const PolicyPtr& p : policies) {
    size_t first = result.findings.size();
    ValidateOne(schema, hierarchy, envs, cache, *p, result.findings);
    std::stable_sort(result.findings.begin() + static_cast<std::ptrdiff_t>(first),
                     result.findings.end(),
                     [](const ValidationFinding& a, const ValidationFinding& b) {
                       return a.loc.offset < b.loc.offset;
                     });
  }
  return result;
}

}  // namespace metagate::cedar
