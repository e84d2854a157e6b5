// Built-in gazetteer of common given (first) names across many cultures and scripts.
// Lookup is case-insensitive (Latin, Greek, Cyrillic) and also accepts an ASCII-folded
// spelling of accented names (Jurgen for Jürgen, Lukasz for Łukasz). Allocation-free after the
// tables are built on first use; thread-safe.
#pragma once

#include <string_view>

namespace metagate::classify::text {

enum class GivenNameKind {
  kNone,       // not a known given name
  kName,       // a given name that is rarely anything else
  kAmbiguous,  // a given name that is also a common word or place (May, Will, Grace, Austin)
};

// Classifies one token (no spaces). A hyphenated token (Jean-Luc, Min-jun) is looked up whole
// and then by its first part.
GivenNameKind LookupGivenName(std::string_view token);

// Number of distinct entries in the gazetteer (for tests).
size_t GivenNameCount();

// Lower-cases `token` (Latin, Greek, Cyrillic) into `buf` and returns the written view; returns
// an empty view when the result does not fit.
std::string_view LowerInto(std::string_view token, char* buf, size_t cap);

// ASCII-folds the lower-case Latin letters of `lower` (é→e, ß→ss, ł→l, ø→o, æ→ae) into `buf`;
// other code points are copied. Returns an empty view when the result does not fit.
std::string_view FoldInto(std::string_view lower, char* buf, size_t cap);

}  // namespace metagate::classify::text
