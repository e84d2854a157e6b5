// Reading entity lists and request contexts from JSON, with or without a schema.
#include "metagate/cedar/entities_json.h"

#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "entities/simd_items.h"
#include "entities/value_reader.h"

namespace metagate::cedar {
namespace {

using entities_internal::CheckEnumId;
using entities_internal::ReadEntityUid;
using entities_internal::ReadTypedRecord;
using entities_internal::ReadValue;

bool IsActionType(const std::string& type) {
  constexpr std::string_view kAction = "Action";
  return type == kAction || (type.size() > kAction.size() + 2 && type.ends_with("::Action"));
}

std::string Describe(const EntityUid& uid) { return "entity of type `" + uid.type() + "`"; }

Status CheckEntityKeys(const json::Value& obj) {
  std::set<std::string_view> seen;
  for (const auto& [key, value] : obj.members()) {
    if (!seen.insert(key).second) {
      return Status::Invalid("entities: duplicate field `" + key + "` in an entity", value.loc());
    }
  }
  return Status::Ok();
}

const json::Value* Field(const json::Value& obj, const char* key) { return obj.Find(key); }

Status RequireObject(const json::Value* v, const std::string& what, const std::string& where) {
  if (!v->is_object()) {
    return Status::Invalid(where + ": `" + what + "` must be an object", v->loc());
  }
  return Status::Ok();
}

// Reads the attributes or tags object, without a schema.
Result<Value> ReadUntypedRecord(const json::Value& obj, const std::string& where) {
  std::set<std::string_view> seen;
  std::vector<std::pair<std::string, Value>> fields;
  for (const auto& [key, value] : obj.members()) {
    if (!seen.insert(key).second) {
      return Status::Invalid(where + ": duplicate key `" + key + "`", value.loc());
    }
    ASSIGN_OR_RETURN(Value v, ReadValue(value, nullptr, nullptr, where + " `" + key + "`"));
    fields.emplace_back(key, std::move(v));
  }
  return Value::Record(std::move(fields));
}

bool SameParents(const std::vector<EntityUid>& a, const std::vector<EntityUid>& b) {
  std::unordered_set<EntityUid, EntityUidHash> sa(a.begin(), a.end());
  std::unordered_set<EntityUid, EntityUidHash> sb(b.begin(), b.end());
  return sa == sb;
}

bool SameEntity(const Entity& a, const Entity& b) {
  return a.attrs == b.attrs && a.tags == b.tags && SameParents(a.parents, b.parents);
}

class EntitiesReader {
 public:
  // Without `keep_locs`, errors found after reading (cycles, ancestor types) carry no location or
  // entity: for the fast path, whose every error is recomputed with locations.
  explicit EntitiesReader(const Schema* schema, bool keep_locs = true)
      : schema_(schema), keep_locs_(keep_locs) {}

  Result<Entities> Run(const json::Value& json) {
    if (!json.is_array()) {
      return Status::Invalid("entities: expected a JSON array of entities", json.loc());
    }
    for (const json::Value& item : json.items()) RETURN_IF_ERROR(ReadEntity(item));
    return Finish();
  }

  // After ReadEntity on each listed entity: adds the schema's actions and checks the hierarchy.
  Result<Entities> Finish() {
    if (schema_ != nullptr) {
      for (Entity& e : schema_->ActionEntities()) RETURN_IF_ERROR(entities_.Add(std::move(e)));
    }
    // Finalize's own cycle check is the same walk; without locations (the fast path) it stands in
    // for CheckNoCycles, whose message the located rerun then gives.
    if (keep_locs_) RETURN_IF_ERROR(CheckNoCycles());
    entities_.Finalize();
    if (entities_.has_cycle()) {
      return Status::Invalid("entities: the parent hierarchy has a cycle", SourceLoc());
    }
    if (schema_ != nullptr) RETURN_IF_ERROR(CheckAncestorTypes());
    return std::move(entities_);
  }

