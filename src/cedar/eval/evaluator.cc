// The expression evaluator and policy satisfaction check.
#include "metagate/cedar/evaluator.h"

#include <string>
#include <unordered_set>

#include "eval/binary_ops.h"
#include "eval/like.h"
#include "metagate/cedar/extensions.h"

namespace metagate::cedar {
namespace {

// The attribute `attr` of a record or entity, borrowed from `v` or from the entity store.
Result<const Value*> GetAttr(const Value& v, const std::string& attr,
                             const EntityLookup& entities) {
  if (v.is_record()) {
    const Value* f = v.FindField(attr);
    if (f == nullptr) return Status::Invalid("attribute `" + attr + "` not found on record");
    return f;
  }
  if (!v.is_entity()) return EvalTypeError("one of [record, entity]", v);
  const Entity* e = entities.Find(v.as_entity());
  if (e == nullptr) {
    return Status::Invalid("entity of type `" + v.as_entity().type() + "` does not exist");
  }
  const Value* f = e->attrs.FindField(attr);
  if (f == nullptr) {
    return Status::Invalid("attribute `" + attr + "` not found on entity of type `" +
                           v.as_entity().type() + "`");
  }
  return f;
}

Result<bool> HasAttr(const Value& v, const std::string& attr, const EntityLookup& entities) {
  if (v.is_record()) return v.FindField(attr) != nullptr;
  if (!v.is_entity()) return EvalTypeError("one of [record, entity]", v);
  const Entity* e = entities.Find(v.as_entity());
  return e != nullptr && e->attrs.FindField(attr) != nullptr;
}

// Resolves the entity of a scope constraint: the literal entity or the linked slot value.
// Returns nullptr for an unlinked slot.
const EntityUid* ScopeEntity(const ScopeConstraint& c, const Policy& policy) {
  if (c.entity) return &*c.entity;
  if (!c.slot) return nullptr;
  const auto& linked =
      *c.slot == SlotId::kPrincipal ? policy.principal_slot_value : policy.resource_slot_value;
  return linked ? &*linked : nullptr;
}

Result<bool> ScopeMatches(const ScopeConstraint& c, const EntityUid& var, const Policy& policy,
                          const EntityLookup& entities) {
  switch (c.op) {
    case ScopeConstraint::Op::kAny:
      return true;
    case ScopeConstraint::Op::kIs:
      return var.type() == c.entity_type;
    case ScopeConstraint::Op::kEq: {
      const EntityUid* e = ScopeEntity(c, policy);
      if (e == nullptr) return Status::Invalid("policy template slot is not linked");
      return var == *e;
    }
    case ScopeConstraint::Op::kIn:
    case ScopeConstraint::Op::kIsIn: {
      if (c.op == ScopeConstraint::Op::kIsIn && var.type() != c.entity_type) return false;
      if (c.is_list) {
        for (const EntityUid& e : c.entity_list) {
          if (entities.IsInOrEqual(var, e)) return true;
        }
        return false;
      }
      const EntityUid* e = ScopeEntity(c, policy);
      if (e == nullptr) return Status::Invalid("policy template slot is not linked");
      return entities.IsInOrEqual(var, *e);
    }
  }
  return false;
}

}  // namespace

Result<const Value*> Evaluator::EvaluateRef(const Expr& expr, Value& scratch) {
  switch (expr.kind) {
    case ExprKind::kLiteral:
      return &expr.literal;
    case ExprKind::kVar:
      switch (expr.var) {
        case Var::kPrincipal:
          return &principal_;
        case Var::kAction:
          return &action_;
        case Var::kResource:
          return &resource_;
        case Var::kContext:
          return &request_.context;
      }
      break;
    case ExprKind::kGetAttr: {
      ASSIGN_OR_RETURN(const Value* v, EvaluateRef(*expr.args[0], scratch));
      return GetAttr(*v, expr.name, entities_);
    }
    default:
      break;
  }
  ASSIGN_OR_RETURN(scratch, Evaluate(expr));
  return &scratch;
}

Result<bool> Evaluator::EvaluateBool(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kAnd:
    case ExprKind::kOr: {
      bool is_and = expr.kind == ExprKind::kAnd;
      ASSIGN_OR_RETURN(bool l, EvaluateBool(*expr.args[0]));
      if (l != is_and) return l;
      return EvaluateBool(*expr.args[1]);
    }
    case ExprKind::kNot: {
      ASSIGN_OR_RETURN(bool b, EvaluateBool(*expr.args[0]));
      return !b;
    }
    case ExprKind::kHasAttr: {
      Value scratch;
      ASSIGN_OR_RETURN(const Value* v, EvaluateRef(*expr.args[0], scratch));
      return HasAttr(*v, expr.name, entities_);
    }
    default:
      break;
  }
  Value scratch;
  ASSIGN_OR_RETURN(const Value* v, EvaluateRef(expr, scratch));
  if (!v->is_bool()) return EvalTypeError("bool", *v);
  return v->as_bool();
}

