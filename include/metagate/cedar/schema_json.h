// Cedar's JSON schema format (parsing and printing) and the printer of the human-readable
// `.cedarschema` format. Conversions between the formats keep namespaces, common types and names
// as written, so that converting and re-parsing gives the same resolved schema.
#pragma once

#include <string>
#include <string_view>

#include "metagate/cedar/schema.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

// Parses and resolves a schema in Cedar's JSON schema format (namespaces as top-level keys, with
// `entityTypes`, `actions`, `commonTypes` and `annotations`). Names resolve as in the text
// format. Errors carry line:column.
Result<Schema> ParseSchemaJson(std::string_view text);

// Prints `schema` in the JSON schema format (keys sorted, as Cedar prints them; indented), ending
// with a newline. Uses the declarations as written when the schema came from a parser, else the
// resolved model with fully qualified names.
std::string SchemaToJson(const Schema& schema);

// Prints `schema` in the `.cedarschema` format, ending with a newline (same sources as above).
std::string SchemaToText(const Schema& schema);

}  // namespace metagate::cedar
