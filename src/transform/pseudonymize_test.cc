#include "metagate/transform/pseudonymize.h"

#include <gtest/gtest.h>

#include "hmac.h"

namespace metagate::transform {
namespace {

std::string Hex(const internal::Sha256Tag& t) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (uint8_t b : t) {
    out.push_back(kHex[b >> 4]);
    out.push_back(kHex[b & 15]);
  }
  return out;
}

std::string Truncated(const internal::Sha256Tag& t) {
  return Base64UrlNoPad(std::string_view(reinterpret_cast<const char*>(t.data()), 16));
}

// RFC 4231 §4.2 (test case 1) and §4.3 (test case 2), HMAC-SHA-256.
TEST(Hmac, Rfc4231TestVectors) {
  internal::Sha256Tag t1 = internal::HmacSha256(std::string(20, '\x0b'), "Hi There");
  EXPECT_EQ(Hex(t1), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
  // b0344c61d8db38535ca8afceaf0bf12b in base64url, worked out by hand from the hex.
  EXPECT_EQ(Truncated(t1), "sDRMYdjbOFNcqK_OrwvxKw");

  internal::Sha256Tag t2 = internal::HmacSha256("Jefe", "what do ya want for nothing?");
  EXPECT_EQ(Hex(t2), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
  // 5b dc c1 → 010110 111101 110011 000001 → W 9 z B, …
  EXPECT_EQ(Truncated(t2), "W9zBRr9gdU5qBCQmCJV1xw");
}

TEST(Base64Url, PaddingAndAlphabet) {
  EXPECT_EQ(Base64UrlNoPad(""), "");
  EXPECT_EQ(Base64UrlNoPad("f"), "Zg");
  EXPECT_EQ(Base64UrlNoPad("fo"), "Zm8");
  EXPECT_EQ(Base64UrlNoPad("foo"), "Zm9v");
  EXPECT_EQ(Base64UrlNoPad("foobar"), "Zm9vYmFy");
  EXPECT_EQ(Base64UrlNoPad("\xfb\xff\xbf"), "-_-_");
}

TEST(Pseudonymize, ComposesHmacOfClassAndNormalizedValue) {
  PseudonymKey key{"k1", "Jefe"};
  std::string ps = Pseudonymize(key, "email", "  Alice@Example.COM ");
  EXPECT_EQ(ps, "ps_k1_" + Truncated(internal::HmacSha256("Jefe", "email:alice@example.com")));
  EXPECT_EQ(ps.size(), 3 + 2 + 1 + 22u);
}

TEST(Pseudonymize, StableAndNormalized) {
  PseudonymKey key{"k1", "secret-1"};
  EXPECT_EQ(Pseudonymize(key, "email", "alice@example.com"),
            Pseudonymize(key, "email", " ALICE@example.com\t"));
  EXPECT_EQ(Pseudonymize(key, "phone", "+1 (555) 010-9999"),
            Pseudonymize(key, "phone", "+15550109999"));
  EXPECT_EQ(Pseudonymize(key, "user_id", " u-42 "), Pseudonymize(key, "user_id", "u-42"));
  // Default normalization keeps case and inner whitespace.
  EXPECT_NE(Pseudonymize(key, "user_id", "U-42"), Pseudonymize(key, "user_id", "u-42"));
  EXPECT_NE(Pseudonymize(key, "user_id", "u 42"), Pseudonymize(key, "user_id", "u42"));
  // Near miss: a leading '+' is significant for phones.
  EXPECT_NE(Pseudonymize(key, "phone", "15550109999"), Pseudonymize(key, "phone", "+15550109999"));
}

TEST(Pseudonymize, Normalization) {
  EXPECT_EQ(NormalizeForPseudonym("email", " Bob@X.ORG\n"), "bob@x.org");
  EXPECT_EQ(NormalizeForPseudonym("phone", "+44 20-7946 0958 ext"), "+442079460958");
  EXPECT_EQ(NormalizeForPseudonym("city", "  Paris  "), "Paris");
  EXPECT_EQ(NormalizeForPseudonym("email", ""), "");
  EXPECT_EQ(NormalizeForPseudonym("phone", "no digits"), "");
  // Non-ASCII bytes pass through untouched.
  EXPECT_EQ(NormalizeForPseudonym("email", "J\xc3\x96RG@X.DE"), "j\xc3\x96rg@x.de");
}

TEST(Pseudonymize, SeparatesKeysAndClasses) {
  PseudonymKey a{"k1", "secret-a"};
  PseudonymKey b{"k1", "secret-b"};
  EXPECT_NE(Pseudonymize(a, "email", "x@y.z"), Pseudonymize(b, "email", "x@y.z"));
  EXPECT_NE(Pseudonymize(a, "user_id", "42"), Pseudonymize(a, "account_id", "42"));
  EXPECT_NE(Pseudonymize(a, "user_id", "42"), Pseudonymize(a, "user_id", "43"));
  PseudonymKey c{"k2", "secret-a"};
  EXPECT_EQ(Pseudonymize(c, "user_id", "42").substr(0, 6), "ps_k2_");
  EXPECT_EQ(Pseudonymize(c, "user_id", "42").substr(6), Pseudonymize(a, "user_id", "42").substr(6));
  // Empty values and keys are still handled.
  PseudonymKey empty{"", ""};
  EXPECT_EQ(Pseudonymize(empty, "", "").substr(0, 4), "ps__");
}

TEST(DeriveVendorKey, UnlinkableAcrossVendors) {
  PseudonymKey master{"m1", "master-secret"};
  PseudonymKey v1 = DeriveVendorKey(master, "acme");
  PseudonymKey v2 = DeriveVendorKey(master, "globex");
  EXPECT_EQ(v1.id, "m1.acme");
  EXPECT_EQ(v2.id, "m1.globex");
  EXPECT_EQ(v1.secret.size(), 32u);
  EXPECT_NE(v1.secret, v2.secret);
  EXPECT_NE(v1.secret, master.secret);
  std::string p1 = Pseudonymize(v1, "email", "a@b.c");
  std::string p2 = Pseudonymize(v2, "email", "a@b.c");
  EXPECT_EQ(p1.substr(0, 11), "ps_m1.acme_");
  EXPECT_NE(p1.substr(p1.rfind('_')), p2.substr(p2.rfind('_')));
  // Deterministic, and documented as HMAC(master, "metagate-vendor:" + vendor).
  EXPECT_EQ(DeriveVendorKey(master, "acme").secret, v1.secret);
  internal::Sha256Tag t = internal::HmacSha256("master-secret", "metagate-vendor:acme");
  EXPECT_EQ(v1.secret, std::string(reinterpret_cast<const char*>(t.data()), t.size()));
  // Different masters give different vendor keys.
  EXPECT_NE(DeriveVendorKey(PseudonymKey{"m1", "other"}, "acme").secret, v1.secret);
}

}  // namespace
}  // namespace metagate::transform
