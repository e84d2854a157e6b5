// A structural key of an expression (source positions ignored), used to match a `has` or
// `hasTag` guard with a later access to the same expression.
#pragma once

#include <string>

#include "metagate/cedar/ast.h"

namespace metagate::cedar::validate {

std::string ExprKey(const Expr& e);

}  // namespace metagate::cedar::validate
