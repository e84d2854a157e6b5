// Small UTF-8 helpers for the Cedar parser: validation, decoding and encoding code points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace metagate::cedar::internal {

// Returns the byte offset of the first ill-formed UTF-8 sequence in `s`, or `s.size()` when
// the whole text is well-formed (no overlong forms, surrogates or values above U+10FFFF).
size_t FindInvalidUtf8(std::string_view s);

// Decodes the code point starting at `s[*i]` and advances `*i` past it.
// REQUIRES: `s` is well-formed UTF-8 and `*i < s.size()`.
uint32_t DecodeUtf8(std::string_view s, size_t* i);

// Appends the UTF-8 encoding of `cp` (a Unicode scalar value) to `out`.
void AppendUtf8(std::string& out, uint32_t cp);

// Returns the byte length (1-3) of a Unicode White_Space character starting at `s[i]`, or 0.
size_t WhitespaceLength(std::string_view s, size_t i);

}  // namespace metagate::cedar::internal