  Status ReadEntity(const json::Value& obj) {
    if (!obj.is_object()) return Status::Invalid("entities: expected an entity object", obj.loc());
    RETURN_IF_ERROR(CheckEntityKeys(obj));
    const json::Value* uid_json = Field(obj, "uid");
    if (uid_json == nullptr) {
      return Status::Invalid("entities: an entity has no `uid` field", obj.loc());
    }
    ASSIGN_OR_RETURN(EntityUid uid, ReadEntityUid(*uid_json, "entities: uid"));
    const std::string where = "entities: " + Describe(uid);
    const json::Value* attrs = Field(obj, "attrs");
    const json::Value* parents = Field(obj, "parents");
    const json::Value* tags = Field(obj, "tags");
    if (attrs == nullptr) return Status::Invalid(where + ": missing field `attrs`", obj.loc());
    if (parents == nullptr) return Status::Invalid(where + ": missing field `parents`", obj.loc());
    RETURN_IF_ERROR(RequireObject(attrs, "attrs", where));
    if (!parents->is_array()) {
      return Status::Invalid(where + ": `parents` must be an array", parents->loc());
    }
    if (tags != nullptr) RETURN_IF_ERROR(RequireObject(tags, "tags", where));

    Entity entity;
    entity.uid = uid;
    const bool is_action = IsActionType(uid.type());
    for (const json::Value& p : parents->items()) {
      ASSIGN_OR_RETURN(EntityUid parent, ReadEntityUid(p, where + ", parent"));
      if (is_action && !IsActionType(parent.type())) {
        return Status::Invalid(where + ": the parents of an action must be actions", p.loc());
      }
      entity.parents.push_back(std::move(parent));
    }
    if (schema_ != nullptr && is_action) {
      return CheckActionEntity(entity, *attrs, tags, obj.loc(), where);
    }
    if (schema_ == nullptr) {
      ASSIGN_OR_RETURN(entity.attrs, ReadUntypedRecord(*attrs, where + ", attribute"));
      if (tags != nullptr) {
        ASSIGN_OR_RETURN(entity.tags, ReadUntypedRecord(*tags, where + ", tag"));
      }
    } else {
      RETURN_IF_ERROR(ReadWithSchema(entity, *attrs, tags, *parents, *uid_json, where));
    }
    return AddOrCompare(std::move(entity), obj.loc(), where);
  }

 private:
  Status ReadWithSchema(Entity& entity, const json::Value& attrs, const json::Value* tags,
                        const json::Value& parents, const json::Value& uid_json,
                        const std::string& where) {
    const EntityTypeDecl* decl = schema_->FindEntityType(entity.uid.type());
    if (decl == nullptr) {
      return Status::Invalid(where + ": the entity type is not declared in the schema",
                             uid_json.loc());
    }
    RETURN_IF_ERROR(CheckEnumId(entity.uid, schema_, uid_json.loc(), where));
    // Parent types are checked on all ancestors once the hierarchy is complete.
    for (size_t i = 0; i < entity.parents.size(); ++i) {
      RETURN_IF_ERROR(
          CheckEnumId(entity.parents[i], schema_, parents.items()[i].loc(), where + ", parent"));
    }
    ASSIGN_OR_RETURN(entity.attrs, ReadTypedRecord(attrs, *decl->attributes, schema_, where));
    if (tags != nullptr) {
      std::set<std::string_view> seen;
      std::vector<std::pair<std::string, Value>> fields;
      for (const auto& [key, value] : tags->members()) {
        std::string tag_where = where + ", tag `" + key + "`";
        if (!seen.insert(key).second) {
          return Status::Invalid(where + ": duplicate tag `" + key + "`", value.loc());
        }
        if (decl->tags == nullptr) {
          return Status::Invalid(tag_where + ": the schema declares no tags for this type",
                                 value.loc());
        }
        ASSIGN_OR_RETURN(Value v, ReadValue(value, decl->tags.get(), schema_, tag_where));
        fields.emplace_back(key, std::move(v));
      }
      entity.tags = Value::Record(std::move(fields));
    }
    return Status::Ok();
  }

  // An action entity listed in the input must be the one the schema declares (same parents, no
  // attributes or tags); the schema's copy is the one added.
  Status CheckActionEntity(const Entity& entity, const json::Value& attrs, const json::Value* tags,
                           SourceLoc loc, const std::string& where) {
    const ActionDecl* decl = schema_->FindAction(entity.uid);
    if (decl == nullptr) {
      return Status::Invalid(where + ": the action is not declared in the schema", loc);
    }
    // The listed parents must be the action's ancestors (transitively) in the schema.
    std::vector<EntityUid> ancestors;
    std::unordered_set<EntityUid, EntityUidHash> seen;
    std::vector<EntityUid> todo = decl->member_of;
    while (!todo.empty()) {
      EntityUid a = todo.back();
      todo.pop_back();
      if (!seen.insert(a).second) continue;
      ancestors.push_back(a);
      if (const ActionDecl* p = schema_->FindAction(a)) {
        todo.insert(todo.end(), p->member_of.begin(), p->member_of.end());
      }
    }
    bool has_tags = tags != nullptr && !tags->members().empty();
    if (!attrs.members().empty() || has_tags || !SameParents(entity.parents, ancestors)) {
      return Status::Invalid(
          where +
              ": the action entity does not match its declaration in the schema (omit it: "
              "the schema's definition is used)",
          loc);
    }
    return Status::Ok();
  }

