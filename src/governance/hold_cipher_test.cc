#include "hold_cipher.h"

#include <gtest/gtest.h>

#include <cctype>
#include <string>

namespace metagate::governance {
namespace {

constexpr char kHexKey[] = "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f";
// The same 32 bytes as kHexKey.
std::string RawKey() {
  std::string k;
  for (int i = 0; i < 32; ++i) k.push_back(static_cast<char>(i));
  return k;
}

// The opened text, or a marker no test text equals.
std::string Text(const Result<std::string>& r) { return r.ok() ? *r : "<does not open>"; }

const std::string kPlain =
    R"({"type":"track","event":"E","properties":{"email":"ann@example.com"}})";
const std::string kAd = HeldAssociatedData("svc", "seg", "/v1/batch");

TEST(HoldCipherTest, SealedTextOpensToTheOriginalAndHidesIt) {
  auto c = HoldCipher::Create(kHexKey);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  auto sealed = c->Seal(kPlain, kAd);
  ASSERT_TRUE(sealed.ok());
  EXPECT_EQ(sealed->size(), 12 + kPlain.size() + 16);
  EXPECT_EQ(sealed->find("ann@example.com"), std::string::npos);
  auto opened = c->Open(*sealed, kAd);
  ASSERT_TRUE(opened.ok()) << opened.status().ToString();
  EXPECT_EQ(*opened, kPlain);
  // The empty text round-trips too.
  auto empty = c->Seal("", kAd);
  ASSERT_TRUE(empty.ok());
  EXPECT_EQ(Text(c->Open(*empty, kAd)), "");
}

TEST(HoldCipherTest, HexAndRawKeysAreTheSameKey) {
  auto hex = HoldCipher::Create(kHexKey);
  auto raw = HoldCipher::Create(RawKey());
  ASSERT_TRUE(hex.ok());
  ASSERT_TRUE(raw.ok());
  auto sealed = hex->Seal(kPlain, kAd);
  ASSERT_TRUE(sealed.ok());
  auto opened = raw->Open(*sealed, kAd);
  ASSERT_TRUE(opened.ok());
  EXPECT_EQ(*opened, kPlain);
  // Upper-case hex digits are the same key.
  std::string upper = kHexKey;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  auto up = HoldCipher::Create(upper);
  ASSERT_TRUE(up.ok());
  EXPECT_EQ(Text(up->Open(*sealed, kAd)), kPlain);
}

TEST(HoldCipherTest, BadKeysAreRefusedWithoutQuotingThem) {
  const std::string secret = "my-secret-key-material";
  for (const std::string& key :
       {std::string(), std::string(31, 'k'), std::string(33, 'k'), std::string(63, 'a'),
        std::string(65, 'a'), std::string(64, 'g'), secret}) {
    auto c = HoldCipher::Create(key);
    ASSERT_FALSE(c.ok()) << key.size();
    EXPECT_EQ(c.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(c.status().message().find("32 bytes or 64 hex digits"), std::string::npos);
    EXPECT_EQ(c.status().message().find(secret), std::string::npos);
  }
}

TEST(HoldCipherTest, AnyFlippedByteFailsToOpen) {
  auto c = HoldCipher::Create(kHexKey);
  ASSERT_TRUE(c.ok());
  auto sealed = c->Seal(kPlain, kAd);
  ASSERT_TRUE(sealed.ok());
  // Every byte: the nonce (0..11), the ciphertext and the tag (last 16).
  for (size_t i = 0; i < sealed->size(); ++i) {
    std::string bad = *sealed;
    bad[i] = static_cast<char>(bad[i] ^ 0x01);
    auto opened = c->Open(bad, kAd);
    ASSERT_FALSE(opened.ok()) << "byte " << i;
    EXPECT_EQ(opened.status().message().find("ann@"), std::string::npos);
  }
  // Cut short: fewer bytes than a nonce and a tag, or one byte missing.
  EXPECT_FALSE(c->Open(sealed->substr(0, 27), kAd).ok());
  EXPECT_FALSE(c->Open(sealed->substr(0, sealed->size() - 1), kAd).ok());
  EXPECT_FALSE(c->Open("", kAd).ok());
}

TEST(HoldCipherTest, OtherAssociatedDataFailsToOpen) {
  auto c = HoldCipher::Create(kHexKey);
  ASSERT_TRUE(c.ok());
  auto sealed = c->Seal(kPlain, kAd);
  ASSERT_TRUE(sealed.ok());
  EXPECT_FALSE(c->Open(*sealed, HeldAssociatedData("stg", "seg", "/v1/batch")).ok());
  EXPECT_FALSE(c->Open(*sealed, HeldAssociatedData("svc", "mp", "/v1/batch")).ok());
  EXPECT_FALSE(c->Open(*sealed, HeldAssociatedData("svc", "seg", "/v1/track")).ok());
  EXPECT_FALSE(c->Open(*sealed, "").ok());
  EXPECT_TRUE(c->Open(*sealed, HeldAssociatedData("svc", "seg", "/v1/batch")).ok());
}

TEST(HoldCipherTest, OtherKeyFailsToOpen) {
  auto c = HoldCipher::Create(kHexKey);
  std::string other_hex = kHexKey;
  other_hex.back() = 'e';
  auto other = HoldCipher::Create(other_hex);
  ASSERT_TRUE(c.ok());
  ASSERT_TRUE(other.ok());
  auto sealed = c->Seal(kPlain, kAd);
  ASSERT_TRUE(sealed.ok());
  auto opened = other->Open(*sealed, kAd);
  ASSERT_FALSE(opened.ok());
  EXPECT_NE(opened.status().message().find("key"), std::string::npos);
}

TEST(HoldCipherTest, EachSealingDrawsAFreshNonce) {
  auto c = HoldCipher::Create(kHexKey);
  ASSERT_TRUE(c.ok());
  auto a = c->Seal(kPlain, kAd);
  auto b = c->Seal(kPlain, kAd);
  ASSERT_TRUE(a.ok());
  ASSERT_TRUE(b.ok());
  EXPECT_NE(*a, *b);
  EXPECT_NE(a->substr(0, 12), b->substr(0, 12));
  EXPECT_EQ(Text(c->Open(*a, kAd)), kPlain);
  EXPECT_EQ(Text(c->Open(*b, kAd)), kPlain);
}

}  // namespace
}  // namespace metagate::governance
