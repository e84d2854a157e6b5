// Person names: whole values (a `name` field) and names embedded in free text (log bodies,
// support messages, prompt snippets, page titles). Built on the given-name gazetteer and the
// CJK surname tables; no allocation beyond the output vector. Thread-safe.
#pragma once

#include <string_view>

#include "metagate/classify/finding.h"

namespace metagate::classify::text {

// True when the whole value is a person's full name: a known given name followed by 1–3
// capitalised name words (particles such as van, de, al allowed), the same in "Surname, Given"
// order, an East Asian "Surname Given" romanisation, or a CJK name in its own script. A single
// token is never a name.
bool LooksLikePersonName(std::string_view value);

// Appends one kPersonName finding per full name inside `text` (byte offsets).
void FindPersonNames(std::string_view text, Findings& out);

}  // namespace metagate::classify::text
