// Code-point classes used by the free-text name and address finders.
#pragma once

#include <cstdint>

namespace metagate::classify::text {

uint32_t ToLowerCp(uint32_t cp);  // Latin, Greek, Cyrillic simple lower-casing
bool IsLetterCp(uint32_t cp);     // letters of cased scripts, plus combining marks
bool IsUpperCp(uint32_t cp);
// Letters of scripts without case (Arabic, Hebrew, Devanagari, Bengali, Tamil, Thai): every word
// in them counts as capitalised.
bool IsUncasedLetterCp(uint32_t cp);
bool IsHanCp(uint32_t cp);
bool IsHangulCp(uint32_t cp);
bool IsKanaCp(uint32_t cp);
inline bool IsCjkCp(uint32_t cp) { return IsHanCp(cp) || IsHangulCp(cp) || IsKanaCp(cp); }

}  // namespace metagate::classify::text
