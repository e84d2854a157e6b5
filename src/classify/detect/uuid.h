// UUID text form check.
#pragma once

#include <string_view>

namespace metagate::classify::detect {

// True if `s` is 8-4-4-4-12 hex digits (either case) separated by dashes.
bool IsUuid(std::string_view s);

}  // namespace metagate::classify::detect
