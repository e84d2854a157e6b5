// Runs test files in Cedar's integration-test JSON format (see ../shared/cedar-tests/README.md):
// loads the schema, entities and policies a test names, authorizes each request and compares
// decision, reasons and errors with the expectations. Also validates the policies (strict mode)
// against `shouldValidate`, the entities against the schema, and each request against the
// schema unless its `validateRequest` is false. Used by `metagate cedar-test`.
#pragma once

#include <string>
#include <vector>

namespace metagate::cli {

struct ValidationCounts {
  int passed = 0;
  int failed = 0;
};

struct TestFileResult {
  std::string path;          // as given
  std::string display_path;  // relative to the root when possible
  int passed = 0;            // requests that matched
  int failed = 0;            // requests that did not match (or all, if the file failed to load)
  bool load_failed = false;
  // Validation checks (policy set against `shouldValidate`, entities against the schema, each
  // request with `validateRequest` against the schema): how many agreed and disagreed.
  ValidationCounts policies, entities, requests;
  std::vector<std::string> messages;  // one line per failing request or load problem

  bool any_failed() const {
    return failed > 0 || policies.failed > 0 || entities.failed > 0 || requests.failed > 0;
  }
};

// Runs one test file. `root` is the folder the paths inside the test resolve from; when empty,
// the nearest ancestor folder of the test file under which its policy file exists is used.
TestFileResult RunCedarTestFile(const std::string& path, const std::string& root);

// Expands directories into the test files under them (every *.json except *.entities.json),
// sorted; files are passed through.
std::vector<std::string> ExpandTestPaths(const std::vector<std::string>& paths);

}  // namespace metagate::cli
