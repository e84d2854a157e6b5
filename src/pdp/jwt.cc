#include "metagate/pdp/jwt.h"

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <charconv>
#include <cmath>
#include <optional>
#include <set>
#include <utility>

#include "metagate/common/base64.h"

namespace metagate::pdp {

namespace {

constexpr size_t kMinHmacSecretBytes = 32;
constexpr int kMinRsaBits = 2048;

struct PkeyDeleter {
  void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyDeleter>;

struct LoadedKey {
  std::string kid;
  JwtKey::Alg alg;
  std::string secret;  // HS256
  PkeyPtr pkey;        // RS256
};

std::string KeyName(size_t index, const std::string& kid) {
  std::string name = "JWT key #" + std::to_string(index);
  if (!kid.empty()) name += " (kid '" + kid + "')";
  return name;
}

// Returns the public key a PEM holds: a SubjectPublicKeyInfo or a certificate's key.
PkeyPtr ReadPublicKeyPem(const std::string& pem) {
  std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), int(pem.size())),
                                                &BIO_free);
  if (!bio) return nullptr;
  PkeyPtr key;
  if (pem.find("-----BEGIN CERTIFICATE-----") != std::string::npos) {
    std::unique_ptr<X509, decltype(&X509_free)> cert(
        PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), &X509_free);
    if (cert) key.reset(X509_get_pubkey(cert.get()));
  } else {
    key.reset(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr));
  }
  ERR_clear_error();
  return key;
}

Status LoadKey(size_t index, const JwtKey& in, LoadedKey& out) {
  out.kid = in.kid;
  out.alg = in.alg;
  switch (in.alg) {
    case JwtKey::kHs256:
      if (in.material.size() < kMinHmacSecretBytes) {
        return Status::Invalid(KeyName(index, in.kid) + ": an HS256 secret needs at least " +
                               std::to_string(kMinHmacSecretBytes) + " bytes");
      }
      out.secret = in.material;
      return Status::Ok();
    case JwtKey::kRs256: {
      out.pkey = ReadPublicKeyPem(in.material);
      if (!out.pkey) {
        return Status::Invalid(KeyName(index, in.kid) +
                               ": not a PEM public key or certificate (expected BEGIN PUBLIC KEY "
                               "or BEGIN CERTIFICATE)");
      }
      if (EVP_PKEY_base_id(out.pkey.get()) != EVP_PKEY_RSA) {
        return Status::Invalid(KeyName(index, in.kid) + ": RS256 needs an RSA public key");
      }
      if (EVP_PKEY_get_bits(out.pkey.get()) < kMinRsaBits) {
        return Status::Invalid(KeyName(index, in.kid) + ": RSA keys need at least " +
                               std::to_string(kMinRsaBits) + " bits");
      }
      return Status::Ok();
    }
  }
  return Status::Invalid(KeyName(index, in.kid) + ": unknown algorithm");
}

const char* AlgName(JwtKey::Alg alg) { return alg == JwtKey::kHs256 ? "HS256" : "RS256"; }

bool HmacMatches(const std::string& secret, std::string_view input, std::string_view sig) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int mac_len = 0;
  if (HMAC(EVP_sha256(), secret.data(), int(secret.size()),
           reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac,
           &mac_len) == nullptr) {
    return false;
  }
  return sig.size() == mac_len && CRYPTO_memcmp(mac, sig.data(), mac_len) == 0;
}

bool RsaVerifies(EVP_PKEY* key, std::string_view input, std::string_view sig) {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  EVP_PKEY_CTX* pctx = nullptr;  // owned by ctx
  bool ok =
      ctx && EVP_DigestVerifyInit(ctx.get(), &pctx, EVP_sha256(), nullptr, key) == 1 &&
      EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PADDING) == 1 &&
      EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(sig.data()), sig.size(),
                       reinterpret_cast<const unsigned char*>(input.data()), input.size()) == 1;
  ERR_clear_error();
  return ok;
}

