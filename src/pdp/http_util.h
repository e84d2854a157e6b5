// Internal: small pieces the PDP's HTTP endpoints share: JSON error bodies, the HTTP status of a
// Status, bearer-token checks in constant time, the X-Request-ID echo.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "metagate/common/digest.h"
#include "metagate/common/hex.h"
#include "metagate/common/status.h"
#include "metagate/net/http_server.h"

namespace metagate::pdp {

using metagate::Sha256;  // common/digest.h

// Whether `req` carries `Authorization: Bearer T` with SHA-256(T) == `sha256` (constant time).
bool BearerMatches(const net::HttpRequest& req, const std::string& sha256);

// Fills `resp` with status and an AuthZEN-style error body.
void Fail(net::HttpResponse& resp, int status, std::string_view message);
// The HTTP status for a Status code: 400, 404, 409, 503 or 500.
int HttpStatusOf(const Status& s);

// Whether the request's Content-Type is JSON (absent counts as JSON).
bool IsJsonContent(const net::HttpRequest& req);

// Copies a well-formed X-Request-ID (at most 256 visible ASCII characters) to the response.
void EchoRequestId(const net::HttpRequest& req, net::HttpResponse& resp);

using metagate::PercentDecode;  // common/hex.h

// The path of a request target, without the query.
std::string_view PathOf(std::string_view target);

}  // namespace metagate::pdp
