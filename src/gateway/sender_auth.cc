#include "sender_auth.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>

#include "metagate/common/digest.h"

namespace metagate::gateway {

namespace {}  // namespace

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
