// Turns a RawSchema into a Schema: resolves type, entity-type and action names following Cedar's
// rules (the enclosing namespace first, then the empty namespace; `__cedar::` for built-ins),
// inlines common types and checks for duplicates, shadowing, undeclared names and cycles.
#include <functional>
#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>

#include "schema/schema_ast.h"

namespace metagate::cedar::schema_internal {
namespace {

std::string Qualify(const std::string& ns, const std::string& name) {
  return ns.empty() ? name : ns + "::" + name;
}

bool HasCedarPart(const std::string& name) {
  size_t pos = 0;
  while (true) {
    size_t end = name.find("::", pos);
    std::string_view part = std::string_view(name).substr(pos, end - pos);
    if (part == "__cedar") return true;
    if (end == std::string::npos) return false;
    pos = end + 2;
  }
}

SchemaTypePtr BuiltinType(const std::string& name) {
  if (name == "Bool") return SchemaType::Bool();
  if (name == "Long") return SchemaType::Long();
  if (name == "String") return SchemaType::String();
  if (name == "ipaddr" || name == "decimal" || name == "datetime" || name == "duration") {
    return SchemaType::Extension(name);
  }
  return nullptr;
}

struct CommonTypeEntry {
  const RawCommonType* decl;
  std::string ns;
  SchemaTypePtr resolved;
  bool in_progress = false;
};

class Resolver {
 public:
  explicit Resolver(const RawSchema& raw) : raw_(raw) {}

  Result<Schema> Run() {
    RETURN_IF_ERROR(CollectNames());
    for (const RawNamespace& ns : raw_.namespaces) {
      for (const RawCommonType& t : ns.common_types) {
        ASSIGN_OR_RETURN(SchemaTypePtr ignored, ResolveCommon(Qualify(ns.name, t.name.name)));
        (void)ignored;
      }
    }
    Schema schema;
    for (const RawNamespace& ns : raw_.namespaces) {
      if (!ns.annotations.empty() || !ns.name.empty()) {
        schema.SetNamespaceAnnotations(ns.name, ns.annotations);
      }
      for (const RawEntity& e : ns.entities) RETURN_IF_ERROR(AddEntity(schema, ns.name, e));
    }
    for (const RawNamespace& ns : raw_.namespaces) {
      for (const RawAction& a : ns.actions) RETURN_IF_ERROR(AddActions(schema, ns.name, a));
    }
    RETURN_IF_ERROR(CheckActionCycles(schema));
    return schema;
  }

 private:
  Status Declare(std::map<std::string, SourceLoc>& seen, const std::string& full,
                 const std::string& shown, SourceLoc loc) {
    if (!seen.emplace(full, loc).second) {
      return Status::Invalid("schema: `" + shown + "` is declared twice", loc);
    }
    return Status::Ok();
  }

  Status CollectNames() {
    std::set<std::string> namespaces;
    for (const RawNamespace& ns : raw_.namespaces) {
      if (!ns.name.empty()) {
        if (HasCedarPart(ns.name)) {
          return Status::Invalid("schema: the `__cedar` namespace is reserved", ns.loc);
        }
        if (!namespaces.insert(ns.name).second) {
          return Status::Invalid("schema: duplicate namespace `" + ns.name + "`", ns.loc);
        }
      }
      for (const RawCommonType& t : ns.common_types) {
        if (t.name.name == "__cedar") return ReservedName(t.name);
        std::string full = Qualify(ns.name, t.name.name);
        RETURN_IF_ERROR(Declare(common_locs_, full, t.name.name, t.name.loc));
        common_[full] = CommonTypeEntry{&t, ns.name, nullptr, false};
      }
      for (const RawEntity& e : ns.entities) {
        for (const RawName& n : e.names) {
          if (n.name == "__cedar") return ReservedName(n);
          if (n.name == "Action") {
            return Status::Invalid("schema: `Action` cannot be declared as an entity type", n.loc);
          }
          RETURN_IF_ERROR(Declare(entity_locs_, Qualify(ns.name, n.name), n.name, n.loc));
        }
      }
      for (const RawAction& a : ns.actions) {
        for (const RawName& n : a.names) {
          std::string key = Qualify(ns.name, "Action") + "::" + n.name;
          RETURN_IF_ERROR(Declare(action_locs_, key, n.name, n.loc));
          actions_.insert(EntityUid(Qualify(ns.name, "Action"), n.name));
          action_types_.insert(Qualify(ns.name, "Action"));
        }
      }
    }
    // A name in a namespace may not shadow the same name in the empty namespace.
    for (const RawNamespace& ns : raw_.namespaces) {
      if (ns.name.empty()) continue;
      // Common types and entity types share one space for shadowing.
      auto declared_at_top = [&](const std::string& name) {
        return common_locs_.count(name) != 0 || entity_locs_.count(name) != 0;
      };
      for (const RawCommonType& t : ns.common_types) {
        if (declared_at_top(t.name.name)) return Shadow(ns.name, t.name);
      }
      for (const RawEntity& e : ns.entities) {
        for (const RawName& n : e.names) {
          if (declared_at_top(n.name)) return Shadow(ns.name, n);
        }
      }
      for (const RawAction& a : ns.actions) {
        for (const RawName& n : a.names) {
          if (actions_.count(EntityUid("Action", n.name)) != 0) {
            return Status::Invalid("schema: action `" + n.name + "` in namespace `" + ns.name +
                                       "` shadows the action of the same name in the empty "
                                       "namespace",
                                   n.loc);
          }
        }
      }
    }
    return Status::Ok();
  }

