// Payment card number check: length, grouping, issuer prefix and Luhn.
#pragma once

#include <string_view>

namespace metagate::classify::detect {

// True if `s` is a payment card number: 13-19 digits, compact or grouped by single spaces or
// single dashes (one kind only) in a standard grouping (4-4-4-4[-1..4], 4-6-5, 4-6-4, 4-4-4-1..4),
// with a known issuer prefix valid for that length, passing the Luhn check.
bool IsCreditCard(std::string_view s);

// True if the digit string `digits` (13-19 digits, no separators) has a known issuer prefix
// for its length and passes Luhn.
bool IsCardDigits(std::string_view digits);

}  // namespace metagate::classify::detect
