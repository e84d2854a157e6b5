// Builds the layout document of one policy's CST, following the layout rules of Cedar 4.12's
// formatter (operators at line ends, `when {` blocks, scope on one line or one per line).
#pragma once

#include <string_view>
#include <vector>

#include "format/comments.h"
#include "format/cst.h"
#include "format/doc.h"

namespace metagate::cedar::format_internal {

Doc PolicyDoc(const Cst& policy, const std::vector<internal::Token>& tokens, Comments& comments,
              int indent);

}  // namespace metagate::cedar::format_internal
