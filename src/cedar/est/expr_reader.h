// Reads one expression of Cedar's JSON policy format into the AST, building the same shapes
// as the text parser (`has` paths and `is .. in` desugared the parser's way).
#pragma once

#include "metagate/cedar/ast.h"
#include "metagate/common/json.h"
#include "metagate/common/status.h"

namespace metagate::cedar::internal {

Result<ExprPtr> ExprFromJson(const json::Value& v);

}  // namespace metagate::cedar::internal
