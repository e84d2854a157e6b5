// Internal: HMAC-SHA256 whose key-dependent work (the padded key's inner and outer SHA-256
// states) is done once per key and thread, so one tag of a message of up to 55 bytes costs
// exactly two SHA-256 compressions (longer ones go through SHA256_Update/Final).
#pragma once

#include <array>
#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace metagate::transform::internal {

using Sha256Tag = std::array<uint8_t, 32>;

// Returns HMAC-SHA256(key, parts[0] + parts[1] + ...). The calling thread keeps the states of
// the last key it saw (cleansed when replaced and at thread exit). Aborts only if OpenSSL itself
// fails.
Sha256Tag HmacSha256(std::string_view key, std::initializer_list<std::string_view> parts);
inline Sha256Tag HmacSha256(std::string_view key, std::string_view message) {
  return HmacSha256(key, {message});
}

}  // namespace metagate::transform::internal
