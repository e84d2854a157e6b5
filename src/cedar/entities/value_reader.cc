// Reading Cedar JSON values (explicit escapes, and the implicit forms allowed by a schema type).
#include "entities/value_reader.h"

#include <set>
#include <utility>
#include <vector>

#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/extensions.h"

namespace metagate::cedar::entities_internal {
namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

bool IsReserved(std::string_view s) {
  return s == "true" || s == "false" || s == "if" || s == "then" || s == "else" || s == "in" ||
         s == "is" || s == "like" || s == "has" || s == "__cedar";
}

Status Err(const std::string& where, const std::string& msg, SourceLoc loc) {
  return Status::Invalid(where + ": " + msg, loc);
}

// The value of the only member of `json` when `json` is an object with exactly one member named
// `key`, else nullptr.
const json::Value* SoleMember(const json::Value& json, std::string_view key) {
  if (!json.is_object() || json.members().size() != 1 || json.members()[0].first != key) {
    return nullptr;
  }
  return &json.members()[0].second;
}

// Whether `json` is an object with string members "type" and "id" (other members ignored).
bool LooksLikeUid(const json::Value& json) {
  const json::Value* type = json.Find("type");
  const json::Value* id = json.Find("id");
  return type != nullptr && id != nullptr && type->is_string() && id->is_string();
}

// Whether `json` is an object with a string "fn" and an "arg" or an array "args".
bool LooksLikeExtnCall(const json::Value& json) {
  const json::Value* fn = json.Find("fn");
  if (fn == nullptr || !fn->is_string()) return false;
  const json::Value* args = json.Find("args");
  return json.Find("arg") != nullptr || (args != nullptr && args->is_array());
}

Result<EntityUid> UidFromTypeAndId(const json::Value& json, const std::string& where) {
  const json::Value* type = json.Find("type");
  if (!IsValidCedarName(type->as_string())) {
    return Err(where, "malformed entity type name", type->loc());
  }
  return EntityUid(type->as_string(), json.Find("id")->as_string());
}

// The declared argument types of the extension functions that return extension values; in
// schema mode their arguments may use the implicit forms (e.g. `"1h"` for a duration).
std::vector<SchemaTypePtr> ArgTypes(const std::string& fn) {
  if (fn == "ip" || fn == "decimal" || fn == "datetime" || fn == "duration") {
    return {SchemaType::String()};
  }
  if (fn == "offset") {
    return {SchemaType::Extension("datetime"), SchemaType::Extension("duration")};
  }
  if (fn == "durationSince") {
    return {SchemaType::Extension("datetime"), SchemaType::Extension("datetime")};
  }
  if (fn == "toDate" || fn == "toTime") return {SchemaType::Extension("datetime")};
  return {};
}

// Calls an extension function given as `{"fn": .., "arg": ..}` or `{"fn": .., "args": [..]}`.
// With `typed`, arguments are read by the function's declared argument types.
Result<Value> CallExtn(const json::Value& call, bool typed, const Schema* schema,
                       const std::string& where) {
  const std::string& fn = call.Find("fn")->as_string();
  std::vector<const json::Value*> arg_json;
  if (const json::Value* arg = call.Find("arg")) {
    arg_json.push_back(arg);
  } else {
    for (const json::Value& a : call.Find("args")->items()) arg_json.push_back(&a);
  }
  std::vector<SchemaTypePtr> types = typed ? ArgTypes(fn) : std::vector<SchemaTypePtr>{};
  if (!types.empty() && types.size() != arg_json.size()) types.clear();
  std::vector<Value> args;
  for (size_t i = 0; i < arg_json.size(); ++i) {
    const SchemaType* t = i < types.size() ? types[i].get() : nullptr;
    ASSIGN_OR_RETURN(Value v, ReadValue(*arg_json[i], t, schema, where));
    args.push_back(std::move(v));
  }
  if (args.size() == 1 && args[0].is_string()) {
    auto v = ConstructExtensionValue(fn, args[0].as_string());
    if (!v.ok()) {
      return Err(where,
                 "cannot build an extension value with `" + fn +
                     "` (unknown constructor or malformed argument)",
                 call.loc());
    }
    return std::move(v).value();
  }
  const ExtensionFunction* f = FindExtensionFunction(fn);
  if (f == nullptr) return Err(where, "unknown extension function `" + fn + "`", call.loc());
  if (f->arity != static_cast<int>(args.size())) {
    return Err(where, "wrong number of arguments for extension function `" + fn + "`", call.loc());
  }
  auto v = f->call(args);
  if (!v.ok()) {
    return Err(where, "extension function `" + fn + "` failed on its arguments", call.loc());
  }
  return std::move(v).value();
}

const char* ConstructorFor(const std::string& ext_type) {
  if (ext_type == "ipaddr") return "ip";
  return ext_type.c_str();  // decimal, datetime, duration
}

Status CheckNoDuplicateKeys(const json::Value& object, const std::string& where) {
  std::set<std::string_view> seen;
  for (const auto& [key, value] : object.members()) {
    if (!seen.insert(key).second) {
      return Err(where, "duplicate key `" + key + "`", value.loc());
    }
  }
  return Status::Ok();
}

std::string Nested(const std::string& where, const std::string& key) {
  return where + ", record attribute `" + key + "`";
}

// Reads a value without a schema type.
Result<Value> ReadUntyped(const json::Value& json, const Schema* schema, const std::string& where) {
  switch (json.kind()) {
    case json::Kind::kNull:
      return Err(where, "JSON null is not a Cedar value", json.loc());
    case json::Kind::kBool:
      return Value::Bool(json.as_bool());
    case json::Kind::kInt:
      return Value::Long(json.as_int());
    case json::Kind::kNumber:
      return Err(where, "numbers must be integers in the 64-bit range", json.loc());
    case json::Kind::kString:
      return Value::String(json.as_string());
    case json::Kind::kArray: {
      std::vector<Value> elems;
      elems.reserve(json.items().size());
      for (const json::Value& item : json.items()) {
        ASSIGN_OR_RETURN(Value v, ReadUntyped(item, schema, where));
        elems.push_back(std::move(v));
      }
      return Value::Set(std::move(elems));
    }
    case json::Kind::kObject:
      break;
  }
  if (SoleMember(json, "__expr") != nullptr) {
    return Err(where, "the `__expr` escape is no longer supported", json.loc());
  }
  if (const json::Value* inner = SoleMember(json, "__entity"); inner && LooksLikeUid(*inner)) {
    ASSIGN_OR_RETURN(EntityUid uid, UidFromTypeAndId(*inner, where));
    RETURN_IF_ERROR(CheckEnumId(uid, schema, json.loc(), where));
    return Value::Entity(std::move(uid));
  }
  if (const json::Value* inner = SoleMember(json, "__extn"); inner && LooksLikeExtnCall(*inner)) {
    return CallExtn(*inner, /*typed=*/false, schema, where);
  }
  RETURN_IF_ERROR(CheckNoDuplicateKeys(json, where));
  std::vector<std::pair<std::string, Value>> fields;
  fields.reserve(json.members().size());
  for (const auto& [key, value] : json.members()) {
    ASSIGN_OR_RETURN(Value v, ReadUntyped(value, schema, Nested(where, key)));
    fields.emplace_back(key, std::move(v));
  }
  return Value::Record(std::move(fields));
}

Status Mismatch(const SchemaType& expected, const char* found, SourceLoc loc,
                const std::string& where) {
  return Err(where, "expected a value of type " + expected.ToString() + ", found " + found, loc);
}

}  // namespace

