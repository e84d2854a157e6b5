// Built-in place tables (world cities with native spellings, countries and their codes) used by
// the address finder and by whole-value checks.
#pragma once

#include <cstddef>
#include <string_view>

namespace metagate::classify::text {

// Case-insensitive exact match against the city table (São Paulo, Sao Paulo, München, Munich).
bool IsCityName(std::string_view s);

// Case-insensitive match against country names; `codes` also accepts upper-case ISO 3166
// alpha-2 and alpha-3 codes.
bool IsCountryName(std::string_view s, bool codes);

}  // namespace metagate::classify::text
