#include "text/script.h"

namespace metagate::classify::text {

uint32_t ToLowerCp(uint32_t cp) {
  if (cp >= 'A' && cp <= 'Z') return cp + 32;
  if (cp < 0xC0) return cp;
  if (cp <= 0xDE) return cp == 0xD7 ? cp : cp + 32;
  if (cp >= 0x100 && cp <= 0x17F) {
    if (cp == 0x130) return 'i';
    if (cp == 0x178) return 0xFF;
    bool shifted = (cp >= 0x139 && cp <= 0x148) || (cp >= 0x179 && cp <= 0x17E);
    if (shifted) return (cp % 2 == 1) ? cp + 1 : cp;
    if (cp == 0x138 || cp == 0x149 || cp == 0x17F) return cp;
    return (cp % 2 == 0) ? cp + 1 : cp;
  }
  if (cp == 0x1A0 || cp == 0x1AF) return cp + 1;  // Ơ Ư
  if (cp >= 0x391 && cp <= 0x3AB && cp != 0x3A2) return cp + 32;
  if (cp >= 0x410 && cp <= 0x42F) return cp + 32;
  if (cp >= 0x400 && cp <= 0x40F) return cp + 80;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return (cp % 2 == 0) ? cp + 1 : cp;
  return cp;
}

bool IsLetterCp(uint32_t cp) {
  if ((cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z')) return true;
  if (cp >= 0xC0 && cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;
  if (cp >= 0x300 && cp <= 0x36F) return true;  // combining marks
  if (cp >= 0x370 && cp <= 0x3FF) return cp != 0x37E && cp != 0x387;
  if (cp >= 0x400 && cp <= 0x52F) return true;
  if (cp >= 0x1E00 && cp <= 0x1EFF) return true;
  return IsUncasedLetterCp(cp);
}

bool IsUncasedLetterCp(uint32_t cp) {
  if (cp >= 0x620 && cp <= 0x6D3) return !(cp >= 0x660 && cp <= 0x66D);  // Arabic, Persian
  if (cp >= 0x5D0 && cp <= 0x5EA) return true;                           // Hebrew
  if (cp >= 0x900 && cp <= 0x963) return true;                           // Devanagari
  if (cp >= 0x980 && cp <= 0x9E3) return true;                           // Bengali
  if (cp >= 0xB80 && cp <= 0xBE5) return true;                           // Tamil
  return cp >= 0xE01 && cp <= 0xE4E && cp != 0xE3F;                      // Thai
}

bool IsUpperCp(uint32_t cp) { return IsLetterCp(cp) && ToLowerCp(cp) != cp; }

bool IsHanCp(uint32_t cp) {
  return (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0x3400 && cp <= 0x4DBF) ||
         (cp >= 0xF900 && cp <= 0xFAFF);
}

bool IsHangulCp(uint32_t cp) { return cp >= 0xAC00 && cp <= 0xD7A3; }

bool IsKanaCp(uint32_t cp) { return cp >= 0x3041 && cp <= 0x30FF && cp != 0x30FB; }

}  // namespace metagate::classify::text
