#include "parser/names.h"

#include <array>

namespace metagate::cedar::internal {

bool IsReservedWord(std::string_view id) {
  static constexpr std::array<std::string_view, 9> kReserved = {
      "true", "false", "if", "then", "else", "in", "is", "like", "has"};
  for (std::string_view r : kReserved) {
    if (id == r) return true;
  }
  return false;
}

std::optional<Var> VarFromName(std::string_view id) {
  if (id == "principal") return Var::kPrincipal;
  if (id == "action") return Var::kAction;
  if (id == "resource") return Var::kResource;
  if (id == "context") return Var::kContext;
  return std::nullopt;
}

std::optional<BuiltinMethod> FindBuiltinMethod(std::string_view name) {
  if (name == "contains") return BuiltinMethod{ExprKind::kBinary, BinaryOp::kContains, 1};
  if (name == "containsAll") return BuiltinMethod{ExprKind::kBinary, BinaryOp::kContainsAll, 1};
  if (name == "containsAny") return BuiltinMethod{ExprKind::kBinary, BinaryOp::kContainsAny, 1};
  if (name == "getTag") return BuiltinMethod{ExprKind::kBinary, BinaryOp::kGetTag, 1};
  if (name == "hasTag") return BuiltinMethod{ExprKind::kBinary, BinaryOp::kHasTag, 1};
  if (name == "isEmpty") return BuiltinMethod{ExprKind::kIsEmpty, BinaryOp::kEq, 0};
  return std::nullopt;
}

ExtCallStyle ExtensionCallStyle(std::string_view name) {
  // Kept in the parser (rather than using FindExtensionFunction) so that the parser does not
  // depend on the extension implementations.
  static constexpr std::array<std::string_view, 4> kFunctions = {"ip", "decimal", "datetime",
                                                                 "duration"};
  static constexpr std::array<std::string_view, 18> kMethods = {
      "isIpv4",        "isIpv6",          "isLoopback",  "isMulticast",        "isInRange",
      "lessThan",      "lessThanOrEqual", "greaterThan", "greaterThanOrEqual", "offset",
      "durationSince", "toDate",          "toTime",      "toMilliseconds",     "toSeconds",
      "toMinutes",     "toHours",         "toDays"};
  for (std::string_view f : kFunctions) {
    if (name == f) return ExtCallStyle::kFunction;
  }
  for (std::string_view m : kMethods) {
    if (name == m) return ExtCallStyle::kMethod;
  }
  return ExtCallStyle::kNone;
}

}  // namespace metagate::cedar::internal
