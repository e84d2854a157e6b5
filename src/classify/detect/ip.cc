#include "detect/ip.h"

#include <array>
#include <cstdint>

#include "detect/chars.h"

namespace metagate::classify::detect {
namespace {

using V4 = std::array<uint8_t, 4>;
using V6 = std::array<uint8_t, 16>;

bool ParseV4(std::string_view s, V4& out) {
  size_t part = 0;
  size_t i = 0;
  while (part < 4) {
    size_t start = i;
    unsigned value = 0;
    while (i < s.size() && IsDigit(s[i]) && i - start < 3) value = value * 10 + (s[i++] - '0');
    size_t len = i - start;
    if (len == 0 || value > 255 || (len > 1 && s[start] == '0')) return false;
    out[part++] = static_cast<uint8_t>(value);
    if (part < 4) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
  }
  return i == s.size();
}

int HexValue(char c) {
  if (IsDigit(c)) return c - '0';
  return ToLower(c) - 'a' + 10;
}

// Parses colon-separated hex groups (and an optional trailing IPv4) into 16-bit words.
// Returns the number of words written, or -1.
int ParseGroups(std::string_view s, bool allow_v4, uint16_t* words, int max_words) {
  if (s.empty()) return 0;
  int n = 0;
  while (true) {
    size_t colon = s.find(':');
    std::string_view group = s.substr(0, colon);
    if (colon == std::string_view::npos && allow_v4 && group.find('.') != std::string_view::npos) {
      V4 v4;
      if (n + 2 > max_words || !ParseV4(group, v4)) return -1;
      words[n++] = static_cast<uint16_t>(v4[0] << 8 | v4[1]);
      words[n++] = static_cast<uint16_t>(v4[2] << 8 | v4[3]);
      return n;
    }
    if (group.empty() || group.size() > 4 || !AllOf(group, IsHex) || n >= max_words) return -1;
    uint16_t w = 0;
    for (char c : group) w = static_cast<uint16_t>(w << 4 | HexValue(c));
    words[n++] = w;
    if (colon == std::string_view::npos) return n;
    s.remove_prefix(colon + 1);
  }
}

bool ParseV6(std::string_view s, V6& out) {
  uint16_t head[8] = {};
  uint16_t tail[8] = {};
  int nh = 0;
  int nt = 0;
  size_t dc = s.find("::");
  if (dc == std::string_view::npos) {
    nh = ParseGroups(s, true, head, 8);
    if (nh != 8) return false;
  } else {
    if (s.find("::", dc + 1) != std::string_view::npos) return false;
    std::string_view left = s.substr(0, dc);
    std::string_view right = s.substr(dc + 2);
    nh = ParseGroups(left, false, head, 7);
    if (nh < 0) return false;
    nt = ParseGroups(right, true, tail, 7 - nh);
    if (nt < 0 || nh + nt > 7) return false;
  }
  uint16_t words[8] = {};
  for (int i = 0; i < nh; ++i) words[i] = head[i];
  for (int i = 0; i < nt; ++i) words[8 - nt + i] = tail[i];
  for (int i = 0; i < 8; ++i) {
    out[2 * i] = static_cast<uint8_t>(words[i] >> 8);
    out[2 * i + 1] = static_cast<uint8_t>(words[i] & 0xff);
  }
  return true;
}

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
  bool zero10 = true;
  for (int i = 0; i < 10; ++i) zero10 = zero10 && a[i] == 0;
  if (zero10 && a[10] == 0xff && a[11] == 0xff) return ScopeV4({a[12], a[13], a[14], a[15]});
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
    if (!ParseV4(s, v4)) return std::nullopt;
    return ScopeV4(v4);
  }
  V6 v6;
  if (!ParseV6(s, v6)) return std::nullopt;
  return ScopeV6(v6);
}

}  // namespace metagate::classify::detect
