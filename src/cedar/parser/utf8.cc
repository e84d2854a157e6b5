#include "parser/utf8.h"

namespace metagate::cedar::internal {

size_t WhitespaceLength(std::string_view s, size_t i) {
  const auto b0 = static_cast<uint8_t>(s[i]);
  if (b0 == ' ' || (b0 >= 0x09 && b0 <= 0x0D)) return 1;
  if (b0 < 0xC2 || i + 1 >= s.size()) return 0;
  const auto b1 = static_cast<uint8_t>(s[i + 1]);
  if (b0 == 0xC2) return (b1 == 0x85 || b1 == 0xA0) ? 2 : 0;  // U+0085, U+00A0
  if (i + 2 >= s.size()) return 0;
  const auto b2 = static_cast<uint8_t>(s[i + 2]);
  if (b0 == 0xE1) return (b1 == 0x9A && b2 == 0x80) ? 3 : 0;  // U+1680
  if (b0 == 0xE3) return (b1 == 0x80 && b2 == 0x80) ? 3 : 0;  // U+3000
  if (b0 != 0xE2) return 0;
  if (b1 == 0x80) {
    // U+2000..U+200A, U+2028, U+2029, U+202F
    if ((b2 >= 0x80 && b2 <= 0x8A) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF) return 3;
    return 0;
  }
  if (b1 == 0x81 && b2 == 0x9F) return 3;  // U+205F
  return 0;
}

}  // namespace metagate::cedar::internal
