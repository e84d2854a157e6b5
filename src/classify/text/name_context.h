// Context around a candidate person name in free text: cues before it (greetings, field labels,
// person pages, shipping labels), what follows it (a phrase end, an e-mail, a possessive before a
// personal noun) and word shapes that argue against a name.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

#include "text/name_words.h"

namespace metagate::classify::text {

bool IsGreeting(std::string_view word);  // hey, hi, hello
// "…shipping label: X Y, …": a label line names its recipient first.
bool IsLabelCue(std::string_view text, const std::vector<Word>& words, size_t g);
bool IsGreekOrCyrillic(std::string_view word);
// Family names that are also place nouns after another word (Riverside Park, Cedar Hill).
bool IsPlaceNoun(std::string_view word);
// The name ending at byte `end` ends its phrase: punctuation, end of text or a title separator.
bool EndsPhrase(std::string_view text, size_t end);
// Unknown words g..end-1 with English derivational endings read as a heading (Getting Started).
bool HasEnglishWordEnding(const std::vector<Word>& words, size_t g, size_t end);
// A form or header field that holds a name: "Name: X Y", "Recipient: X Y", "Имя: X Y".
bool FieldLabelBefore(std::string_view text, const std::vector<Word>& words, size_t g);
// The word after word `end - 1` is lower case and separated by a space.
bool FollowedByLowerWord(std::string_view text, const std::vector<Word>& words, size_t end);
// A page about one person: "Profile – X Y | Site", "Member · X Y".
bool PersonPageBefore(std::string_view text, const std::vector<Word>& words, size_t g);
// The name is followed by its e-mail address: "X Y (x.y@example.com)" or "X Y <x@y>".
bool FollowedByEmail(std::string_view text, size_t end);
// "X Y's dashboard": word `k` is possessive and followed by a personal noun.
bool PossessiveBeforeLowerWord(std::string_view text, const std::vector<Word>& words, size_t k);

}  // namespace metagate::classify::text
