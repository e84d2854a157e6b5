#include "parser/expr_nodes.h"

#include <algorithm>
#include <utility>

namespace metagate::cedar::internal {

namespace {

// REQUIRES: `e` was built by the parser (so it is a ParsedExpr).
uint32_t DepthOf(const ExprPtr& e) { return static_cast<const ParsedExpr&>(*e).depth; }

}  // namespace

std::shared_ptr<ParsedExpr> NewNode(ExprKind kind, SourceLoc loc) {
  auto n = std::make_shared<ParsedExpr>();
  n->kind = kind;
  n->loc = loc;
  return n;
}

Result<ExprPtr> Finish(std::shared_ptr<ParsedExpr> n) {
  uint32_t d = 0;
  for (const ExprPtr& a : n->args) d = std::max(d, DepthOf(a));
  for (const auto& f : n->fields) d = std::max(d, DepthOf(f.second));
  n->depth = d + 1;
  if (n->depth > kMaxExprDepth) {
    return Status::Invalid(
        "expression is nested too deeply (more than " + std::to_string(kMaxExprDepth) + " levels)",
        n->loc);
  }
  return ExprPtr(std::move(n));
}

Result<ExprPtr> MakeNode(ExprKind kind, SourceLoc loc, std::vector<ExprPtr> args) {
  auto n = NewNode(kind, loc);
  n->args = std::move(args);
  return Finish(std::move(n));
}

Result<ExprPtr> MakeBinary(BinaryOp op, SourceLoc loc, ExprPtr a, ExprPtr b) {
  auto n = NewNode(ExprKind::kBinary, loc);
  n->op = op;
  n->args = {std::move(a), std::move(b)};
  return Finish(std::move(n));
}

Result<ExprPtr> MakeNamed(ExprKind kind, SourceLoc loc, ExprPtr arg, std::string name) {
  auto n = NewNode(kind, loc);
  n->name = std::move(name);
  n->args = {std::move(arg)};
  return Finish(std::move(n));
}

ExprPtr MakeLiteral(SourceLoc loc, Value v) {
  auto n = NewNode(ExprKind::kLiteral, loc);
  n->literal = std::move(v);
  return n;
}

}  // namespace metagate::cedar::internal
