// `like` matching: greedy with a single backtrack point (the last `*`), which is correct for
// glob patterns and never exponential.
#include "eval/like.h"

#include <cstdint>
#include <vector>

namespace metagate::cedar {
namespace {

// Decodes UTF-8 leniently (an invalid byte becomes its own code point).
std::vector<uint32_t> DecodeUtf8(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    int len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
    if (len <= 1 || i + len > s.size()) {
      out.push_back(c);
      ++i;
      continue;
    }
    uint32_t cp = c & (0x7f >> len);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3f);
    out.push_back(cp);
    i += len;
  }
  return out;
}

}  // namespace

bool MatchLike(const Pattern& pattern, std::string_view text) {
  const std::vector<uint32_t> t = DecodeUtf8(text);
  const auto& p = pattern.elems;
  size_t ti = 0, pi = 0;
  size_t star = SIZE_MAX, star_t = 0;
  while (ti < t.size()) {
    if (pi < p.size() && p[pi].wildcard) {
      star = pi++;
      star_t = ti;
    } else if (pi < p.size() && p[pi].ch == t[ti]) {
      ++pi;
      ++ti;
    } else if (star != SIZE_MAX) {
      pi = star + 1;
      ti = ++star_t;
    } else {
      return false;
    }
  }
  while (pi < p.size() && p[pi].wildcard) ++pi;
  return pi == p.size();
}

}  // namespace metagate::cedar
