// Runs test files in Cedar's integration-test JSON format (see ../shared/cedar-tests/README.md):
// loads the schema, entities and policies a test names, authorizes each request and compares
// decision, reasons and errors with the expectations. Used by `metagate cedar-test`.
#pragma once

#include <string>
#include <vector>

namespace metagate::cli {

struct TestFileResult {
  std::string path;          // as given
  std::string display_path;  // relative to the root when possible
  int passed = 0;            // requests that matched
  int failed = 0;            // requests that did not match (or all, if the file failed to load)
  bool load_failed = false;
  bool validation_unchecked = false;  // has a shouldValidate expectation we do not check yet
  std::vector<std::string> messages;  // one line per failing request or load problem
};

// Runs one test file. `root` is the folder the paths inside the test resolve from; when empty,
// the nearest ancestor folder of the test file under which its policy file exists is used.
TestFileResult RunCedarTestFile(const std::string& path, const std::string& root);

// Expands directories into the test files under them (every *.json except *.entities.json),
// sorted; files are passed through.
std::vector<std::string> ExpandTestPaths(const std::vector<std::string>& paths);

}  // namespace metagate::cli
