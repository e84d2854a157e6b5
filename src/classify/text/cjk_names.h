// Chinese, Japanese and Korean personal names written in their own scripts, recognised by a
// leading family name from built-in tables of common surnames.
#pragma once

#include <string_view>

namespace metagate::classify::text {

// True when `s` (already trimmed) is a plausible CJK full name: 2–4 Han characters starting
// with a common Chinese surname, 2–4 Hangul syllables starting with a common Korean surname, or a
// common Japanese surname followed (optionally after one space) by 1–3 Han/kana characters.
bool IsCjkName(std::string_view s);

}  // namespace metagate::classify::text
