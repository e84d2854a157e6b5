// Test helper: renders an Expr as a compact S-expression so tests can check tree shapes,
// e.g. `(&& (has principal "a") (== 1 2))`.
#pragma once

#include <string>

#include "ast_names.h"
#include "metagate/cedar/ast.h"
#include "metagate/common/utf8.h"
#include "parser/utf8.h"

namespace metagate::cedar::internal {

inline std::string ToSexpr(const Expr& e) {
  auto args = [&](std::string head) {
    for (const ExprPtr& a : e.args) head += " " + ToSexpr(*a);
    return "(" + head + ")";
  };
  auto quoted = [](const std::string& s) {
    std::string out;
    AppendCedarQuoted(out, s);
    return out;
  };
  switch (e.kind) {
    case ExprKind::kLiteral:
      return e.literal.ToCedar();
    case ExprKind::kVar:
      switch (e.var) {
        case Var::kPrincipal:
          return "principal";
        case Var::kAction:
          return "action";
        case Var::kResource:
          return "resource";
        case Var::kContext:
          return "context";
      }
      return "?";
    case ExprKind::kSlot:
      return e.slot == SlotId::kPrincipal ? "?principal" : "?resource";
    case ExprKind::kIf:
      return args("if");
    case ExprKind::kAnd:
      return args("&&");
    case ExprKind::kOr:
      return args("||");
    case ExprKind::kNot:
      return args("!");
    case ExprKind::kNeg:
      return args("neg");
    case ExprKind::kBinary:
      return args(BinaryOpName(e.op));
    case ExprKind::kIsEmpty:
      return args("isEmpty");
    case ExprKind::kGetAttr:
      return "(. " + ToSexpr(*e.args[0]) + " " + quoted(e.name) + ")";
    case ExprKind::kHasAttr:
      return "(has " + ToSexpr(*e.args[0]) + " " + quoted(e.name) + ")";
    case ExprKind::kLike: {
      std::string pat;
      for (const PatternElem& p : e.pattern.elems) {
        if (p.wildcard) {
          pat += "*";
        } else if (p.ch == '*') {
          pat += "\\*";
        } else {
          utf8::Append(pat, p.ch);
        }
      }
      return "(like " + ToSexpr(*e.args[0]) + " `" + pat + "`)";
    }
    case ExprKind::kIs:
      return "(is " + ToSexpr(*e.args[0]) + " " + e.name + ")";
    case ExprKind::kSet:
      return args("set");
    case ExprKind::kRecord: {
      std::string out = "(record";
      for (const auto& [k, v] : e.fields) out += " (" + quoted(k) + " " + ToSexpr(*v) + ")";
      return out + ")";
    }
    case ExprKind::kExtCall:
      return args("call " + e.name);
  }
  return "?";
}

}  // namespace metagate::cedar::internal
