// The `pdp:` section of a metagate config file: what `metagate pdp` (and `metagate serve`, when
// the section is present) loads to answer AuthZEN and Envoy ext_authz requests. Paths are
// resolved against the config file's folder; secrets are references ("file:PATH", "env:NAME").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metagate/common/source_loc.h"
#include "metagate/common/status.h"
#include "metagate/egress/config.h"
#include "metagate/pdp/ext_authz.h"
#include "metagate/pdp/jwt.h"

namespace metagate::pdp {

// A JWT key as configured; the secret or PEM is read when the PDP starts.
struct JwtKeyConfig {
  std::string kid;
  JwtKey::Alg alg = JwtKey::kHs256;
  egress::SecretRef material;  // HS256: the shared secret; RS256: a PEM public key or certificate
};

struct PdpConfig {
  std::string file;                   // the config file
  std::string base_dir;               // its folder
  std::vector<std::string> policies;  // files or folders of *.cedar
  std::optional<std::string> schema;
  std::vector<std::string> entities;  // Cedar entity JSON files: the initial entity set
  // Prefix of the Cedar types AuthZEN types map to ("Todo" maps type "user" to Todo::user and
  // actions to Todo::Action); empty for none.
  std::string cedar_namespace;
  // Bearer token the AuthZEN endpoints require; none: they are open (bind to loopback).
  std::optional<egress::SecretRef> authzen_token;
  // Bearer token of the entity API; none: the API is off (answers 403).
  std::optional<egress::SecretRef> entities_token;
  // `base_url` of the discovery document; empty: from the request's Host header.
  std::string base_url;
  std::optional<ExtAuthzConfig> ext_authz;
  std::vector<JwtKeyConfig> jwt_keys;  // ext_authz principal from a JWT
  JwtOptions jwt_options;              // issuer, audience, leeway (keys filled at start)
  std::string data_dir;                // top-level `data_dir`, if given
};

// Reads the `pdp:` section of `file`. Returns nullopt when the file has no such section.
Result<std::optional<PdpConfig>> LoadPdpConfig(const std::string& file);
Result<std::optional<PdpConfig>> ParsePdpConfig(std::string_view yaml, const std::string& file);

}  // namespace metagate::pdp
