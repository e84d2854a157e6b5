// Type signatures of Cedar's extension functions (ipaddr, decimal, datetime, duration).
#pragma once

#include <string_view>
#include <vector>

#include "validate/types.h"

namespace metagate::cedar::validate {

struct ExtSignature {
  std::vector<TypePtr> params;  // including the receiver of a method
  TypePtr result;
  bool is_constructor = false;  // takes one string literal that must parse
};

// Returns the signature of the function named `name`, or nullptr when there is none.
const ExtSignature* FindExtSignature(std::string_view name);

}  // namespace metagate::cedar::validate
