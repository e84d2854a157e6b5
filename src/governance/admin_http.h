// Internal: HTTP pieces of the admin API: JSON error bodies, the X-Request-ID echo, the bearer
// token of a request, query strings and the instants `since`/`until` take.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "metagate/common/status.h"
#include "metagate/net/http_server.h"

namespace metagate::governance {

// Fills `resp` with `status` and {"error":{"status":N,"message":"..."}}.
void FailJson(net::HttpResponse& resp, int status, std::string_view message);

// Copies a well-formed X-Request-ID (at most 256 visible ASCII characters) to the response.
void EchoRequestId(const net::HttpRequest& req, net::HttpResponse& resp);

// The token of `Authorization: Bearer <token>` (scheme case-insensitive); nullopt when the
// header is absent or malformed (another scheme, an empty token, spaces or controls in it).
std::optional<std::string_view> BearerToken(const net::HttpRequest& req);

// The SHA-256 of `s`, as 32 raw bytes.
std::string Sha256Bytes(std::string_view s);

// The query of a request target ("a=1&b=x%20y"), decoded ("+" stays "+"). Invalid when an escape
// is malformed or a name repeats; names outside `allowed` are rejected with the allowed list.
Result<std::map<std::string, std::string>> ParseQuery(
    std::string_view target, std::initializer_list<std::string_view> allowed);

// "YYYY-MM-DD" (midnight UTC) or "YYYY-MM-DDTHH:MM[:SS[.fff]](Z|+HH:MM|-HH:MM)" as Unix
// milliseconds. The error names `what` and the accepted forms.
Result<int64_t> ParseInstantMs(std::string_view text, std::string_view what);

}  // namespace metagate::governance
