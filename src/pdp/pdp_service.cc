// PdpService: routing, credentials, X-Request-ID, and the ext_authz check.
#include "metagate/pdp/pdp_service.h"

#include <cctype>

#include "http_util.h"
#include "metagate/common/clock.h"
#include "metagate/pdp/ext_authz.h"

namespace metagate::pdp {

Result<std::unique_ptr<PdpService>> PdpService::Create(std::unique_ptr<Pdp> pdp, bool tls) {
  std::unique_ptr<PdpService> s(new PdpService());
  const PdpConfig& c = pdp->config();
  if (c.authzen_token) {
    ASSIGN_OR_RETURN(std::string token, egress::LoadSecret(*c.authzen_token));
    if (token.empty()) return Status::Invalid("pdp.authzen.token is empty");
    s->authzen_token_sha256_ = Sha256(token);
  }
  if (c.entities_token) {
    ASSIGN_OR_RETURN(std::string token, egress::LoadSecret(*c.entities_token));
    if (token.size() < 16) {
      return Status::Invalid("pdp.entities_api.token must be at least 16 characters");
    }
    s->entities_token_sha256_ = Sha256(token);
  }
  if (c.ext_authz && c.ext_authz->principal.from_jwt) {
    JwtOptions options = c.jwt_options;
    for (const JwtKeyConfig& k : c.jwt_keys) {
      ASSIGN_OR_RETURN(std::string material, egress::LoadSecret(k.material));
      options.keys.push_back({k.kid, k.alg, std::move(material)});
    }
    Result<JwtVerifier> v = JwtVerifier::Create(std::move(options));
    if (!v.ok()) return v.status().WithContext(c.file + ": pdp.ext_authz.principal.jwt");
    s->jwt_ = std::move(*v);
  }
  s->pdp_ = std::move(pdp);
  s->tls_ = tls;
  return s;
}

bool PdpService::Handle(const net::HttpRequest& req, net::HttpResponse& resp) const {
  std::string_view path = PathOf(req.target);
  enum { kAuthzen, kDiscovery, kEntities, kExtAuthz } kind;
  if (path.starts_with("/access/v1/")) {
    kind = kAuthzen;
  } else if (path == "/.well-known/authzen-configuration") {
    kind = kDiscovery;
  } else if (path == "/entities/v1" || path.starts_with("/entities/v1/")) {
    kind = kEntities;
  } else if (const auto& x = pdp_->config().ext_authz;
             x && (path == x->path_prefix ||
                   (path.starts_with(x->path_prefix) &&
                    (x->path_prefix.back() == '/' || path[x->path_prefix.size()] == '/')))) {
    kind = kExtAuthz;
  } else {
    return false;
  }
  resp = net::HttpResponse{};
  EchoRequestId(req, resp);
  switch (kind) {
    case kAuthzen:
    case kDiscovery:
      if (authzen_token_sha256_ && !BearerMatches(req, *authzen_token_sha256_)) {
        resp.headers.emplace_back("WWW-Authenticate", "Bearer");
        Fail(resp, 401, "the AuthZEN API needs its bearer token");
        break;
      }
      if (kind == kAuthzen) {
        Authzen(req, path, resp);
      } else {
        Discovery(req, resp);
      }
      break;
    case kEntities:
      EntityApi(req, path, resp);
      break;
    case kExtAuthz:
      ExtAuthz(req, resp);
      break;
  }
  return true;
}

// Envoy allows only on 200 and may let 5xx through (failure_mode_allow), so every failure here
// is a 4xx: 401 without a valid principal, 400 for a path we refuse, else 403.
void PdpService::ExtAuthz(const net::HttpRequest& req, net::HttpResponse& resp) const {
  const ExtAuthzConfig& config = *pdp_->config().ext_authz;
  CheckInput input;
  input.method = req.method;
  input.path = req.target;
  for (const auto& [name, value] : req.headers) {
    std::string lower = name;
    for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    input.headers.emplace_back(std::move(lower), value);
  }
  MappedCheck check =
      MapCheck(config, jwt_ ? &*jwt_ : nullptr, input, static_cast<int64_t>(UnixMillis() / 1000));
  if (!check.ok()) return Fail(resp, HttpStatusFor(check.failure), check.message);
  const CheckRequest& c = *check.request;
  AzRequest r;
  r.subject = AzEntity{c.principal_type, c.principal_id, std::nullopt};
  r.action = AzAction{c.action, std::nullopt};
  r.resource = AzEntity{c.resource_type, c.resource_id, std::nullopt};
  r.context = c.context;
  Result<PdpAnswer> answer = pdp_->Evaluate(r);
  if (!answer.ok()) return Fail(resp, 403, "denied: " + answer.status().message());
  if (!answer->allow) return Fail(resp, 403, "denied by policy");
  resp.status = 200;
  resp.body = EncodeDecision(true, nullptr);
  for (auto& h : AllowHeaders(config, c)) resp.headers.push_back(std::move(h));
}

}  // namespace metagate::pdp
