#include "validate/scope.h"

#include <optional>

namespace metagate::cedar::validate {

namespace {

// A principal or resource constraint against the environment's entity type. `linked` is the
// slot's value for a template-linked policy; an unlinked slot may hold any entity.
bool EntityScopeMayMatch(ScopeConstraint c, const std::optional<EntityUid>& linked,
                         const std::string& type, const Hierarchy& hierarchy) {
  if (c.slot && linked) c.entity = linked;
  switch (c.op) {
    case ScopeConstraint::Op::kAny:
      return true;
    case ScopeConstraint::Op::kEq:
      return !c.entity || c.entity->type() == type;
    case ScopeConstraint::Op::kIn:
      return !c.entity || hierarchy.TypeMayBeIn(type, c.entity->type());
    case ScopeConstraint::Op::kIs:
      return c.entity_type == type;
    case ScopeConstraint::Op::kIsIn:
      return c.entity_type == type && (!c.entity || hierarchy.TypeMayBeIn(type, c.entity->type()));
  }
  return true;
}

bool ActionScopeMatches(const ScopeConstraint& c, const EntityUid& action,
                        const Hierarchy& hierarchy) {
  switch (c.op) {
    case ScopeConstraint::Op::kAny:
      return true;
    case ScopeConstraint::Op::kEq:
      return c.entity && *c.entity == action;
    case ScopeConstraint::Op::kIn:
      if (c.is_list) {
        for (const EntityUid& u : c.entity_list) {
          if (hierarchy.ActionIn(action, u)) return true;
        }
        return false;
      }
      return c.entity && hierarchy.ActionIn(action, *c.entity);
    default:
      return false;
  }
}

}  // namespace

bool ScopeMayMatch(const Policy& policy, const RequestEnv& env, const Hierarchy& hierarchy) {
  return EntityScopeMayMatch(policy.principal, policy.principal_slot_value, env.principal,
                             hierarchy) &&
         ActionScopeMatches(policy.action, env.action->uid, hierarchy) &&
         EntityScopeMayMatch(policy.resource, policy.resource_slot_value, env.resource, hierarchy);
}

}  // namespace metagate::cedar::validate
