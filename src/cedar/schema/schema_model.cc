// The Schema and SchemaType data model: constructors, lookups and rendering.
#include <algorithm>
#include <utility>

#include "metagate/cedar/schema.h"
#include "schema/schema_ast.h"

namespace metagate::cedar {

const SchemaAttribute* SchemaType::FindAttribute(std::string_view name) const {
  auto it =
      std::lower_bound(attributes.begin(), attributes.end(), name,
                       [](const SchemaAttribute& a, std::string_view n) { return a.name < n; });
  return it != attributes.end() && it->name == name ? &*it : nullptr;
}

std::string SchemaType::ToString() const {
  switch (kind) {
    case SchemaTypeKind::kBool:
      return "Bool";
    case SchemaTypeKind::kLong:
      return "Long";
    case SchemaTypeKind::kString:
      return "String";
    case SchemaTypeKind::kEntity:
    case SchemaTypeKind::kExtension:
      return name;
    case SchemaTypeKind::kSet:
      return "Set<" + element->ToString() + ">";
    case SchemaTypeKind::kRecord: {
      std::string out = "{";
      for (const SchemaAttribute& a : attributes) {
        if (out.size() > 1) out += ", ";
        out += a.name;
        if (!a.required) out += "?";
        out += ": " + a.type->ToString();
      }
      return out + "}";
    }
  }
  return "?";
}

namespace {
SchemaTypePtr Make(SchemaTypeKind kind) {
  auto t = std::make_shared<SchemaType>();
  t->kind = kind;
  return t;
}
}  // namespace

SchemaTypePtr SchemaType::Bool() {
  static const SchemaTypePtr t = Make(SchemaTypeKind::kBool);
  return t;
}
SchemaTypePtr SchemaType::Long() {
  static const SchemaTypePtr t = Make(SchemaTypeKind::kLong);
  return t;
}
SchemaTypePtr SchemaType::String() {
  static const SchemaTypePtr t = Make(SchemaTypeKind::kString);
  return t;
}
SchemaTypePtr SchemaType::Entity(std::string name) {
  auto t = std::make_shared<SchemaType>();
  t->kind = SchemaTypeKind::kEntity;
  t->name = std::move(name);
  return t;
}
SchemaTypePtr SchemaType::Extension(std::string name) {
  auto t = std::make_shared<SchemaType>();
  t->kind = SchemaTypeKind::kExtension;
  t->name = std::move(name);
  return t;
}
SchemaTypePtr SchemaType::Set(SchemaTypePtr element) {
  auto t = std::make_shared<SchemaType>();
  t->kind = SchemaTypeKind::kSet;
  t->element = std::move(element);
  return t;
}
SchemaTypePtr SchemaType::Record(std::vector<SchemaAttribute> attributes) {
  auto t = std::make_shared<SchemaType>();
  t->kind = SchemaTypeKind::kRecord;
  std::sort(attributes.begin(), attributes.end(),
            [](const SchemaAttribute& a, const SchemaAttribute& b) { return a.name < b.name; });
  t->attributes = std::move(attributes);
  return t;
}

const EntityTypeDecl* Schema::FindEntityType(std::string_view name) const {
  auto it = entity_types_.find(name);
  return it == entity_types_.end() ? nullptr : &it->second;
}

const ActionDecl* Schema::FindAction(const EntityUid& uid) const {
  auto it = action_index_.find(uid);
  return it == action_index_.end() ? nullptr : &actions_[it->second];
}

const SchemaType* Schema::ActionContextType(const EntityUid& action) const {
  const ActionDecl* a = FindAction(action);
  return a == nullptr ? nullptr : a->context.get();
}

bool Schema::IsActionEntityType(std::string_view type) const {
  for (const ActionDecl& a : actions_) {
    if (a.uid.type() == type) return true;
  }
  return false;
}

std::set<std::string> Schema::AllowedAncestorTypes(std::string_view type) const {
  std::set<std::string> out;
  const EntityTypeDecl* start = FindEntityType(type);
  if (start == nullptr) return out;
  std::vector<const EntityTypeDecl*> todo = {start};
  while (!todo.empty()) {
    const EntityTypeDecl* d = todo.back();
    todo.pop_back();
    for (const std::string& parent : d->member_of_types) {
      if (!out.insert(parent).second) continue;
      if (const EntityTypeDecl* pd = FindEntityType(parent)) todo.push_back(pd);
    }
  }
  return out;
}

std::vector<Entity> Schema::ActionEntities() const {
  std::vector<Entity> out;
  out.reserve(actions_.size());
  for (const ActionDecl& a : actions_) {
    Entity e;
    e.uid = a.uid;
    e.parents = a.member_of;
    out.push_back(std::move(e));
  }
  return out;
}

void Schema::AddEntityType(EntityTypeDecl decl) {
  std::string name = decl.name;
  entity_types_.insert_or_assign(std::move(name), std::move(decl));
}

void Schema::AddAction(ActionDecl decl) {
  action_index_[decl.uid] = actions_.size();
  actions_.push_back(std::move(decl));
}

void Schema::SetNamespaceAnnotations(std::string ns, SchemaAnnotations annotations) {
  namespace_annotations_[std::move(ns)] = std::move(annotations);
}

Result<Schema> ParseSchemaText(std::string_view text) {
  ASSIGN_OR_RETURN(schema_internal::RawSchema raw, schema_internal::ParseRawSchema(text));
  auto source = std::make_shared<const schema_internal::RawSchema>(std::move(raw));
  ASSIGN_OR_RETURN(Schema schema, schema_internal::ResolveSchema(*source));
  schema.SetSource(std::move(source));
  return schema;
}

}  // namespace metagate::cedar
