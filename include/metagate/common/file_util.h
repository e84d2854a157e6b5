// Reading whole files into memory, with errors a user can act on. Thread-safe.
#pragma once

#include <string>

#include "metagate/common/status.h"

namespace metagate {

// Returns the file's contents, or an I/O error naming the path and the reason.
Result<std::string> ReadFile(const std::string& path);

// Writes `contents` to `path` atomically (write to a temporary file, then rename).
Status WriteFileAtomic(const std::string& path, const std::string& contents);

}  // namespace metagate
