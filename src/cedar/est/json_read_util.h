// Small helpers for reading Cedar's JSON policy format: located errors, required members,
// closed member sets, entity references and names.
#pragma once

#include <initializer_list>
#include <string>

#include "metagate/cedar/value.h"
#include "metagate/common/json.h"
#include "metagate/common/status.h"

namespace metagate::cedar::internal {

using JValue = json::Value;

// An error located at `at`.
Status Bad(const JValue& at, std::string msg);
// The member `key` of `obj`, or an error naming it.
Result<const JValue*> Member(const JValue& obj, const char* key);
Result<std::string> StringMember(const JValue& obj, const char* key);
// An error at the first member of `obj` not in `allowed`.
Status OnlyFields(const JValue& obj, std::initializer_list<const char*> allowed);
// `{"type": .., "id": ..}` or `{"__entity": {..}}`.
Result<EntityUid> UidFromJson(const JValue& v);
// A well-formed entity type name given as a JSON string.
Result<std::string> TypeName(const JValue& v);
// [_a-zA-Z][_a-zA-Z0-9]*
bool IsIdentifier(const std::string& s);

}  // namespace metagate::cedar::internal