Result<Value> Evaluator::Evaluate(const Expr& expr) {
  switch (expr.kind) {
    case ExprKind::kLiteral:
      return expr.literal;
    case ExprKind::kVar:
      switch (expr.var) {
        case Var::kPrincipal:
          return principal_;
        case Var::kAction:
          return action_;
        case Var::kResource:
          return resource_;
        case Var::kContext:
          return request_.context;
      }
      return Status::Internal("unknown variable");
    case ExprKind::kSlot:
      return Status::Invalid("unlinked template slot in an expression");
    case ExprKind::kIf: {
      ASSIGN_OR_RETURN(bool c, EvaluateBool(*expr.args[0]));
      return Evaluate(*expr.args[c ? 1 : 2]);
    }
    case ExprKind::kAnd:
    case ExprKind::kOr:
    case ExprKind::kNot:
    case ExprKind::kHasAttr: {
      ASSIGN_OR_RETURN(bool b, EvaluateBool(expr));
      return Value::Bool(b);
    }
    case ExprKind::kNeg: {
      Value scratch;
      ASSIGN_OR_RETURN(const Value* v, EvaluateRef(*expr.args[0], scratch));
      if (!v->is_long()) return EvalTypeError("long", *v);
      if (v->as_long() == INT64_MIN) return Status::Invalid("integer overflow in unary `-`");
      return Value::Long(-v->as_long());
    }
    case ExprKind::kBinary: {
      Value ls, rs;
      ASSIGN_OR_RETURN(const Value* l, EvaluateRef(*expr.args[0], ls));
      ASSIGN_OR_RETURN(const Value* r, EvaluateRef(*expr.args[1], rs));
      return ApplyBinary(expr.op, *l, *r, entities_);
    }
    case ExprKind::kIsEmpty: {
      Value scratch;
      ASSIGN_OR_RETURN(const Value* v, EvaluateRef(*expr.args[0], scratch));
      if (!v->is_set()) return EvalTypeError("set", *v);
      return Value::Bool(v->set_elems().empty());
    }
    case ExprKind::kGetAttr: {
      Value scratch;
      ASSIGN_OR_RETURN(const Value* v, EvaluateRef(*expr.args[0], scratch));
      ASSIGN_OR_RETURN(const Value* f, GetAttr(*v, expr.name, entities_));
      return *f;
    }
    case ExprKind::kLike: {
      Value scratch;
      ASSIGN_OR_RETURN(const Value* v, EvaluateRef(*expr.args[0], scratch));
      if (!v->is_string()) return EvalTypeError("string", *v);
      return Value::Bool(MatchLike(expr.pattern, v->as_string()));
    }
    case ExprKind::kIs: {
      Value scratch;
      ASSIGN_OR_RETURN(const Value* v, EvaluateRef(*expr.args[0], scratch));
      if (!v->is_entity()) return EvalTypeError("entity", *v);
      return Value::Bool(v->as_entity().type() == expr.name);
    }
    case ExprKind::kSet: {
      std::vector<Value> elems;
      elems.reserve(expr.args.size());
      for (const ExprPtr& a : expr.args) {
        ASSIGN_OR_RETURN(Value v, Evaluate(*a));
        elems.push_back(std::move(v));
      }
      return Value::Set(std::move(elems));
    }
    case ExprKind::kRecord: {
      std::vector<std::pair<std::string, Value>> fields;
      fields.reserve(expr.fields.size());
      std::unordered_set<std::string_view> keys;
      for (const auto& [key, e] : expr.fields) {
        if (!keys.insert(key).second) {
          return Status::Invalid("duplicate key `" + key + "` in record literal");
        }
        ASSIGN_OR_RETURN(Value v, Evaluate(*e));
        fields.emplace_back(key, std::move(v));
      }
      return Value::Record(std::move(fields));
    }
    case ExprKind::kExtCall: {
      std::vector<Value> args;
      args.reserve(expr.args.size());
      for (const ExprPtr& a : expr.args) {
        ASSIGN_OR_RETURN(Value v, Evaluate(*a));
        args.push_back(std::move(v));
      }
      return CallExtensionFunction(expr.name, args);
    }
  }
  return Status::Internal("unknown expression kind");
}

Result<bool> Evaluator::Satisfied(const Policy& policy) {
  ASSIGN_OR_RETURN(bool p, ScopeMatches(policy.principal, request_.principal, policy, entities_));
  if (!p) return false;
  ASSIGN_OR_RETURN(bool a, ScopeMatches(policy.action, request_.action, policy, entities_));
  if (!a) return false;
  ASSIGN_OR_RETURN(bool r, ScopeMatches(policy.resource, request_.resource, policy, entities_));
  if (!r) return false;
  for (const Condition& c : policy.conditions) {
    ASSIGN_OR_RETURN(bool v, EvaluateBool(*c.expr));
    if (v != c.is_when) return false;
  }
  return true;
}

}  // namespace metagate::cedar
