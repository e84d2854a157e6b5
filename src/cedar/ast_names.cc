#include "ast_names.h"

namespace metagate::cedar::internal {

const char* BinaryOpName(BinaryOp op) {
  switch (op) {
    case BinaryOp::kEq:
      return "==";
    case BinaryOp::kNotEq:
      return "!=";
    case BinaryOp::kLess:
      return "<";
    case BinaryOp::kLessEq:
      return "<=";
    case BinaryOp::kGreater:
      return ">";
    case BinaryOp::kGreaterEq:
      return ">=";
    case BinaryOp::kAdd:
      return "+";
    case BinaryOp::kSub:
      return "-";
    case BinaryOp::kMul:
      return "*";
    case BinaryOp::kIn:
      return "in";
    case BinaryOp::kContains:
      return "contains";
    case BinaryOp::kContainsAll:
      return "containsAll";
    case BinaryOp::kContainsAny:
      return "containsAny";
    case BinaryOp::kGetTag:
      return "getTag";
    case BinaryOp::kHasTag:
      return "hasTag";
  }
  return "?";
}

}  // namespace metagate::cedar::internal
