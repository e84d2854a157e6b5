// SenderAuth: finds the integration a credential belongs to by comparing the SHA-256 of the
// presented secret with every configured digest of its kind, in constant time (no early exit, so
// timing tells nothing about which digest or how much of it matched).
#pragma once

#include <string>
#include <vector>

#include "metagate/egress/config.h"

namespace metagate::gateway {

struct SenderCredential {
  std::string kind;    // "bearer" | "write_key" | "api_key"
  std::string secret;  // as presented; never logged
};

class SenderAuth {
 public:
  explicit SenderAuth(const std::vector<egress::IntegrationConfig>& integrations);
  // The integration one of `candidates` belongs to, or nullptr.
  const egress::IntegrationConfig* Find(const std::vector<SenderCredential>& candidates) const;

 private:
  struct Entry {
    std::string kind;
    std::string sha256;  // 64 lowercase hex digits, as the config stores them
    const egress::IntegrationConfig* integration = nullptr;
  };
  std::vector<Entry> entries_;
};

}  // namespace metagate::gateway
