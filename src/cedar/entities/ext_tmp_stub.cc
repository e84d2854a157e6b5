// TEMPORARY stand-in for ConstructExtensionValue so that branch `schema` links its tests; drop
// at merge (the real implementation is on branch `eval`). Accepts roughly-shaped arguments only.
#include <algorithm>
#include <memory>
#include <string>

#include "metagate/cedar/extensions.h"

namespace metagate::cedar {
namespace {

class StubExt : public ExtensionValue {
 public:
  StubExt(const char* type, std::string fn, std::string arg)
      : type_(type), fn_(std::move(fn)), arg_(std::move(arg)) {}
  const char* type_name() const override { return type_; }
  bool Equals(const ExtensionValue& o) const override {
    return std::string(type_) == o.type_name() && arg_ == o.ConstructorArg();
  }
  size_t Hash() const override { return std::hash<std::string>()(arg_); }
  std::string ConstructorName() const override { return fn_; }
  std::string ConstructorArg() const override { return arg_; }

 private:
  const char* type_;
  std::string fn_;
  std::string arg_;
};

bool AllOf(std::string_view s, std::string_view allowed) {
  if (s.empty()) return false;
  for (char c : s) {
    if (allowed.find(c) == std::string_view::npos) return false;
  }
  return true;
}

}  // namespace

Result<Value> ConstructExtensionValue(std::string_view fn, std::string_view arg) {
  const char* type = nullptr;
  bool ok = false;
  if (fn == "ip") {
    type = "ipaddr";
    ok = AllOf(arg, "0123456789abcdefABCDEF.:/") && arg.find('.') != std::string_view::npos
             ? std::count(arg.begin(), arg.end(), '.') == 3
             : AllOf(arg, "0123456789abcdefABCDEF.:/");
  } else if (fn == "decimal") {
    type = "decimal";
    ok = AllOf(arg, "-0123456789.") && std::count(arg.begin(), arg.end(), '.') == 1;
  } else if (fn == "datetime") {
    type = "datetime";
    ok = AllOf(arg, "0123456789-:TZ.+");
  } else if (fn == "duration") {
    type = "duration";
    ok = AllOf(arg, "-0123456789dhms");
  } else {
    return Status::Invalid("unknown extension constructor `" + std::string(fn) + "`");
  }
  if (!ok) return Status::Invalid(std::string("malformed argument for `") + std::string(fn) + "`");
  return Value::Extension(std::make_shared<StubExt>(type, std::string(fn), std::string(arg)));
}

}  // namespace metagate::cedar

namespace metagate::cedar {
namespace {

Result<Value> StubIp(std::span<const Value> args) {
  if (!args[0].is_string()) return Status::Invalid("type error");
  return ConstructExtensionValue("ip", args[0].as_string());
}

Result<Value> StubOffset(std::span<const Value> args) {
  if (!args[0].is_extension() || !args[1].is_extension()) return Status::Invalid("type error");
  return ConstructExtensionValue("datetime", args[0].as_extension().ConstructorArg());
}

const ExtensionFunction kStubFunctions[] = {
    {"ip", false, 1, StubIp},
    {"offset", true, 2, StubOffset},
};

}  // namespace

const ExtensionFunction* FindExtensionFunction(std::string_view name) {
  for (const ExtensionFunction& f : kStubFunctions) {
    if (name == f.name) return &f;
  }
  return nullptr;
}

}  // namespace metagate::cedar
