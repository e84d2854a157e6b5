// Whole-value e-mail address check (RFC 5322 dot-atom local part, DNS domain).
#pragma once

#include <string_view>

namespace metagate::classify::detect {

// True if `s` is exactly one address `local@domain`: the local part is a dot-atom (atext runs
// separated by single dots), the domain has at least two labels of letters/digits/hyphens
// (no leading or trailing hyphen) and a top-level label of at least two letters.
bool IsEmail(std::string_view s);

// True if `s` is a domain as required by IsEmail.
bool IsEmailDomain(std::string_view s);

}  // namespace metagate::classify::detect
