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
  if (fn == "ip") return ext::MakeIpaddr(arg);
  if (fn == "decimal") return ext::MakeDecimal(arg);
  if (fn == "datetime") return ext::MakeDatetime(arg);
  if (fn == "duration") return ext::MakeDuration(arg);
  if (FindExtensionFunction(fn) != nullptr) {
    return Status::Invalid("extension function `" + std::string(fn) +
                           "` is not a constructor taking one string");
  }
  return Status::Invalid("extension function `" + std::string(fn) + "` does not exist");
}

}  // namespace metagate::cedar
