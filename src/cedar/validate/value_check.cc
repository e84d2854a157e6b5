// CheckValueType: whether a runtime value has a schema type.
#include <string>

#include "metagate/cedar/validator.h"

namespace metagate::cedar {

namespace {

const char* KindName(SchemaTypeKind k) {
  switch (k) {
    case SchemaTypeKind::kBool:
      return "a boolean";
    case SchemaTypeKind::kLong:
      return "a long";
    case SchemaTypeKind::kString:
      return "a string";
    case SchemaTypeKind::kEntity:
      return "an entity";
    case SchemaTypeKind::kSet:
      return "a set";
    case SchemaTypeKind::kRecord:
      return "a record";
    case SchemaTypeKind::kExtension:
      return "an extension value";
  }
  return "?";
}

SchemaTypeKind KindOf(const Value& v) {
  switch (v.kind()) {
    case ValueKind::kBool:
      return SchemaTypeKind::kBool;
    case ValueKind::kLong:
      return SchemaTypeKind::kLong;
    case ValueKind::kString:
      return SchemaTypeKind::kString;
    case ValueKind::kEntity:
      return SchemaTypeKind::kEntity;
    case ValueKind::kSet:
      return SchemaTypeKind::kSet;
    case ValueKind::kRecord:
      return SchemaTypeKind::kRecord;
    case ValueKind::kExtension:
      return SchemaTypeKind::kExtension;
  }
  return SchemaTypeKind::kBool;
}

Status Mismatch(const SchemaType& type, const Value& value, const std::string& what) {
  return Status::Invalid(what + " should have type " + type.ToString() + " but is " +
                         KindName(KindOf(value)) + " (" + value.TypeName() + ")");
}

}  // namespace

Status CheckValueType(const Schema& schema, const Value& value, const SchemaType& type,
                      const std::string& what) {
  if (KindOf(value) != type.kind) {
    return Mismatch(type, value, what);
  }
  switch (type.kind) {
    case SchemaTypeKind::kBool:
    case SchemaTypeKind::kLong:
    case SchemaTypeKind::kString:
      return Status::Ok();
    case SchemaTypeKind::kEntity:
      if (value.as_entity().type() != type.name) {
        return Status::Invalid(what + " should be an entity of type `" + type.name +
                               "` but has type `" + value.as_entity().type() + "`");
      }
      return Status::Ok();
    case SchemaTypeKind::kExtension:
      if (type.name != value.as_extension().type_name()) return Mismatch(type, value, what);
      return Status::Ok();
    case SchemaTypeKind::kSet:
      for (const Value& e : value.set_elems()) {
        RETURN_IF_ERROR(CheckValueType(schema, e, *type.element, "an element of " + what));
      }
      return Status::Ok();
    case SchemaTypeKind::kRecord:
      for (const SchemaAttribute& a : type.attributes) {
        const Value* f = value.FindField(a.name);
        if (f == nullptr) {
          if (a.required) {
            return Status::Invalid(what + " is missing the required attribute `" + a.name + "`");
          }
          continue;
        }
        RETURN_IF_ERROR(
            CheckValueType(schema, *f, *a.type, "attribute `" + a.name + "` of " + what));
      }
      for (const auto& [k, f] : value.record_fields()) {
        if (type.FindAttribute(k) == nullptr) {
          return Status::Invalid(what + " has the attribute `" + k +
                                 "`, which its type does not declare");
        }
      }
      return Status::Ok();
  }
  return Status::Ok();
}

}  // namespace metagate::cedar
