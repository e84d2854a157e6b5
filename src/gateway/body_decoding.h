// Body decoding for the gateway's ingest endpoints: turning the bytes of a request into the
// JSON body of the vendor's wire format. Content-Encoding (gzip, deflate) is undone first, with
// the inflated size capped; then a form-encoded Mixpanel post yields its `data` field. Stateless
// functions, safe to call from any thread. Error messages never hold a byte of the body.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "metagate/common/status.h"

namespace metagate::gateway {

// Returns an application/x-www-form-urlencoded value decoded ('+' is a space, %XX a byte), or
// nullopt when a '%' is not followed by two hex digits.
std::optional<std::string> UrlDecode(std::string_view in);

// Returns the JSON held by the `data` field of a form-encoded Mixpanel post: the value itself
// when it starts with '[' or '{' (after blanks), else its base64 decoding. Invalid when the
// form has no `data` field or its value is badly URL-encoded or neither JSON nor base64. The
// first `data` field wins.
Result<std::string> MixpanelFormData(std::string_view body);

enum class ContentEncoding {
  kIdentity,  // no Content-Encoding, or `identity`
  kGzip,      // `gzip` or `x-gzip` (RFC 1952; concatenated members are accepted, as gzip -d does)
  kDeflate,   // `deflate`: a zlib stream (RFC 1950), as HTTP defines it; raw deflate is refused
};

// Returns the encoding a Content-Encoding header names (case-insensitive, blanks ignored), or
// nullopt (the gateway answers 415) for any other coding or for a list of codings.
std::optional<ContentEncoding> ParseContentEncoding(std::string_view header);

// What DecodeContent did, for tests and fuzzers: input bytes it read, output bytes it produced.
struct InflateStats {
  size_t bytes_in = 0;
  size_t bytes_out = 0;
};

// Returns `body` decoded from `encoding` (identity: a copy), at most `max_bytes` long. Inflating
// writes the output in chunks into a buffer never larger than `max_bytes` + 1, so a small body
// that inflates hugely costs at most the cap. On an error, `*http_status` (when not null) is the
// status to answer: 413 as soon as the output would exceed `max_bytes`; 400 for a corrupt or
// truncated stream, or for bytes after a zlib stream (after a gzip member they must be another
// gzip member). An empty body decodes to an empty body in any encoding. `stats`, when not null,
// is filled in whatever the outcome.
Result<std::string> DecodeContent(std::string_view body, ContentEncoding encoding, size_t max_bytes,
                                  int* http_status = nullptr, InflateStats* stats = nullptr);

}  // namespace metagate::gateway
