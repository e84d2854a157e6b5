// Family-name endings that mark a word as a surname on their own (Гарипова, Papadakis,
// Wiśniewska, Jovanović), used when neither part of a name is in the tables.
#pragma once

#include <string_view>

namespace metagate::classify::text {

// True for a capitalised word of at least six letters ending in a typical family-name suffix
// (Slavic -ov/-ova/-ev/-eva/-enko/-ski/-ska/-vić/-wicz, Greek -poulos/-akis/-idis/-ou,
// Romanian -escu, Turkish -oğlu, Nordic -sson/-dóttir, Armenian -yan), in Latin, Cyrillic or
// Greek script.
bool HasSurnameSuffix(std::string_view word);

}  // namespace metagate::classify::text
