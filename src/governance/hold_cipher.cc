#include "hold_cipher.h"

#include <openssl/evp.h>
#include <openssl/rand.h>

#include <memory>

#include "metagate/common/hex.h"

namespace metagate::governance {

namespace {

constexpr size_t kNonce = 12;
constexpr size_t kTag = 16;

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

std::string FromHex(std::string_view hex) {
  std::string out;
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    out.push_back(static_cast<char>(HexDigitValue(hex[i]) * 16 + HexDigitValue(hex[i + 1])));
  }
  return out;
}

bool IsHex(std::string_view s) {
  for (char c : s) {
    if (HexDigitValue(c) < 0) return false;
  }
  return true;
}

}  // namespace

Result<HoldCipher> HoldCipher::Create(std::string_view key) {
  HoldCipher c;
  if (key.size() == 64 && IsHex(key)) {
    c.key_ = FromHex(key);
  } else if (key.size() == 32) {
    c.key_ = std::string(key);
  } else {
    return Status::Invalid(
        "the hold key must be 32 bytes or 64 hex digits (e.g. `openssl rand -hex 32`)");
  }
  return c;
}

Result<std::string> HoldCipher::Seal(std::string_view plain, std::string_view associated) const {
  std::string out(kNonce + plain.size() + kTag, '\0');
  auto* nonce = reinterpret_cast<unsigned char*>(out.data());
  if (RAND_bytes(nonce, kNonce) != 1) return Status::Internal("no random bytes for a nonce");
  CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  int len = 0;
  auto* key = reinterpret_cast<const unsigned char*>(key_.data());
  auto* ct = nonce + kNonce;
  if (!ctx || EVP_EncryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key, nonce) != 1 ||
      EVP_EncryptUpdate(ctx.get(), nullptr, &len,
                        reinterpret_cast<const unsigned char*>(associated.data()),
                        static_cast<int>(associated.size())) != 1 ||
      EVP_EncryptUpdate(ctx.get(), ct, &len, reinterpret_cast<const unsigned char*>(plain.data()),
                        static_cast<int>(plain.size())) != 1 ||
      EVP_EncryptFinal_ex(ctx.get(), ct + len, &len) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTag, ct + plain.size()) != 1) {
    return Status::Internal("sealing a held event failed");
  }
  return out;
}

Result<std::string> HoldCipher::Open(std::string_view sealed, std::string_view associated) const {
  if (sealed.size() < kNonce + kTag) return Status::Invalid("a held event does not open");
  size_t n = sealed.size() - kNonce - kTag;
  std::string out(n, '\0');
  auto* nonce = reinterpret_cast<const unsigned char*>(sealed.data());
  auto* key = reinterpret_cast<const unsigned char*>(key_.data());
  CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  int len = 0;
  std::string tag(sealed.substr(kNonce + n));
  if (!ctx || EVP_DecryptInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, key, nonce) != 1 ||
      EVP_DecryptUpdate(ctx.get(), nullptr, &len,
                        reinterpret_cast<const unsigned char*>(associated.data()),
                        static_cast<int>(associated.size())) != 1 ||
      EVP_DecryptUpdate(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len,
                        nonce + kNonce, static_cast<int>(n)) != 1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTag, tag.data()) != 1 ||
      EVP_DecryptFinal_ex(ctx.get(), reinterpret_cast<unsigned char*>(out.data()) + len, &len) !=
          1) {
    return Status::Invalid(
        "a held event does not open: it was changed, or the key is not the one "
        "it was sealed with");
  }
  return out;
}

std::string HeldAssociatedData(std::string_view integration, std::string_view vendor,
                               std::string_view ingest_path) {
  std::string out = "metagate-held-v1\n";
  out.append(integration).append("\n").append(vendor).append("\n").append(ingest_path);
  return out;
}

}  // namespace metagate::governance
