// The unresolved syntax tree of a `.cedarschema` text, produced by the parser and turned into a
// metagate::cedar::Schema by the resolver. Names are kept as written, with their positions.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "metagate/cedar/schema.h"
#include "metagate/common/source_loc.h"

namespace metagate::cedar::schema_internal {

// A name as written: `A`, `Ns::A`, `__cedar::Long`.
struct RawPath {
  std::vector<std::string> parts;
  SourceLoc loc;
  std::string Joined() const;
};

struct RawType;
using RawTypePtr = std::shared_ptr<const RawType>;

struct RawAttr {
  std::string name;
  bool required = true;
  RawTypePtr type;
  SchemaAnnotations annotations;
  SourceLoc loc;
};

struct RawType {
  // kName: a name as written in the text format (JSON "EntityOrCommon"): a common type, an entity
  // type or a built-in type. The JSON format also has names restricted to one kind: kEntity (JSON
  // "Entity"), kCommon (JSON `{"type": "T"}`: a common type, else a built-in type) and kBuiltin
  // (JSON "Long", "String", "Boolean" as `Bool`, and "Extension"; `name` has one part).
  enum class Kind { kName, kSet, kRecord, kEntity, kCommon, kBuiltin };
  Kind kind = Kind::kName;
  RawPath name;                // kName, kEntity, kCommon, kBuiltin
  RawTypePtr element;          // kSet
  std::vector<RawAttr> attrs;  // kRecord, in source order (duplicates kept)
  SourceLoc loc;
};

struct RawName {
  std::string name;
  SourceLoc loc;
};

struct RawEntity {
  std::vector<RawName> names;
  std::vector<RawPath> parents;
  RawTypePtr shape;  // a kRecord, or nullptr
  RawTypePtr tags;   // or nullptr
  std::optional<std::vector<std::string>> enum_ids;
  SchemaAnnotations annotations;
  SourceLoc loc;
};

// A reference to an action: `"id"`, `id`, or `Path::"id"`.
struct RawActionRef {
  std::optional<RawPath> type;
  std::string id;
  SourceLoc loc;
};

struct RawAction {
  std::vector<RawName> names;
  std::vector<RawActionRef> parents;
  bool has_applies_to = false;
  std::optional<std::vector<RawPath>> principals;
  std::optional<std::vector<RawPath>> resources;
  RawTypePtr context;  // or nullptr
  SourceLoc principal_loc, resource_loc;
  // JSON format: an empty principal or resource list is allowed and makes the action apply to
  // nothing (the lists and the context are still resolved and checked).
  bool empty_lists_allowed = false;
  SchemaAnnotations annotations;
  SourceLoc loc;
};

struct RawCommonType {
  RawName name;
  RawTypePtr type;
  SchemaAnnotations annotations;
  SourceLoc loc;
};

struct RawNamespace {
  std::string name;  // "" for declarations outside any namespace
  SourceLoc loc;
  SchemaAnnotations annotations;
  std::vector<RawEntity> entities;
  std::vector<RawAction> actions;
  std::vector<RawCommonType> common_types;
};

struct RawSchema {
  // The first element is the empty namespace (top-level declarations).
  std::vector<RawNamespace> namespaces;
};

// Parses the syntax of a `.cedarschema` text (no name resolution).
Result<RawSchema> ParseRawSchema(std::string_view text);

// Resolves names and common types and checks declarations, building the schema.
Result<Schema> ResolveSchema(const RawSchema& raw);

}  // namespace metagate::cedar::schema_internal
