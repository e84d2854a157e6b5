// Static types of Cedar expressions for the validator: singleton booleans, entity types,
// sets, closed records, extension types, and their least upper bound in strict mode.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "metagate/cedar/schema.h"

namespace metagate::cedar::validate {

enum class TypeKind : uint8_t {
  kNever,  // the element type of `[]`; a subtype of everything
  kTrue,
  kFalse,
  kBool,
  kLong,
  kString,
  kEntity,
  kSet,
  kRecord,
  kExtension,
};

struct Type;
using TypePtr = std::shared_ptr<const Type>;

struct AttrType {
  TypePtr type;
  bool required = true;
};

struct Type {
  TypeKind kind = TypeKind::kNever;
  std::string name;                       // kEntity: entity type; kExtension: extension name
  TypePtr element;                        // kSet
  std::map<std::string, AttrType> attrs;  // kRecord (records are closed)

  bool IsBoolish() const {
    return kind == TypeKind::kTrue || kind == TypeKind::kFalse || kind == TypeKind::kBool;
  }
  // Cedar-style rendering for messages, e.g. "Set<Long>", "{a: Long, b?: String}".
  std::string ToString() const;

  static TypePtr Never();
  static TypePtr True();
  static TypePtr False();
  static TypePtr Bool();
  static TypePtr Long();
  static TypePtr String();
  static TypePtr Entity(std::string name);
  static TypePtr Extension(std::string name);
  static TypePtr Set(TypePtr element);
  static TypePtr Record(std::map<std::string, AttrType> attrs);
  static TypePtr Singleton(bool b) { return b ? True() : False(); }
};

// Converts a schema type.
TypePtr FromSchema(const SchemaType& type);

// The least upper bound in strict mode: booleans join to Bool; entity types must be equal;
// records must have the same attributes with the same required-ness. nullopt when none exists.
std::optional<TypePtr> StrictLub(const TypePtr& a, const TypePtr& b);

}  // namespace metagate::cedar::validate
