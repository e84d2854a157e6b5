// Raw data for the city table: '|'-separated lower-case city names.
#pragma once

#include <string_view>

namespace metagate::classify::text {

// World cities with native spellings (city_table_world.cc), beyond the core list in places.cc.
extern const std::string_view kCitiesWorld;

}  // namespace metagate::classify::text
