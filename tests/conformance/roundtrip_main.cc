// Round-trip conformance over Cedar's integration tests: for every test file, the policies are
// sent through each representation metagate offers and must keep their meaning:
//   text -> policy-set JSON -> policies;  that -> Cedar text (printer) -> parse;
//   text -> pretty JSON -> Cedar text (the `translate` helpers) -> parse;
//   text -> format -> parse;  and format(format(x)) == format(x).
// Every request of the test is authorized against each stage and must give the same decision,
// reasons and erroring policies as the original policies do.
// Usage: metagate_roundtrip_test SHARED_CEDAR_TESTS_DIR
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/formatter.h"
#include "metagate/cedar/policy_json.h"
#include "metagate/cedar/schema.h"
#include "metagate/common/file_util.h"
#include "metagate/common/json.h"

namespace {

namespace fs = std::filesystem;
using namespace metagate;  // NOLINT

struct Loaded {
  std::optional<cedar::Schema> schema;
  cedar::Entities entities;
  std::vector<cedar::Request> requests;
  std::string policy_text;
  std::string policy_rel;
};

Result<Loaded> Load(const std::string& root, const std::string& test_path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(test_path));
  ASSIGN_OR_RETURN(json::Value test, json::Parse(text));
  const json::Value* policies = test.Find("policies");
  const json::Value* entities = test.Find("entities");
  const json::Value* schema = test.Find("schema");
  const json::Value* requests = test.Find("requests");
  if (policies == nullptr || entities == nullptr || requests == nullptr || !policies->is_string() ||
      !entities->is_string() || !requests->is_array()) {
    return Status::Invalid("not a Cedar test file");
  }
  Loaded out;
  out.policy_rel = policies->as_string();
  if (schema != nullptr && schema->is_string()) {
    ASSIGN_OR_RETURN(std::string schema_text, ReadFile(root + "/" + schema->as_string()));
    ASSIGN_OR_RETURN(cedar::Schema s, cedar::ParseSchemaText(schema_text));
    out.schema = std::move(s);
  }
  const cedar::Schema* sp = out.schema ? &*out.schema : nullptr;
  ASSIGN_OR_RETURN(out.policy_text, ReadFile(root + "/" + out.policy_rel));
  ASSIGN_OR_RETURN(std::string entities_text, ReadFile(root + "/" + entities->as_string()));
  ASSIGN_OR_RETURN(out.entities, cedar::EntitiesFromJson(entities_text, sp));
  for (const auto& req : requests->items()) {
    const json::Value* p = req.Find("principal");
    const json::Value* a = req.Find("action");
    const json::Value* r = req.Find("resource");
    if (p == nullptr || a == nullptr || r == nullptr) return Status::Invalid("bad request");
    cedar::Request request;
    ASSIGN_OR_RETURN(request.principal, cedar::EntityUidFromJson(*p));
    ASSIGN_OR_RETURN(request.action, cedar::EntityUidFromJson(*a));
    ASSIGN_OR_RETURN(request.resource, cedar::EntityUidFromJson(*r));
    if (const json::Value* ctx = req.Find("context")) {
      auto context = cedar::ContextFromJson(*ctx, sp, request.action);
      if (!context.ok()) continue;  // the conformance test covers bad contexts
      request.context = std::move(context).value();
    }
    out.requests.push_back(std::move(request));
  }
  return out;
}

std::string Describe(const cedar::Response& r) {
  std::string out = r.decision == cedar::Decision::kAllow ? "allow" : "deny";
  out += " reasons {";
  for (const auto& id : r.reasons) out += " " + id;
  out += " } errors {";
  for (const auto& e : r.errors) out += " " + e.policy_id;
  return out + " }";
}

// Static policies and templates of `set` in the order of their ids (policy0, policy1, ...).
std::vector<cedar::PolicyPtr> InIdOrder(const cedar::PolicySet& set) {
  std::vector<cedar::PolicyPtr> all;
  for (const auto& p : set.policies()) {
    if (p->template_id.empty()) all.push_back(p);
  }
  for (const auto& t : set.templates()) all.push_back(t);
  auto num = [](const std::string& id) {
    return id.rfind("policy", 0) == 0 ? std::stol(id.substr(6)) : -1L;
  };
  std::sort(all.begin(), all.end(),
            [&](const auto& a, const auto& b) { return num(a->id) < num(b->id); });
  return all;
}

struct Stats {
  int files = 0;
  int requests = 0;
  int failures = 0;
};

