#include "metagate/pdp/ext_authz.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include "http_util.h"
#include "metagate/common/utf8.h"
#include "route_template.h"

namespace metagate::pdp {

namespace {

MappedCheck Fail(CheckFailure failure, std::string message) {
  MappedCheck m;
  m.failure = failure;
  m.message = std::move(message);
  return m;
}

bool HasControlChars(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) return true;
  }
  return false;
}

// The parts of a check request's path.
struct ParsedPath {
  std::string raw;  // the client's path, not decoded, without prefix and query
  std::optional<std::string> query;
  std::vector<std::string> segments;  // percent-decoded
};

std::optional<MappedCheck> ParsePath(std::string_view prefix, std::string_view path,
                                     ParsedPath& out) {
  while (!prefix.empty() && prefix.back() == '/') prefix.remove_suffix(1);
  if (path.find('\0') != std::string_view::npos) {
    return Fail(CheckFailure::kBadRequest, "request path holds a NUL byte");
  }
  if (path.substr(0, prefix.size()) != prefix ||
      (path.size() > prefix.size() && path[prefix.size()] != '/' && path[prefix.size()] != '?')) {
    return Fail(CheckFailure::kNoRoute, "request path is outside the ext_authz path_prefix");
  }
  std::string_view rest = path.substr(prefix.size());
  size_t q = rest.find('?');
  if (q != std::string_view::npos) {
    out.query = std::string(rest.substr(q + 1));
    rest = rest.substr(0, q);
  }
  if (rest.empty()) rest = "/";
  if (rest[0] != '/')
    return Fail(CheckFailure::kBadRequest, "request path does not start with '/'");
  out.raw = std::string(rest);
  if (rest == "/") return std::nullopt;
  size_t start = 1;
  while (true) {
    size_t slash = rest.find('/', start);
    std::string_view raw_seg = rest.substr(start, slash == rest.npos ? rest.npos : slash - start);
    std::optional<std::string> seg = PercentDecode(raw_seg);
    if (!seg) return Fail(CheckFailure::kBadRequest, "request path has a bad percent-escape");
    if (seg->find('\0') != std::string::npos) {
      return Fail(CheckFailure::kBadRequest, "request path holds a NUL byte");
    }
    if (*seg == "." || *seg == "..") {
      return Fail(CheckFailure::kBadRequest, "request path has a '.' or '..' segment");
    }
    if (utf8::FindInvalid(*seg) != seg->size()) {
      return Fail(CheckFailure::kBadRequest, "request path is not UTF-8 once decoded");
    }
    out.segments.push_back(std::move(*seg));
    if (slash == rest.npos) break;
    start = slash + 1;
  }
  return std::nullopt;
}

// Returns the token of an "authorization: Bearer <token>" header, or nullopt.
std::optional<std::string_view> BearerToken(const std::string* header) {
  if (header == nullptr) return std::nullopt;
  std::string_view h = *header;
  constexpr std::string_view kScheme = "bearer";
  if (h.size() <= kScheme.size() || h[kScheme.size()] != ' ') return std::nullopt;
  for (size_t i = 0; i < kScheme.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(h[i])) != kScheme[i]) return std::nullopt;
  }
  h.remove_prefix(kScheme.size());
  while (!h.empty() && h.front() == ' ') h.remove_prefix(1);
  while (!h.empty() && h.back() == ' ') h.remove_suffix(1);
  if (h.empty()) return std::nullopt;
  return h;
}

