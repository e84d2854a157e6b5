// IBAN check (ISO 13616): registered country length and mod-97 check digits.
#pragma once

#include <string_view>

namespace metagate::classify::detect {

// True if `s` is an IBAN in electronic form (compact) or print form (groups of four separated
// by single spaces, the last group 1-4 characters): an uppercase country code with an IBAN length
// in the SWIFT registry, two check digits, an uppercase alphanumeric BBAN, and mod 97 == 1.
bool IsIban(std::string_view s);

// The registered IBAN length for an ISO country code, or 0 if the country has no IBAN.
int IbanLength(std::string_view country);

}  // namespace metagate::classify::detect
