// Loading Cedar inputs named by a config file: a schema file (human-readable or .json), policy
// files and folders (ids from `@id` annotations, else "FILE#N", unique across files; validated
// strictly when a schema is given) and entity JSON files. Errors name the file, line and column.
#pragma once

#include <string>
#include <vector>

#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/entities.h"
#include "metagate/cedar/schema.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

// Reads a schema: Cedar's JSON format when the name ends in ".json", else the text format.
Result<Schema> LoadSchemaFile(const std::string& path);

// Reads every policy of `entries` (files, or folders searched for *.cedar, in name order) into
// one set. Returns the number of policies added.
Result<size_t> LoadPolicyFiles(const std::vector<std::string>& entries, const Schema* schema,
                               PolicySet& into);

// Reads entity files into `into` (not finalized). An entity defined twice must be identical.
Status LoadEntityFiles(const std::vector<std::string>& files, const Schema* schema, Entities& into);
// Adds `from`'s entities to `into`; `origin` names `from` in errors.
Status MergeEntities(Entities& into, const Entities& from, const std::string& origin);

}  // namespace metagate::cedar
