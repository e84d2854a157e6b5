// Typechecker: dispatch over expression kinds and the boolean control flow (if, &&, ||).
#include "validate/typechecker.h"

#include "validate/typecheck_util.h"

namespace metagate::cedar::validate {

namespace {

TypePtr TypeOfValue(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kBool:
      return Type::Singleton(v.as_bool());
    case ValueKind::kLong:
      return Type::Long();
    case ValueKind::kString:
      return Type::String();
    case ValueKind::kEntity:
      return Type::Entity(v.as_entity().type());
    case ValueKind::kExtension:
      return Type::Extension(v.as_extension().type_name());
    case ValueKind::kSet: {
      TypePtr elem = Type::Never();
      for (const Value& e : v.set_elems()) elem = StrictLub(elem, TypeOfValue(e)).value_or(elem);
      return Type::Set(elem);
    }
    case ValueKind::kRecord: {
      std::map<std::string, AttrType> attrs;
      for (const auto& [k, f] : v.record_fields()) attrs[k] = AttrType{TypeOfValue(f), true};
      return Type::Record(std::move(attrs));
    }
  }
  return Type::Never();
}

// A readable path for an attribute access, e.g. `principal.rec.b`-style "rec.b" when the
// receiver is itself an attribute access of a variable.
}  // namespace

void Reporter::Report(SourceLoc loc, ValidationCode code, std::string message) {
  if (!seen_.insert({loc.offset, message}).second) return;
  ++count_;
  out_.push_back(ValidationFinding{policy_id_, loc, code, std::move(message)});
}

bool Typechecker::Expect(bool ok, const Expr& at, const std::string& expected, const TypePtr& saw) {
  if (ok) return true;
  reporter_.Report(at.loc, ValidationCode::kUnexpectedType,
                   "unexpected type: expected " + expected + " but saw " + saw->ToString());
  return false;
}

bool Typechecker::Compatible(const Expr& at, const TypePtr& a, const TypePtr& b) {
  if (StrictLub(a, b)) return true;
  reporter_.Report(at.loc, ValidationCode::kIncompatibleTypes,
                   "the types " + a->ToString() + " and " + b->ToString() +
                       " are not compatible; strict validation requires operands of one type");
  return false;
}

const EntityUid* Typechecker::KnownUid(const Expr& e) const {
  if (e.kind == ExprKind::kLiteral && e.literal.is_entity()) return &e.literal.as_entity();
  if (e.kind == ExprKind::kVar && e.var == Var::kAction) return &env_.action->uid;
  return nullptr;
}

Typed Typechecker::Check(const Expr& e, const Capabilities& prior) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return Of(TypeOfValue(e.literal));
    case ExprKind::kVar:
      switch (e.var) {
        case Var::kPrincipal:
          return Of(Type::Entity(env_.principal));
        case Var::kAction:
          return Of(Type::Entity(env_.action->uid.type()));
        case Var::kResource:
          return Of(Type::Entity(env_.resource));
        case Var::kContext:
          return Of(env_.context);
      }
      return Failed();
    case ExprKind::kSlot:
      return Of(Type::Entity(e.slot == SlotId::kPrincipal ? env_.principal : env_.resource));
    case ExprKind::kIf:
      return CheckIf(e, prior);
    case ExprKind::kAnd:
      return CheckAnd(e, prior);
    case ExprKind::kOr:
      return CheckOr(e, prior);
    case ExprKind::kNot: {
      Typed o = Check(*e.args[0], prior);
      if (!o.type || !Expect(o.type->IsBoolish(), *e.args[0], "Bool", o.type)) return Failed();
      if (o.type->kind == TypeKind::kTrue) return Of(Type::False());
      if (o.type->kind == TypeKind::kFalse) return Of(Type::True());
      return Of(Type::Bool());
    }
    case ExprKind::kNeg: {
      Typed o = Check(*e.args[0], prior);
      if (!o.type || !Expect(o.type->kind == TypeKind::kLong, *e.args[0], "Long", o.type)) {
        return Failed();
      }
      return Of(Type::Long());
    }
    case ExprKind::kBinary:
      return CheckBinary(e, prior);
    case ExprKind::kIsEmpty: {
      Typed o = Check(*e.args[0], prior);
      if (!o.type || !Expect(o.type->kind == TypeKind::kSet, *e.args[0], "Set", o.type)) {
        return Failed();
      }
      return Of(Type::Bool());
    }
    case ExprKind::kGetAttr:
      return CheckAttr(e, prior, false);
    case ExprKind::kHasAttr:
      return CheckAttr(e, prior, true);
    case ExprKind::kLike: {
      Typed o = Check(*e.args[0], prior);
      if (!o.type || !Expect(o.type->kind == TypeKind::kString, *e.args[0], "String", o.type)) {
        return Failed();
      }
      return Of(Type::Bool());
    }
    case ExprKind::kIs: {
      Typed o = Check(*e.args[0], prior);
      if (!o.type || !Expect(o.type->kind == TypeKind::kEntity, *e.args[0], "an entity", o.type)) {
        return Failed();
      }
      return Of(Type::Singleton(o.type->name == e.name));
    }
    case ExprKind::kSet:
      return CheckSet(e, prior);
    case ExprKind::kRecord:
      return CheckRecord(e, prior);
    case ExprKind::kExtCall:
      return CheckExtCall(e, prior);
  }
  return Failed();
}

