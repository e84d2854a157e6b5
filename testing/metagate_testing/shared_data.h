// Test-only access to ../shared (Cedar's conformance tests, datasets): tests that read it skip
// themselves in a user's own clone without it, but fail under CI=true, where it must be present.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace metagate::testing {

// The shared/ folder: $METAGATE_SHARED_DIR, else ../shared beside the source tree.
inline std::filesystem::path SharedDir() {
  if (const char* env = std::getenv("METAGATE_SHARED_DIR")) return env;
  return std::filesystem::path(METAGATE_SOURCE_DIR) / ".." / "shared";
}

inline bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

}  // namespace metagate::testing

// Sets `var` to SharedDir()/`sub`; when that does not exist, skips the test, or fails it in CI.
#define METAGATE_SHARED_PATH_OR_SKIP(var, sub)                                        \
  const std::filesystem::path var = ::metagate::testing::SharedDir() / (sub);         \
  do {                                                                                \
    if (!std::filesystem::exists(var)) {                                              \
      if (::metagate::testing::InCi()) FAIL() << "missing " << var << " (CI=true)";   \
      GTEST_SKIP() << "no " << var << " (clone shared/ beside the repo to run this)"; \
    }                                                                                 \
  } while (0)
