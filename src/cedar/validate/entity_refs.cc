#include "validate/entity_refs.h"

#include <algorithm>

namespace metagate::cedar::validate {

namespace {

class RefChecker {
 public:
  RefChecker(const Schema& schema, const Hierarchy& hierarchy, Reporter& reporter)
      : schema_(schema), hierarchy_(hierarchy), reporter_(reporter) {}

  void Uid(const EntityUid& uid, SourceLoc loc) {
    if (schema_.IsActionEntityType(uid.type())) {
      if (schema_.FindAction(uid) == nullptr) {
        reporter_.Report(
            loc, ValidationCode::kUnknownAction,
            "unrecognized action " + uid.ToString() + "; the schema declares no such action");
      }
      return;
    }
    const EntityTypeDecl* decl = schema_.FindEntityType(uid.type());
    if (decl == nullptr) {
      TypeName(uid.type(), loc);
      return;
    }
    if (decl->enum_ids && std::find(decl->enum_ids->begin(), decl->enum_ids->end(), uid.id()) ==
                              decl->enum_ids->end()) {
      reporter_.Report(loc, ValidationCode::kInvalidEnumEntity,
                       "an entity of the enumerated entity type `" + uid.type() +
                           "` has an id the schema does not list");
    }
  }

  void TypeName(const std::string& type, SourceLoc loc) {
    if (hierarchy_.IsKnownType(type)) return;
    reporter_.Report(loc, ValidationCode::kUnknownEntityType,
                     "unrecognized entity type `" + type + "`; the schema does not declare it");
  }

  void Value(const cedar::Value& v, SourceLoc loc) {
    if (v.is_entity()) Uid(v.as_entity(), loc);
    if (v.is_set()) {
      for (const cedar::Value& e : v.set_elems()) Value(e, loc);
    }
    if (v.is_record()) {
      for (const auto& [k, f] : v.record_fields()) Value(f, loc);
    }
  }

  void Walk(const Expr& e) {
    if (e.kind == ExprKind::kLiteral) Value(e.literal, e.loc);
    if (e.kind == ExprKind::kIs) TypeName(e.name, e.loc);
    for (const ExprPtr& a : e.args) Walk(*a);
    for (const auto& [k, v] : e.fields) Walk(*v);
  }

  void Scope(const ScopeConstraint& c, SourceLoc loc) {
    if (c.entity) Uid(*c.entity, loc);
    for (const EntityUid& u : c.entity_list) {
      Uid(u, loc);
      // The list is a set literal: in strict mode its elements need one type.
      if (u.type() != c.entity_list.front().type()) {
        reporter_.Report(loc, ValidationCode::kIncompatibleTypes,
                         "the types " + c.entity_list.front().type() + " and " + u.type() +
                             " are not compatible; list actions of one type in the scope");
      }
    }
    if (c.op == ScopeConstraint::Op::kIs || c.op == ScopeConstraint::Op::kIsIn) {
      TypeName(c.entity_type, loc);
    }
  }

 private:
  const Schema& schema_;
  const Hierarchy& hierarchy_;
  Reporter& reporter_;
};

}  // namespace

void CheckEntityReferences(const Schema& schema, const Hierarchy& hierarchy, const Policy& policy,
                           Reporter& reporter) {
  RefChecker checker(schema, hierarchy, reporter);
  checker.Scope(policy.principal, policy.loc);
  checker.Scope(policy.action, policy.loc);
  checker.Scope(policy.resource, policy.loc);
  if (policy.principal_slot_value) checker.Uid(*policy.principal_slot_value, policy.loc);
  if (policy.resource_slot_value) checker.Uid(*policy.resource_slot_value, policy.loc);
  for (const Condition& c : policy.conditions) checker.Walk(*c.expr);
}

}  // namespace metagate::cedar::validate
