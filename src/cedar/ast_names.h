// The Cedar spelling of AST operators, shared by the JSON policy writer, the text printer and
// test helpers.
#pragma once

#include "metagate/cedar/ast.h"

namespace metagate::cedar::internal {

// Returns the operator as Cedar writes it: "==", "<=", "in", "contains", "getTag", ...
const char* BinaryOpName(BinaryOp op);

}  // namespace metagate::cedar::internal
