// Internal helpers shared by the JSON readers: reading values with an optional expected type,
// and checking Cedar names. `where` describes the position for messages (e.g. "attribute `a` of
// an entity of type `User`"); it never contains values.
#pragma once

#include <string>
#include <string_view>

#include "metagate/cedar/schema.h"
#include "metagate/cedar/value.h"
#include "metagate/common/json.h"
#include "metagate/common/status.h"

namespace metagate::cedar::entities_internal {

// Whether `name` is a well-formed Cedar name: identifiers joined by `::`, none reserved, no
// `__cedar` component, no whitespace.
bool IsValidCedarName(std::string_view name);

// Reads an entity uid: `{"type": .., "id": ..}` or an object with a well-formed `__entity` member.
Result<EntityUid> ReadEntityUid(const json::Value& json, const std::string& where);

// Reads a value; see ValueFromJson. `schema` (may be null) is used to check enum entity ids.
Result<Value> ReadValue(const json::Value& json, const SchemaType* expected, const Schema* schema,
                        const std::string& where);

// Reads a JSON object as a record of `type` (a record type): unknown attributes and missing
// required ones are errors.
Result<Value> ReadTypedRecord(const json::Value& json, const SchemaType& type, const Schema* schema,
                              const std::string& where);

// Returns an error when `uid` has an enumerated entity type and its id is not one of the values.
Status CheckEnumId(const EntityUid& uid, const Schema* schema, SourceLoc loc,
                   const std::string& where);

}  // namespace metagate::cedar::entities_internal
