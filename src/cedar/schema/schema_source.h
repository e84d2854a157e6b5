// The declarations of a schema as written (a RawSchema), for the printers: the parsers keep them;
// for a schema built with the builders they are rebuilt from the resolved model.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "metagate/cedar/schema.h"
#include "schema/schema_ast.h"

namespace metagate::cedar::schema_internal {

// schema.source(), or declarations rebuilt from the resolved model (fully qualified names,
// common types inlined).
std::shared_ptr<const RawSchema> SourceOf(const Schema& schema);

// A resolved type as declarations: fully qualified entity names, built-ins as `__cedar::` names.
RawTypePtr UnresolveType(const SchemaType& type);

// Whether the action has an `appliesTo` with principal and resource types (in the JSON format
// an empty list makes the action apply to nothing, as if `appliesTo` were absent).
bool AppliesToSomething(const RawAction& action);

// The attributes of a record type by name; a repeated name keeps its last declaration, as the
// resolver does.
std::map<std::string, const RawAttr*> LastAttributes(const RawType& record);

}  // namespace metagate::cedar::schema_internal
