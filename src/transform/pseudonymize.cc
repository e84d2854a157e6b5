#include "metagate/transform/pseudonymize.h"

#include <openssl/crypto.h>

#include <cstdint>
#include <string>

#include "hmac.h"
#include "text_util.h"

namespace metagate::transform {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr size_t kTagBytes = 16;  // of the 32-byte HMAC, the pseudonym keeps 16
constexpr size_t kTagChars = (kTagBytes * 4 + 2) / 3;  // 22 base64url characters

// Writes base64url without padding of `n` bytes to `out` (room for (n * 4 + 2) / 3 characters);
// returns the characters written.
size_t EncodeBase64Url(const uint8_t* b, size_t n, char* out) {
  char* o = out;
  size_t i = 0;
  for (; i + 3 <= n; i += 3) {
    uint32_t v = (uint32_t(b[i]) << 16) | (uint32_t(b[i + 1]) << 8) | b[i + 2];
    o[0] = kAlphabet[(v >> 18) & 63];
    o[1] = kAlphabet[(v >> 12) & 63];
    o[2] = kAlphabet[(v >> 6) & 63];
    o[3] = kAlphabet[v & 63];
    o += 4;
  }
  size_t rest = n - i;
  if (rest != 0) {
    uint32_t v = uint32_t(b[i]) << 16;
    if (rest == 2) v |= uint32_t(b[i + 1]) << 8;
    *o++ = kAlphabet[(v >> 18) & 63];
    *o++ = kAlphabet[(v >> 12) & 63];
    if (rest == 2) *o++ = kAlphabet[(v >> 6) & 63];
  }
  return size_t(o - out);
}

// Writes the normal form of `value` to `buf` when it fits (it is never longer than `value`),
// else to `spill`; returns it.
std::string_view NormalizeInto(std::string_view cls, std::string_view value, char* buf, size_t cap,
                               std::string& spill) {
  if (cls != "email" && cls != "phone") return internal::Trim(value);
  char* out = buf;
  if (value.size() > cap) {
    spill.resize(value.size());
    out = spill.data();
  }
  size_t n = 0;
  if (cls == "email") {
    for (char c : internal::Trim(value)) out[n++] = internal::ToLower(c);
  } else {
    for (char c : value) {
      if (c == '+' || internal::IsDigit(c)) out[n++] = c;
    }
  }
  return std::string_view(out, n);
}

}  // namespace

std::string NormalizeForPseudonym(std::string_view cls, std::string_view value) {
  std::string spill;
  char buf[256];
  return std::string(NormalizeInto(cls, value, buf, sizeof buf, spill));
}

std::string Base64UrlNoPad(std::string_view bytes) {
  std::string out((bytes.size() * 4 + 2) / 3, '\0');
  EncodeBase64Url(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), out.data());
  return out;
}

void AppendPseudonym(std::string& out, const PseudonymKey& key, std::string_view cls,
                     std::string_view value) {
  std::string spill;
  char buf[256];
  std::string_view normal = NormalizeInto(cls, value, buf, sizeof buf, spill);
  internal::Sha256Tag tag = internal::HmacSha256(key.secret, {cls, ":", normal});
  char text[kTagChars];
  EncodeBase64Url(tag.data(), kTagBytes, text);
  OPENSSL_cleanse(tag.data(), tag.size());
  out.reserve(out.size() + 4 + key.id.size() + kTagChars);
  out.append("ps_", 3);
  out.append(key.id);
  out.push_back('_');
  out.append(text, kTagChars);
}

std::string Pseudonymize(const PseudonymKey& key, std::string_view cls, std::string_view value) {
  std::string out;
  AppendPseudonym(out, key, cls, value);
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