  Status ReservedName(const RawName& n) {
    return Status::Invalid("schema: `__cedar` is reserved and cannot be declared", n.loc);
  }

  Status Shadow(const std::string& ns, const RawName& n) {
    return Status::Invalid("schema: `" + ns + "::" + n.name + "` shadows `" + n.name +
                               "` declared in the empty namespace",
                           n.loc);
  }

  // Declared entity types, and the action entity types (`Action`, `Ns::Action`) of namespaces
  // that declare actions. (Action types may be used as attribute and tag types, but not as
  // parents, principals or resources.)
  bool IsEntityName(const std::string& name) const {
    return entity_locs_.count(name) != 0 || action_types_.count(name) != 0;
  }

  // Resolves a name used as an entity type (in `in [...]`, `principal`, `resource`); action
  // entity types do not count here.
  Result<std::string> ResolveEntityName(const std::string& ns, const RawPath& path) {
    // A qualified name (`A::B`) is absolute; a simple one is looked up in the enclosing
    // namespace, then in the empty namespace.
    std::string name = path.Joined();
    std::string in_ns = path.parts.size() == 1 ? Qualify(ns, name) : name;
    if (entity_locs_.count(in_ns) != 0) return in_ns;
    if (in_ns != name && entity_locs_.count(name) != 0) return name;
    return Status::Invalid("schema: undeclared entity type `" + name + "`", path.loc);
  }

  Result<SchemaTypePtr> ResolveCommon(const std::string& full) {
    CommonTypeEntry& entry = common_.at(full);
    if (entry.resolved) return entry.resolved;
    if (entry.in_progress) {
      return Status::Invalid("schema: cycle in common type `" + full + "`", entry.decl->name.loc);
    }
    if (++common_depth_ > kMaxCommonDepth) {
      return Status::Invalid("schema: common types refer to each other too deeply",
                             entry.decl->name.loc);
    }
    entry.in_progress = true;
    ASSIGN_OR_RETURN(SchemaTypePtr t, ResolveType(entry.ns, *entry.decl->type));
    entry.in_progress = false;
    --common_depth_;
    entry.resolved = t;
    return t;
  }

  // Resolves a name used as a type: a common type, an entity type or a built-in type.
  Result<SchemaTypePtr> ResolveTypeName(const std::string& ns, const RawPath& path) {
    std::string name = path.Joined();
    if (path.parts.size() == 2 && path.parts[0] == "__cedar") {
      if (SchemaTypePtr b = BuiltinType(path.parts[1])) return b;
    }
    std::vector<std::string> candidates = {name};
    if (path.parts.size() == 1 && !ns.empty())
      candidates.insert(candidates.begin(), Qualify(ns, name));
    for (const std::string& c : candidates) {
      if (common_.count(c) != 0) return ResolveCommon(c);
      if (IsEntityName(c)) return SchemaType::Entity(c);
    }
    if (path.parts.size() == 1) {
      if (SchemaTypePtr b = BuiltinType(name)) return b;
    }
    return Status::Invalid("schema: undeclared type `" + name + "`", path.loc);
  }

  // A JSON `"Entity"` reference: entity types only.
  Result<SchemaTypePtr> ResolveEntityTypeRef(const std::string& ns, const RawPath& path) {
    std::string name = path.Joined();
    if (path.parts.size() == 1 && !ns.empty() && IsEntityName(Qualify(ns, name))) {
      return SchemaType::Entity(Qualify(ns, name));
    }
    if (IsEntityName(name)) return SchemaType::Entity(name);
    return Status::Invalid("schema: undeclared entity type `" + name + "`", path.loc);
  }

