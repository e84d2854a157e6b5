// Envoy ext_authz (HTTP service mode): configuration and the pure mapping of a check request to a
// Cedar request (principal, action, resource, context). No I/O; MapCheck is safe to call from any
// thread when the config and verifier are not being changed.
//
// What Envoy does, from its ext_authz docs and proto comments (envoy.filters.http.ext_authz with
// `http_service`), in our words:
// - For each client request Envoy sends the authorization server a request with the client's
//   method and the client's path (query included) with `http_service.path_prefix` put in front.
//   The body is not sent (unless with_request_body is set) and Content-Length is 0.
// - The headers sent are Host, Method, Path, Content-Length and Authorization, plus the client
//   headers matched by `authorization_request.allowed_headers`, plus
//   `authorization_request.headers_to_add`. So Authorization reaches us without configuration;
//   anything else (x-user-id, cookie) only when allowed_headers names it.
// - Envoy's HTTP client counts only a 200 answer as allowed; then the answer's headers matched by
//   `authorization_response.allowed_upstream_headers` are added to (or replace) the client
//   request's headers before it goes upstream.
// - Any other answer denies: Envoy sends the client the server's status, body and the headers
//   `allowed_client_headers` matches (403 when Envoy cannot tell). A 5xx answer, a timeout or a
//   failed connection counts as an authorization-server error instead: the request is let through
//   when `failure_mode_allow` is set, else the client gets `status_on_error` (403 by default).
//   So metagate must deny with 401/403/400, never with 5xx, or failure_mode_allow could fail open.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "metagate/common/json.h"
#include "metagate/common/status.h"
#include "metagate/pdp/jwt.h"

namespace metagate::pdp {

// One rule mapping requests to a Cedar action and resource; rules are tried in order.
// Templates: "{name}" is replaced by a capture of path_template or by "{method}" (the request's
// method) or "{route}" (path_template itself, e.g. to use the OpenAPI path as the resource id);
// "{{" and "}}" stand for literal braces.
struct RouteRule {
  std::vector<std::string> methods{};  // exact, case-sensitive ("GET"); empty matches any method
  // "/todos" (exact), "/todos/{todoId}" (a whole segment), "/files/{path*}" (last segment only:
  // one or more segments, joined with '/'). Captures are whole segments, percent-decoded.
  std::string path_template{};
  std::string action = "{method}";
  std::string resource_type{};
  std::string resource_id{};
};

// Where the principal comes from.
struct PrincipalSource {
  std::string type{};             // Cedar entity type of the principal, e.g. "identity"
  bool from_jwt = true;           // a bearer token in the authorization header, verified
  std::string jwt_claim = "sub";  // top-level claim holding the id (a string or an integer)
  std::string header{};           // when !from_jwt: a lowercase header a trusted proxy sets
};

struct ExtAuthzConfig {
  std::string path_prefix = "/ext_authz";  // as in Envoy's http_service.path_prefix
  PrincipalSource principal{};
  std::vector<RouteRule> routes{};
  // Headers to add to a 200; values may use {principal} and {action}.
  std::vector<std::pair<std::string, std::string>> allow_headers{};
  // Request headers (lowercase names) copied into context.headers when present.
  std::vector<std::string> context_headers{};
};

// Returns OK when every template of `config` parses and names only known placeholders, every
// path_template starts with '/' and has a wildcard only as its last segment, and the principal
// source is complete. Messages name the route by index. MapCheck assumes a valid config.
Status ValidateExtAuthzConfig(const ExtAuthzConfig& config);

// The check request Envoy sent, as the HTTP server received it.
struct CheckInput {
  std::string method{};
  std::string path{};  // as received: path_prefix, the client's path and its query
  std::vector<std::pair<std::string, std::string>> headers{};  // names lowercase, repeats kept

  // Returns the value of the first header named `name` (lowercase), or nullptr.
  const std::string* Header(std::string_view name) const;
};

// A Cedar authorization request, ready for the authorizer.
struct CheckRequest {
  std::string principal_type, principal_id;
  std::string action;
  std::string resource_type, resource_id;
  // {"method", "path" (the client's path as received, without prefix and query), "query" (only
  // when there was a '?'), "headers" {name: value, repeats joined by ", "}, "params" {capture}}.
  json::Value context;
};

enum class CheckFailure {
  kUnauthenticated,  // no or invalid token, or no principal header: answer 401
  kNoRoute,          // outside path_prefix or no rule matches: answer 403
  kBadRequest,       // a path we refuse to interpret (dot segments, bad escapes, NUL): answer 400
};

// Returns the HTTP status to answer a failure with: 401, 403 or 400.
int HttpStatusFor(CheckFailure failure);

// Either a CheckRequest or a failure with a message fit for a log line (never a token, header
// value or path).
struct MappedCheck {
  std::optional<CheckRequest> request;
  CheckFailure failure = CheckFailure::kNoRoute;  // meaningful when !ok()
  std::string message;

  bool ok() const { return request.has_value(); }
};

// Maps a check request. Order: the path is parsed (prefix stripped on a segment boundary, query
// split off, segments percent-decoded one by one, so %2F never splits; "." / ".." segments, NUL
// and invalid UTF-8 rejected), then the principal is found (`verifier` is used when
// principal.from_jwt and may be null otherwise), then the first matching rule fills the templates.
// REQUIRES: ValidateExtAuthzConfig(config).ok().
MappedCheck MapCheck(const ExtAuthzConfig& config, const JwtVerifier* verifier,
                     const CheckInput& input, int64_t now_unix_seconds);

// Returns config.allow_headers with {principal} and {action} filled from `request`.
std::vector<std::pair<std::string, std::string>> AllowHeaders(const ExtAuthzConfig& config,
                                                              const CheckRequest& request);

}  // namespace metagate::pdp
