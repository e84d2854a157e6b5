// Rebuilds declarations from a resolved schema, for printing schemas that no parser produced.
#include "schema/schema_source.h"

#include <utility>
#include <vector>

namespace metagate::cedar::schema_internal {
namespace {

RawPath PathOf(const std::string& name) {
  RawPath path;
  size_t pos = 0;
  while (true) {
    size_t end = name.find("::", pos);
    path.parts.push_back(name.substr(pos, end == std::string::npos ? end : end - pos));
    if (end == std::string::npos) return path;
    pos = end + 2;
  }
}

// Splits "A::B::C" into namespace "A::B" and base name "C".
std::pair<std::string, std::string> Split(const std::string& name) {
  size_t pos = name.rfind("::");
  if (pos == std::string::npos) return {"", name};
  return {name.substr(0, pos), name.substr(pos + 2)};
}

RawNamespace& NamespaceFor(RawSchema& raw, const std::string& name) {
  for (RawNamespace& ns : raw.namespaces) {
    if (ns.name == name) return ns;
  }
  raw.namespaces.emplace_back();
  raw.namespaces.back().name = name;
  return raw.namespaces.back();
}

std::shared_ptr<const RawSchema> Rebuild(const Schema& schema) {
  auto raw = std::make_shared<RawSchema>();
  raw->namespaces.emplace_back();
  for (const auto& [ns, annotations] : schema.namespace_annotations()) {
    NamespaceFor(*raw, ns).annotations = annotations;
  }
  for (const auto& [name, decl] : schema.entity_types()) {
    auto [ns, base] = Split(name);
    RawEntity e;
    e.names.push_back(RawName{base, {}});
    for (const std::string& p : decl.member_of_types) e.parents.push_back(PathOf(p));
    if (!decl.attributes->attributes.empty()) e.shape = UnresolveType(*decl.attributes);
    if (decl.tags) e.tags = UnresolveType(*decl.tags);
    e.enum_ids = decl.enum_ids;
    e.annotations = decl.annotations;
    NamespaceFor(*raw, ns).entities.push_back(std::move(e));
  }
  for (const ActionDecl& decl : schema.actions()) {
    RawAction a;
    a.names.push_back(RawName{decl.uid.id(), {}});
    for (const EntityUid& p : decl.member_of) {
      a.parents.push_back(RawActionRef{PathOf(p.type()), p.id(), {}});
    }
    if (decl.has_applies_to) {
      a.has_applies_to = true;
      std::vector<RawPath> principals, resources;
      for (const std::string& t : decl.principal_types) principals.push_back(PathOf(t));
      for (const std::string& t : decl.resource_types) resources.push_back(PathOf(t));
      a.principals = std::move(principals);
      a.resources = std::move(resources);
      a.context = UnresolveType(*decl.context);
    }
    a.annotations = decl.annotations;
    NamespaceFor(*raw, Split(decl.uid.type()).first).actions.push_back(std::move(a));
  }
  return raw;
}

}  // namespace

RawTypePtr UnresolveType(const SchemaType& t) {
  auto raw = std::make_shared<RawType>();
  switch (t.kind) {
    case SchemaTypeKind::kBool:
    case SchemaTypeKind::kLong:
    case SchemaTypeKind::kString:
    case SchemaTypeKind::kExtension:
      raw->kind = RawType::Kind::kBuiltin;
      raw->name.parts = {t.kind == SchemaTypeKind::kBool     ? "Bool"
                         : t.kind == SchemaTypeKind::kLong   ? "Long"
                         : t.kind == SchemaTypeKind::kString ? "String"
                                                             : t.name};
      break;
    case SchemaTypeKind::kEntity:
      raw->kind = RawType::Kind::kEntity;
      raw->name = PathOf(t.name);
      break;
    case SchemaTypeKind::kSet:
      raw->kind = RawType::Kind::kSet;
      raw->element = UnresolveType(*t.element);
      break;
    case SchemaTypeKind::kRecord:
      raw->kind = RawType::Kind::kRecord;
      for (const SchemaAttribute& a : t.attributes) {
        raw->attrs.push_back(
            RawAttr{a.name, a.required, UnresolveType(*a.type), a.annotations, {}});
      }
      break;
  }
  return raw;
}

std::shared_ptr<const RawSchema> SourceOf(const Schema& schema) {
  if (schema.source()) return schema.source();
  return Rebuild(schema);
}

bool AppliesToSomething(const RawAction& action) {
  return action.has_applies_to && action.principals && !action.principals->empty() &&
         action.resources && !action.resources->empty();
}

std::map<std::string, const RawAttr*> LastAttributes(const RawType& record) {
  std::map<std::string, const RawAttr*> out;
  for (const RawAttr& a : record.attrs) out[a.name] = &a;
  return out;
}

}  // namespace metagate::cedar::schema_internal
