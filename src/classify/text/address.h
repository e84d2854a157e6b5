// Postal addresses inside free text (street + postal code + city) and whole-value checks for
// cities and countries, from built-in tables of street-type words, postal-code shapes, world
// cities and countries. Thread-safe.
#pragma once

#include <string_view>

#include "metagate/classify/finding.h"

namespace metagate::classify::text {

// Appends kStreetAddress, kPostalCode and kCity findings (byte offsets) for each postal address
// in `text`. A postal code or city is reported only next to a street address, or a postal code
// next to a known city.
void FindAddresses(std::string_view text, Findings& out);

// Whole value is a known city (native or English spelling, case-insensitive).
bool IsKnownCity(std::string_view value);

// Whole value is a country: an upper-case ISO 3166 alpha-2/alpha-3 code or an English or native
// country name (case-insensitive).
bool IsCountry(std::string_view value);

}  // namespace metagate::classify::text
