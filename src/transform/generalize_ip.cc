// IP addresses → network prefix (IPv4 /24, IPv6 /48).
#include <arpa/inet.h>

#include <array>
#include <cstdint>
#include <cstdio>

#include "metagate/transform/generalize.h"
#include "text_util.h"

namespace metagate::transform {
namespace {

using internal::IsDigit;

// Strict dotted quad: four decimal octets, no leading zeros, no sign, no whitespace.
bool ParseIpv4(std::string_view s, std::array<uint8_t, 4>& out) {
  size_t i = 0;
  for (int part = 0; part < 4; ++part) {
    if (part > 0) {
      if (i >= s.size() || s[i] != '.') return false;
      ++i;
    }
    size_t start = i;
    unsigned v = 0;
    while (i < s.size() && IsDigit(s[i]) && i - start < 3) v = v * 10 + (s[i++] - '0');
    size_t len = i - start;
    if (len == 0 || v > 255 || (len > 1 && s[start] == '0')) return false;
    if (i < s.size() && IsDigit(s[i])) return false;
    out[part] = static_cast<uint8_t>(v);
  }
  return i == s.size();
}

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
  std::array<uint8_t, 4> v4;
  if (ParseIpv4(s, v4)) return FormatIpv4Net24(v4.data());
  if (s.find(':') == std::string_view::npos || s.size() > 45) {
    return Status::Invalid("ip: not an IPv4 or IPv6 address");
  }
  std::string text(s);  // inet_pton needs a NUL-terminated string
  unsigned char b[16];
  if (inet_pton(AF_INET6, text.c_str(), b) != 1) {
    return Status::Invalid("ip: not an IPv4 or IPv6 address");
  }
  bool mapped = b[10] == 0xff && b[11] == 0xff;
  for (int i = 0; i < 10 && mapped; ++i) mapped = b[i] == 0;
  if (mapped) return FormatIpv4Net24(b + 12);
  std::array<uint16_t, 8> groups{};
  for (int i = 0; i < 3; ++i) groups[i] = static_cast<uint16_t>((b[2 * i] << 8) | b[2 * i + 1]);
  return FormatIpv6(groups);
}

}  // namespace metagate::transform