bool IsValidCedarName(std::string_view name) {
  size_t pos = 0;
  while (true) {
    size_t end = name.find("::", pos);
    std::string_view part = name.substr(pos, end == std::string_view::npos ? end : end - pos);
    if (part.empty() || !IsIdentStart(part[0]) || IsReserved(part)) return false;
    for (char c : part) {
      if (!IsIdentStart(c) && !(c >= '0' && c <= '9')) return false;
    }
    if (end == std::string_view::npos) return true;
    pos = end + 2;
  }
}

Result<EntityUid> ReadEntityUid(const json::Value& json, const std::string& where) {
  // An `__entity` member holding a uid wins, other members being ignored (unlike in values,
  // where the escape must be the only member); otherwise the object itself must be a uid.
  const json::Value* obj = &json;
  if (const json::Value* inner = json.Find("__entity"); inner && LooksLikeUid(*inner)) {
    obj = inner;
  }
  if (!obj->is_object() || !LooksLikeUid(*obj)) {
    return Err(where, "expected an entity reference `{\"type\": .., \"id\": ..}`", json.loc());
  }
  RETURN_IF_ERROR(CheckNoDuplicateKeys(*obj, where));
  return UidFromTypeAndId(*obj, where);
}

Status CheckEnumId(const EntityUid& uid, const Schema* schema, SourceLoc loc,
                   const std::string& where) {
  if (schema == nullptr) return Status::Ok();
  const EntityTypeDecl* decl = schema->FindEntityType(uid.type());
  if (decl == nullptr || !decl->enum_ids) return Status::Ok();
  for (const std::string& id : *decl->enum_ids) {
    if (id == uid.id()) return Status::Ok();
  }
  return Err(
      where,
      "the id is not one of the declared values of enumerated entity type `" + uid.type() + "`",
      loc);
}

