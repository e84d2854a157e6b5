#include "sender_auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace metagate::gateway {

namespace {

// The SHA-256 of `s` as 64 lowercase hex digits, the form the config stores.
std::string Sha256Hex(const std::string& s) {
  static const char kHex[] = "0123456789abcdef";
  unsigned char digest[32] = {};
  unsigned int len = 0;
  if (EVP_Digest(s.data(), s.size(), digest, &len, EVP_sha256(), nullptr) != 1 || len != 32) {
    return "";  // matches no configured digest
  }
  std::string out(64, '0');
  for (unsigned int i = 0; i < 32; ++i) {
    out[2 * i] = kHex[digest[i] >> 4];
    out[2 * i + 1] = kHex[digest[i] & 15];
  }
  return out;
}

}  // namespace

SenderAuth::SenderAuth(const std::vector<egress::IntegrationConfig>& integrations) {
  for (const egress::IntegrationConfig& in : integrations) {
    for (const egress::CredentialHash& c : in.credentials) {
      entries_.push_back(Entry{c.kind, c.sha256, &in});
    }
  }
}

const egress::IntegrationConfig* SenderAuth::Find(
    const std::vector<SenderCredential>& candidates) const {
  for (const SenderCredential& c : candidates) {
    if (c.secret.empty()) continue;
    std::string digest = Sha256Hex(c.secret);
    const egress::IntegrationConfig* found = nullptr;
    for (const Entry& e : entries_) {  // every entry, whatever matched before
      bool same = e.sha256.size() == digest.size() &&
                  CRYPTO_memcmp(e.sha256.data(), digest.data(), digest.size()) == 0;
      if (same && e.kind == c.kind && found == nullptr) found = e.integration;
    }
    if (found != nullptr) return found;
  }
  return nullptr;
}

}  // namespace metagate::gateway
