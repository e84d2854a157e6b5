// SHA-256 and HMAC-SHA256 (OpenSSL), raw and as lowercase hex: credential digests, the decision
// log's chain and checkpoints, policy digests.
#pragma once

#include <string>
#include <string_view>

namespace metagate {

std::string Sha256(std::string_view data);     // 32 raw bytes
std::string Sha256Hex(std::string_view data);  // 64 lowercase hex digits
std::string HmacSha256Hex(std::string_view key, std::string_view message);
// Lowercase hex of raw bytes.
std::string ToHex(std::string_view bytes);

}  // namespace metagate