Result<Value> ReadTypedRecord(const json::Value& json, const SchemaType& type, const Schema* schema,
                              const std::string& where) {
  if (!json.is_object()) return Mismatch(type, json::KindName(json.kind()), json.loc(), where);
  RETURN_IF_ERROR(CheckNoDuplicateKeys(json, where));
  std::vector<std::pair<std::string, Value>> fields;
  fields.reserve(json.members().size());
  for (const auto& [key, value] : json.members()) {
    const SchemaAttribute* attr = type.FindAttribute(key);
    std::string inner = Nested(where, key);
    if (attr == nullptr) return Err(inner, "attribute is not declared in the schema", value.loc());
    ASSIGN_OR_RETURN(Value v, ReadValue(value, attr->type.get(), schema, inner));
    fields.emplace_back(key, std::move(v));
  }
  for (const SchemaAttribute& attr : type.attributes) {
    if (attr.required && json.Find(attr.name) == nullptr) {
      return Err(where, "missing required attribute `" + attr.name + "`", json.loc());
    }
  }
  return Value::Record(std::move(fields));
}

Result<Value> ReadValue(const json::Value& json, const SchemaType* expected, const Schema* schema,
                        const std::string& where) {
  if (expected == nullptr) return ReadUntyped(json, schema, where);
  switch (expected->kind) {
    case SchemaTypeKind::kBool:
    case SchemaTypeKind::kLong:
    case SchemaTypeKind::kString: {
      ASSIGN_OR_RETURN(Value v, ReadUntyped(json, schema, where));
      ValueKind want = expected->kind == SchemaTypeKind::kBool   ? ValueKind::kBool
                       : expected->kind == SchemaTypeKind::kLong ? ValueKind::kLong
                                                                 : ValueKind::kString;
      if (v.kind() != want) return Mismatch(*expected, v.TypeName(), json.loc(), where);
      return v;
    }
    case SchemaTypeKind::kEntity: {
      ASSIGN_OR_RETURN(EntityUid uid, ReadEntityUid(json, where));
      if (uid.type() != expected->name) {
        return Err(where,
                   "expected an entity of type `" + expected->name + "`, found one of type `" +
                       uid.type() + "`",
                   json.loc());
      }
      RETURN_IF_ERROR(CheckEnumId(uid, schema, json.loc(), where));
      return Value::Entity(std::move(uid));
    }
    case SchemaTypeKind::kExtension: {
      Value v;
      if (json.is_string()) {
        const char* fn = ConstructorFor(expected->name);
        auto r = ConstructExtensionValue(fn, json.as_string());
        if (!r.ok()) {
          return Err(where, std::string("malformed `") + fn + "` value", json.loc());
        }
        v = std::move(r).value();
      } else {
        // As with uids, a well-formed `__extn` member wins and other members are ignored.
        const json::Value* call = json.Find("__extn");
        if (call == nullptr || !call->is_object() || !LooksLikeExtnCall(*call)) call = &json;
        if (!call->is_object() || !LooksLikeExtnCall(*call)) {
          return Mismatch(*expected, json::KindName(json.kind()), json.loc(), where);
        }
        ASSIGN_OR_RETURN(v, CallExtn(*call, /*typed=*/true, schema, where));
      }
      if (v.TypeName() != expected->name) {
        return Mismatch(*expected, v.TypeName(), json.loc(), where);
      }
      return v;
    }
    case SchemaTypeKind::kSet: {
      if (!json.is_array()) {
        return Mismatch(*expected, json::KindName(json.kind()), json.loc(), where);
      }
      std::vector<Value> elems;
      elems.reserve(json.items().size());
      for (const json::Value& item : json.items()) {
        ASSIGN_OR_RETURN(Value v, ReadValue(item, expected->element.get(), schema, where));
        elems.push_back(std::move(v));
      }
      return Value::Set(std::move(elems));
    }
    case SchemaTypeKind::kRecord:
      return ReadTypedRecord(json, *expected, schema, where);
  }
  return Status::Internal("unknown schema type kind");
}

}  // namespace metagate::cedar::entities_internal

namespace metagate::cedar {

Result<EntityUid> EntityUidFromJson(const json::Value& json) {
  return entities_internal::ReadEntityUid(json, "entity uid");
}

Result<Value> ValueFromJson(const json::Value& json, const SchemaType* expected) {
  return entities_internal::ReadValue(json, expected, nullptr, "value");
}

}  // namespace metagate::cedar
