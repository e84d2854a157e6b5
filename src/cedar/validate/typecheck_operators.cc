// Typechecker: binary operators (equality, comparisons, arithmetic, `in`, set operations).
#include "validate/typecheck_util.h"
#include "validate/typechecker.h"

namespace metagate::cedar::validate {

Typed Typechecker::CheckEquality(const Expr& e, const Typed& l, const Typed& r) {
  const Expr& a = *e.args[0];
  const Expr& b = *e.args[1];
  bool a_known = a.kind == ExprKind::kLiteral || KnownUid(a) != nullptr;
  bool b_known = b.kind == ExprKind::kLiteral || KnownUid(b) != nullptr;
  if (a_known && b_known) {
    Value va = a.kind == ExprKind::kLiteral ? a.literal : Value::Entity(*KnownUid(a));
    Value vb = b.kind == ExprKind::kLiteral ? b.literal : Value::Entity(*KnownUid(b));
    return Of(Type::Singleton(va == vb));
  }
  if (l.type->kind == TypeKind::kEntity && r.type->kind == TypeKind::kEntity &&
      l.type->name != r.type->name) {
    return Of(Type::False());
  }
  if (!Compatible(e, l.type, r.type)) return Failed();
  return Of(Type::Bool());
}

Typed Typechecker::CheckIn(const Expr& e, const Typed& l, const Typed& r) {
  const Expr& a = *e.args[0];
  const Expr& b = *e.args[1];
  if (!Expect(l.type->kind == TypeKind::kEntity, a, "an entity", l.type)) return Failed();
  TypePtr target = r.type;
  if (target->kind == TypeKind::kSet) target = target->element;
  if (target->kind == TypeKind::kNever) return Of(Type::Bool());
  if (!Expect(target->kind == TypeKind::kEntity, b, "an entity or a set of entities", r.type)) {
    return Failed();
  }
  // Action entities have an exactly known hierarchy.
  const EntityUid* lhs = KnownUid(a);
  if (lhs != nullptr && schema_.FindAction(*lhs) != nullptr) {
    std::vector<const EntityUid*> rhs;
    if (const EntityUid* u = KnownUid(b)) {
      rhs.push_back(u);
    } else if (b.kind == ExprKind::kSet) {
      for (const ExprPtr& x : b.args) {
        const EntityUid* u = KnownUid(*x);
        if (u == nullptr) {
          rhs.clear();
          break;
        }
        rhs.push_back(u);
      }
      if (rhs.size() != b.args.size()) rhs.clear();
    }
    if (!rhs.empty()) {
      bool any = false;
      for (const EntityUid* u : rhs) any = any || hierarchy_.ActionIn(*lhs, *u);
      return Of(Type::Singleton(any));
    }
  }
  if (!hierarchy_.TypeMayBeIn(l.type->name, target->name)) return Of(Type::False());
  return Of(Type::Bool());
}

Typed Typechecker::CheckBinary(const Expr& e, const Capabilities& prior) {
  Typed l = Check(*e.args[0], prior);
  Typed r = Check(*e.args[1], prior);
  if (!l.type || !r.type) return Failed();
  const Expr& a = *e.args[0];
  const Expr& b = *e.args[1];
  switch (e.op) {
    case BinaryOp::kEq:
      return CheckEquality(e, l, r);
    case BinaryOp::kNotEq: {
      Typed eq = CheckEquality(e, l, r);
      if (!eq.type) return Failed();
      if (eq.type->kind == TypeKind::kTrue) return Of(Type::False());
      if (eq.type->kind == TypeKind::kFalse) return Of(Type::True());
      return Of(Type::Bool());
    }
    case BinaryOp::kLess:
    case BinaryOp::kLessEq:
    case BinaryOp::kGreater:
    case BinaryOp::kGreaterEq: {
      auto comparable = [](const Type& t) {
        return t.kind == TypeKind::kLong ||
               (t.kind == TypeKind::kExtension && (t.name == "datetime" || t.name == "duration"));
      };
      const char* expected = "datetime, or duration, or Long";
      if (!Expect(comparable(*l.type), a, expected, l.type)) return Failed();
      if (!Expect(comparable(*r.type), b, expected, r.type)) return Failed();
      if (!Expect(l.type->kind == r.type->kind && l.type->name == r.type->name, b,
                  l.type->ToString(), r.type)) {
        return Failed();
      }
      return Of(Type::Bool());
    }
    case BinaryOp::kAdd:
    case BinaryOp::kSub:
    case BinaryOp::kMul: {
      bool ok = Expect(l.type->kind == TypeKind::kLong, a, "Long", l.type);
      ok = Expect(r.type->kind == TypeKind::kLong, b, "Long", r.type) && ok;
      return ok ? Of(Type::Long()) : Failed();
    }
    case BinaryOp::kIn:
      return CheckIn(e, l, r);
    case BinaryOp::kContains:
      if (!Expect(l.type->kind == TypeKind::kSet, a, "Set", l.type)) return Failed();
      if (!Compatible(e, l.type->element, r.type)) return Failed();
      return Of(Type::Bool());
    case BinaryOp::kContainsAll:
    case BinaryOp::kContainsAny: {
      bool ok = Expect(l.type->kind == TypeKind::kSet, a, "Set", l.type);
      ok = Expect(r.type->kind == TypeKind::kSet, b, "Set", r.type) && ok;
      if (!ok || !Compatible(e, l.type, r.type)) return Failed();
      return Of(Type::Bool());
    }
    case BinaryOp::kGetTag:
      return CheckTag(e, l, r, prior, false);
    case BinaryOp::kHasTag:
      return CheckTag(e, l, r, prior, true);
  }
  return Failed();
}

}  // namespace metagate::cedar::validate
