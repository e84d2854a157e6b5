// Street-type words in many languages, by where they sit relative to the street name.
#pragma once

#include <string_view>

namespace metagate::classify::text {

// Type word after the name: Street, St, Ave, Road, Rd, Drive, Lane, Marg, Straße, Weg, …
bool IsTrailingStreetType(std::string_view word);
// Type word before the name: rue, boulevard, avenue, Avenida, Rua, Calle, Via, Piazza, ul., …
bool IsLeadingStreetType(std::string_view word);
// A single word that is a street name ending in a type: Friedrichstraße, Kastanienallee,
// Keizersgracht, Drottninggatan, Nørrebrogade.
bool IsCompoundStreetName(std::string_view word);
// A separate type word written after the name and before the number in German, Dutch and
// Nordic addresses (Berliner Straße 12, Hoher Weg 3).
bool IsNumberAfterStreetType(std::string_view word);
// A street known without a type word (Broadway).
bool IsTypelessStreet(std::string_view word);
// Compass direction used in street names: N, S, E, W, NE, NW, SE, SW, North, …
bool IsDirection(std::string_view word);

}  // namespace metagate::classify::text