  // A JSON `{"type": "T"}` reference: common types, then built-in types.
  Result<SchemaTypePtr> ResolveCommonTypeRef(const std::string& ns, const RawPath& path) {
    std::string name = path.Joined();
    if (path.parts.size() == 1 && !ns.empty() && common_.count(Qualify(ns, name)) != 0) {
      return ResolveCommon(Qualify(ns, name));
    }
    if (common_.count(name) != 0) return ResolveCommon(name);
    if (path.parts.size() == 2 && path.parts[0] == "__cedar") {
      if (SchemaTypePtr b = BuiltinType(path.parts[1])) return b;
    }
    if (path.parts.size() == 1) {
      if (SchemaTypePtr b = BuiltinType(name)) return b;
    }
    return Status::Invalid("schema: undeclared common type `" + name + "`", path.loc);
  }

  Result<SchemaTypePtr> ResolveType(const std::string& ns, const RawType& t) {
    switch (t.kind) {
      case RawType::Kind::kName:
        return ResolveTypeName(ns, t.name);
      case RawType::Kind::kEntity:
        return ResolveEntityTypeRef(ns, t.name);
      case RawType::Kind::kCommon:
        return ResolveCommonTypeRef(ns, t.name);
      case RawType::Kind::kBuiltin: {
        std::string name = t.name.Joined();
        if (SchemaTypePtr b = BuiltinType(name)) return b;
        return Status::Invalid("schema: unknown extension type `" + name + "`", t.name.loc);
      }
      case RawType::Kind::kSet: {
        ASSIGN_OR_RETURN(SchemaTypePtr elem, ResolveType(ns, *t.element));
        return SchemaType::Set(std::move(elem));
      }
      case RawType::Kind::kRecord: {
        // A repeated attribute name keeps its last declaration, as Cedar does; the earlier ones
        // are dropped unresolved.
        std::map<std::string, const RawAttr*> last;
        for (const RawAttr& a : t.attrs) last[a.name] = &a;
        std::map<std::string, SchemaAttribute> by_name;
        for (const auto& [name, raw] : last) {
          const RawAttr& a = *raw;
          SchemaAttribute attr;
          attr.name = a.name;
          attr.required = a.required;
          attr.annotations = a.annotations;
          attr.loc = a.loc;
          ASSIGN_OR_RETURN(attr.type, ResolveType(ns, *a.type));
          by_name[a.name] = std::move(attr);
        }
        std::vector<SchemaAttribute> attrs;
        for (auto& [name, attr] : by_name) attrs.push_back(std::move(attr));
        return SchemaType::Record(std::move(attrs));
      }
    }
    return Status::Internal("schema: unknown type kind");
  }

  Status AddEntity(Schema& schema, const std::string& ns, const RawEntity& e) {
    std::vector<std::string> parents;
    for (const RawPath& p : e.parents) {
      ASSIGN_OR_RETURN(std::string parent, ResolveEntityName(ns, p));
      parents.push_back(std::move(parent));
    }
    SchemaTypePtr shape = SchemaType::Record({});
    if (e.shape) {
      ASSIGN_OR_RETURN(shape, ResolveType(ns, *e.shape));
      if (shape->kind != SchemaTypeKind::kRecord) {
        return Status::Invalid("schema: the shape of an entity type is not a record", e.shape->loc);
      }
    }
    SchemaTypePtr tags;
    if (e.tags) {
      ASSIGN_OR_RETURN(tags, ResolveType(ns, *e.tags));
    }
    for (const RawName& n : e.names) {
      EntityTypeDecl decl;
      decl.name = Qualify(ns, n.name);
      decl.member_of_types = parents;
      decl.attributes = shape;
      decl.tags = tags;
      decl.enum_ids = e.enum_ids;
      decl.annotations = e.annotations;
      decl.loc = n.loc;
      schema.AddEntityType(std::move(decl));
    }
    return Status::Ok();
  }

  Result<EntityUid> ResolveActionRef(const std::string& ns, const RawActionRef& ref) {
    if (!ref.type) {
      EntityUid uid(Qualify(ns, "Action"), ref.id);
      if (actions_.count(uid) != 0) return uid;
      return Status::Invalid("schema: undeclared action `" + ref.id + "`", ref.loc);
    }
    std::string type = ref.type->Joined();
    if (!ns.empty() && ref.type->parts.size() == 1) {
      EntityUid in_ns(Qualify(ns, type), ref.id);
      if (actions_.count(in_ns) != 0) return in_ns;
    }
    EntityUid uid(type, ref.id);
    if (actions_.count(uid) != 0) return uid;
    return Status::Invalid("schema: undeclared action `" + type + "::" + ref.id + "`", ref.loc);
  }

