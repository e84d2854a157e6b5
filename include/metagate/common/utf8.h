// UTF-8 helpers shared by every text reader (JSON, Cedar policies and schemas): validation,
// decoding and encoding of code points. Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace metagate::utf8 {

// Returns the byte offset of the first ill-formed UTF-8 sequence in `s`, or `s.size()` when the
// whole text is well-formed (no overlong forms, surrogates or values above U+10FFFF).
size_t FindInvalid(std::string_view s);

// Decodes the code point starting at `s[*i]` and advances `*i` past it. Lenient: a byte that
// does not start a complete sequence decodes as itself and advances by one.
// REQUIRES: `*i < s.size()`.
uint32_t Decode(std::string_view s, size_t* i);

// Appends the UTF-8 encoding of `cp` (a Unicode scalar value) to `out`.
void Append(std::string& out, uint32_t cp);

// Returns the byte offset where code point number `cp` (0-based) starts in `s`, or `s.size()`
// when `s` has no more code points. Counts every byte that is not a continuation byte.
size_t ByteOffsetOfCodePoint(std::string_view s, size_t cp);

}  // namespace metagate::utf8
