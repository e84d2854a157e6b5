// Construction of expression nodes for the parser. Every node records its depth so that the
// tree depth is bounded while building (deep trees would overflow recursive consumers).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "metagate/cedar/ast.h"
#include "metagate/common/status.h"

namespace metagate::cedar::internal {

// The maximum depth of an expression tree built by the parser.
inline constexpr uint32_t kMaxExprDepth = 1000;

// An Expr that also records the depth of its subtree. All parser-built nodes are ParsedExprs.
struct ParsedExpr : Expr {
  uint32_t depth = 1;
};

// A new node of this kind; fill it, then call Finish.
std::shared_ptr<ParsedExpr> NewNode(ExprKind kind, SourceLoc loc);
// Computes the node's depth from its children; fails if it exceeds kMaxExprDepth.
Result<ExprPtr> Finish(std::shared_ptr<ParsedExpr> n);

Result<ExprPtr> MakeNode(ExprKind kind, SourceLoc loc, std::vector<ExprPtr> args);
Result<ExprPtr> MakeBinary(BinaryOp op, SourceLoc loc, ExprPtr a, ExprPtr b);
// A node with one operand and a name (kGetAttr, kHasAttr, kIs).
Result<ExprPtr> MakeNamed(ExprKind kind, SourceLoc loc, ExprPtr arg, std::string name);
ExprPtr MakeLiteral(SourceLoc loc, Value v);

}  // namespace metagate::cedar::internal
