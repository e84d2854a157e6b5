// First-level subdivisions (states, provinces, territories, regions, prefectures) from built-in
// tables written after ISO 3166-2: US, CA, AU, MX, BR, IN, DE, ES, IT and JP. Thread-safe.
#pragma once

#include <string_view>

namespace metagate::classify::text {

// Upper-case subdivision code as written in postal addresses (CA, QC, NSW, SP, KA, NLE, CDMX).
bool IsSubdivisionCode(std::string_view s);

// Subdivision name in its usual spelling (California, Québec, Nuevo León, Karnataka, Bayern,
// Kanagawa, 神奈川県); Japanese romaji also with a -ken/-fu/-to suffix (Kanagawa-ken).
bool IsSubdivisionName(std::string_view s);

}  // namespace metagate::classify::text
