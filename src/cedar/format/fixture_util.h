// Test helper: the Cedar-produced fixtures under tests/fixtures/policy_format.
#pragma once

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

namespace metagate::cedar::testing {

inline std::string PolicyFormatFixturesDir() {
  return std::string(METAGATE_SOURCE_DIR) + "/tests/fixtures/policy_format";
}

// The fixture names (file names without `.cedar`), sorted.
inline std::vector<std::string> PolicyFormatFixtures() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::directory_iterator(PolicyFormatFixturesDir())) {
    const std::string name = e.path().filename().string();
    if (name.size() > 6 && name.substr(name.size() - 6) == ".cedar") {
      out.push_back(name.substr(0, name.size() - 6));
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace metagate::cedar::testing