  Status AddOrCompare(Entity entity, SourceLoc loc, const std::string& where) {
    if (const Entity* existing = entities_.Find(entity.uid)) {
      if (SameEntity(*existing, entity)) return Status::Ok();
      return Status::Invalid(where + ": the entity is listed twice with different contents", loc);
    }
    if (keep_locs_) locs_[entity.uid] = loc;
    order_.push_back(entity.uid);
    return entities_.Add(std::move(entity));
  }

  // As in Cedar, every ancestor (not only the listed parents) must have a type that the schema
  // allows, transitively, as an ancestor of the entity's type.
  Status CheckAncestorTypes() const {
    std::unordered_map<std::string, std::set<std::string>> allowed;
    for (const EntityUid& uid : order_) {
      if (IsActionType(uid.type())) continue;
      auto it = allowed.find(uid.type());
      if (it == allowed.end()) {
        it = allowed.emplace(uid.type(), schema_->AllowedAncestorTypes(uid.type())).first;
      }
      const std::string* bad = nullptr;
      for (const EntityUid& a : entities_.Find(uid)->ancestors) {
        if (it->second.count(a.type()) == 0 && (bad == nullptr || a.type() < *bad)) {
          bad = &a.type();
        }
      }
      if (bad != nullptr) {
        auto loc = locs_.find(uid);
        return Status::Invalid("entities: " + Describe(uid) +
                                   ": the schema does not allow an ancestor of type `" + *bad + "`",
                               loc == locs_.end() ? SourceLoc() : loc->second);
      }
    }
    return Status::Ok();
  }

  // Cedar rejects an entity hierarchy with a cycle (an entity among its own ancestors).
  Status CheckNoCycles() const {
    enum class Mark { kOnPath, kDone };
    std::unordered_map<EntityUid, Mark, EntityUidHash> mark;
    for (const Entity& root_entity : entities_.all()) {
      const EntityUid& root = root_entity.uid;
      if (mark.count(root) != 0) continue;
      // Iterative DFS: (entity, index of the next parent to visit).
      std::vector<std::pair<const Entity*, size_t>> stack = {{entities_.Find(root), 0}};
      mark[root] = Mark::kOnPath;
      while (!stack.empty()) {
        auto& [e, next] = stack.back();
        if (next == e->parents.size()) {
          mark[e->uid] = Mark::kDone;
          stack.pop_back();
          continue;
        }
        const EntityUid& p = e->parents[next++];
        auto it = mark.find(p);
        if (it != mark.end()) {
          if (it->second == Mark::kOnPath) {
            auto loc = locs_.find(p);
            return Status::Invalid(
                "entities: the parent hierarchy has a cycle through an " + Describe(p),
                loc == locs_.end() ? SourceLoc() : loc->second);
          }
          continue;
        }
        const Entity* pe = entities_.Find(p);
        if (pe == nullptr) continue;  // not an entity: no parents
        mark[p] = Mark::kOnPath;
        stack.emplace_back(pe, 0);
      }
    }
    return Status::Ok();
  }

  const Schema* schema_;
  bool keep_locs_;
  Entities entities_;
  std::unordered_map<EntityUid, SourceLoc, EntityUidHash> locs_;
  std::vector<EntityUid> order_;  // entities from the input, in order
};

}  // namespace

Result<Entities> EntitiesFromJsonValue(const json::Value& json, const Schema* schema) {
  return EntitiesReader(schema).Run(json);
}

Result<Entities> EntitiesFromJson(std::string_view text, const Schema* schema) {
  // Fast path: simdjson, one entity's json::Value at a time, no source locations. Any failure
  // (of the JSON, an entity or the hierarchy) reruns the located path below for its message.
  {
    EntitiesReader reader(schema, /*keep_locs=*/false);
    if (entities_internal::ForEachArrayItem(
            text, [&](const json::Value& item) { return reader.ReadEntity(item).ok(); })) {
      Result<Entities> fast = reader.Finish();
      if (fast.ok()) return fast;
    }
  }
  auto parsed = json::Parse(text);
  if (!parsed.ok()) {
    const Status& st = parsed.status();
    return Status::Invalid("entities: " + st.message(), st.loc());
  }
  return EntitiesFromJsonValue(*parsed, schema);
}

Result<Value> ContextFromJson(const json::Value& json, const Schema* schema,
                              const EntityUid& action) {
  if (!json.is_object()) return Status::Invalid("context: expected a JSON object", json.loc());
  if (schema == nullptr) {
    ASSIGN_OR_RETURN(Value v, ReadValue(json, nullptr, nullptr, "context"));
    if (!v.is_record()) return Status::Invalid("context: expected a record", json.loc());
    return v;
  }
  const SchemaType* type = schema->ActionContextType(action);
  if (type == nullptr) {
    return Status::Invalid("context: the action is not declared in the schema", json.loc());
  }
  return ReadTypedRecord(json, *type, schema, "context");
}

}  // namespace metagate::cedar
