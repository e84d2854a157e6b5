#include "detect/ip.h"

#include <array>
#include <cstdint>

#include "metagate/common/ip_address.h"

namespace metagate::classify::detect {
namespace {

using ip::V4;
using ip::V6;

IpScope ScopeV4(const V4& a) {
  if (a[0] == 10 || (a[0] == 172 && (a[1] & 0xf0) == 16) || (a[0] == 192 && a[1] == 168)) {
    return IpScope::kPrivate;
  }
  if (a[0] == 127) return IpScope::kLoopback;
  if (a[0] == 169 && a[1] == 254) return IpScope::kLinkLocal;
  if (a[0] == 0 || a[0] >= 224 || (a[0] == 100 && (a[1] & 0xc0) == 64) ||
      (a[0] == 192 && a[1] == 0 && (a[2] == 0 || a[2] == 2)) ||
      (a[0] == 198 && (a[1] == 18 || a[1] == 19)) || (a[0] == 198 && a[1] == 51 && a[2] == 100) ||
      (a[0] == 203 && a[1] == 0 && a[2] == 113)) {
    return IpScope::kOther;  // this-network, CGNAT, documentation, benchmarking, multicast,
                             // reserved
  }
  return IpScope::kPublic;
}

IpScope ScopeV6(const V6& a) {
  if (ip::IsV4Mapped(a)) return ScopeV4({a[12], a[13], a[14], a[15]});
  bool zero10 = true;
  for (int i = 0; i < 10; ++i) zero10 = zero10 && a[i] == 0;
  bool zero15 = zero10 && a[10] == 0 && a[11] == 0 && a[12] == 0 && a[13] == 0 && a[14] == 0;
  if (zero15 && a[15] == 1) return IpScope::kLoopback;
  if (zero15 && a[15] == 0) return IpScope::kOther;  // unspecified
  // 64:ff9b::/96 NAT64 embeds an IPv4 address.
  if (a[0] == 0 && a[1] == 0x64 && a[2] == 0xff && a[3] == 0x9b) {
    bool zero = true;
    for (int i = 4; i < 12; ++i) zero = zero && a[i] == 0;
    if (zero) return ScopeV4({a[12], a[13], a[14], a[15]});
  }
  if (a[0] == 0xfe && (a[1] & 0xc0) == 0x80) return IpScope::kLinkLocal;
  if ((a[0] & 0xfe) == 0xfc) return IpScope::kPrivate;
  if (a[0] == 0x20 && a[1] == 0x01 && a[2] == 0x0d && a[3] == 0xb8) return IpScope::kOther;
  if ((a[0] & 0xe0) == 0x20) return IpScope::kPublic;  // 2000::/3 global unicast
  return IpScope::kOther;
}

}  // namespace

std::optional<IpScope> ParseIp(std::string_view s) {
  if (s.size() < 2 || s.size() > 45) return std::nullopt;
  if (s.find(':') == std::string_view::npos) {
    V4 v4;
    if (!ip::ParseV4(s, v4)) return std::nullopt;
    return ScopeV4(v4);
  }
  V6 v6;
  if (!ip::ParseV6(s, v6)) return std::nullopt;
  return ScopeV6(v6);
}

}  // namespace metagate::classify::detect
