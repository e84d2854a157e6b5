// IP address text to bytes: IPv4 dotted quads and every IPv6 text form of RFC 4291. Shared by
// the classifier's detector (which adds the address scope) and the generalizing transform.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace metagate::ip {

using V4 = std::array<uint8_t, 4>;
using V6 = std::array<uint8_t, 16>;

// Four decimal octets <= 255, no leading zeros, nothing else.
bool ParseV4(std::string_view s, V4& out);

// Full, `::`-compressed, or with a trailing dotted IPv4; no zone, no brackets.
bool ParseV6(std::string_view s, V6& out);

// True when `a` is an IPv4-mapped address (::ffff:a.b.c.d).
bool IsV4Mapped(const V6& a);

}  // namespace metagate::ip
