// Phone number check backed by libphonenumber.
#pragma once

#include <string_view>

namespace metagate::classify::detect {

// True if `s` is written like a phone number and libphonenumber says it is a valid number.
// Written like a phone number: only digits, spaces, dashes, dots and one pair of parentheses,
// an optional leading `+`; 7-15 digits; and it starts with `+`, `0` or `(`, or contains a
// separator. A bare run of digits not starting with `+` or `0` is never a phone (ids, timestamps).
// Valid: as an international number when it starts with `+`, otherwise as a national number of
// one of US, GB, DE, FR, BR, IN, ES, IT, NL, CA, AU, JP, MX, PL, SE, CH, BE, AT, IE, PT.
// Dates, IP/version strings, card numbers and SSN-shaped values are rejected.
bool IsPhone(std::string_view s);

}  // namespace metagate::classify::detect
