// The HMAC key of the decision log's checkpoints: read from a key file, or created there on first
// use. The key is never printed or put into a message. Thread-compatible.
#pragma once

#include <string>

#include "metagate/common/status.h"

namespace metagate::governance {

// Returns the key in `path` (its bytes, one trailing newline removed). When the file does not
// exist, creates it (mode 0600, folders as needed) with 32 random bytes hex-encoded and returns
// that. An empty or unreadable file is an error naming the path.
Result<std::string> LoadOrCreateKeyFile(const std::string& path);

}  // namespace metagate::governance
