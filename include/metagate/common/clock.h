// Wall-clock time as Unix milliseconds, for records and replies that carry a timestamp (spool
// entries, sink records, vendor replies).
#pragma once

#include <chrono>
#include <cstdint>

namespace metagate {

inline int64_t UnixMillis() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace metagate
