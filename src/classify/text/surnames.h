// Built-in table of common family names across many cultures (lower case, Latin script), used
// to accept names whose given name is not in the gazetteer (Xolani Dlamini, Keoni Kahale).
#pragma once

#include <string_view>

namespace metagate::classify::text {

// Case-insensitive; accented and ASCII-folded spellings both match (Müller, Muller).
bool IsCommonSurname(std::string_view word);

}  // namespace metagate::classify::text
