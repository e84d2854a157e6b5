// Base64 (RFC 4648): encoding with the standard alphabet and padding, and a lenient decoder
// that takes the standard or the URL-safe alphabet, with or without padding; plus the strict
// unpadded base64url form that JOSE (JWS, JWT) uses. Stateless.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace metagate::base64 {

std::string Encode(std::string_view bytes);
// Nullopt when `text` holds a character of neither alphabet (line breaks are skipped).
std::optional<std::string> Decode(std::string_view text);

// Returns `bytes` in the URL-safe alphabet without padding (RFC 7515 "base64url").
std::string EncodeUrl(std::string_view bytes);
// Strict base64url: URL-safe alphabet only, no padding, no line breaks, and the unused low bits of
// the last character must be zero, so each byte string has exactly one accepted text. Nullopt
// otherwise (also for a length that leaves a single character over: 4n + 1).
std::optional<std::string> DecodeUrl(std::string_view text);

}  // namespace metagate::base64
