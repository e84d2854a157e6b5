// HoldCipher: seals events held for approval at rest with AES-256-GCM. Each sealing draws a
// fresh 96-bit nonce; the associated data binds the sealed bytes to their integration, vendor
// and ingest path, so a row moved to another flow does not open.
#pragma once

#include <string>
#include <string_view>

#include "metagate/common/status.h"

namespace metagate::governance {

class HoldCipher {
 public:
  // `key`: 32 bytes, or 64 hex digits.
  static Result<HoldCipher> Create(std::string_view key);

  // nonce (12) + ciphertext + tag (16).
  Result<std::string> Seal(std::string_view plain, std::string_view associated) const;
  // Fails (without saying more) when the bytes or the associated data were changed.
  Result<std::string> Open(std::string_view sealed, std::string_view associated) const;

 private:
  std::string key_;  // 32 bytes
};

// The associated data of held events.
std::string HeldAssociatedData(std::string_view integration, std::string_view vendor,
                               std::string_view ingest_path);

}  // namespace metagate::governance
