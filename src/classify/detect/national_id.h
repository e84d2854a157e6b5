// National identifier checks (US Social Security numbers).
#pragma once

#include <string_view>

namespace metagate::classify::detect {

// True if `s` is `AAA-GG-SSSS` (or with single spaces instead of both dashes) with an area other
// than 000, 666 and 900-999, a group other than 00 and a serial other than 0000.
bool IsUsSsn(std::string_view s);

}  // namespace metagate::classify::detect
