#include "metagate/pdp/jwt.h"

#include <gtest/gtest.h>
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <string>

#include "metagate/common/base64.h"

namespace metagate::pdp {
namespace {

constexpr int64_t kNow = 1'700'000'000;
const std::string kSecret = "0123456789abcdef0123456789abcdef";  // 32 bytes

std::string B64(std::string_view s) { return base64::EncodeUrl(s); }

std::string HmacSign(const std::string& secret, const std::string& input) {
  unsigned char mac[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  HMAC(EVP_sha256(), secret.data(), int(secret.size()),
       reinterpret_cast<const unsigned char*>(input.data()), input.size(), mac, &len);
  return std::string(reinterpret_cast<char*>(mac), len);
}

std::string Hs256Token(const std::string& header, const std::string& payload,
                       const std::string& secret = kSecret) {
  std::string input = B64(header) + "." + B64(payload);
  return input + "." + B64(HmacSign(secret, input));
}

// An RSA-2048 key pair made once per test binary run; nothing is read from disk.
class RsaKey {
 public:
  RsaKey() : pkey_(EVP_RSA_gen(2048)) {}
  ~RsaKey() { EVP_PKEY_free(pkey_); }
  std::string PublicPem() const {
    BIO* bio = BIO_new(BIO_s_mem());
    PEM_write_bio_PUBKEY(bio, pkey_);
    char* data = nullptr;
    long len = BIO_get_mem_data(bio, &data);
    std::string pem(data, size_t(len));
    BIO_free(bio);
    return pem;
  }
  std::string Sign(const std::string& input) const {
    EVP_MD_CTX* ctx = EVP_MD_CTX_new();
    size_t len = 0;
    EVP_DigestSignInit(ctx, nullptr, EVP_sha256(), nullptr, pkey_);
    EVP_DigestSign(ctx, nullptr, &len, reinterpret_cast<const unsigned char*>(input.data()),
                   input.size());
    std::string sig(len, '\0');
    EVP_DigestSign(ctx, reinterpret_cast<unsigned char*>(sig.data()), &len,
                   reinterpret_cast<const unsigned char*>(input.data()), input.size());
    EVP_MD_CTX_free(ctx);
    sig.resize(len);
    return sig;
  }
  void SignCert(X509* cert) const { X509_sign(cert, pkey_, EVP_sha256()); }
  std::string Token(const std::string& header, const std::string& payload) const {
    std::string input = B64(header) + "." + B64(payload);
    return input + "." + B64(Sign(input));
  }

 private:
  EVP_PKEY* pkey_;
};

const RsaKey& KeyA() {
  static const RsaKey* key = new RsaKey();
  return *key;
}
const RsaKey& KeyB() {
  static const RsaKey* key = new RsaKey();
  return *key;
}

const std::string kHsHeader = R"({"alg":"HS256","typ":"JWT"})";
const std::string kRsHeader = R"({"alg":"RS256","typ":"JWT"})";
const std::string kClaims = R"({"sub":"alice","exp":1700000600,"iat":1699999000})";

JwtVerifier MakeVerifier(JwtOptions options) {
  Result<JwtVerifier> v = JwtVerifier::Create(std::move(options));
  EXPECT_TRUE(v.ok()) << v.status().message();
  return std::move(v).value();
}

JwtVerifier HsVerifier() { return MakeVerifier({.keys = {{"", JwtKey::kHs256, kSecret}}}); }
JwtVerifier RsVerifier() {
  return MakeVerifier({.keys = {{"", JwtKey::kRs256, KeyA().PublicPem()}}});
}

void ExpectRejected(const Result<json::Value>& r, const std::string& message) {
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message(), message);
}

TEST(JwtVerifier, AcceptsGoodHs256AndReturnsClaims) {
  Result<json::Value> claims = HsVerifier().Verify(Hs256Token(kHsHeader, kClaims), kNow);
  ASSERT_TRUE(claims.ok()) << claims.status().message();
  ASSERT_NE(claims->Find("sub"), nullptr);
  EXPECT_EQ(claims->Find("sub")->as_string(), "alice");
}

TEST(JwtVerifier, AcceptsGoodRs256) {
  Result<json::Value> claims = RsVerifier().Verify(KeyA().Token(kRsHeader, kClaims), kNow);
  ASSERT_TRUE(claims.ok()) << claims.status().message();
  EXPECT_EQ(claims->Find("sub")->as_string(), "alice");
}

TEST(JwtVerifier, AcceptsRs256KeyFromCertificate) {
  // A self-signed certificate around KeyA's public key, made in-process.
  EVP_PKEY* pkey = nullptr;
  {
    std::string pem = KeyA().PublicPem();
    BIO* bio = BIO_new_mem_buf(pem.data(), int(pem.size()));
    pkey = PEM_read_bio_PUBKEY(bio, nullptr, nullptr, nullptr);
    BIO_free(bio);
  }
  ASSERT_NE(pkey, nullptr);
  X509* cert = X509_new();
  X509_set_version(cert, 2);
  ASN1_INTEGER_set(X509_get_serialNumber(cert), 1);
  X509_gmtime_adj(X509_getm_notBefore(cert), 0);
  X509_gmtime_adj(X509_getm_notAfter(cert), 3600);
  X509_set_pubkey(cert, pkey);
  X509_NAME_add_entry_by_txt(X509_get_subject_name(cert), "CN", MBSTRING_ASC,
                             reinterpret_cast<const unsigned char*>("test"), -1, -1, 0);
  X509_set_issuer_name(cert, X509_get_subject_name(cert));
  KeyA().SignCert(cert);
  BIO* out = BIO_new(BIO_s_mem());
  PEM_write_bio_X509(out, cert);
  char* data = nullptr;
  long len = BIO_get_mem_data(out, &data);
  std::string cert_pem(data, size_t(len));
  BIO_free(out);
  X509_free(cert);
  EVP_PKEY_free(pkey);
  ASSERT_NE(cert_pem.find("BEGIN CERTIFICATE"), std::string::npos);

  JwtVerifier v = MakeVerifier({.keys = {{"", JwtKey::kRs256, cert_pem}}});
  EXPECT_TRUE(v.Verify(KeyA().Token(kRsHeader, kClaims), kNow).ok());
  ExpectRejected(v.Verify(KeyB().Token(kRsHeader, kClaims), kNow), "JWT signature does not verify");
}

TEST(JwtVerifier, RejectsWrongKey) {
  ExpectRejected(HsVerifier().Verify(
                     Hs256Token(kHsHeader, kClaims, "another secret of thirty-two bytes"), kNow),
                 "JWT signature does not verify");
  ExpectRejected(RsVerifier().Verify(KeyB().Token(kRsHeader, kClaims), kNow),
                 "JWT signature does not verify");
}

TEST(JwtVerifier, RejectsTamperedPayloadAndHeader) {
  std::string token = Hs256Token(kHsHeader, kClaims);
  std::string sig = token.substr(token.rfind('.'));
  std::string evil_payload = B64(R"({"sub":"mallory","exp":1700000600})");
  ExpectRejected(HsVerifier().Verify(B64(kHsHeader) + "." + evil_payload + sig, kNow),
                 "JWT signature does not verify");
  std::string evil_header = B64(R"({"alg":"HS256","typ":"JWT","kid":"x"})");
  ExpectRejected(HsVerifier().Verify(evil_header + "." + B64(kClaims) + sig, kNow),
                 "JWT signature does not verify");
  std::string rs = KeyA().Token(kRsHeader, kClaims);
  std::string rs_sig = rs.substr(rs.rfind('.'));
  ExpectRejected(RsVerifier().Verify(B64(kRsHeader) + "." + evil_payload + rs_sig, kNow),
                 "JWT signature does not verify");
}

TEST(JwtVerifier, RejectsAlgNone) {
  std::string unsigned_token = B64(R"({"alg":"none"})") + "." + B64(kClaims) + ".";
  ExpectRejected(HsVerifier().Verify(unsigned_token, kNow),
                 "JWT is not a compact JWS (three non-empty base64url parts)");
  std::string with_sig = B64(R"({"alg":"none"})") + "." + B64(kClaims) + "." + B64("x");
  ExpectRejected(HsVerifier().Verify(with_sig, kNow), "JWT alg 'none' is not accepted");
  std::string upper = B64(R"({"alg":"NONE"})") + "." + B64(kClaims) + "." + B64("x");
  ExpectRejected(HsVerifier().Verify(upper, kNow), "JWT alg 'none' is not accepted");
}

TEST(JwtVerifier, RejectsAlgorithmConfusion) {
  // The classic attack: HMAC with the RSA public key's PEM text as the secret.
  std::string forged = Hs256Token(kHsHeader, kClaims, KeyA().PublicPem());
  ExpectRejected(RsVerifier().Verify(forged, kNow),
                 "JWT alg HS256 is not the alg of any configured key");
  ExpectRejected(HsVerifier().Verify(KeyA().Token(kRsHeader, kClaims), kNow),
                 "JWT alg RS256 is not the alg of any configured key");
  ExpectRejected(HsVerifier().Verify(Hs256Token(R"({"alg":"HS512"})", kClaims), kNow),
                 "JWT alg is not supported (HS256 and RS256 are)");
}

TEST(JwtVerifier, TimeChecksWithLeeway) {
  JwtVerifier v = HsVerifier();  // leeway 60
  std::string token = Hs256Token(kHsHeader, R"({"exp":1700000000})");
  EXPECT_TRUE(v.Verify(token, kNow - 1).ok());
  EXPECT_TRUE(v.Verify(token, kNow + 59).ok());
  ExpectRejected(v.Verify(token, kNow + 60), "JWT expired");

  std::string nbf = Hs256Token(kHsHeader, R"({"exp":1800000000,"nbf":1700000100})");
  ExpectRejected(v.Verify(nbf, kNow), "JWT is not valid yet ('nbf')");
  EXPECT_TRUE(v.Verify(nbf, kNow + 40).ok());

  std::string iat = Hs256Token(kHsHeader, R"({"exp":1800000000,"iat":1700000100})");
  ExpectRejected(v.Verify(iat, kNow), "JWT was issued in the future ('iat')");

  JwtVerifier strict = MakeVerifier({.keys = {{"", JwtKey::kHs256, kSecret}}, .leeway_seconds = 0});
  ExpectRejected(strict.Verify(token, kNow), "JWT expired");
  EXPECT_TRUE(strict.Verify(token, kNow - 1).ok());

  std::string fraction = Hs256Token(kHsHeader, R"({"exp":1700000000.5})");
  EXPECT_TRUE(strict.Verify(fraction, kNow).ok());
  ExpectRejected(strict.Verify(Hs256Token(kHsHeader, R"({"exp":"soon"})"), kNow),
                 "JWT claim 'exp' is not a number of seconds");
  // Huge values must not overflow into acceptance or rejection.
  EXPECT_TRUE(strict.Verify(Hs256Token(kHsHeader, R"({"exp":9223372036854775807})"), kNow).ok());
}

TEST(JwtVerifier, ExpRequiredUnlessDisabled) {
  std::string token = Hs256Token(kHsHeader, R"({"sub":"alice"})");
  ExpectRejected(HsVerifier().Verify(token, kNow), "JWT has no 'exp' claim");
  JwtVerifier lax = MakeVerifier({.keys = {{"", JwtKey::kHs256, kSecret}}, .require_exp = false});
  EXPECT_TRUE(lax.Verify(token, kNow).ok());
}

TEST(JwtVerifier, IssuerAndAudience) {
  JwtVerifier v = MakeVerifier(
      {.keys = {{"", JwtKey::kHs256, kSecret}}, .issuer = "https://idp", .audience = "api"});
  auto token = [](const std::string& extra) {
    return Hs256Token(kHsHeader, R"({"exp":1800000000)" + extra + "}");
  };
  EXPECT_TRUE(v.Verify(token(R"(,"iss":"https://idp","aud":"api")"), kNow).ok());
  EXPECT_TRUE(v.Verify(token(R"(,"iss":"https://idp","aud":["web","api"])"), kNow).ok());
  ExpectRejected(v.Verify(token(R"(,"iss":"https://other","aud":"api")"), kNow),
                 "JWT issuer ('iss') is not the expected one");
  ExpectRejected(v.Verify(token(R"(,"aud":"api")"), kNow),
                 "JWT issuer ('iss') is not the expected one");
  ExpectRejected(v.Verify(token(R"(,"iss":"https://idp","aud":"apix")"), kNow),
                 "JWT audience ('aud') does not include the expected one");
  ExpectRejected(v.Verify(token(R"(,"iss":"https://idp","aud":["web"])"), kNow),
                 "JWT audience ('aud') does not include the expected one");
  ExpectRejected(v.Verify(token(R"(,"iss":"https://idp")"), kNow),
                 "JWT audience ('aud') does not include the expected one");
}

TEST(JwtVerifier, KidSelectsKeys) {
  const std::string other = "ffffffffffffffffffffffffffffffff";
  JwtVerifier v = MakeVerifier({.keys = {{"k1", JwtKey::kHs256, kSecret},
                                         {"k2", JwtKey::kHs256, other},
                                         {"r1", JwtKey::kRs256, KeyA().PublicPem()}}});
  EXPECT_TRUE(v.Verify(Hs256Token(R"({"alg":"HS256","kid":"k1"})", kClaims), kNow).ok());
  EXPECT_TRUE(v.Verify(Hs256Token(R"({"alg":"HS256","kid":"k2"})", kClaims, other), kNow).ok());
  EXPECT_TRUE(v.Verify(Hs256Token(kHsHeader, kClaims, other), kNow).ok());  // no kid: try all
  ExpectRejected(v.Verify(Hs256Token(R"({"alg":"HS256","kid":"k2"})", kClaims), kNow),
                 "JWT signature does not verify");  // signed with k1's secret, labelled k2
  ExpectRejected(v.Verify(Hs256Token(R"({"alg":"HS256","kid":"r1"})", kClaims), kNow),
                 "JWT kid matches no configured key");
  EXPECT_TRUE(v.Verify(KeyA().Token(R"({"alg":"RS256","kid":"r1"})", kClaims), kNow).ok());

  JwtVerifier any_kid = MakeVerifier({.keys = {{"", JwtKey::kHs256, kSecret}}});
  EXPECT_TRUE(any_kid.Verify(Hs256Token(R"({"alg":"HS256","kid":"zz"})", kClaims), kNow).ok());
}

TEST(JwtVerifier, RejectsMalformedTokens) {
  JwtVerifier v = HsVerifier();
  std::string good = Hs256Token(kHsHeader, kClaims);
  const std::string kShape = "JWT is not a compact JWS (three non-empty base64url parts)";
  ExpectRejected(v.Verify("", kNow), kShape);
  ExpectRejected(v.Verify("abc", kNow), kShape);
  ExpectRejected(v.Verify("a.b", kNow), kShape);
  ExpectRejected(v.Verify(good + ".x", kNow), kShape);
  ExpectRejected(v.Verify("." + good.substr(good.find('.')), kNow), kShape);
  ExpectRejected(v.Verify(good + "=", kNow), "JWT signature is not base64url");
  ExpectRejected(v.Verify("e30=" + good.substr(good.find('.')), kNow),
                 "JWT header is not base64url");
  ExpectRejected(v.Verify(B64("[1]") + good.substr(good.find('.')), kNow),
                 "JWT header is not a JSON object");
  ExpectRejected(v.Verify(B64(R"({"typ":"JWT"})") + good.substr(good.find('.')), kNow),
                 "JWT header has no 'alg'");
  ExpectRejected(v.Verify(Hs256Token(R"({"alg":"HS256","crit":["b64"]})", kClaims), kNow),
                 "JWT header has 'crit' extensions, which are not supported");
  ExpectRejected(v.Verify(Hs256Token(R"({"alg":"HS256","kid":7})", kClaims), kNow),
                 "JWT header 'kid' is not a string");
  ExpectRejected(v.Verify(Hs256Token(R"({"alg":"HS256","alg":"none"})", kClaims), kNow),
                 "JWT header has a member name twice");
  ExpectRejected(v.Verify(Hs256Token(kHsHeader, R"({"exp":1800000000,"sub":"a","sub":"b"})"), kNow),
                 "JWT payload has a member name twice");
  ExpectRejected(v.Verify(Hs256Token(kHsHeader, "not json"), kNow),
                 "JWT payload is not a JSON object");
  std::string deep = std::string(100, '[') + std::string(100, ']');
  ExpectRejected(v.Verify(Hs256Token(kHsHeader, R"({"exp":1800000000,"x":)" + deep + "}"), kNow),
                 "JWT payload is not a JSON object");
}

TEST(JwtVerifier, RejectsOversizedTokenBeforeDecoding) {
  std::string big_claims =
      R"({"exp":1800000000,"pad":")" + std::string(JwtVerifier::kMaxTokenBytes, 'a') + "\"}";
  ExpectRejected(HsVerifier().Verify(Hs256Token(kHsHeader, big_claims), kNow),
                 "JWT is longer than 16384 bytes");
}

TEST(JwtVerifier, ErrorsNeverEchoTokenOrClaims) {
  std::string token = Hs256Token(kHsHeader, R"({"sub":"secret-subject","exp":1})");
  Result<json::Value> r = HsVerifier().Verify(token, kNow);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().find("secret-subject"), std::string::npos);
  EXPECT_EQ(r.status().message().find(token.substr(0, 10)), std::string::npos);
}

TEST(JwtVerifier, CreateRejectsBadKeys) {
  auto create_error = [](JwtOptions o) {
    Result<JwtVerifier> v = JwtVerifier::Create(std::move(o));
    return v.ok() ? std::string("ok") : v.status().message();
  };
  EXPECT_EQ(create_error({}), "JWT verification needs at least one key");
  EXPECT_EQ(create_error({.keys = {{"", JwtKey::kHs256, ""}}}),
            "JWT key #0: an HS256 secret needs at least 32 bytes");
  EXPECT_EQ(create_error({.keys = {{"", JwtKey::kHs256, kSecret}, {"k", JwtKey::kHs256, "short"}}}),
            "JWT key #1 (kid 'k'): an HS256 secret needs at least 32 bytes");
  std::string pem = KeyA().PublicPem();
  std::string broken = pem;
  broken[broken.size() / 2] = '!';
  std::string error = create_error({.keys = {{"", JwtKey::kRs256, broken}}});
  EXPECT_NE(error.find("not a PEM public key or certificate"), std::string::npos) << error;
  EXPECT_EQ(error.find(pem.substr(40, 20)), std::string::npos);  // no key bytes in the message
  EXPECT_NE(create_error({.keys = {{"", JwtKey::kRs256, kSecret}}}).find("not a PEM"),
            std::string::npos);

  EVP_PKEY* small = EVP_RSA_gen(1024);
  BIO* bio = BIO_new(BIO_s_mem());
  PEM_write_bio_PUBKEY(bio, small);
  char* data = nullptr;
  long len = BIO_get_mem_data(bio, &data);
  std::string small_pem(data, size_t(len));
  BIO_free(bio);
  EVP_PKEY_free(small);
  EXPECT_EQ(create_error({.keys = {{"", JwtKey::kRs256, small_pem}}}),
            "JWT key #0: RSA keys need at least 2048 bits");
  EXPECT_EQ(create_error({.keys = {{"", JwtKey::kHs256, kSecret}}, .leeway_seconds = -1}),
            "JWT leeway_seconds must not be negative");
}

}  // namespace
}  // namespace metagate::pdp
