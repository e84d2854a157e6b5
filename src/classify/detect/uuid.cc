#include "detect/uuid.h"

#include "detect/chars.h"

namespace metagate::classify::detect {

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash_pos = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash_pos ? s[i] != '-' : !IsHex(s[i])) return false;
  }
  return true;
}

}  // namespace metagate::classify::detect
