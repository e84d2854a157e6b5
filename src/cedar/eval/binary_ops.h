// Cedar's binary operators on already-evaluated operands (comparison, arithmetic, hierarchy
// membership, set operations and entity tags). Stateless; thread-safe.
#pragma once

#include "metagate/cedar/ast.h"
#include "metagate/cedar/entities.h"
#include "metagate/cedar/value.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

// Applies `op` to `lhs` and `rhs`; type mismatches, overflow and missing tags are errors.
Result<Value> ApplyBinary(BinaryOp op, const Value& lhs, const Value& rhs,
                          const EntityLookup& entities);

// "type error: expected <expected>, got <type>".
Status EvalTypeError(std::string_view expected, const Value& got);

}  // namespace metagate::cedar
