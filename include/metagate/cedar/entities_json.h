// Readers for Cedar's JSON formats of entity uids, values, entity lists and request contexts,
// with or without a schema. With a schema, values are read by their declared types (so the
// implicit forms `{"type":..,"id":..}` and `"1.2.3.4"` are accepted) and checked against them.
// Errors name the entity type, attribute and JSON line:column, never attribute values.
#pragma once

#include <string_view>

#include "metagate/cedar/entities.h"
#include "metagate/cedar/schema.h"
#include "metagate/cedar/value.h"
#include "metagate/common/json.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

// Reads `{"type": "T", "id": "i"}` or `{"__entity": {"type": "T", "id": "i"}}`. The type must be
// a well-formed Cedar name (e.g. "Ns::User").
Result<EntityUid> EntityUidFromJson(const json::Value& json);

// Reads a Cedar JSON value. Without `expected`, escapes are recognised only in their explicit
// forms (`{"__entity": ..}`, `{"__extn": ..}`) and other objects are records. With `expected`,
// the value must have that type; entity and extension values may use their implicit forms, and
// records may not have undeclared attributes or lack required ones. (Enumerated entity ids are
// checked by the entity and context readers, which know the schema.)
Result<Value> ValueFromJson(const json::Value& json, const SchemaType* expected);

// Reads a JSON array of entities, `[{"uid": .., "attrs": {..}, "parents": [..], "tags": {..}}]`
// ("tags" optional). With a schema: attributes and tags are read by their declared types and
// checked (unknown or missing attributes, undeclared entity types, disallowed parent types and
// enum ids are errors), and the schema's action entities are added; an action entity listed in
// the input must match its declaration. Entities listed twice must be identical. The result is
// finalized.
Result<Entities> EntitiesFromJson(std::string_view text, const Schema* schema);
Result<Entities> EntitiesFromJsonValue(const json::Value& json, const Schema* schema);

// Reads a request context (a JSON object). With a schema, `action` must be declared and the
// context is read and checked against the action's context type.
Result<Value> ContextFromJson(const json::Value& json, const Schema* schema,
                              const EntityUid& action);

// Writes a value in Cedar's explicit JSON form (`{"__entity": ..}`, `{"__extn": ..}`), which
// ValueFromJson reads back without a schema.
json::Value ValueToJson(const Value& value);
// Writes `{"uid": .., "attrs": .., "parents": [..], "tags": ..}` ("tags" only when there are some).
json::Value EntityToJson(const Entity& entity);

}  // namespace metagate::cedar
