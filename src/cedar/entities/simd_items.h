// A fast first pass over an entity list: parses the text with simdjson (a compact tape instead
// of one heap node per value) and hands each array element over as a small json::Value.
#pragma once

#include <cstddef>
#include <functional>
#include <string_view>

#include "metagate/common/json.h"

namespace metagate::cedar::entities_internal {

// Parses `text` and calls `visit` with each element of its top-level array, converted to a
// json::Value without source locations (members in source order, duplicates kept). Returns false,
// without a message, when the caller must use metagate::json::Parse instead: the text is not
// JSON that simdjson accepts, is not an array, nests deeply, starts with a byte order mark, holds
// a number that is not an int64, or `visit` returned false. The array is parsed in slices of
// about `chunk_bytes` (whole elements), so simdjson's memory stays a few times `chunk_bytes`;
// none of it is kept after returning.
bool ForEachArrayItem(std::string_view text, const std::function<bool(const json::Value&)>& visit,
                      size_t chunk_bytes = size_t{4} << 20);

}  // namespace metagate::cedar::entities_internal
