// Names the Cedar parser must know: reserved identifiers, variables, builtin methods and the
// extension functions (with their call style).
#pragma once

#include <optional>
#include <string_view>

#include "metagate/cedar/ast.h"

namespace metagate::cedar::internal {

// Identifiers that cannot be used as names or attribute identifiers:
// true false if then else in is like has.
bool IsReservedWord(std::string_view id);

// The component `__cedar` is reserved in names and attribute identifiers.
inline bool IsReservedCedarPrefix(std::string_view id) { return id == "__cedar"; }

// principal, action, resource, context.
std::optional<Var> VarFromName(std::string_view id);

// A builtin method: `contains` etc. map to kBinary, `isEmpty` to kIsEmpty.
struct BuiltinMethod {
  ExprKind kind;  // kBinary or kIsEmpty
  BinaryOp op;    // for kBinary
  int arity;      // arguments, not counting the receiver
};
std::optional<BuiltinMethod> FindBuiltinMethod(std::string_view name);

enum class ExtCallStyle : uint8_t { kNone, kFunction, kMethod };
// How extension function `name` is called, or kNone if it is not an extension function.
ExtCallStyle ExtensionCallStyle(std::string_view name);

}  // namespace metagate::cedar::internal
