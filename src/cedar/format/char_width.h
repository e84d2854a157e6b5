// Terminal display width of text, as the `unicode-width` crate computes it for Cedar's
// formatter: ASCII text counts bytes; otherwise East Asian wide characters and emoji count 2,
// combining marks and other zero-width characters 0, everything else (controls included) 1.
#pragma once

#include <cstddef>
#include <string_view>

namespace metagate::cedar::format_internal {

size_t DisplayWidth(std::string_view text);

}  // namespace metagate::cedar::format_internal
