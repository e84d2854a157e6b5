#include "metagate/common/ip_address.h"

#include "metagate/common/hex.h"

namespace metagate::ip {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

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

// Parses colon-separated hex groups (and an optional trailing IPv4) into 16-bit words.
// Returns the number of words written, or -1.
namespace {

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
    if (group.empty() || group.size() > 4 || n >= max_words) return -1;
    uint16_t w = 0;
    for (char c : group) {
      int h = HexDigitValue(c);
      if (h < 0) return -1;
      w = static_cast<uint16_t>(w << 4 | h);
    }
    words[n++] = w;
    if (colon == std::string_view::npos) return n;
    s.remove_prefix(colon + 1);
  }
}

}  // namespace

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

bool IsV4Mapped(const V6& a) {
  for (int i = 0; i < 10; ++i) {
    if (a[i] != 0) return false;
  }
  return a[10] == 0xff && a[11] == 0xff;
}

}  // namespace metagate::ip