std::optional<MappedCheck> FindPrincipal(const PrincipalSource& source, const JwtVerifier* verifier,
                                         const CheckInput& input, int64_t now, std::string& id) {
  if (source.from_jwt) {
    std::optional<std::string_view> token = BearerToken(input.Header("authorization"));
    if (!token) {
      return Fail(CheckFailure::kUnauthenticated, "no bearer token in the authorization header");
    }
    if (verifier == nullptr) {
      return Fail(CheckFailure::kUnauthenticated, "no JWT verifier is configured");
    }
    Result<json::Value> claims = verifier->Verify(*token, now);
    if (!claims.ok()) {
      return Fail(CheckFailure::kUnauthenticated,
                  "bearer token rejected: " + claims.status().message());
    }
    const json::Value* claim = claims->Find(source.jwt_claim);
    if (claim != nullptr && claim->is_string()) id = claim->as_string();
    if (claim != nullptr && claim->is_int()) id = std::to_string(claim->as_int());
    if (id.empty()) {
      return Fail(CheckFailure::kUnauthenticated,
                  "JWT claim '" + source.jwt_claim + "' is missing, empty or not a string");
    }
  } else {
    std::string wanted = source.header;
    for (char& c : wanted) c = char(std::tolower(static_cast<unsigned char>(c)));
    const std::string* value = nullptr;
    for (const auto& [name, v] : input.headers) {
      if (name != wanted) continue;
      if (value != nullptr) {
        return Fail(CheckFailure::kUnauthenticated,
                    "principal header '" + source.header + "' appears more than once");
      }
      value = &v;
    }
    if (value == nullptr || value->empty()) {
      return Fail(CheckFailure::kUnauthenticated,
                  "principal header '" + source.header + "' is missing or empty");
    }
    id = *value;
  }
  if (HasControlChars(id) || utf8::FindInvalid(id) != id.size()) {
    return Fail(CheckFailure::kUnauthenticated, "principal id has control characters or bad UTF-8");
  }
  return std::nullopt;
}

Result<json::Value> ContextHeaders(const ExtAuthzConfig& config, const CheckInput& input) {
  std::vector<json::Value::Member> members;
  for (const std::string& wanted : config.context_headers) {
    std::string name = wanted;
    for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
    std::optional<std::string> joined;
    for (const auto& [n, v] : input.headers) {
      if (n != name) continue;
      joined = joined ? *joined + ", " + v : v;
    }
    if (!joined) continue;
    if (utf8::FindInvalid(*joined) != joined->size()) {
      return Status::Invalid("header '" + name + "' is not valid UTF-8");
    }
    members.emplace_back(name, json::Value::String(std::move(*joined)));
  }
  return json::Value::Object(std::move(members));
}

}  // namespace

const std::string* CheckInput::Header(std::string_view name) const {
  for (const auto& [n, v] : headers) {
    if (n == name) return &v;
  }
  return nullptr;
}

int HttpStatusFor(CheckFailure failure) {
  switch (failure) {
    case CheckFailure::kUnauthenticated:
      return 401;
    case CheckFailure::kNoRoute:
      return 403;
    case CheckFailure::kBadRequest:
      return 400;
  }
  return 403;
}

