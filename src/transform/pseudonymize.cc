#include "metagate/transform/pseudonymize.h"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <cstdlib>
#include <string>

#include "hmac.h"
#include "text_util.h"

namespace metagate::transform {
namespace internal {

namespace {

// One HMAC-SHA256 context per thread, fetched once and re-keyed only when the key changes:
// OpenSSL's one-shot HMAC() fetches the algorithm and builds a context on every call, which
// costs far more than hashing a short value.
class ThreadHmac {
 public:
  ThreadHmac() {
    mac_ = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    ctx_ = mac_ != nullptr ? EVP_MAC_CTX_new(mac_) : nullptr;
    if (ctx_ == nullptr) std::abort();
  }
  ~ThreadHmac() {
    OPENSSL_cleanse(key_.data(), key_.size());
    EVP_MAC_CTX_free(ctx_);
    EVP_MAC_free(mac_);
  }
  ThreadHmac(const ThreadHmac&) = delete;
  ThreadHmac& operator=(const ThreadHmac&) = delete;

  Sha256Tag Compute(std::string_view key, std::string_view message) {
    // OpenSSL wants non-null pointers even for empty inputs.
    static const unsigned char kEmpty = 0;
    int ok = 0;
    if (keyed_ && key == key_) {
      ok = EVP_MAC_init(ctx_, nullptr, 0, nullptr);  // same key: reset, keep the key schedule
    } else {
      char digest[] = "SHA256";
      OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                             OSSL_PARAM_construct_end()};
      const unsigned char* key_ptr =
          key.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(key.data());
      ok = EVP_MAC_init(ctx_, key_ptr, key.size(), params);
      OPENSSL_cleanse(key_.data(), key_.size());
      key_.assign(key);
      keyed_ = ok == 1;
    }
    const unsigned char* msg_ptr =
        message.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(message.data());
    Sha256Tag tag{};
    size_t len = 0;
    if (ok != 1 || EVP_MAC_update(ctx_, msg_ptr, message.size()) != 1 ||
        EVP_MAC_final(ctx_, tag.data(), &len, tag.size()) != 1 || len != tag.size()) {
      std::abort();  // only when OpenSSL itself fails (out of memory)
    }
    return tag;
  }

 private:
  EVP_MAC* mac_ = nullptr;
  EVP_MAC_CTX* ctx_ = nullptr;
  std::string key_;  // the key the context holds; cleansed when replaced
  bool keyed_ = false;
};

}  // namespace

Sha256Tag HmacSha256(std::string_view key, std::string_view message) {
  thread_local ThreadHmac hmac;
  return hmac.Compute(key, message);
}

}  // namespace internal

std::string NormalizeForPseudonym(std::string_view cls, std::string_view value) {
  if (cls == "email") {
    return internal::Lower(internal::Trim(value));
  }
  if (cls == "phone") {
    std::string out;
    for (char c : value) {
      if (c == '+' || (c >= '0' && c <= '9')) out.push_back(c);
    }
    return out;
  }
  return std::string(internal::Trim(value));
}

std::string Base64UrlNoPad(std::string_view bytes) {
  static constexpr char kAlphabet[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  std::string out;
  out.reserve((bytes.size() * 4 + 2) / 3);
  size_t i = 0;
  for (; i + 3 <= bytes.size(); i += 3) {
    uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) |
                 (static_cast<uint8_t>(bytes[i + 1]) << 8) | static_cast<uint8_t>(bytes[i + 2]);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
    out.push_back(kAlphabet[v & 63]);
  }
  size_t rest = bytes.size() - i;
  if (rest == 1) {
    uint32_t v = static_cast<uint8_t>(bytes[i]) << 16;
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
  } else if (rest == 2) {
    uint32_t v = (static_cast<uint8_t>(bytes[i]) << 16) | (static_cast<uint8_t>(bytes[i + 1]) << 8);
    out.push_back(kAlphabet[(v >> 18) & 63]);
    out.push_back(kAlphabet[(v >> 12) & 63]);
    out.push_back(kAlphabet[(v >> 6) & 63]);
  }
  return out;
}

std::string Pseudonymize(const PseudonymKey& key, std::string_view cls, std::string_view value) {
  std::string message;
  message.reserve(cls.size() + 1 + value.size());
  message.append(cls);
  message.push_back(':');
  message.append(NormalizeForPseudonym(cls, value));
  internal::Sha256Tag tag = internal::HmacSha256(key.secret, message);
  std::string out = "ps_" + key.id + "_" +
                    Base64UrlNoPad(std::string_view(reinterpret_cast<const char*>(tag.data()), 16));
  OPENSSL_cleanse(tag.data(), tag.size());
  return out;
}

PseudonymKey DeriveVendorKey(const PseudonymKey& master, std::string_view vendor_id) {
  std::string info = "metagate-vendor:";
  info.append(vendor_id);
  internal::Sha256Tag tag = internal::HmacSha256(master.secret, info);
  PseudonymKey out;
  out.id = master.id + "." + std::string(vendor_id);
  out.secret.assign(reinterpret_cast<const char*>(tag.data()), tag.size());
  OPENSSL_cleanse(tag.data(), tag.size());
  return out;
}

}  // namespace metagate::transform
