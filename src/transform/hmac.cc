// HMAC-SHA256 (RFC 2104) over OpenSSL's SHA-256 compression. The EVP_MAC interface re-derives
// the padded key on every init and finalizes through several layers; here the two keyed states
// are computed once per key and copied per tag. OpenSSL's SHA256_* functions are deprecated in
// favour of EVP but remain the way to copy a bare SHA-256 state (and still use SHA-NI).
#define OPENSSL_SUPPRESS_DEPRECATED
#include "hmac.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cstdlib>
#include <cstring>
#include <string>

namespace metagate::transform::internal {

namespace {

constexpr size_t kBlock = 64;  // SHA-256 block size

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

}  // namespace

Sha256Tag HmacSha256(std::string_view key, std::initializer_list<std::string_view> parts) {
  thread_local KeyStates states;
  states.Select(key);
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
