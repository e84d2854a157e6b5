// `like` matching: greedy with a single backtrack point (the last `*`), which is correct for
// glob patterns and never exponential.
#include "eval/like.h"

#include <cstdint>
#include <vector>

#include "metagate/common/utf8.h"

namespace metagate::cedar {
namespace {

// Decodes UTF-8 leniently (an invalid byte becomes its own code point).
std::vector<uint32_t> DecodeAll(std::string_view s) {
  std::vector<uint32_t> out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) out.push_back(utf8::Decode(s, &i));
  return out;
}

}  // namespace

bool MatchLike(const Pattern& pattern, std::string_view text) {
  const std::vector<uint32_t> t = DecodeAll(text);
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