// Returns the base64url part decoded and parsed as a JSON object, or an error naming `what`.
Result<json::Value> DecodeJsonPart(std::string_view part, const char* what) {
  std::optional<std::string> bytes = base64::DecodeUrl(part);
  if (!bytes) return Status::Invalid(std::string("JWT ") + what + " is not base64url");
  Result<json::Value> value = json::Parse(*bytes, JwtVerifier::kMaxJsonDepth);
  if (!value.ok() || !value->is_object()) {
    return Status::Invalid(std::string("JWT ") + what + " is not a JSON object");
  }
  // Parsers disagree on which duplicate wins, so a token with duplicates means different things to
  // different readers: refuse it (RFC 7515 section 4 allows either refusing or last-wins).
  std::set<std::string_view> names;
  for (const auto& member : value->members()) {
    if (!names.insert(member.first).second) {
      return Status::Invalid(std::string("JWT ") + what + " has a member name twice");
    }
  }
  return value;
}

// Returns a NumericDate claim as seconds (fractions allowed), nullopt when absent, or an error.
Result<std::optional<double>> NumericClaim(const json::Value& claims, const char* name) {
  const json::Value* v = claims.Find(name);
  if (v == nullptr) return std::optional<double>();
  if (v->is_int()) return std::optional<double>(double(v->as_int()));
  if (v->kind() == json::Kind::kNumber) {
    const std::string& text = v->as_string();
    double d = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), d);
    if (ec == std::errc() && end == text.data() + text.size() && std::isfinite(d)) {
      return std::optional<double>(d);
    }
  }
  return Status::Invalid(std::string("JWT claim '") + name + "' is not a number of seconds");
}

Status CheckTimes(const json::Value& claims, const JwtOptions& options, int64_t now_seconds) {
  const double now = double(now_seconds);
  const double leeway = double(options.leeway_seconds);
  ASSIGN_OR_RETURN(std::optional<double> exp, NumericClaim(claims, "exp"));
  ASSIGN_OR_RETURN(std::optional<double> nbf, NumericClaim(claims, "nbf"));
  ASSIGN_OR_RETURN(std::optional<double> iat, NumericClaim(claims, "iat"));
  if (!exp && options.require_exp) return Status::Invalid("JWT has no 'exp' claim");
  if (exp && now >= *exp + leeway) return Status::Invalid("JWT expired");
  if (nbf && now + leeway < *nbf) return Status::Invalid("JWT is not valid yet ('nbf')");
  if (iat && now + leeway < *iat) return Status::Invalid("JWT was issued in the future ('iat')");
  return Status::Ok();
}

Status CheckIssuerAndAudience(const json::Value& claims, const JwtOptions& options) {
  if (!options.issuer.empty()) {
    const json::Value* iss = claims.Find("iss");
    if (iss == nullptr || !iss->is_string() || iss->as_string() != options.issuer) {
      return Status::Invalid("JWT issuer ('iss') is not the expected one");
    }
  }
  if (!options.audience.empty()) {
    const json::Value* aud = claims.Find("aud");
    bool found = false;
    if (aud != nullptr && aud->is_string()) found = aud->as_string() == options.audience;
    if (aud != nullptr && aud->is_array()) {
      for (const json::Value& item : aud->items()) {
        if (item.is_string() && item.as_string() == options.audience) found = true;
      }
    }
    if (!found) return Status::Invalid("JWT audience ('aud') does not include the expected one");
  }
  return Status::Ok();
}

}  // namespace

struct JwtVerifier::Impl {
  JwtOptions options;  // with `keys` moved out into `loaded`
  std::vector<LoadedKey> loaded;
};

