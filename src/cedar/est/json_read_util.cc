#include "est/json_read_util.h"

#include <utility>

#include "metagate/cedar/parser.h"

namespace metagate::cedar::internal {

Status Bad(const JValue& at, std::string msg) { return Status::Invalid(std::move(msg), at.loc()); }

Result<const JValue*> Member(const JValue& obj, const char* key) {
  const JValue* v = obj.Find(key);
  if (v == nullptr) return Bad(obj, std::string("missing field `") + key + "`");
  return v;
}

Result<std::string> StringMember(const JValue& obj, const char* key) {
  ASSIGN_OR_RETURN(const JValue* v, Member(obj, key));
  if (!v->is_string()) return Bad(*v, std::string("`") + key + "` must be a string");
  return v->as_string();
}

Status OnlyFields(const JValue& obj, std::initializer_list<const char*> allowed) {
  for (const auto& [k, v] : obj.members()) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || k == a;
    if (!ok) return Bad(v, "unknown field `" + k + "`");
  }
  return Status::Ok();
}

Result<EntityUid> UidFromJson(const JValue& v) {
  if (!v.is_object()) return Bad(v, "expected an entity reference {\"type\": .., \"id\": ..}");
  if (const JValue* inner = v.Find("__entity")) return UidFromJson(*inner);
  ASSIGN_OR_RETURN(std::string type, StringMember(v, "type"));
  ASSIGN_OR_RETURN(std::string id, StringMember(v, "id"));
  Result<std::string> name = ParseName(type);
  if (!name.ok()) return Bad(*v.Find("type"), "invalid entity type `" + type + "`");
  return EntityUid(std::move(type), std::move(id));
}

Result<std::string> TypeName(const JValue& v) {
  if (!v.is_string()) return Bad(v, "an entity type must be a string");
  if (!ParseName(v.as_string()).ok()) return Bad(v, "invalid entity type `" + v.as_string() + "`");
  return v.as_string();
}

bool IsIdentifier(const std::string& s) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (s.empty() || !alpha(s[0])) return false;
  for (char c : s) {
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

}  // namespace metagate::cedar::internal
