// Assembles the extension function table from the per-type tables and implements the lookups
// declared in extensions.h.
#include <string>
#include <unordered_map>

#include "ext/ext_util.h"
#include "metagate/cedar/extensions.h"

namespace metagate::cedar {
namespace {

using Table = std::unordered_map<std::string_view, const ExtensionFunction*>;

const Table& GetTable() {
  static const Table* table = [] {
    auto* t = new Table();
    for (auto fns : {ext::IpaddrFunctions(), ext::DecimalFunctions(), ext::DatetimeFunctions()}) {
      for (const ExtensionFunction& f : fns) t->emplace(f.name, &f);
    }
    return t;
  }();
  return *table;
}

}  // namespace

const ExtensionFunction* FindExtensionFunction(std::string_view name) {
  const Table& t = GetTable();
  auto it = t.find(name);
  return it == t.end() ? nullptr : it->second;
}

Result<Value> ConstructExtensionValue(std::string_view fn, std::string_view arg) {
  const Value args[] = {Value::String(std::string(arg))};
  return CallExtensionFunction(fn, args);
}

Result<Value> CallExtensionFunction(std::string_view fn, std::span<const Value> args) {
  const ExtensionFunction* f = FindExtensionFunction(fn);
  if (f == nullptr) {
    return Status::Invalid("extension function `" + std::string(fn) + "` does not exist");
  }
  if (static_cast<int>(args.size()) != f->arity) {
    return Status::Invalid("wrong number of arguments to extension function `" + std::string(fn) +
                           "`: expected " + std::to_string(f->arity) + ", got " +
                           std::to_string(args.size()));
  }
  return f->call(args);
}

}  // namespace metagate::cedar
