// Cedar schemas: the data model of a parsed, name-resolved schema (entity types, actions, types)
// and the parser for the human-readable `.cedarschema` format. Immutable once built.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "metagate/cedar/entities.h"
#include "metagate/cedar/value.h"
#include "metagate/common/source_loc.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

namespace schema_internal {
struct RawSchema;
}  // namespace schema_internal

// Annotations on a declaration, `@key("value")` (value "" when omitted), by key.
using SchemaAnnotations = std::map<std::string, std::string>;

enum class SchemaTypeKind { kBool, kLong, kString, kEntity, kSet, kRecord, kExtension };

struct SchemaType;
using SchemaTypePtr = std::shared_ptr<const SchemaType>;

// One attribute of a record type.
struct SchemaAttribute {
  std::string name;
  SchemaTypePtr type;
  bool required = true;
  SchemaAnnotations annotations;
  SourceLoc loc;
};

// A fully resolved type (common types are inlined).
struct SchemaType {
  SchemaTypeKind kind = SchemaTypeKind::kBool;
  // kEntity: the fully qualified entity type name; kExtension: "ipaddr", "decimal", "datetime" or
  // "duration".
  std::string name;
  SchemaTypePtr element;                    // kSet: the element type
  std::vector<SchemaAttribute> attributes;  // kRecord: sorted by name, names unique

  // kRecord: the attribute named `name`, or nullptr.
  const SchemaAttribute* FindAttribute(std::string_view name) const;
  // Cedar-style rendering for messages: "Long", "Set<User>", "{a: Long, b?: String}".
  std::string ToString() const;

  static SchemaTypePtr Bool();
  static SchemaTypePtr Long();
  static SchemaTypePtr String();
  static SchemaTypePtr Entity(std::string name);
  static SchemaTypePtr Extension(std::string name);
  static SchemaTypePtr Set(SchemaTypePtr element);
  // Sorts `attributes` by name. REQUIRES: names are unique.
  static SchemaTypePtr Record(std::vector<SchemaAttribute> attributes);
};

struct EntityTypeDecl {
  std::string name;                          // fully qualified, e.g. "Ns::User"
  std::vector<std::string> member_of_types;  // fully qualified parent entity types
  SchemaTypePtr attributes;                  // always a record (empty when not declared)
  SchemaTypePtr tags;                        // nullptr when the type has no tags
  // For `entity E enum ["a", "b"];`: the allowed ids, in source order (duplicates kept).
  std::optional<std::vector<std::string>> enum_ids;
  SchemaAnnotations annotations;
  SourceLoc loc;
};

struct ActionDecl {
  EntityUid uid;                     // fully qualified, e.g. Ns::Action::"view"
  std::vector<EntityUid> member_of;  // direct parents (action groups), fully qualified
  // Without `appliesTo` both lists are empty: the action applies to no request.
  std::vector<std::string> principal_types;
  std::vector<std::string> resource_types;
  SchemaTypePtr context;  // always a record (empty when not declared)
  bool has_applies_to = false;
  SchemaAnnotations annotations;
  SourceLoc loc;
};

class Schema {
 public:
  // Returns the entity type with this fully qualified name, or nullptr.
  const EntityTypeDecl* FindEntityType(std::string_view name) const;
  // Returns the action with this uid, or nullptr.
  const ActionDecl* FindAction(const EntityUid& uid) const;
  // Returns the context record type of the action, or nullptr when the action is not declared.
  const SchemaType* ActionContextType(const EntityUid& action) const;
  // Whether `type` is the type of some declared action (e.g. "Action", "Ns::Action").
  bool IsActionEntityType(std::string_view type) const;
  // The entity types that entities of `type` may have as ancestors: the transitive closure of the
  // `in [...]` declarations. Empty for an undeclared type.
  std::set<std::string> AllowedAncestorTypes(std::string_view type) const;

  // One entity per declared action, with its uid and its direct parents (no attributes).
  std::vector<Entity> ActionEntities() const;

  const std::map<std::string, EntityTypeDecl, std::less<>>& entity_types() const {
    return entity_types_;
  }
  // Actions in declaration order.
  const std::vector<ActionDecl>& actions() const { return actions_; }
  // Annotations of each namespace ("" for the empty namespace), when any were given.
  const std::map<std::string, SchemaAnnotations>& namespace_annotations() const {
    return namespace_annotations_;
  }

  // Builders, used by the parser. AddAction/AddEntityType do not check for duplicates.
  void AddEntityType(EntityTypeDecl decl);
  void AddAction(ActionDecl decl);
  void SetNamespaceAnnotations(std::string ns, SchemaAnnotations annotations);

  // The declarations as written (unresolved names, common types, namespaces), kept by the parsers
  // so that the schema can be printed faithfully (schema_json.h); nullptr for a schema built
  // with the builders above.
  const std::shared_ptr<const schema_internal::RawSchema>& source() const { return source_; }
  void SetSource(std::shared_ptr<const schema_internal::RawSchema> source) {
    source_ = std::move(source);
  }

 private:
  std::map<std::string, EntityTypeDecl, std::less<>> entity_types_;
  std::vector<ActionDecl> actions_;
  std::unordered_map<EntityUid, size_t, EntityUidHash> action_index_;
  std::map<std::string, SchemaAnnotations> namespace_annotations_;
  std::shared_ptr<const schema_internal::RawSchema> source_;
};

// Parses and resolves a schema in the `.cedarschema` syntax. Errors carry line:column.
Result<Schema> ParseSchemaText(std::string_view text);

}  // namespace metagate::cedar
