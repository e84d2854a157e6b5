// Generalizers: coarsen a personal value so that it still carries analytic signal but identifies
// fewer people. One function per data class; each returns an error for input it cannot read
// (never a guess). Surrounding ASCII whitespace is ignored. Stateless; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "metagate/common/status.h"

namespace metagate::transform {

// IPv4 → its /24 ("a.b.c.0"); IPv6 → its /48 in RFC 5952 text ("2001:db8:85a3::");
// IPv4-mapped IPv6 (::ffff:a.b.c.d) → the IPv4 /24. Zone ids and brackets are rejected.
Result<std::string> GeneralizeIp(std::string_view value);

// A decimal coordinate ("48.8566") → rounded to one decimal ("48.9"); a "lat,lon" pair is
// rounded component-wise. Rejects non-numbers, NaN/inf and |value| > 180.
Result<std::string> GeneralizeCoordinate(std::string_view value);

// Truncates a timestamp to the hour: ISO-8601 "2024-11-29T05:29:34.246Z" → "2024-11-29T05:00:00Z"
// (offsets such as "+02:00" are kept as written); epoch seconds (< 1e11) or milliseconds
// (< 1e14) → the same unit at the hour.
Result<std::string> GeneralizeTimestamp(std::string_view value);

// "Browser Major on OSFamily" ("Chrome 130 on Windows", "Mobile Safari 17 on iOS"), "Name Major"
// for known non-browser clients ("curl 8"), "Other" when unrecognised. Empty → error.
Result<std::string> GeneralizeUserAgent(std::string_view value);

// "scheme://host[:port]/path" without userinfo, query or fragment; id-like path segments (all
// digits, UUIDs, hex ≥ 16, emails, long mixed tokens with digits) become ":id". A path-only
// value ("/users/123/profile") is handled the same way.
Result<std::string> GeneralizeUrl(std::string_view value);

// A referrer → its origin "scheme://host[:port]"; a host-only value ("example.com") stays as is.
Result<std::string> GeneralizeReferrer(std::string_view value);

// Postal code → prefix: US ZIP (12345, 12345-6789) → first 3 digits; UK postcode → outward code
// ("SW1A 1AA" → "SW1A"); others → first 2 characters. When `country` is given ("US", "GB"/"UK",
// anything else) it selects the rule instead of the shape of the code.
Result<std::string> GeneralizePostalCode(std::string_view value,
                                         std::optional<std::string_view> country = std::nullopt);

// City or region → the country it is in, when one is given; else an error.
Result<std::string> GeneralizeLocality(std::string_view value,
                                       std::optional<std::string_view> country);

}  // namespace metagate::transform
