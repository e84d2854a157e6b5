#include "validate/typechecker.h"

#include <algorithm>
#include <utility>

#include "metagate/cedar/extensions.h"
#include "validate/expr_key.h"
#include "validate/ext_signatures.h"

namespace metagate::cedar::validate {

namespace {

Capabilities Union(Capabilities a, const Capabilities& b) {
  a.insert(b.begin(), b.end());
  return a;
}

Capabilities Intersect(const Capabilities& a, const Capabilities& b) {
  Capabilities out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

Typed Of(TypePtr t) { return Typed{std::move(t), {}}; }
Typed Failed() { return Typed{}; }

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

std::string Quote(const std::string& s) { return "`" + s + "`"; }

// A readable path for an attribute access, e.g. `principal.rec.b`-style "rec.b" when the
// receiver is itself an attribute access of a variable.
std::string AttrPath(const Expr& e) {
  if (e.kind == ExprKind::kGetAttr) {
    std::string base = AttrPath(*e.args[0]);
    return base.empty() ? e.name : base + "." + e.name;
  }
  return "";
}

// Cedar source of a variable or an attribute path on one (`principal.rec`), or "" otherwise.
std::string PathSource(const Expr& e) {
  if (e.kind == ExprKind::kVar) {
    static const char* const kNames[] = {"principal", "action", "resource", "context"};
    return kNames[static_cast<int>(e.var)];
  }
  if (e.kind == ExprKind::kGetAttr) {
    std::string base = PathSource(*e.args[0]);
    return base.empty() ? "" : base + "." + e.name;
  }
  return "";
}

// The variable an attribute path starts from, or nullptr.
const Expr* PathRoot(const Expr& e) {
  const Expr* cur = &e;
  while (cur->kind == ExprKind::kGetAttr) cur = cur->args[0].get();
  return cur->kind == ExprKind::kVar ? cur : nullptr;
}

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

const std::map<std::string, AttrType>* Typechecker::AttributesOf(const Type& t) {
  if (t.kind == TypeKind::kRecord) return &t.attrs;
  if (t.kind != TypeKind::kEntity) return nullptr;
  auto it = entity_attr_cache_.find(t.name);
  if (it == entity_attr_cache_.end()) {
    const EntityTypeDecl* decl = schema_.FindEntityType(t.name);
    TypePtr rec = decl != nullptr ? FromSchema(*decl->attributes) : Type::Record({});
    it = entity_attr_cache_.emplace(t.name, rec).first;
  }
  return &it->second->attrs;
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

Typed Typechecker::CheckAttr(const Expr& e, const Capabilities& prior, bool is_has) {
  const Expr& recv = *e.args[0];
  Typed o = Check(recv, prior);
  if (!o.type) return Failed();
  bool ok = o.type->kind == TypeKind::kEntity || o.type->kind == TypeKind::kRecord;
  if (!Expect(ok, recv, "an entity or a record", o.type)) return Failed();
  const auto* attrs = AttributesOf(*o.type);
  auto it = attrs->find(e.name);
  std::string cap = ExprKey(recv) + "." + e.name;
  std::string where;
  if (o.type->kind == TypeKind::kEntity) {
    where = " on entity type " + Quote(o.type->name);
  } else if (const Expr* root = PathRoot(recv); root != nullptr && root->var == Var::kContext) {
    where = " in context for " + env_.action->uid.ToString();
  }
  std::string path = AttrPath(e);
  if (is_has) {
    if (it == attrs->end()) return Of(Type::False());
    if (prior.count(cap) > 0) return Of(Type::True());
    // A required record attribute is always present; an entity may be missing from the store,
    // so `has` on an entity is only known once guarded.
    if (it->second.required && o.type->kind == TypeKind::kRecord) return Of(Type::True());
    return Typed{Type::Bool(), {cap}};
  }
  if (it == attrs->end()) {
    reporter_.Report(e.loc, ValidationCode::kAttributeNotFound,
                     "attribute " + Quote(e.name) + where + " not found");
    return Failed();
  }
  if (!it->second.required && prior.count(cap) == 0) {
    reporter_.Report(e.loc, ValidationCode::kUnsafeOptionalAttr,
                     "unable to guarantee safety of access to optional attribute " +
                         Quote(path.empty() ? e.name : path) + where + "; guard it with `" +
                         (PathSource(recv).empty() ? "" : PathSource(recv) + " ") + "has " +
                         e.name + "`");
    return Failed();
  }
  return Of(it->second.type);
}

Typed Typechecker::CheckTag(const Expr& e, const Typed& l, const Typed& r,
                            const Capabilities& prior, bool is_has) {
  const Expr& recv = *e.args[0];
  bool ok = Expect(l.type->kind == TypeKind::kEntity, recv, "an entity", l.type);
  ok = Expect(r.type->kind == TypeKind::kString, *e.args[1], "String", r.type) && ok;
  if (!ok) return Failed();
  const EntityTypeDecl* decl = schema_.FindEntityType(l.type->name);
  std::string cap = ExprKey(recv) + "#" + ExprKey(*e.args[1]);
  if (is_has) {
    if (decl == nullptr || decl->tags == nullptr) return Of(Type::False());
    if (prior.count(cap) > 0) return Of(Type::True());
    return Typed{Type::Bool(), {cap}};
  }
  if (decl == nullptr || decl->tags == nullptr) {
    reporter_.Report(e.loc, ValidationCode::kUnsafeTagAccess,
                     "entity type " + Quote(l.type->name) + " has no tags");
    return Failed();
  }
  if (prior.count(cap) == 0) {
    reporter_.Report(e.loc, ValidationCode::kUnsafeTagAccess,
                     "unable to guarantee safety of access to a tag on entity type " +
                         Quote(l.type->name) + "; guard it with `" +
                         (PathSource(recv).empty() ? "" : PathSource(recv)) + ".hasTag(..)`");
    return Failed();
  }
  return Of(FromSchema(*decl->tags));
}

Typed Typechecker::CheckSet(const Expr& e, const Capabilities& prior) {
  if (e.args.empty()) {
    reporter_.Report(e.loc, ValidationCode::kEmptySetLiteral,
                     "empty set literals are forbidden in policies (their element type is "
                     "unknown)");
    return Failed();
  }
  TypePtr elem;
  bool ok = true;
  for (const ExprPtr& x : e.args) {
    Typed t = Check(*x, prior);
    if (!t.type) {
      ok = false;
      continue;
    }
    if (!elem) {
      elem = t.type;
      continue;
    }
    auto lub = StrictLub(elem, t.type);
    if (!lub) {
      Compatible(e, elem, t.type);
      ok = false;
      continue;
    }
    elem = *lub;
  }
  if (!ok) return Failed();
  return Of(Type::Set(elem));
}

Typed Typechecker::CheckRecord(const Expr& e, const Capabilities& prior) {
  std::map<std::string, AttrType> attrs;
  bool ok = true;
  for (const auto& [k, v] : e.fields) {
    Typed t = Check(*v, prior);
    if (!t.type) {
      ok = false;
      continue;
    }
    attrs[k] = AttrType{t.type, true};
  }
  if (!ok) return Failed();
  return Of(Type::Record(std::move(attrs)));
}

Typed Typechecker::CheckExtCall(const Expr& e, const Capabilities& prior) {
  const ExtSignature* sig = FindExtSignature(e.name);
  std::vector<TypePtr> args;
  bool ok = true;
  for (const ExprPtr& x : e.args) {
    Typed t = Check(*x, prior);
    if (!t.type) ok = false;
    args.push_back(t.type);
  }
  if (sig == nullptr) {
    reporter_.Report(e.loc, ValidationCode::kUnexpectedType,
                     "unknown extension function " + Quote(e.name));
    return Failed();
  }
  if (args.size() != sig->params.size()) {
    reporter_.Report(e.loc, ValidationCode::kExtensionArity,
                     "wrong number of arguments in extension function application. Expected " +
                         std::to_string(sig->params.size()) + ", got " +
                         std::to_string(args.size()));
    return Failed();
  }
  if (!ok) return Failed();
  for (size_t i = 0; i < args.size(); ++i) {
    const TypePtr& want = sig->params[i];
    bool match = args[i]->kind == want->kind && args[i]->name == want->name;
    if (!Expect(match, *e.args[i], want->ToString(), args[i])) ok = false;
  }
  if (!ok) return Failed();
  if (sig->is_constructor) {
    const Expr& arg = *e.args[0];
    if (arg.kind != ExprKind::kLiteral || !arg.literal.is_string()) {
      reporter_.Report(e.loc, ValidationCode::kExtensionArgument,
                       "extension constructors may not be called with non-literal expressions");
      return Failed();
    }
    auto v = ConstructExtensionValue(e.name, arg.literal.as_string());
    if (!v.ok()) {
      reporter_.Report(e.loc, ValidationCode::kExtensionArgument,
                       "invalid argument of " + Quote(e.name) + ": " + v.status().message());
      return Failed();
    }
  }
  return Of(sig->result);
}

}  // namespace metagate::cedar::validate
