// Recognizes the parser's desugared forms in the AST so that writers can print them as Cedar
// does: `e is T in E` (an && of `is` and `in` sharing the same operand node).
#pragma once

#include "metagate/cedar/ast.h"

namespace metagate::cedar::internal {

// "principal", "action", "resource" or "context".
const char* VarName(Var v);

// If `e` is the parser's desugaring of `x is T in E` (an `&&` whose left is `x is T` and whose
// right is `x in E`, with the very same `x` node), returns E; otherwise nullptr.
const Expr* IsInRhs(const Expr& e);

// Builds `left is type in in_rhs` the way the parser does (sharing `left`).
ExprPtr MakeIsIn(ExprPtr left, std::string type, ExprPtr in_rhs, SourceLoc loc);

}  // namespace metagate::cedar::internal