void Fail(Stats& stats, const std::string& where, const std::string& msg) {
  ++stats.failures;
  if (stats.failures <= 50) std::fprintf(stderr, "FAIL %s: %s\n", where.c_str(), msg.c_str());
}

void CheckFile(const std::string& root, const std::string& path, Stats& stats,
               std::set<std::string>& formatted_files) {
  const std::string where = fs::relative(path, root).string();
  Result<Loaded> loaded = Load(root, path);
  if (!loaded.ok()) return;  // files that do not load are the conformance test's business
  Result<cedar::PolicySet> original = cedar::PolicySet::FromText(loaded->policy_text);
  if (!original.ok()) return;
  ++stats.files;

  std::map<std::string, Result<cedar::PolicySet>> stages;
  // 1. text -> JSON -> policies.
  std::string json_text = cedar::PolicySetToJson(*original);
  stages.emplace("json", cedar::PolicySetFromJson(json_text));
  // 2. JSON policies -> Cedar text -> policies.
  if (stages.at("json").ok()) {
    Result<std::string> text = cedar::PoliciesToText(InIdOrder(*stages.at("json")));
    stages.emplace("json->text", text.ok() ? cedar::PolicySet::FromText(*text)
                                           : Result<cedar::PolicySet>(text.status()));
    // The JSON of the re-read policies is the same JSON.
    if (cedar::PolicySetToJson(*stages.at("json")) != json_text) {
      Fail(stats, where, "policy-set JSON changed after a JSON round trip");
    }
  }
  // 3. The `translate` helpers: text -> pretty JSON -> Cedar text -> policies.
  {
    Result<std::string> pretty_json = cedar::PolicyTextToJson(loaded->policy_text);
    Result<std::string> text = pretty_json.ok() ? cedar::PolicyJsonToText(*pretty_json)
                                                : Result<std::string>(pretty_json.status());
    stages.emplace("translate", text.ok() ? cedar::PolicySet::FromText(*text)
                                          : Result<cedar::PolicySet>(text.status()));
  }
  // 4. text -> format -> policies; format is idempotent.
  Result<std::string> formatted = cedar::FormatPolicies(loaded->policy_text);
  if (formatted.ok()) {
    stages.emplace("format", cedar::PolicySet::FromText(*formatted));
    if (formatted_files.insert(loaded->policy_rel).second) {
      Result<std::string> again = cedar::FormatPolicies(*formatted);
      if (!again.ok() || *again != *formatted) Fail(stats, where, "format is not idempotent");
    }
  } else {
    Fail(stats, where, "format failed: " + formatted.status().ToString());
  }
  for (const auto& [name, set] : stages) {
    if (!set.ok()) {
      Fail(stats, where, name + ": " + set.status().ToString());
    } else if (cedar::PolicySetToJson(*set) != json_text) {
      // Every stage keeps the policies' JSON (their ASTs as Cedar sees them) unchanged.
      Fail(stats, where, name + ": the policies' JSON changed");
    }
  }
  for (size_t i = 0; i < loaded->requests.size(); ++i) {
    const cedar::Request& req = loaded->requests[i];
    ++stats.requests;
    const std::string want = Describe(cedar::IsAuthorized(req, *original, loaded->entities));
    for (const auto& [name, set] : stages) {
      if (!set.ok()) continue;
      const std::string got = Describe(cedar::IsAuthorized(req, *set, loaded->entities));
      if (got != want) {
        Fail(stats, where + " [request " + std::to_string(i) + "]",
             name + ": expected " + want + ", got " + got);
      }
    }
  }
}

std::vector<std::string> TestFiles(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!it->is_regular_file() || name.size() < 5 || name.substr(name.size() - 5) != ".json")
      continue;
    if (name.size() >= 14 && name.substr(name.size() - 14) == ".entities.json") continue;
    out.push_back(it->path().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fputs("usage: metagate_roundtrip_test SHARED_CEDAR_TESTS_DIR\n", stderr);
    return 2;
  }
  const std::string root = argv[1];
  Stats stats;
  std::set<std::string> formatted_files;
  for (const char* sub : {"tests", "corpus-tests"}) {
    for (const std::string& path : TestFiles(root + "/" + sub)) {
      CheckFile(root, path, stats, formatted_files);
    }
  }
  std::printf("roundtrip: %d test files, %zu policy files, %d requests x 4 stages, %d failures\n",
              stats.files, formatted_files.size(), stats.requests, stats.failures);
  return stats.failures == 0 && stats.files > 0 ? 0 : 1;
}
