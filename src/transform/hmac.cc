// HMAC-SHA256 (RFC 2104) over OpenSSL's SHA-256 compression. The EVP_MAC interface re-derives
// the padded key on every init and finalizes through several layers; here the two keyed states
// are computed once per key and copied per tag. OpenSSL's SHA256_* functions are deprecated in
// favour of EVP but remain the way to copy a bare SHA-256 state (and still use SHA-NI).
// Messages that fit one block with their padding skip SHA256_Update/Final: the padded inner and
// outer blocks are built here and each costs exactly one SHA256_Transform.
#define OPENSSL_SUPPRESS_DEPRECATED
#include "hmac.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <bit>
#include <cstdlib>
#include <cstring>
#include <string>

namespace metagate::transform::internal {

namespace {

constexpr size_t kBlock = 64;   // SHA-256 block size
constexpr size_t kLenAt = 56;   // offset of the 64-bit big-endian bit length in the last block
constexpr size_t kDigest = 32;  // SHA-256 digest size
// The longest message whose 0x80 byte and length still fit in its single block.
constexpr size_t kMaxOneBlock = kLenAt - 1;

void StoreBe32(uint32_t v, unsigned char* p) {
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap32(v);
  std::memcpy(p, &v, sizeof v);
}

// Writes the 64-bit big-endian bit length of a hash input of one key block plus `len` bytes.
void StoreBitLength(unsigned char* block, size_t len) {
  uint64_t bits = uint64_t{kBlock + len} * 8;
  StoreBe32(static_cast<uint32_t>(bits >> 32), block + kLenAt);
  StoreBe32(static_cast<uint32_t>(bits), block + kLenAt + 4);
}

// The second half of the outer block: the padding after the 32-byte inner digest.
constexpr std::array<unsigned char, kBlock - kDigest> kOuterPadding = [] {
  std::array<unsigned char, kBlock - kDigest> pad{};
  pad[0] = 0x80;
  uint64_t bits = uint64_t{kBlock + kDigest} * 8;
  for (size_t i = 0; i < 8; ++i)
    pad[pad.size() - 1 - i] = static_cast<unsigned char>(bits >> (8 * i));
  return pad;
}();

// The keyed inner and outer states of the last key this thread used.
class KeyStates {
 public:
  KeyStates() = default;
  ~KeyStates() { Clear(); }
  KeyStates(const KeyStates&) = delete;
  KeyStates& operator=(const KeyStates&) = delete;

  // Makes the states those of `key` (recomputed only when the key changes).
  void Select(std::string_view key) {
    if (valid_ && key == key_) return;
    Clear();
    unsigned char k0[kBlock] = {};
    if (key.size() > kBlock) {
      SHA256_CTX c;
      if (SHA256_Init(&c) != 1 || SHA256_Update(&c, key.data(), key.size()) != 1 ||
          SHA256_Final(k0, &c) != 1) {
        std::abort();
      }
      OPENSSL_cleanse(&c, sizeof c);
    } else if (!key.empty()) {
      std::memcpy(k0, key.data(), key.size());
    }
    unsigned char pad[kBlock];
    for (size_t i = 0; i < kBlock; ++i) pad[i] = k0[i] ^ 0x36;
    bool ok = SHA256_Init(&inner_) == 1 && SHA256_Update(&inner_, pad, kBlock) == 1;
    for (size_t i = 0; i < kBlock; ++i) pad[i] = k0[i] ^ 0x5c;
    ok = ok && SHA256_Init(&outer_) == 1 && SHA256_Update(&outer_, pad, kBlock) == 1;
    OPENSSL_cleanse(pad, sizeof pad);
    OPENSSL_cleanse(k0, sizeof k0);
    if (!ok) std::abort();
    key_.assign(key);
    valid_ = true;
  }

  const SHA256_CTX& inner() const { return inner_; }
  const SHA256_CTX& outer() const { return outer_; }

 private:
  void Clear() {
    OPENSSL_cleanse(key_.data(), key_.size());
    key_.clear();
    OPENSSL_cleanse(&inner_, sizeof inner_);
    OPENSSL_cleanse(&outer_, sizeof outer_);
    valid_ = false;
  }

  std::string key_;
  SHA256_CTX inner_{};
  SHA256_CTX outer_{};
  bool valid_ = false;
};

// HMAC of a message of `len` <= kMaxOneBlock bytes: one compression from each keyed state.
Sha256Tag OneBlockTag(const KeyStates& states, std::initializer_list<std::string_view> parts,
                      size_t len) {
  // Everything derived from the key or message lives here, so one wipe covers it. Only h[] of
  // the context is read or written by SHA256_Transform, so only h[] is copied in.
  struct {
    SHA256_CTX c;
    unsigned char block[kBlock];
  } s;
  std::memset(s.block, 0, kBlock);  // fixed size: a few stores, then message, 0x80 and length
  unsigned char* p = s.block;
  for (std::string_view part : parts) {
    if (!part.empty()) std::memcpy(p, part.data(), part.size());
    p += part.size();
  }
  *p = 0x80;
  StoreBitLength(s.block, len);
  std::memcpy(s.c.h, states.inner().h, sizeof s.c.h);
  SHA256_Transform(&s.c, s.block);
  // The outer message is the 32-byte inner digest.
  for (size_t i = 0; i < 8; ++i) StoreBe32(s.c.h[i], s.block + 4 * i);
  std::memcpy(s.block + kDigest, kOuterPadding.data(), kOuterPadding.size());
  std::memcpy(s.c.h, states.outer().h, sizeof s.c.h);
  SHA256_Transform(&s.c, s.block);
  Sha256Tag tag;
  for (size_t i = 0; i < 8; ++i) StoreBe32(s.c.h[i], tag.data() + 4 * i);
  // explicit_bzero is glibc's memset that the compiler may not drop (OPENSSL_cleanse wipes byte
  // by byte, ~120 instructions here).
  explicit_bzero(&s, sizeof s);
  return tag;
}

}  // namespace

Sha256Tag HmacSha256(std::string_view key, std::initializer_list<std::string_view> parts) {
  thread_local KeyStates states;
  states.Select(key);
  size_t len = 0;
  for (std::string_view p : parts) len += p.size();
  if (len <= kMaxOneBlock) return OneBlockTag(states, parts, len);
  SHA256_CTX c = states.inner();
  bool ok = true;
  for (std::string_view p : parts) ok = ok && SHA256_Update(&c, p.data(), p.size()) == 1;
  Sha256Tag inner_digest;
  ok = ok && SHA256_Final(inner_digest.data(), &c) == 1;
  c = states.outer();
  Sha256Tag tag;
  ok = ok && SHA256_Update(&c, inner_digest.data(), inner_digest.size()) == 1 &&
       SHA256_Final(tag.data(), &c) == 1;
  OPENSSL_cleanse(&c, sizeof c);
  OPENSSL_cleanse(inner_digest.data(), inner_digest.size());
  if (!ok) std::abort();
  return tag;
}

}  // namespace metagate::transform::internal
