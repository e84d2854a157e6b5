#include "cedar_test_runner.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/schema.h"
#include "metagate/cedar/schema_json.h"
#include "metagate/cedar/validator.h"
#include "metagate/common/file_util.h"
#include "metagate/common/json.h"

namespace metagate::cli {

namespace fs = std::filesystem;
using cedar::Decision;

namespace {

std::string FindRoot(const std::string& test_path, const std::string& policies_rel) {
  fs::path dir = fs::absolute(fs::path(test_path)).parent_path();
  while (true) {
    std::error_code ec;
    if (fs::exists(dir / policies_rel, ec)) return dir.string();
    if (!dir.has_parent_path() || dir.parent_path() == dir) return "";
    dir = dir.parent_path();
  }
}

std::string SetToString(const std::set<std::string>& s) {
  std::string out = "{";
  bool first = true;
  for (const auto& e : s) {
    if (!first) out += ", ";
    first = false;
    out += e;
  }
  return out + "}";
}

Result<std::set<std::string>> StringSet(const json::Value* v, const char* what) {
  std::set<std::string> out;
  if (v == nullptr) return out;
  if (!v->is_array()) return Status::Invalid(std::string("`") + what + "` must be an array");
  for (const auto& item : v->items()) {
    if (!item.is_string()) {
      return Status::Invalid(std::string("`") + what + "` must hold strings", item.loc());
    }
    out.insert(item.as_string());
  }
  return out;
}

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

const std::string* StringMember(const json::Value& obj, const char* key) {
  const json::Value* v = obj.Find(key);
  if (v == nullptr || !v->is_string()) return nullptr;
  return &v->as_string();
}

// Validates the policy set in strict mode and compares with the test's `shouldValidate`.
void CheckPolicyValidation(const json::Value& test, const cedar::Schema& schema,
                           const cedar::PolicySet& policies, TestFileResult& result) {
  const json::Value* expected = test.Find("shouldValidate");
  if (expected == nullptr || !expected->is_bool()) return;
  std::vector<cedar::PolicyPtr> all = policies.policies();
  all.insert(all.end(), policies.templates().begin(), policies.templates().end());
  cedar::ValidationResult v = cedar::ValidatePolicies(schema, all);
  if (v.ok() == expected->as_bool()) {
    ++result.policies.passed;
    return;
  }
  ++result.policies.failed;
  std::string msg = result.display_path + ": expected the policies to " +
                    (expected->as_bool() ? "validate" : "fail validation") + "; got " +
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
  result.display_path = path;
  auto fail_load = [&](const std::string& msg) {
    result.load_failed = true;
    result.failed = std::max(result.failed, 1);
    result.messages.push_back(result.display_path + ": " + msg);
    return result;
  };

  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return fail_load(text.status().ToString());
  Result<json::Value> doc = json::Parse(*text);
  if (!doc.ok()) return fail_load(doc.status().ToString());
  const json::Value& test = *doc;
  const std::string* policies_rel = StringMember(test, "policies");
  const std::string* entities_rel = StringMember(test, "entities");
  const std::string* schema_rel = StringMember(test, "schema");
  if (policies_rel == nullptr || entities_rel == nullptr) {
    return fail_load("a test needs string fields `policies` and `entities`");
  }
  const json::Value* requests = test.Find("requests");
  if (requests == nullptr || !requests->is_array()) {
    return fail_load("a test needs an array `requests`");
  }
  int request_count = static_cast<int>(requests->items().size());
  auto fail_all = [&](const std::string& msg) {
    result.load_failed = true;
    result.failed = std::max(request_count, 1);
    result.messages.push_back(result.display_path + ": " + msg);
    return result;
  };

  std::string root = root_arg.empty() ? FindRoot(path, *policies_rel) : root_arg;
  if (root.empty())
    return fail_all("cannot find the folder that `" + *policies_rel +
                    "` is relative to; pass --root");
  {
    std::error_code ec;
    fs::path rel = fs::relative(fs::absolute(path), fs::absolute(root), ec);
    if (!ec && !rel.empty() && rel.string().rfind("..", 0) != 0) result.display_path = rel.string();
  }
  auto resolve = [&](const std::string& rel) { return (fs::path(root) / rel).string(); };

  if (const json::Value* fmt = test.Find("policyFormat");
      fmt != nullptr && !(fmt->is_string() && fmt->as_string() == "cedar")) {
    return fail_all("policyFormat other than \"cedar\" is not supported yet");
  }
  bool schema_is_json = false;
  if (const json::Value* fmt = test.Find("schemaFormat"); fmt != nullptr) {
    schema_is_json = fmt->is_string() && fmt->as_string() == "json";
    if (!schema_is_json && !(fmt->is_string() && fmt->as_string() == "cedar")) {
      return fail_all("schemaFormat must be \"cedar\" or \"json\"");
    }
  }

  std::optional<cedar::Schema> schema;
  if (schema_rel != nullptr) {
    Result<std::string> schema_text = ReadFile(resolve(*schema_rel));
    if (!schema_text.ok()) return fail_all(schema_text.status().ToString());
    Result<cedar::Schema> parsed = schema_is_json ? cedar::ParseSchemaJson(*schema_text)
                                                  : cedar::ParseSchemaText(*schema_text);
    if (!parsed.ok()) return fail_all(parsed.status().WithContext(*schema_rel).ToString());
    schema = std::move(parsed).value();
  }
  const cedar::Schema* schema_ptr = schema ? &*schema : nullptr;

  Result<std::string> policy_text = ReadFile(resolve(*policies_rel));
  if (!policy_text.ok()) return fail_all(policy_text.status().ToString());
  Result<cedar::PolicySet> policies = cedar::PolicySet::FromText(*policy_text);
  if (!policies.ok()) return fail_all(policies.status().WithContext(*policies_rel).ToString());

  Result<std::string> entities_text = ReadFile(resolve(*entities_rel));
  if (!entities_text.ok()) return fail_all(entities_text.status().ToString());
  Result<cedar::Entities> entities = cedar::EntitiesFromJson(*entities_text, schema_ptr);
  if (!entities.ok()) {
    if (schema_ptr != nullptr) ++result.entities.failed;
    return fail_all(entities.status().WithContext(*entities_rel).ToString());
  }

  if (schema_ptr != nullptr) {
    CheckPolicyValidation(test, *schema_ptr, *policies, result);
    Status st = cedar::ValidateEntities(*schema_ptr, *entities);
    if (st.ok()) {
      ++result.entities.passed;
    } else {
      ++result.entities.failed;
      result.messages.push_back(result.display_path + ": entities do not validate against the " +
                                "schema: " + st.ToString());
    }
  }

  int index = 0;
  for (const auto& req : requests->items()) {
    std::string label = result.display_path + " [request " + std::to_string(index++);
    if (const std::string* d = StringMember(req, "description")) label += " \"" + *d + "\"";
    label += "]";
    auto fail = [&](const std::string& msg) {
      ++result.failed;
      result.messages.push_back(label + ": " + msg);
    };
    cedar::Request request;
    const json::Value* p = req.Find("principal");
    const json::Value* a = req.Find("action");
    const json::Value* r = req.Find("resource");
    if (p == nullptr || a == nullptr || r == nullptr) {
      fail("a request needs `principal`, `action` and `resource`");
      continue;
    }
    auto pu = cedar::EntityUidFromJson(*p);
    auto au = cedar::EntityUidFromJson(*a);
    auto ru = cedar::EntityUidFromJson(*r);
    if (!pu.ok() || !au.ok() || !ru.ok()) {
      fail("bad request entity: " + (!pu.ok()   ? pu.status()
                                     : !au.ok() ? au.status()
                                                : ru.status())
                                        .ToString());
      continue;
    }
    request.principal = *pu;
    request.action = *au;
    request.resource = *ru;
    if (const json::Value* ctx = req.Find("context")) {
      auto context = cedar::ContextFromJson(*ctx, schema_ptr, request.action);
      if (!context.ok()) {
        // With a schema, reading the context checks it against the action's context type.
        if (schema_ptr != nullptr) ++result.requests.failed;
        fail("bad context: " + context.status().ToString());
        continue;
      }
      request.context = std::move(context).value();
    }
    const json::Value* validate_flag = req.Find("validateRequest");
    bool validate_request =
        validate_flag == nullptr || !validate_flag->is_bool() || validate_flag->as_bool();
    if (schema_ptr != nullptr && validate_request) {
      Status st = cedar::ValidateRequest(*schema_ptr, request);
      if (!st.ok()) {
        ++result.requests.failed;
        fail("the request does not validate against the schema: " + st.ToString());
        continue;
      }
      ++result.requests.passed;
    }
    const std::string* decision = StringMember(req, "decision");
    auto reasons = StringSet(req.Find("reason"), "reason");
    auto errors = StringSet(req.Find("errors"), "errors");
    if (decision == nullptr || !reasons.ok() || !errors.ok()) {
      fail("a request needs `decision`, and `reason`/`errors` as arrays of policy ids");
      continue;
    }
    cedar::Response response = cedar::IsAuthorized(request, *policies, *entities);
    std::string got_decision = response.decision == Decision::kAllow ? "allow" : "deny";
    std::set<std::string> got_reasons(response.reasons.begin(), response.reasons.end());
    std::set<std::string> got_errors;
    for (const auto& e : response.errors) got_errors.insert(e.policy_id);
    if (Lower(*decision) == got_decision && got_reasons == *reasons && got_errors == *errors) {
      ++result.passed;
      continue;
    }
    std::string msg = "expected " + Lower(*decision) + " reasons " + SetToString(*reasons) +
                      " errors " + SetToString(*errors) + "; got " + got_decision + " reasons " +
                      SetToString(got_reasons) + " errors " + SetToString(got_errors);
    for (const auto& e : response.errors) msg += "\n    " + e.policy_id + ": " + e.message;
    fail(msg);
  }
  return result;
}

}  // namespace metagate::cli
