// RequestRecord: one received HTTP request as a JSON line, for `metagate sink` and tests:
// {"seq", "time_ms", "method", "path", "headers": {...}, "body" | "body_base64", "status"}.
// Credential headers (Authorization, Cookie, API-key headers) are recorded as "[redacted]".
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "metagate/net/http_server.h"

namespace metagate::net {

// Whether a header carries a credential and must never be written down.
bool IsSecretHeader(std::string_view name);

// Appends the record (no newline). A body that is not valid UTF-8 is written base64-encoded.
void AppendRequestRecord(const HttpRequest& request, int status, uint64_t seq, int64_t time_ms,
                         std::string& out);

}  // namespace metagate::net
