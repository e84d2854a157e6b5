// Geographic coordinate checks.
#pragma once

#include <string_view>

namespace metagate::classify::detect {

// Finite and within [-90, 90].
bool IsLatitude(double v);
// Finite and within [-180, 180].
bool IsLongitude(double v);

// True if `s` is `lat,lng` (optional spaces after the comma) where both are decimal numbers with
// at least three decimals, optional leading `-`, in range.
bool IsLatLngPair(std::string_view s);

}  // namespace metagate::classify::detect