Result<JwtVerifier> JwtVerifier::Create(JwtOptions options) {
  if (options.keys.empty()) return Status::Invalid("JWT verification needs at least one key");
  if (options.leeway_seconds < 0) return Status::Invalid("JWT leeway_seconds must not be negative");
  auto impl = std::make_shared<Impl>();
  impl->loaded.resize(options.keys.size());
  for (size_t i = 0; i < options.keys.size(); ++i) {
    RETURN_IF_ERROR(LoadKey(i, options.keys[i], impl->loaded[i]));
  }
  options.keys.clear();
  impl->options = std::move(options);
  return JwtVerifier(std::move(impl));
}

Result<json::Value> JwtVerifier::Verify(std::string_view token, int64_t now_unix_seconds) const {
  if (token.size() > kMaxTokenBytes) {
    return Status::Invalid("JWT is longer than " + std::to_string(kMaxTokenBytes) + " bytes");
  }
  size_t dot1 = token.find('.');
  size_t dot2 = dot1 == std::string_view::npos ? dot1 : token.find('.', dot1 + 1);
  if (dot2 == std::string_view::npos || token.find('.', dot2 + 1) != std::string_view::npos ||
      dot1 == 0 || dot2 == dot1 + 1 || dot2 + 1 == token.size()) {
    return Status::Invalid("JWT is not a compact JWS (three non-empty base64url parts)");
  }
  std::string_view header_part = token.substr(0, dot1);
  std::string_view payload_part = token.substr(dot1 + 1, dot2 - dot1 - 1);
  std::string_view signing_input = token.substr(0, dot2);

  ASSIGN_OR_RETURN(json::Value header, DecodeJsonPart(header_part, "header"));
  const json::Value* alg_value = header.Find("alg");
  if (alg_value == nullptr || !alg_value->is_string()) {
    return Status::Invalid("JWT header has no 'alg'");
  }
  const std::string& alg_name = alg_value->as_string();
  JwtKey::Alg alg;
  if (alg_name == "HS256") {
    alg = JwtKey::kHs256;
  } else if (alg_name == "RS256") {
    alg = JwtKey::kRs256;
  } else if (alg_name.size() == 4 && OPENSSL_strncasecmp(alg_name.c_str(), "none", 4) == 0) {
    return Status::Invalid("JWT alg 'none' is not accepted");
  } else {
    return Status::Invalid("JWT alg is not supported (HS256 and RS256 are)");
  }
  if (header.Find("crit") != nullptr) {
    return Status::Invalid("JWT header has 'crit' extensions, which are not supported");
  }
  const json::Value* kid = header.Find("kid");
  if (kid != nullptr && !kid->is_string())
    return Status::Invalid("JWT header 'kid' is not a string");

  std::optional<std::string> signature = base64::DecodeUrl(token.substr(dot2 + 1));
  if (!signature) return Status::Invalid("JWT signature is not base64url");

  bool alg_configured = false;
  bool kid_matched = false;
  bool verified = false;
  for (const LoadedKey& key : impl_->loaded) {
    if (key.alg != alg) continue;
    alg_configured = true;
    if (kid != nullptr && !key.kid.empty() && key.kid != kid->as_string()) continue;
    kid_matched = true;
    verified = alg == JwtKey::kHs256 ? HmacMatches(key.secret, signing_input, *signature)
                                     : RsaVerifies(key.pkey.get(), signing_input, *signature);
    if (verified) break;
  }
  if (!alg_configured) {
    return Status::Invalid(std::string("JWT alg ") + AlgName(alg) +
                           " is not the alg of any configured key");
  }
  if (!kid_matched) return Status::Invalid("JWT kid matches no configured key");
  if (!verified) return Status::Invalid("JWT signature does not verify");

  ASSIGN_OR_RETURN(json::Value claims, DecodeJsonPart(payload_part, "payload"));
  RETURN_IF_ERROR(CheckTimes(claims, impl_->options, now_unix_seconds));
  RETURN_IF_ERROR(CheckIssuerAndAudience(claims, impl_->options));
  return claims;
}

}  // namespace metagate::pdp
