// Helpers shared by the extension implementations: argument checks, typed access to extension
// values and the per-type function tables assembled by registry.cc. Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>

#include "metagate/cedar/extensions.h"
#include "metagate/cedar/value.h"
#include "metagate/common/status.h"

namespace metagate::cedar::ext {

// "type error: expected <expected>, got <type of got>".
inline Status TypeError(std::string_view expected, const Value& got) {
  return Status::Invalid("type error: expected " + std::string(expected) + ", got " +
                         got.TypeName());
}

// Returns the extension value of type T (whose type_name() is T::kTypeName), or nullptr.
template <typename T>
const T* AsExt(const Value& v) {
  if (!v.is_extension()) return nullptr;
  if (std::strcmp(v.as_extension().type_name(), T::kTypeName) != 0) return nullptr;
  return static_cast<const T*>(&v.as_extension());
}

// Error for a malformed constructor argument; names the constructor, never the argument.
inline Status MalformedArg(std::string_view fn, std::string_view what) {
  return Status::Invalid("error in extension function `" + std::string(fn) +
                         "`: " + std::string(what));
}

// Per-type function tables (defined in ipaddr.cc, decimal.cc, datetime.cc).
std::span<const ExtensionFunction> IpaddrFunctions();
std::span<const ExtensionFunction> DecimalFunctions();
std::span<const ExtensionFunction> DatetimeFunctions();

// Constructors from the string argument.
Result<Value> MakeIpaddr(std::string_view s);
Result<Value> MakeDecimal(std::string_view s);
Result<Value> MakeDatetime(std::string_view s);
Result<Value> MakeDuration(std::string_view s);

}  // namespace metagate::cedar::ext
