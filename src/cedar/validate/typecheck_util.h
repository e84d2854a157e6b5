// Small helpers shared by the typechecker's source files (internal).
#pragma once

#include <algorithm>
#include <iterator>
#include <utility>

#include "validate/typechecker.h"

namespace metagate::cedar::validate {

inline Capabilities Union(Capabilities a, const Capabilities& b) {
  a.insert(b.begin(), b.end());
  return a;
}

inline Capabilities Intersect(const Capabilities& a, const Capabilities& b) {
  Capabilities out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

inline Typed Of(TypePtr t) { return Typed{std::move(t), {}}; }
inline Typed Failed() { return Typed{}; }

inline std::string Quote(const std::string& s) { return "`" + s + "`"; }

}  // namespace metagate::cedar::validate
