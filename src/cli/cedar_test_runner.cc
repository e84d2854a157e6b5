#include "cedar_test_runner.h"

#include <algorithm>
#include <filesystem>

#include "cedar_test_file.h"
#include "metagate/cedar/validator.h"

namespace metagate::cli {

namespace fs = std::filesystem;

namespace {

// Validates the policy set in strict mode and compares with the test's `shouldValidate`.
void CheckPolicyValidation(const CedarTestFile& file, const cedar::Schema& schema,
                           TestFileResult& result) {
  if (!file.should_validate) return;
  const bool expected = *file.should_validate;
  std::vector<cedar::PolicyPtr> all = file.policies.policies();
  all.insert(all.end(), file.policies.templates().begin(), file.policies.templates().end());
  cedar::ValidationResult v = cedar::ValidatePolicies(schema, all);
  if (v.ok() == expected) {
    ++result.policies.passed;
    return;
  }
  ++result.policies.failed;
  std::string msg = result.display_path + ": expected the policies to " +
                    (expected ? "validate" : "fail validation") + "; got " +
                    (v.ok() ? "no findings"
                            : std::to_string(v.findings.size()) +
                                  (v.findings.size() == 1 ? " finding" : " findings"));
  for (const auto& f : v.findings) {
    msg += "\n    " + f.policy_id + " " + f.loc.ToString() + ": " + f.message;
  }
  result.messages.push_back(msg);
}

}  // namespace

std::vector<std::string> ExpandTestPaths(const std::vector<std::string>& paths) {
  std::vector<std::string> out;
  for (const auto& p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> found;
    for (auto it = fs::recursive_directory_iterator(p, ec); !ec && it != fs::end(it);
         it.increment(ec)) {
      if (!it->is_regular_file()) continue;
      std::string name = it->path().filename().string();
      if (name.size() < 5 || name.substr(name.size() - 5) != ".json") continue;
      if (name.size() >= 14 && name.substr(name.size() - 14) == ".entities.json") continue;
      found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    out.insert(out.end(), found.begin(), found.end());
  }
  return out;
}

TestFileResult RunCedarTestFile(const std::string& path, const std::string& root_arg) {
  TestFileResult result;
  result.path = path;
  CedarTestFile file = LoadCedarTestFile(path, root_arg);
  result.display_path = file.display_path;
  if (!file.status.ok()) {
    // A file that could not be read as far as its requests counts as one failure, else every
    // request fails.
    result.load_failed = true;
    result.failed = std::max(file.request_count, 1);
    if (file.entities_rejected) ++result.entities.failed;
    result.messages.push_back(result.display_path + ": " + file.status.ToString());
    return result;
  }
  const cedar::Schema* schema_ptr = file.schema_ptr();
  if (schema_ptr != nullptr) {
    CheckPolicyValidation(file, *schema_ptr, result);
    Status st = cedar::ValidateEntities(*schema_ptr, file.entities);
    if (st.ok()) {
      ++result.entities.passed;
    } else {
      ++result.entities.failed;
      result.messages.push_back(result.display_path + ": entities do not validate against the " +
                                "schema: " + st.ToString());
    }
  }

  for (const CedarTestRequest& req : file.requests) {
    auto fail = [&](const std::string& msg) {
      ++result.failed;
      result.messages.push_back(req.label + ": " + msg);
    };
    if (!req.problem.ok()) {
      if (req.context_rejected && schema_ptr != nullptr) ++result.requests.failed;
      fail(req.problem.ToString());
      continue;
    }
    if (schema_ptr != nullptr && req.validate) {
      Status st = cedar::ValidateRequest(*schema_ptr, req.request);
      if (!st.ok()) {
        ++result.requests.failed;
        fail("the request does not validate against the schema: " + st.ToString());
        continue;
      }
      ++result.requests.passed;
    }
    if (!req.expected || !req.expectation_problem.ok()) {
      fail("a request needs `decision`, and `reason`/`errors` as arrays of policy ids");
      continue;
    }
    cedar::Response response = cedar::IsAuthorized(req.request, file.policies, file.entities);
    if (auto mismatch = CompareResponse(*req.expected, response)) {
      fail(*mismatch);
    } else {
      ++result.passed;
    }
  }
  return result;
}

}  // namespace metagate::cli
