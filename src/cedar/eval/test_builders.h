// Test-only helpers that build AST expressions without the parser. Stateless.
#pragma once

#include <initializer_list>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "metagate/cedar/ast.h"

namespace metagate::cedar::ast_builders {

inline ExprPtr Make(Expr e) { return std::make_shared<const Expr>(std::move(e)); }

inline ExprPtr Lit(Value v) {
  Expr e;
  e.kind = ExprKind::kLiteral;
  e.literal = std::move(v);
  return Make(std::move(e));
}
inline ExprPtr L(int64_t i) { return Lit(Value::Long(i)); }
inline ExprPtr S(std::string s) { return Lit(Value::String(std::move(s))); }
inline ExprPtr B(bool b) { return Lit(Value::Bool(b)); }
inline ExprPtr E(std::string type, std::string id) {
  return Lit(Value::Entity(EntityUid(std::move(type), std::move(id))));
}
inline ExprPtr V(Var v) {
  Expr e;
  e.kind = ExprKind::kVar;
  e.var = v;
  return Make(std::move(e));
}
inline ExprPtr Node(ExprKind k, std::vector<ExprPtr> args, std::string name = "") {
  Expr e;
  e.kind = k;
  e.args = std::move(args);
  e.name = std::move(name);
  return Make(std::move(e));
}
inline ExprPtr Bin(BinaryOp op, ExprPtr a, ExprPtr b) {
  Expr e;
  e.kind = ExprKind::kBinary;
  e.op = op;
  e.args = {std::move(a), std::move(b)};
  return Make(std::move(e));
}
inline ExprPtr And(ExprPtr a, ExprPtr b) { return Node(ExprKind::kAnd, {a, b}); }
inline ExprPtr Or(ExprPtr a, ExprPtr b) { return Node(ExprKind::kOr, {a, b}); }
inline ExprPtr Not(ExprPtr a) { return Node(ExprKind::kNot, {a}); }
inline ExprPtr Neg(ExprPtr a) { return Node(ExprKind::kNeg, {a}); }
inline ExprPtr If(ExprPtr c, ExprPtr t, ExprPtr f) { return Node(ExprKind::kIf, {c, t, f}); }
inline ExprPtr Get(ExprPtr a, std::string n) { return Node(ExprKind::kGetAttr, {a}, n); }
inline ExprPtr Has(ExprPtr a, std::string n) { return Node(ExprKind::kHasAttr, {a}, n); }
inline ExprPtr Is(ExprPtr a, std::string t) { return Node(ExprKind::kIs, {a}, t); }
inline ExprPtr IsEmpty(ExprPtr a) { return Node(ExprKind::kIsEmpty, {a}); }
inline ExprPtr SetOf(std::vector<ExprPtr> elems) { return Node(ExprKind::kSet, std::move(elems)); }
inline ExprPtr Call(std::string fn, std::vector<ExprPtr> args) {
  return Node(ExprKind::kExtCall, std::move(args), std::move(fn));
}
inline ExprPtr Rec(std::vector<std::pair<std::string, ExprPtr>> fields) {
  Expr e;
  e.kind = ExprKind::kRecord;
  e.fields = std::move(fields);
  return Make(std::move(e));
}
// `a like pattern`, where U'*' in `pattern` is a wildcard and every other code point is literal.
inline ExprPtr Like(ExprPtr a, const std::u32string& pattern) {
  Expr e;
  e.kind = ExprKind::kLike;
  e.args = {std::move(a)};
  for (char32_t c : pattern) {
    e.pattern.elems.push_back(PatternElem{c == U'*', c == U'*' ? 0u : static_cast<uint32_t>(c)});
  }
  return Make(std::move(e));
}

}  // namespace metagate::cedar::ast_builders
