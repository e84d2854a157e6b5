#include "metagate/transform/pseudonymize.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include <cstdlib>

#include "hmac.h"
#include "text_util.h"

namespace metagate::transform {
namespace internal {

Sha256Tag HmacSha256(std::string_view key, std::string_view message) {
  Sha256Tag tag{};
  unsigned int len = 0;
  // OpenSSL wants a non-null key pointer even for an empty key.
  static const unsigned char kEmpty = 0;
  const void* key_ptr = key.empty() ? &kEmpty : static_cast<const void*>(key.data());
  const unsigned char* msg_ptr =
      message.empty() ? &kEmpty : reinterpret_cast<const unsigned char*>(message.data());
  if (HMAC(EVP_sha256(), key_ptr, static_cast<int>(key.size()), msg_ptr, message.size(), tag.data(),
           &len) == nullptr ||
      len != tag.size()) {
    std::abort();
  }
  return tag;
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
