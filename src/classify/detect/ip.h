// IP address parsing (IPv4 dotted quad, IPv6 text forms of RFC 4291) and address scope.
#pragma once

#include <optional>
#include <string_view>

namespace metagate::classify::detect {

enum class IpScope { kPublic, kPrivate, kLoopback, kLinkLocal, kOther };

// Parses `s` as a whole IPv4 (four decimal octets <= 255, no leading zeros) or IPv6 address
// (full, `::`-compressed, or with a trailing dotted IPv4; no zone, no brackets) and returns its
// scope, or nullopt if `s` is not an address. IPv4-mapped IPv6 addresses get the IPv4 scope.
std::optional<IpScope> ParseIp(std::string_view s);

inline bool IsIp(std::string_view s) { return ParseIp(s).has_value(); }

}  // namespace metagate::classify::detect
