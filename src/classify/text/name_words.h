// Word splitting and small word lists shared by the person-name finder.
#pragma once

#include <cstddef>
#include <string_view>
#include <vector>

namespace metagate::classify::text {

// A run of letters (apostrophes and hyphens allowed between letters) inside a text.
struct Word {
  size_t begin = 0, end = 0;  // byte offsets
  std::string_view text;
  bool capitalized = false;  // first letter is upper case
  bool all_caps = false;     // every letter is upper case
  bool blocked = false;      // part of an e-mail, URL, path or identifier
};

std::vector<Word> SplitWords(std::string_view text);

// End offset of `w` without a trailing possessive "'s".
size_t TrimPossessive(const Word& w);

bool IsParticle(std::string_view word);    // van, de, da, von, bin, al, …
bool IsNotSurname(std::string_view word);  // street types, company suffixes, months, UI words
bool IsCueWord(std::string_view word);     // for, to, holder, customer, Dear, Hi, …
// Cues that announce a person on their own: holder, customer, Dear, Mr, patient, …
bool IsStrongCueWord(std::string_view word);
bool IsPlacePrefix(std::string_view word);  // San, Santa, Saint, Port, New, …
bool IsAsianSurname(std::string_view word);
// Everyday nouns that turn an ambiguous given name into a phrase (Rose Gold, Summer Sale).
bool IsCommonNoun(std::string_view word);  // Wang, Nguyen, Kim, Tanaka, … (romanised)

}  // namespace metagate::classify::text
