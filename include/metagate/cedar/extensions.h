// Cedar extension functions (ipaddr, decimal, datetime, duration): a table of functions looked
// up by name, used by the parser (to check names and call style) and the evaluator (to call
// them). The table is built once; lookups are thread-safe.
#pragma once

#include <span>
#include <string_view>

#include "metagate/cedar/value.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

// An extension function. Calls return a Value or an evaluation error (Status with a message).
struct ExtensionFunction {
  const char* name;  // "ip", "isInRange", "decimal", "lessThan", ...
  bool is_method;    // called as `recv.name(args)`; the receiver is args[0]
  int arity;         // number of arguments including the receiver
  Result<Value> (*call)(std::span<const Value> args);
};

// Returns every extension function with this name (a method name such as `lessThan` may be
// defined for several receiver types; the implementation dispatches on the receiver).
// Returns nullptr when no function has this name.
const ExtensionFunction* FindExtensionFunction(std::string_view name);

// Builds an extension value from its constructor name and argument, as in the JSON escape
// `{"__extn": {"fn": "ip", "arg": "10.0.0.1"}}`. Returns an error for an unknown constructor or
// a malformed argument.
// Same as CallExtensionFunction(fn, {String(arg)}), as Cedar 4.12 does.
Result<Value> ConstructExtensionValue(std::string_view fn, std::string_view arg);

// Calls the extension function `fn` with `args` (for a method, the receiver first), checking the
// arity; as the JSON escape `{"__extn": {"fn": "offset", "args": [<datetime>, <duration>]}}`
// does (Cedar writes datetimes that have no constructor string this way). Any function may be
// named there: Cedar 4.12 accepts e.g. {"fn": "isIpv4", "args": [<ipaddr>]} and yields a Bool.
Result<Value> CallExtensionFunction(std::string_view fn, std::span<const Value> args);

}  // namespace metagate::cedar
