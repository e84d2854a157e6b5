// Matching of Cedar `like` patterns (`*` matches any sequence of Unicode code points).
// Stateless; thread-safe.
#pragma once

#include <string_view>

#include "metagate/cedar/ast.h"

namespace metagate::cedar {

// Returns whether `text` (UTF-8) matches `pattern`. O(|text| * |pattern|) worst case.
bool MatchLike(const Pattern& pattern, std::string_view text);

}  // namespace metagate::cedar
