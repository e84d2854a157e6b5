// `metagate cedar-test`: runs Cedar integration-test files and reports every mismatch.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "cedar_test_runner.h"
#include "commands.h"
#include "metagate/common/file_util.h"

namespace metagate::cli {

namespace {

// Reads a known-failures list: one test file path per line (relative to the test root),
// blank lines and `#` comments ignored.
std::set<std::string> ReadKnownFailures(const std::string& text) {
  std::set<std::string> out;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(start, end - start);
    if (auto hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    while (!line.empty() && isspace(static_cast<unsigned char>(line.back()))) line.pop_back();
    size_t first = line.find_first_not_of(" \t");
    if (first != std::string::npos) out.insert(line.substr(first));
    start = end + 1;
  }
  return out;
}

}  // namespace

int RunCedarTest(int argc, char** argv) {
  CLI::App app{
      "Runs test files in Cedar's integration-test JSON format: for each request, authorizes it\n"
      "and compares the decision, the determining policies and the erroring policies with the\n"
      "expected ones. With a schema, also validates the policies in strict mode (compared with\n"
      "`shouldValidate`), the entities, and each request unless its `validateRequest` is false.\n"
      "Prints one line per failing request or validation check and ends with\n"
      "`validation: ...` and `N passed, M failed` (requests). Directories are searched for test\n"
      "files (*.json but not *.entities.json).",
      "metagate cedar-test"};
  std::vector<std::string> paths;
  std::string root;
  std::string known_failures_path;
  bool quiet = false;
  app.add_option("files", paths, "Test files or directories")->required();
  app.add_option("--root", root,
                 "Folder that paths inside the tests resolve from (default: the nearest ancestor "
                 "folder of each test under which its policy file exists)");
  app.add_option("--known-failures", known_failures_path,
                 "File listing test files expected to fail (one per line, relative to the root). "
                 "Then exit 1 only on a failure not listed, or on a listed file that now passes");
  app.add_flag("-q,--quiet", quiet, "Print only files that fail unexpectedly and the summary");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  std::set<std::string> known;
  bool use_known = !known_failures_path.empty();
  if (use_known) {
    auto text = ReadFile(known_failures_path);
    if (!text.ok()) {
      std::fprintf(stderr, "cedar-test: %s\n", text.status().ToString().c_str());
      return 2;
    }
    known = ReadKnownFailures(*text);
  }

  std::vector<std::string> files = ExpandTestPaths(paths);
  if (files.empty()) {
    std::fprintf(stderr, "cedar-test: no test files found\n");
    return 2;
  }
  long passed = 0, failed = 0;
  int files_failed = 0, unexpected = 0, fixed = 0, still_known = 0;
  ValidationCounts vpolicies, ventities, vrequests;
  auto add = [](ValidationCounts& to, const ValidationCounts& from) {
    to.passed += from.passed;
    to.failed += from.failed;
  };
  std::set<std::string> seen;
  for (const auto& file : files) {
    TestFileResult r = RunCedarTestFile(file, root);
    passed += r.passed;
    failed += r.failed;
    seen.insert(r.display_path);
    add(vpolicies, r.policies);
    add(ventities, r.entities);
    add(vrequests, r.requests);
    bool listed = known.count(r.display_path) > 0;
    if (r.any_failed()) {
      ++files_failed;
      if (listed) {
        ++still_known;
      } else {
        ++unexpected;
      }
      if (!quiet || !listed) {
        for (const auto& m : r.messages) std::printf("FAIL %s\n", m.c_str());
      }
    } else if (listed) {
      ++fixed;
      std::printf("FIXED %s: passes now; remove it from %s\n", r.display_path.c_str(),
                  known_failures_path.c_str());
    }
  }
  for (const auto& k : known) {
    if (!seen.count(k)) {
      std::printf("STALE %s: listed in %s but not run\n", k.c_str(), known_failures_path.c_str());
    }
  }
  std::printf("%zu test files, %d with failures", files.size(), files_failed);
  if (use_known) {
    std::printf(" (%d known, %d unexpected); %d known failures now pass", still_known, unexpected,
                fixed);
  }
  std::printf("\n");
  std::printf(
      "validation: policy sets %d agree, %d disagree; entity sets %d valid, %d invalid; "
      "requests %d valid, %d invalid\n",
      vpolicies.passed, vpolicies.failed, ventities.passed, ventities.failed, vrequests.passed,
      vrequests.failed);
  std::printf("%ld passed, %ld failed\n", passed, failed);
  std::fflush(stdout);
  if (use_known) return (unexpected > 0 || fixed > 0) ? 1 : 0;
  return files_failed > 0 ? 1 : 0;
}

}  // namespace metagate::cli
