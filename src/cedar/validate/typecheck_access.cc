// Typechecker: attribute and tag access (`.a`, `has`, `getTag`, `hasTag`) and their guards.
#include "validate/expr_key.h"
#include "validate/typecheck_util.h"
#include "validate/typechecker.h"

namespace metagate::cedar::validate {

namespace {

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

}  // namespace metagate::cedar::validate
