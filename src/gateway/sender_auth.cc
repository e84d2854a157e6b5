#include "sender_auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace metagate::gateway {

namespace {

int HexValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::array<uint8_t, 32> Sha256(const std::string& s) {
  std::array<uint8_t, 32> out{};
  unsigned int len = 0;
  if (EVP_Digest(s.data(), s.size(), out.data(), &len, EVP_sha256(), nullptr) != 1) out.fill(0);
  return out;
}

}  // namespace

SenderAuth::SenderAuth(const std::vector<egress::IntegrationConfig>& integrations) {
  for (const egress::IntegrationConfig& in : integrations) {
    for (const egress::CredentialHash& c : in.credentials) {
      Entry e;
      e.kind = c.kind;
      e.integration = &in;
      for (size_t i = 0; i < 32 && 2 * i + 1 < c.sha256.size(); ++i) {
        e.digest[i] =
            static_cast<uint8_t>(HexValue(c.sha256[2 * i]) * 16 + HexValue(c.sha256[2 * i + 1]));
      }
      entries_.push_back(e);
    }
  }
}

const egress::IntegrationConfig* SenderAuth::Find(
    const std::vector<SenderCredential>& candidates) const {
  for (const SenderCredential& c : candidates) {
    if (c.secret.empty()) continue;
    std::array<uint8_t, 32> digest = Sha256(c.secret);
    const egress::IntegrationConfig* found = nullptr;
    for (const Entry& e : entries_) {  // every entry, whatever matched before
      bool same = CRYPTO_memcmp(e.digest.data(), digest.data(), digest.size()) == 0;
      if (same && e.kind == c.kind && found == nullptr) found = e.integration;
    }
    if (found != nullptr) return found;
  }
  return nullptr;
}

}  // namespace metagate::gateway
