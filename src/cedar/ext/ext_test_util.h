// Test-only helpers for calling extension functions by name. Stateless.
#pragma once

#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "metagate/cedar/extensions.h"

namespace metagate::cedar::ext_testing {

// Constructs an extension value; fails the test if the argument is rejected.
inline Value Ext(std::string_view fn, std::string_view arg) {
  auto r = ConstructExtensionValue(fn, arg);
  EXPECT_TRUE(r.ok()) << fn << "(\"" << arg << "\"): " << r.status().message();
  return r.ok() ? *r : Value();
}

// Calls the extension function `name` with `args` (receiver first), checking the arity.
inline Result<Value> Invoke(std::string_view name, std::vector<Value> args) {
  const ExtensionFunction* f = FindExtensionFunction(name);
  if (f == nullptr) return Status::Invalid("no such function");
  if (static_cast<int>(args.size()) != f->arity) return Status::Invalid("arity");
  return f->call(args);
}

// Calls a function expected to return a Bool; returns -1 on error.
inline int InvokeBool(std::string_view name, std::vector<Value> args) {
  auto r = Invoke(name, std::move(args));
  if (!r.ok() || !r->is_bool()) return -1;
  return r->as_bool() ? 1 : 0;
}

}  // namespace metagate::cedar::ext_testing
