// Internal: HMAC-SHA256 through OpenSSL.
#pragma once

#include <array>
#include <cstdint>
#include <string_view>

namespace metagate::transform::internal {

using Sha256Tag = std::array<uint8_t, 32>;

// Returns HMAC-SHA256(key, message). Aborts only if OpenSSL itself fails (out of memory).
Sha256Tag HmacSha256(std::string_view key, std::string_view message);

}  // namespace metagate::transform::internal
