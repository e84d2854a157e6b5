// ValidateEntities: an entity set against the schema's entity type and action declarations.
#include <algorithm>
#include <set>
#include <string>

#include "metagate/cedar/validator.h"

namespace metagate::cedar {

namespace {

// Whether `ancestor` is a direct or transitive parent of action `decl` in the schema.
bool ActionHasAncestor(const Schema& schema, const ActionDecl& decl, const EntityUid& ancestor) {
  std::vector<const ActionDecl*> stack = {&decl};
  std::vector<EntityUid> seen;
  while (!stack.empty()) {
    const ActionDecl* a = stack.back();
    stack.pop_back();
    for (const EntityUid& p : a->member_of) {
      if (p == ancestor) return true;
      if (std::find(seen.begin(), seen.end(), p) != seen.end()) continue;
      seen.push_back(p);
      if (const ActionDecl* pa = schema.FindAction(p)) stack.push_back(pa);
    }
  }
  return false;
}

Status CheckAction(const Schema& schema, const ActionDecl& decl, const Entity& e) {
  if (!e.attrs.record_fields().empty() || !e.tags.record_fields().empty()) {
    return Status::Invalid("an action entity " + decl.uid.ToString() +
                           " has attributes or tags; actions have none in the schema");
  }
  for (const EntityUid& p : e.parents) {
    if (!ActionHasAncestor(schema, decl, p)) {
      return Status::Invalid("action " + decl.uid.ToString() +
                             " has a parent that its schema declaration does not list");
    }
  }
  return Status::Ok();
}

Status CheckEntity(const Schema& schema, const Entity& e) {
  const std::string& type = e.uid.type();
  if (const ActionDecl* action = schema.FindAction(e.uid)) return CheckAction(schema, *action, e);
  if (schema.IsActionEntityType(type)) {
    return Status::Invalid("an action entity of type `" + type + "` is not declared in the schema");
  }
  const EntityTypeDecl* decl = schema.FindEntityType(type);
  if (decl == nullptr) {
    return Status::Invalid("entity type `" + type + "` is not declared in the schema");
  }
  std::string what = "the attributes of an entity of type `" + type + "`";
  RETURN_IF_ERROR(CheckValueType(schema, e.attrs, *decl->attributes, what));
  if (decl->tags == nullptr && !e.tags.record_fields().empty()) {
    return Status::Invalid("an entity of type `" + type +
                           "` has tags, but the schema declares none for its type");
  }
  for (const auto& [k, v] : e.tags.record_fields()) {
    RETURN_IF_ERROR(CheckValueType(schema, v, *decl->tags,
                                   "tag `" + k + "` of an entity of type `" + type + "`"));
  }
  // As in Cedar, a parent may have any type the schema allows as an ancestor (transitively).
  std::set<std::string> allowed = schema.AllowedAncestorTypes(type);
  for (const EntityUid& p : e.parents) {
    if (allowed.count(p.type()) == 0) {
      return Status::Invalid("an entity of type `" + type + "` has a parent of type `" + p.type() +
                             "`, which is not in its `in` list in the schema");
    }
  }
  if (decl->enum_ids && std::find(decl->enum_ids->begin(), decl->enum_ids->end(), e.uid.id()) ==
                            decl->enum_ids->end()) {
    return Status::Invalid("an entity of the enumerated type `" + type +
                           "` has an id the schema does not list");
  }
  return Status::Ok();
}

}  // namespace

Status ValidateEntities(const Schema& schema, const Entities& entities) {
  if (entities.has_cycle()) {
    return Status::Invalid("the entity hierarchy has a cycle (an entity is its own ancestor)");
  }
  // Check in a deterministic order so that the first error reported is stable.
  std::vector<const Entity*> sorted;
  for (const Entity& e : entities.all()) sorted.push_back(&e);
  std::sort(sorted.begin(), sorted.end(),
            [](const Entity* a, const Entity* b) { return a->uid < b->uid; });
  for (const Entity* e : sorted) RETURN_IF_ERROR(CheckEntity(schema, *e));
  return Status::Ok();
}

}  // namespace metagate::cedar
