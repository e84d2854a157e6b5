#include "cedar_test_file.h"

#include <cctype>
#include <filesystem>

#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/schema_json.h"
#include "metagate/common/file_util.h"
#include "metagate/common/json.h"

namespace metagate::cli {

namespace fs = std::filesystem;

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

// Reads one entry of `requests` (its label is already set).
void ReadRequest(const json::Value& req, const cedar::Schema* schema, CedarTestRequest& out) {
  const json::Value* p = req.Find("principal");
  const json::Value* a = req.Find("action");
  const json::Value* r = req.Find("resource");
  if (p == nullptr || a == nullptr || r == nullptr) {
    out.problem = Status::Invalid("a request needs `principal`, `action` and `resource`");
    return;
  }
  auto pu = cedar::EntityUidFromJson(*p);
  auto au = cedar::EntityUidFromJson(*a);
  auto ru = cedar::EntityUidFromJson(*r);
  if (!pu.ok() || !au.ok() || !ru.ok()) {
    out.problem = Status::Invalid("bad request entity: " + (!pu.ok()   ? pu.status()
                                                            : !au.ok() ? au.status()
                                                                       : ru.status())
                                                               .ToString());
    return;
  }
  out.request.principal = *pu;
  out.request.action = *au;
  out.request.resource = *ru;
  if (const json::Value* ctx = req.Find("context")) {
    // With a schema, reading the context checks it against the action's context type.
    auto context = cedar::ContextFromJson(*ctx, schema, out.request.action);
    if (!context.ok()) {
      out.context_rejected = true;
      out.problem = Status::Invalid("bad context: " + context.status().ToString());
      return;
    }
    out.request.context = std::move(context).value();
  }
  const json::Value* validate_flag = req.Find("validateRequest");
  out.validate = validate_flag == nullptr || !validate_flag->is_bool() || validate_flag->as_bool();

  const std::string* decision = StringMember(req, "decision");
  auto reasons = StringSet(req.Find("reason"), "reason");
  auto errors = StringSet(req.Find("errors"), "errors");
  if (!reasons.ok() || !errors.ok()) {
    out.expectation_problem = !reasons.ok() ? reasons.status() : errors.status();
    return;
  }
  if (decision == nullptr) return;
  out.expected =
      CedarTestExpectation{Lower(*decision), std::move(reasons).value(), std::move(errors).value()};
}

}  // namespace

CedarTestFile LoadCedarTestFile(const std::string& path, const std::string& root_arg) {
  CedarTestFile file;
  file.display_path = path;
  auto fail = [&](Status status) {
    file.status = std::move(status);
    return std::move(file);
  };

  Result<std::string> text = ReadFile(path);
  if (!text.ok()) return fail(text.status());
  Result<json::Value> doc = json::Parse(*text);
  if (!doc.ok()) return fail(doc.status());
  const json::Value& test = *doc;
  const std::string* policies_rel = StringMember(test, "policies");
  const std::string* entities_rel = StringMember(test, "entities");
  const std::string* schema_rel = StringMember(test, "schema");
  if (policies_rel == nullptr || entities_rel == nullptr) {
    return fail(Status::Invalid("a test needs string fields `policies` and `entities`"));
  }
  const json::Value* requests = test.Find("requests");
  if (requests == nullptr || !requests->is_array()) {
    return fail(Status::Invalid("a test needs an array `requests`"));
  }
  file.request_count = static_cast<int>(requests->items().size());

  file.root = root_arg.empty() ? FindRoot(path, *policies_rel) : root_arg;
  if (file.root.empty()) {
    return fail(Status::NotFound("cannot find the folder that `" + *policies_rel +
                                 "` is relative to; pass --root"));
  }
  {
    std::error_code ec;
    fs::path rel = fs::relative(fs::absolute(path), fs::absolute(file.root), ec);
    if (!ec && !rel.empty() && rel.string().rfind("..", 0) != 0) file.display_path = rel.string();
  }
  auto resolve = [&](const std::string& rel) { return (fs::path(file.root) / rel).string(); };

  if (const json::Value* fmt = test.Find("policyFormat");
      fmt != nullptr && !(fmt->is_string() && fmt->as_string() == "cedar")) {
    return fail(Status::Invalid("policyFormat other than \"cedar\" is not supported yet"));
  }
  bool schema_is_json = false;
  if (const json::Value* fmt = test.Find("schemaFormat"); fmt != nullptr) {
    schema_is_json = fmt->is_string() && fmt->as_string() == "json";
    if (!schema_is_json && !(fmt->is_string() && fmt->as_string() == "cedar")) {
      return fail(Status::Invalid("schemaFormat must be \"cedar\" or \"json\""));
    }
  }
  if (const json::Value* v = test.Find("shouldValidate"); v != nullptr && v->is_bool()) {
    file.should_validate = v->as_bool();
  }

  if (schema_rel != nullptr) {
    Result<std::string> schema_text = ReadFile(resolve(*schema_rel));
    if (!schema_text.ok()) return fail(schema_text.status());
    Result<cedar::Schema> parsed = schema_is_json ? cedar::ParseSchemaJson(*schema_text)
                                                  : cedar::ParseSchemaText(*schema_text);
    if (!parsed.ok()) return fail(parsed.status().WithContext(*schema_rel));
    file.schema = std::move(parsed).value();
  }

  Result<std::string> policy_text = ReadFile(resolve(*policies_rel));
  if (!policy_text.ok()) return fail(policy_text.status());
  file.policies_bytes = policy_text->size();
  Result<cedar::PolicySet> policies = cedar::PolicySet::FromText(*policy_text);
  if (!policies.ok()) return fail(policies.status().WithContext(*policies_rel));
  file.policies = std::move(policies).value();

  Result<std::string> entities_text = ReadFile(resolve(*entities_rel));
  if (!entities_text.ok()) return fail(entities_text.status());
  file.entities_bytes = entities_text->size();
  Result<cedar::Entities> entities = cedar::EntitiesFromJson(*entities_text, file.schema_ptr());
  if (!entities.ok()) {
    file.entities_rejected = file.schema.has_value();
    return fail(entities.status().WithContext(*entities_rel));
  }
  file.entities = std::move(entities).value();

  file.requests.reserve(requests->items().size());
  int index = 0;
  for (const auto& req : requests->items()) {
    CedarTestRequest& out = file.requests.emplace_back();
    out.label = file.display_path + " [request " + std::to_string(index++);
    if (const std::string* d = StringMember(req, "description")) out.label += " \"" + *d + "\"";
    out.label += "]";
    ReadRequest(req, file.schema_ptr(), out);
  }
  return file;
}

std::optional<std::string> CompareResponse(const CedarTestExpectation& expected,
                                           const cedar::Response& response) {
  std::string got_decision = response.decision == cedar::Decision::kAllow ? "allow" : "deny";
  std::set<std::string> got_reasons(response.reasons.begin(), response.reasons.end());
  std::set<std::string> got_errors;
  for (const auto& e : response.errors) got_errors.insert(e.policy_id);
  if (expected.decision == got_decision && got_reasons == expected.reasons &&
      got_errors == expected.errors) {
    return std::nullopt;
  }
  std::string msg = "expected " + expected.decision + " reasons " + SetToString(expected.reasons) +
                    " errors " + SetToString(expected.errors) + "; got " + got_decision +
                    " reasons " + SetToString(got_reasons) + " errors " + SetToString(got_errors);
  for (const auto& e : response.errors) msg += "\n    " + e.policy_id + ": " + e.message;
  return msg;
}

}  // namespace metagate::cli
