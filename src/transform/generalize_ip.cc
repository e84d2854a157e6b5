// IP addresses → network prefix (IPv4 /24, IPv6 /48).
#include <array>
#include <cstdint>
#include <cstdio>

#include "metagate/common/ip_address.h"
#include "metagate/transform/generalize.h"
#include "text_util.h"

namespace metagate::transform {
namespace {

std::string FormatIpv4Net24(const uint8_t* b) {
  char buf[24];
  std::snprintf(buf, sizeof buf, "%u.%u.%u.0", b[0], b[1], b[2]);
  return buf;
}

// RFC 5952 §4: lowercase hex, no leading zeros, the longest run (≥ 2) of zero groups as "::",
// the first such run on a tie.
std::string FormatIpv6(const std::array<uint16_t, 8>& g) {
  int best_start = -1, best_len = 0;
  for (int i = 0; i < 8;) {
    if (g[i] != 0) {
      ++i;
      continue;
    }
    int j = i;
    while (j < 8 && g[j] == 0) ++j;
    if (j - i > best_len) {
      best_start = i;
      best_len = j - i;
    }
    i = j;
  }
  if (best_len < 2) best_start = -1;
  std::string out;
  char buf[8];
  for (int i = 0; i < 8; ++i) {
    if (i == best_start) {
      out += "::";
      i += best_len - 1;
      continue;
    }
    if (!out.empty() && out.back() != ':') out.push_back(':');
    std::snprintf(buf, sizeof buf, "%x", g[i]);
    out += buf;
  }
  return out;
}

}  // namespace

Result<std::string> GeneralizeIp(std::string_view value) {
  std::string_view s = internal::Trim(value);
  if (s.empty()) return Status::Invalid("ip: empty value");
  ip::V4 v4;
  if (ip::ParseV4(s, v4)) return FormatIpv4Net24(v4.data());
  ip::V6 b;
  if (s.size() > 45 || !ip::ParseV6(s, b)) {
    return Status::Invalid("ip: not an IPv4 or IPv6 address");
  }
  if (ip::IsV4Mapped(b)) return FormatIpv4Net24(b.data() + 12);
  std::array<uint16_t, 8> groups{};
  for (int i = 0; i < 3; ++i) groups[i] = static_cast<uint16_t>((b[2 * i] << 8) | b[2 * i + 1]);
  return FormatIpv6(groups);
}

}  // namespace metagate::transform