Typed Typechecker::CheckBool(const Expr& e, const Capabilities& prior) {
  Typed t = Check(e, prior);
  if (!t.type || !Expect(t.type->IsBoolish(), e, "Bool", t.type)) return Failed();
  return t;
}

Typed Typechecker::CheckIf(const Expr& e, const Capabilities& prior) {
  Typed c = Check(*e.args[0], prior);
  if (!c.type || !Expect(c.type->IsBoolish(), *e.args[0], "Bool", c.type)) return Failed();
  if (c.type->kind == TypeKind::kTrue) {
    Typed t = Check(*e.args[1], Union(prior, c.effects));
    if (!t.type) return Failed();
    return Typed{t.type, Union(c.effects, t.effects)};
  }
  if (c.type->kind == TypeKind::kFalse) return Check(*e.args[2], prior);
  Typed t = Check(*e.args[1], Union(prior, c.effects));
  Typed f = Check(*e.args[2], prior);
  if (!t.type || !f.type) return Failed();
  auto lub = StrictLub(t.type, f.type);
  if (!lub) {
    Compatible(e, t.type, f.type);
    return Failed();
  }
  return Typed{*lub, Intersect(Union(c.effects, t.effects), f.effects)};
}

Typed Typechecker::CheckAnd(const Expr& e, const Capabilities& prior) {
  Typed l = Check(*e.args[0], prior);
  if (!l.type || !Expect(l.type->IsBoolish(), *e.args[0], "Bool", l.type)) return Failed();
  if (l.type->kind == TypeKind::kFalse) return Of(Type::False());
  Typed r = Check(*e.args[1], Union(prior, l.effects));
  if (!r.type || !Expect(r.type->IsBoolish(), *e.args[1], "Bool", r.type)) return Failed();
  if (r.type->kind == TypeKind::kFalse) return Of(Type::False());
  bool both_true = l.type->kind == TypeKind::kTrue && r.type->kind == TypeKind::kTrue;
  return Typed{both_true ? Type::True() : Type::Bool(), Union(l.effects, r.effects)};
}

Typed Typechecker::CheckOr(const Expr& e, const Capabilities& prior) {
  Typed l = Check(*e.args[0], prior);
  if (!l.type || !Expect(l.type->IsBoolish(), *e.args[0], "Bool", l.type)) return Failed();
  if (l.type->kind == TypeKind::kTrue) return l;
  Typed r = Check(*e.args[1], prior);
  if (!r.type || !Expect(r.type->IsBoolish(), *e.args[1], "Bool", r.type)) return Failed();
  if (l.type->kind == TypeKind::kFalse) return r;
  if (r.type->kind == TypeKind::kFalse) return l;
  TypePtr t = r.type->kind == TypeKind::kTrue ? Type::True() : Type::Bool();
  return Typed{t, Intersect(l.effects, r.effects)};
}

}  // namespace metagate::cedar::validate
