// Checks the entity types and action entities a policy names (in its scope, entity literals
// and `is` tests) against the schema: undeclared types and actions, and ids that an
// enumerated entity type does not list.
#pragma once

#include "metagate/cedar/ast.h"
#include "metagate/cedar/schema.h"
#include "validate/hierarchy.h"
#include "validate/typechecker.h"

namespace metagate::cedar::validate {

void CheckEntityReferences(const Schema& schema, const Hierarchy& hierarchy, const Policy& policy,
                           Reporter& reporter);

}  // namespace metagate::cedar::validate
