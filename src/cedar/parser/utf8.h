// Cedar-specific text helpers for the parser (generic UTF-8 handling is in common/utf8.h).
#pragma once

#include <cstddef>
#include <string_view>

namespace metagate::cedar::internal {

// Returns the byte length (1-3) of a Unicode White_Space character starting at `s[i]`, or 0.
size_t WhitespaceLength(std::string_view s, size_t i);

}  // namespace metagate::cedar::internal
