// JWT verification (RFC 7519 over RFC 7515 compact JWS) for ext_authz principals: HS256 and RS256
// signatures, exp/nbf/iat with leeway, iss and aud. A JwtVerifier is immutable once created, so
// Verify is safe to call from any number of threads. Errors never hold token, claim or key bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/common/json.h"
#include "metagate/common/status.h"

namespace metagate::pdp {

// One key a token may be signed with.
struct JwtKey {
  enum Alg { kHs256, kRs256 };

  std::string kid{};  // matched against the token's "kid" header; empty matches any kid
  Alg alg = kHs256;
  // HS256: the shared secret's bytes (at least 32). RS256: a PEM RSA public key of at least 2048
  // bits, as "BEGIN PUBLIC KEY" (SubjectPublicKeyInfo) or "BEGIN CERTIFICATE".
  std::string material{};
};

// What a token must satisfy besides its signature.
struct JwtOptions {
  std::vector<JwtKey> keys{};
  std::string issuer{};    // when not empty, `iss` must equal it
  std::string audience{};  // when not empty, `aud` (a string or an array of strings) must hold it
  int64_t leeway_seconds = 60;  // clock skew allowed for exp, nbf and iat
  bool require_exp = true;      // a token without `exp` is rejected
};

class JwtVerifier {
 public:
  // Tokens longer than this are rejected before any decoding.
  static constexpr size_t kMaxTokenBytes = 16 * 1024;
  // JSON nesting allowed in the header and the claims.
  static constexpr int kMaxJsonDepth = 32;

  // Returns a verifier, with every PEM parsed once. Invalid when there is no key, an HS256 secret
  // is shorter than 32 bytes, a PEM does not hold an RSA public key of 2048 bits or more, or the
  // leeway is negative. Messages name the key by its index (and kid), never its bytes.
  static Result<JwtVerifier> Create(JwtOptions options);

  // Returns the claims (a JSON object) of `token` when it is a compact JWS (three base64url parts,
  // strict: no padding, no whitespace) whose header names alg HS256 or RS256, has no "crit", and
  // whose signature verifies with a configured key of that alg (and of the header's kid, if any);
  // and when its claims pass the time checks at `now_unix_seconds` and the iss/aud checks.
  // "alg":"none" and an alg no configured key uses are rejected (no algorithm confusion).
  Result<json::Value> Verify(std::string_view token, int64_t now_unix_seconds) const;

 private:
  struct Impl;
  explicit JwtVerifier(std::shared_ptr<const Impl> impl) : impl_(std::move(impl)) {}

  std::shared_ptr<const Impl> impl_;
};

}  // namespace metagate::pdp