Status ValidateExtAuthzConfig(const ExtAuthzConfig& config) {
  if (!config.path_prefix.empty() && config.path_prefix[0] != '/') {
    return Status::Invalid("ext_authz path_prefix must be empty or start with '/'");
  }
  if (config.principal.type.empty()) return Status::Invalid("ext_authz principal type is empty");
  if (config.principal.from_jwt && config.principal.jwt_claim.empty()) {
    return Status::Invalid("ext_authz principal jwt_claim is empty");
  }
  if (!config.principal.from_jwt && config.principal.header.empty()) {
    return Status::Invalid("ext_authz principal header is empty");
  }
  for (size_t i = 0; i < config.routes.size(); ++i) {
    const RouteRule& r = config.routes[i];
    std::string where = "ext_authz route #" + std::to_string(i);
    Result<std::vector<PathSegment>> segs = ParsePathTemplate(r.path_template);
    if (!segs.ok()) return Status::Invalid(where + ": " + segs.status().message());
    if (r.resource_type.empty()) return Status::Invalid(where + ": resource_type is empty");
    for (const auto& [field, text] :
         {std::pair<const char*, const std::string&>{"action", r.action},
          {"resource_id", r.resource_id}}) {
      Result<std::vector<TemplatePiece>> pieces = ParseTemplate(text);
      if (!pieces.ok())
        return Status::Invalid(where + " " + field + ": " + pieces.status().message());
      if (pieces->empty()) return Status::Invalid(where + " " + field + " is empty");
      for (const TemplatePiece& p : *pieces) {
        bool known = !p.placeholder || p.text == "method" || p.text == "route";
        for (const PathSegment& s : *segs) {
          if (s.kind != PathSegment::kLiteral && s.text == p.text) known = true;
        }
        if (!known) {
          return Status::Invalid(where + " " + field + ": {" + p.text +
                                 "} is not a capture of path_template, {method} or {route}");
        }
      }
    }
  }
  for (const auto& [name, value] : config.allow_headers) {
    Result<std::vector<TemplatePiece>> pieces = ParseTemplate(value);
    if (!pieces.ok()) {
      return Status::Invalid("ext_authz allow header '" + name + "': " + pieces.status().message());
    }
    for (const TemplatePiece& p : *pieces) {
      if (p.placeholder && p.text != "principal" && p.text != "action") {
        return Status::Invalid("ext_authz allow header '" + name +
                               "' may only use {principal} and {action}");
      }
    }
  }
  return Status::Ok();
}

MappedCheck MapCheck(const ExtAuthzConfig& config, const JwtVerifier* verifier,
                     const CheckInput& input, int64_t now_unix_seconds) {
  ParsedPath path;
  if (std::optional<MappedCheck> fail = ParsePath(config.path_prefix, input.path, path)) {
    return *fail;
  }
  std::string principal_id;
  if (std::optional<MappedCheck> fail =
          FindPrincipal(config.principal, verifier, input, now_unix_seconds, principal_id)) {
    return *fail;
  }
  for (const RouteRule& rule : config.routes) {
    if (!rule.methods.empty() &&
        std::find(rule.methods.begin(), rule.methods.end(), input.method) == rule.methods.end()) {
      continue;
    }
    Result<std::vector<PathSegment>> tmpl = ParsePathTemplate(rule.path_template);
    if (!tmpl.ok()) continue;
    std::optional<Captures> captures = MatchPath(*tmpl, path.segments);
    if (!captures) continue;

    Result<json::Value> headers = ContextHeaders(config, input);
    if (!headers.ok()) return Fail(CheckFailure::kBadRequest, headers.status().message());
    std::vector<json::Value::Member> params;
    for (const auto& [name, value] : *captures)
      params.emplace_back(name, json::Value::String(value));
    std::vector<json::Value::Member> context;
    context.emplace_back("method", json::Value::String(input.method));
    context.emplace_back("path", json::Value::String(path.raw));
    if (path.query) context.emplace_back("query", json::Value::String(*path.query));
    context.emplace_back("headers", std::move(*headers));
    context.emplace_back("params", json::Value::Object(std::move(params)));

    Captures values = *captures;
    values.emplace_back("method", input.method);
    values.emplace_back("route", rule.path_template);
    MappedCheck out;
    CheckRequest& req = out.request.emplace();
    req.principal_type = config.principal.type;
    req.principal_id = std::move(principal_id);
    req.action = ExpandTemplate(rule.action, values);
    req.resource_type = rule.resource_type;
    req.resource_id = ExpandTemplate(rule.resource_id, values);
    req.context = json::Value::Object(std::move(context));
    return out;
  }
  return Fail(CheckFailure::kNoRoute, "no ext_authz route matches the request");
}

std::vector<std::pair<std::string, std::string>> AllowHeaders(const ExtAuthzConfig& config,
                                                              const CheckRequest& request) {
  Captures values = {{"principal", request.principal_id}, {"action", request.action}};
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& [name, value] : config.allow_headers)
    out.emplace_back(name, ExpandTemplate(value, values));
  return out;
}

}  // namespace metagate::pdp
