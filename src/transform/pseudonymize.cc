#include "metagate/transform/pseudonymize.h"

#include <openssl/crypto.h>

#include <bit>
#include <cstdint>
#include <cstring>
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

// Writes `chars` (at most 10) base64url characters of the leading bits of the big-endian 64-bit
// word at `b` (8 bytes readable); returns the end of what it wrote.
char* EncodeBigEndianBits(const uint8_t* b, size_t chars, char* out) {
  uint64_t v;
  std::memcpy(&v, b, 8);
  if constexpr (std::endian::native == std::endian::little) v = __builtin_bswap64(v);
#pragma GCC unroll 10
  for (size_t k = 0; k < chars; ++k) *out++ = kAlphabet[(v >> (58 - 6 * k)) & 63];
  return out;
}

// Writes the base64url form of the tag's first kTagBytes bytes (kTagChars characters): bytes
// 0-5 and 6-11 give 8 characters each, bytes 12-15 the last 6 (the final one padded with zero
// bits). Reads at most up to byte 19 of the 32.
void EncodeTag(const internal::Sha256Tag& tag, char* out) {
  static_assert(kTagBytes == 16 && kTagChars == 22 && sizeof(internal::Sha256Tag) >= 20);
  out = EncodeBigEndianBits(tag.data(), 8, out);
  out = EncodeBigEndianBits(tag.data() + 6, 8, out);
  uint32_t last;
  std::memcpy(&last, tag.data() + 12, 4);
  if constexpr (std::endian::native == std::endian::little) last = __builtin_bswap32(last);
  uint64_t v = uint64_t{last} << 4;  // 36 bits, the last 4 zero
#pragma GCC unroll 6
  for (size_t k = 0; k < 6; ++k) *out++ = kAlphabet[(v >> (30 - 6 * k)) & 63];
}

// ASCII-lowercases the 8 bytes of `w` at once: a byte gets bit 5 set when it is 'A'..'Z' (its
// high bit clear, its low 7 bits >= 'A' and <= 'Z'); other bytes, non-ASCII included, stay.
uint64_t LowerAscii8(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101;
  uint64_t low7 = w & (0x7f * kOnes);
  uint64_t at_least_a = low7 + (0x80 - 'A') * kOnes;   // bit 7 set where low7 >= 'A'
  uint64_t above_z = low7 + (0x80 - 'Z' - 1) * kOnes;  // bit 7 set where low7 > 'Z'
  uint64_t upper = at_least_a & ~above_z & ~w & (0x80 * kOnes);
  return w | (upper >> 2);
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
    std::string_view v = internal::Trim(value);
    for (; n + 8 <= v.size(); n += 8) {
      uint64_t w;
      std::memcpy(&w, v.data() + n, 8);
      w = LowerAscii8(w);
      std::memcpy(out + n, &w, 8);
    }
    if (n < v.size() && v.size() >= 8) {
      // The last 8 bytes, overlapping bytes already written with the same values.
      uint64_t w;
      std::memcpy(&w, v.data() + v.size() - 8, 8);
      w = LowerAscii8(w);
      std::memcpy(out + v.size() - 8, &w, 8);
      n = v.size();
    }
    for (; n < v.size(); ++n) out[n] = internal::ToLower(v[n]);  // values under 8 bytes
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
  // One resize, then the pieces are written in place ("ps_" id "_" tag).
  size_t at = out.size();
  out.resize(at + 3 + key.id.size() + 1 + kTagChars);
  char* o = out.data() + at;
  std::memcpy(o, "ps_", 3);
  o += 3;
  if (!key.id.empty()) std::memcpy(o, key.id.data(), key.id.size());
  o += key.id.size();
  *o++ = '_';
  EncodeTag(tag, o);
  explicit_bzero(tag.data(), tag.size());  // glibc's memset the compiler may not drop
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
