#include "metagate/transform/pseudonymize.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstring>
#include <random>
#include <vector>

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

// RFC 4231 §4.4, §4.5, §4.7 and §4.8: longer data, a 25-byte key, and keys longer than a
// SHA-256 block (hashed first) with short and long data.
TEST(Hmac, Rfc4231LongerKeysAndData) {
  EXPECT_EQ(Hex(internal::HmacSha256(std::string(20, '\xaa'), std::string(50, '\xdd'))),
            "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
  std::string key4;
  for (char c = 1; c <= 25; ++c) key4.push_back(c);
  EXPECT_EQ(Hex(internal::HmacSha256(key4, std::string(50, '\xcd'))),
            "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
  std::string big_key(131, '\xaa');
  EXPECT_EQ(
      Hex(internal::HmacSha256(big_key, "Test Using Larger Than Block-Size Key - Hash Key First")),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  EXPECT_EQ(Hex(internal::HmacSha256(
                big_key,
                "This is a test using a larger than block-size key and a larger than block-size "
                "data. The key needs to be hashed before being used by the HMAC algorithm.")),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
}

// The keyed states are cached per thread: switching keys back and forth, keys of every length
// around the block size and messages split in parts must all match OpenSSL's one-shot HMAC().
TEST(Hmac, MatchesOpenSslOneShotOnRandomInputs) {
  std::mt19937 rng(20261130);
  auto bytes = [&](size_t n) {
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    return s;
  };
  std::vector<std::string> keys;
  for (size_t n : {0, 1, 16, 32, 63, 64, 65, 100, 200}) keys.push_back(bytes(n));
  for (int round = 0; round < 400; ++round) {
    const std::string& key = keys[rng() % keys.size()];
    std::string message = bytes(rng() % 300);
    unsigned char expected[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    ASSERT_NE(HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                   reinterpret_cast<const unsigned char*>(message.data()), message.size(), expected,
                   &len),
              nullptr);
    ASSERT_EQ(len, 32u);
    internal::Sha256Tag whole = internal::HmacSha256(key, message);
    size_t cut = message.empty() ? 0 : rng() % message.size();
    std::string_view m(message);
    internal::Sha256Tag parts = internal::HmacSha256(key, {m.substr(0, cut), "", m.substr(cut)});
    EXPECT_EQ(0, std::memcmp(whole.data(), expected, 32))
        << "key " << key.size() << " message " << message.size();
    EXPECT_EQ(whole, parts);
  }
}

// Every message length from 0 to 200 bytes, under keys shorter than, equal to and longer than a
// block: covers the one-block path (up to 55 bytes), its boundary at 55/56 where the length no
// longer fits, the second block's boundary at 119/120, and messages split so that the one-block
// path assembles its block from several parts (including empty ones).
TEST(Hmac, MatchesOpenSslOneShotAtEveryLength) {
  std::mt19937 rng(7);
  auto bytes = [&](size_t n) {
    std::string s(n, '\0');
    for (char& c : s) c = static_cast<char>(rng());
    return s;
  };
  const std::string keys[] = {bytes(5), bytes(32), bytes(64), bytes(90)};
  for (const std::string& key : keys) {
    for (size_t n = 0; n <= 200; ++n) {
      for (int trial = 0; trial < 3; ++trial) {
        std::string message = bytes(n);
        unsigned char expected[EVP_MAX_MD_SIZE];
        unsigned int len = 0;
        ASSERT_NE(HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
                       reinterpret_cast<const unsigned char*>(message.data()), message.size(),
                       expected, &len),
                  nullptr);
        ASSERT_EQ(len, 32u);
        internal::Sha256Tag whole = internal::HmacSha256(key, message);
        ASSERT_EQ(0, std::memcmp(whole.data(), expected, 32))
            << "key " << key.size() << " message " << n;
        size_t a = n == 0 ? 0 : rng() % (n + 1);
        size_t b = a + (n == a ? 0 : rng() % (n - a + 1));
        std::string_view m(message);
        internal::Sha256Tag parts =
            internal::HmacSha256(key, {m.substr(0, a), "", m.substr(a, b - a), m.substr(b)});
        ASSERT_EQ(whole, parts) << "key " << key.size() << " message " << n << " cut " << a << ","
                                << b;
      }
    }
  }
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

TEST(Pseudonymize, AppendMatchesAndLongValues) {
  PseudonymKey key{"k1", "Jefe"};
  std::string out = "prefix:";
  AppendPseudonym(out, key, "email", "  Alice@Example.COM ");
  EXPECT_EQ(out, "prefix:" + Pseudonymize(key, "email", "alice@example.com"));
  EXPECT_EQ(out,
            "prefix:ps_k1_" + Truncated(internal::HmacSha256("Jefe", "email:alice@example.com")));
  // Longer than the stack buffer: normalized on the heap, same definition.
  std::string long_email = " " + std::string(300, 'A') + "@EXAMPLE.com ";
  EXPECT_EQ(Pseudonymize(key, "email", long_email),
            "ps_k1_" + Truncated(internal::HmacSha256(
                           "Jefe", "email:" + std::string(300, 'a') + "@example.com")));
  std::string long_phone = "+1 " + std::string(400, '5') + " x";
  EXPECT_EQ(Pseudonymize(key, "phone", long_phone),
            "ps_k1_" + Truncated(internal::HmacSha256("Jefe", "phone:+1" + std::string(400, '5'))));
}

// E-mail lowercasing works 8 bytes at a time plus a tail: every byte value, at every length
// around the word size, must come out as the one-byte-at-a-time ASCII rule says.
TEST(Pseudonymize, EmailLowercaseEveryByteAndLength) {
  auto ascii_lower = [](std::string s) {
    for (char& c : s) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + ('a' - 'A'));
    }
    return s;
  };
  std::string all;
  for (int b = 0; b < 256; ++b) {
    if (b != ' ' && (b < '\t' || b > '\r')) all.push_back(static_cast<char>(b));  // no trim
  }
  EXPECT_EQ(NormalizeForPseudonym("email", all), ascii_lower(all));
  // The letters just outside A-Z, and A-Z with the high bit set, must stay as they are.
  EXPECT_EQ(NormalizeForPseudonym("email", "@AZ[`az{\xc1\xda"), "@az[`az{\xc1\xda");
  for (size_t start = 0; start + 40 <= all.size(); start += 37) {
    for (size_t n = 0; n <= 40; ++n) {
      std::string v = all.substr(start, n);
      EXPECT_EQ(NormalizeForPseudonym("email", v), ascii_lower(v)) << start << "+" << n;
    }
  }
}

// Pseudonyms of many values (lengths across the one-block HMAC limit, every class's
// normalization, key ids empty, short and longer than std::string's inline buffer) against
// OpenSSL's one-shot HMAC of "cls:" + the normal form, appended after existing output.
TEST(Pseudonymize, ManyValuesMatchOpenSslHmac) {
  std::mt19937 rng(99);
  const char kChars[] = "aZ09 @.+-_()\t\xc3\xa9";
  const PseudonymKey keys[] = {{"", "k"},
                               {"k1", "0123456789abcdef0123456789abcdef"},
                               {"a-much-longer-key-identifier.vendor", std::string(70, '\x5a')}};
  const char* classes[] = {"email", "phone", "user_id", "ip"};
  for (int round = 0; round < 2000; ++round) {
    const PseudonymKey& key = keys[rng() % 3];
    std::string cls = classes[rng() % 4];
    std::string value(rng() % 80, '\0');
    for (char& c : value) c = kChars[rng() % (sizeof kChars - 1)];
    std::string message = cls + ":" + NormalizeForPseudonym(cls, value);
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    ASSERT_NE(
        HMAC(EVP_sha256(), key.secret.data(), static_cast<int>(key.secret.size()),
             reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac, &len),
        nullptr);
    std::string expected =
        "ps_" + key.id + "_" + Base64UrlNoPad(std::string_view(reinterpret_cast<char*>(mac), 16));
    EXPECT_EQ(Pseudonymize(key, cls, value), expected) << cls << " value of " << value.size();
    std::string out = "x,";
    AppendPseudonym(out, key, cls, value);
    EXPECT_EQ(out, "x," + expected);
  }
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
