#include "detect/national_id.h"

#include "detect/chars.h"

namespace metagate::classify::detect {

bool IsUsSsn(std::string_view s) {
  if (s.size() != 11) return false;
  const char sep = s[3];
  if ((sep != '-' && sep != ' ') || s[6] != sep) return false;
  for (size_t i : {0, 1, 2, 4, 5, 7, 8, 9, 10}) {
    if (!IsDigit(s[i])) return false;
  }
  std::string_view area = s.substr(0, 3);
  if (area == "000" || area == "666" || area[0] == '9') return false;
  return s.substr(4, 2) != "00" && s.substr(7, 4) != "0000";
}

}  // namespace metagate::classify::detect
