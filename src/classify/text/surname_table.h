// Raw data for the family-name table: whitespace-separated lower-case names.
#pragma once

#include <string_view>

namespace metagate::classify::text {

// Family names by region (surname_table_world.cc), beyond the core list in surnames.cc.
extern const std::string_view kSurnameWorldText;

}  // namespace metagate::classify::text
