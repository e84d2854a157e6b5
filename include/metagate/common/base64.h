// Base64 (RFC 4648): encoding with the standard alphabet and padding, and a lenient decoder
// that takes the standard or the URL-safe alphabet, with or without padding. Stateless.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace metagate::base64 {

std::string Encode(std::string_view bytes);
// Nullopt when `text` holds a character of neither alphabet (line breaks are skipped).
std::optional<std::string> Decode(std::string_view text);

}  // namespace metagate::base64
