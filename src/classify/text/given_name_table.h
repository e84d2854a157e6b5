// Raw data for the given-name gazetteer: whitespace-separated lower-case names.
#pragma once

#include <string_view>

namespace metagate::classify::text {

// Given names that are rarely anything else.
extern const std::string_view kGivenNameText;
// Given names that are also common words, months or places; they need stronger context.
extern const std::string_view kAmbiguousGivenNameText;

}  // namespace metagate::classify::text
