#include "validate/expr_key.h"

namespace metagate::cedar::validate {

namespace {

void Append(const Expr& e, std::string& out) {
  out += '(';
  out += std::to_string(static_cast<int>(e.kind));
  out += ' ';
  switch (e.kind) {
    case ExprKind::kLiteral:
      out += e.literal.ToCedar();
      break;
    case ExprKind::kVar:
      out += std::to_string(static_cast<int>(e.var));
      break;
    case ExprKind::kSlot:
      out += std::to_string(static_cast<int>(e.slot));
      break;
    case ExprKind::kBinary:
      out += std::to_string(static_cast<int>(e.op));
      break;
    case ExprKind::kLike:
      for (const PatternElem& p : e.pattern.elems) {
        out += p.wildcard ? std::string("*") : std::to_string(p.ch) + ",";
      }
      break;
    default:
      break;
  }
  out += '"';
  out += e.name;
  out += '"';
  for (const ExprPtr& a : e.args) Append(*a, out);
  for (const auto& [k, v] : e.fields) {
    out += '"' + k + '"';
    Append(*v, out);
  }
  out += ')';
}

}  // namespace

std::string ExprKey(const Expr& e) {
  std::string out;
  Append(e, out);
  return out;
}

}  // namespace metagate::cedar::validate
