// Raw data for the given-name gazetteer: whitespace-separated lower-case names.
#pragma once

#include <string_view>

namespace metagate::classify::text {

// Given names that are rarely anything else.
extern const std::string_view kGivenNameText;
// Given names that are also common words, months or places; they need stronger context.
extern const std::string_view kAmbiguousGivenNameText;
// More names by region (given_name_table_world.cc), in the same two kinds.
extern const std::string_view kGivenNameWorldText;
extern const std::string_view kAmbiguousGivenNameWorldText;

}  // namespace metagate::classify::text
