#include "est/ast_shapes.h"

#include <memory>
#include <utility>

namespace metagate::cedar::internal {

const char* VarName(Var v) {
  switch (v) {
    case Var::kPrincipal:
      return "principal";
    case Var::kAction:
      return "action";
    case Var::kResource:
      return "resource";
    case Var::kContext:
      return "context";
  }
  return "principal";
}

const Expr* IsInRhs(const Expr& e) {
  if (e.kind != ExprKind::kAnd || e.args.size() != 2) return nullptr;
  const Expr& l = *e.args[0];
  const Expr& r = *e.args[1];
  if (l.kind != ExprKind::kIs || r.kind != ExprKind::kBinary || r.op != BinaryOp::kIn) {
    return nullptr;
  }
  if (l.args.empty() || r.args.size() != 2 || l.args[0].get() != r.args[0].get()) return nullptr;
  return r.args[1].get();
}

ExprPtr MakeIsIn(ExprPtr left, std::string type, ExprPtr in_rhs, SourceLoc loc) {
  auto is = std::make_shared<Expr>();
  is->kind = ExprKind::kIs;
  is->loc = loc;
  is->name = std::move(type);
  is->args = {left};
  auto in = std::make_shared<Expr>();
  in->kind = ExprKind::kBinary;
  in->op = BinaryOp::kIn;
  in->loc = loc;
  in->args = {left, std::move(in_rhs)};
  auto conj = std::make_shared<Expr>();
  conj->kind = ExprKind::kAnd;
  conj->loc = loc;
  conj->args = {std::move(is), std::move(in)};
  return conj;
}

}  // namespace metagate::cedar::internal
