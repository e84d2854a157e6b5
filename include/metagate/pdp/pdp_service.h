// The PDP's HTTP endpoints over one Pdp: the AuthZEN Authorization API 1.0 (/access/v1/...,
// /.well-known/authzen-configuration), the entity API (/entities/v1/...) and Envoy ext_authz
// (under its path prefix). Used by `metagate pdp` alone and by `metagate serve` beside the
// gateway's routes. Thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "metagate/net/http_server.h"
#include "metagate/pdp/jwt.h"
#include "metagate/pdp/pdp.h"

namespace metagate::pdp {

class PdpService {
 public:
  // Reads the tokens and JWT keys the config names. `tls`: whether the listener speaks TLS
  // (for the discovery document's URLs when no base_url is configured).
  static Result<std::unique_ptr<PdpService>> Create(std::unique_ptr<Pdp> pdp, bool tls);

  // Answers `request` when its path is one of the PDP's and returns true; returns false and
  // leaves `response` alone otherwise.
  bool Handle(const net::HttpRequest& request, net::HttpResponse& response) const;

  Pdp& pdp() { return *pdp_; }

 private:
  PdpService() = default;
  void Authzen(const net::HttpRequest& req, std::string_view path, net::HttpResponse& resp) const;
  void Discovery(const net::HttpRequest& req, net::HttpResponse& resp) const;
  void EntityApi(const net::HttpRequest& req, std::string_view path, net::HttpResponse& resp) const;
  void ExtAuthz(const net::HttpRequest& req, net::HttpResponse& resp) const;

  std::unique_ptr<Pdp> pdp_;
  bool tls_ = false;
  std::optional<std::string> authzen_token_sha256_;
  std::optional<std::string> entities_token_sha256_;
  std::optional<JwtVerifier> jwt_;
};

}  // namespace metagate::pdp
