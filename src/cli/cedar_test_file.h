// Loads one test file in Cedar's integration-test JSON format (see
// ../shared/cedar-tests/README.md): resolves its paths, reads the schema, policies, entities and
// requests with their expectations. Shared by `metagate cedar-test` (which checks everything) and
// `metagate bench` (which times it).
#pragma once

#include <optional>
#include <set>
#include <string>
#include <vector>

#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/schema.h"
#include "metagate/common/status.h"

namespace metagate::cli {

// What a request of a test file expects: `decision`, `reason` and `errors` (policy ids).
struct CedarTestExpectation {
  std::string decision;  // lower case as written: "allow" or "deny" (anything else never matches)
  std::set<std::string> reasons;
  std::set<std::string> errors;
};

// One request of a test file, read and ready to authorize.
struct CedarTestRequest {
  std::string label;  // `FILE [request N "description"]`, to name it in messages
  // Not ok: the request could not be read (a bad entity uid or a context that does not fit).
  Status problem;
  bool context_rejected = false;  // `problem` is a context the schema rejects
  cedar::Request request;
  bool validate = true;  // `validateRequest` (absent means true)
  // Absent: the request has no `decision`, or `expectation_problem` says what is malformed.
  std::optional<CedarTestExpectation> expected;
  Status expectation_problem;
};

// A loaded test file. When `status` is not ok, the fields after it may be partly filled.
struct CedarTestFile {
  std::string display_path;        // relative to the root when possible, else as given
  Status status;                   // why the file could not be loaded (the message omits the path)
  int request_count = -1;          // requests the file lists; -1 when it could not be read that far
  bool entities_rejected = false;  // the entities failed to load while a schema was given

  std::string root;
  std::optional<bool> should_validate;
  std::optional<cedar::Schema> schema;
  cedar::PolicySet policies;
  cedar::Entities entities;
  size_t policies_bytes = 0;  // sizes of the policy and entity files as read
  size_t entities_bytes = 0;
  std::vector<CedarTestRequest> requests;

  const cedar::Schema* schema_ptr() const { return schema ? &*schema : nullptr; }
};

// Loads `path`. `root` is the folder the paths inside the test resolve from; when empty, the
// nearest ancestor folder of the test file under which its policy file exists is used.
CedarTestFile LoadCedarTestFile(const std::string& path, const std::string& root);

// Compares a response with an expectation; returns nothing when they agree, else a message
// `expected ... ; got ...` (with the errors' messages, which never contain attribute values).
std::optional<std::string> CompareResponse(const CedarTestExpectation& expected,
                                           const cedar::Response& response);

}  // namespace metagate::cli