  Result<std::vector<std::string>> ResolveAppliesTo(const std::string& ns,
                                                    const std::vector<RawPath>& paths) {
    std::vector<std::string> out;
    for (const RawPath& p : paths) {
      ASSIGN_OR_RETURN(std::string t, ResolveEntityName(ns, p));
      out.push_back(std::move(t));
    }
    return out;
  }

  Status AddActions(Schema& schema, const std::string& ns, const RawAction& a) {
    std::vector<EntityUid> parents;
    for (const RawActionRef& ref : a.parents) {
      ASSIGN_OR_RETURN(EntityUid p, ResolveActionRef(ns, ref));
      parents.push_back(std::move(p));
    }
    std::vector<std::string> principals, resources;
    SchemaTypePtr context = SchemaType::Record({});
    bool has_applies_to = a.has_applies_to;
    if (a.has_applies_to) {
      const std::string first = a.names[0].name;
      bool no_principal = !a.principals || a.principals->empty();
      bool no_resource = !a.resources || a.resources->empty();
      if (no_principal && !a.empty_lists_allowed) {
        return Status::Invalid("schema: action `" + first + "` needs a non-empty `principal` list",
                               a.principals ? a.principal_loc : a.names[0].loc);
      }
      if (no_resource && !a.empty_lists_allowed) {
        return Status::Invalid("schema: action `" + first + "` needs a non-empty `resource` list",
                               a.resources ? a.resource_loc : a.names[0].loc);
      }
      ASSIGN_OR_RETURN(principals, ResolveAppliesTo(ns, a.principals.value_or(kNoPaths)));
      ASSIGN_OR_RETURN(resources, ResolveAppliesTo(ns, a.resources.value_or(kNoPaths)));
      if (a.context) {
        ASSIGN_OR_RETURN(context, ResolveType(ns, *a.context));
        if (context->kind != SchemaTypeKind::kRecord) {
          return Status::Invalid("schema: the context of action `" + first + "` is not a record",
                                 a.context->loc);
        }
      }
      if (no_principal || no_resource) {
        // (JSON only) The action applies to nothing: as if `appliesTo` were absent.
        principals.clear();
        resources.clear();
        context = SchemaType::Record({});
        has_applies_to = false;
      }
    }
    for (const RawName& n : a.names) {
      ActionDecl decl;
      decl.uid = EntityUid(Qualify(ns, "Action"), n.name);
      decl.member_of = parents;
      decl.principal_types = principals;
      decl.resource_types = resources;
      decl.context = context;
      decl.has_applies_to = has_applies_to;
      decl.annotations = a.annotations;
      decl.loc = n.loc;
      schema.AddAction(std::move(decl));
    }
    return Status::Ok();
  }

  Status CheckActionCycles(const Schema& schema) {
    // 0 = unvisited, 1 = on the current path, 2 = done.
    std::unordered_map<EntityUid, int, EntityUidHash> state;
    std::function<Status(const ActionDecl&)> visit = [&](const ActionDecl& a) -> Status {
      int& s = state[a.uid];
      if (s == 2) return Status::Ok();
      if (s == 1) {
        return Status::Invalid(
            "schema: cycle in the action hierarchy at `" + a.uid.ToString() + "`", a.loc);
      }
      s = 1;
      for (const EntityUid& p : a.member_of) {
        RETURN_IF_ERROR(visit(*schema.FindAction(p)));
      }
      state[a.uid] = 2;
      return Status::Ok();
    };
    for (const ActionDecl& a : schema.actions()) RETURN_IF_ERROR(visit(a));
    return Status::Ok();
  }

  inline static const std::vector<RawPath> kNoPaths;

  // Bounds chains of common types referring to common types (the recursion depth).
  static constexpr int kMaxCommonDepth = 512;

  const RawSchema& raw_;
  int common_depth_ = 0;
  std::map<std::string, SourceLoc> common_locs_, entity_locs_, action_locs_;
  std::map<std::string, CommonTypeEntry> common_;
  std::set<EntityUid> actions_;
  std::set<std::string> action_types_;
};

}  // namespace

Result<Schema> ResolveSchema(const RawSchema& raw) { return Resolver(raw).Run(); }

}  // namespace metagate::cedar::schema_internal
