// Parser for Cedar policy sets: annotations, effect, scope constraints and conditions.
#pragma once

#include <vector>

#include "metagate/cedar/ast.h"
#include "parser/token_stream.h"

namespace metagate::cedar::internal {

// Parses policies until the end of input. Ids are "policy0", "policy1", ... in order.
Result<std::vector<PolicyPtr>> ParsePolicySet(TokenStream& ts);

}  // namespace metagate::cedar::internal
