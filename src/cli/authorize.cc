// `metagate authorize`: decides one request against Cedar policies and entities.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <optional>
#include <string>

#include "commands.h"
#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/schema.h"
#include "metagate/common/file_util.h"
#include "metagate/common/json.h"

namespace metagate::cli {

namespace {

int Fail(const std::string& msg) {
  std::fprintf(stderr, "metagate authorize: %s\n", msg.c_str());
  return 2;
}

const cedar::Policy* FindPolicy(const cedar::PolicySet& set, const std::string& id) {
  for (const auto& p : set.policies()) {
    if (p->id == id) return p.get();
  }
  return nullptr;
}

// Names a policy: its id, its @id annotation if any, and where it is; then its @description
// (or @reason) annotation on a second line.
std::string Describe(const cedar::PolicySet& set, const std::string& id, const std::string& file) {
  std::string out = id;
  const cedar::Policy* p = FindPolicy(set, id);
  if (p == nullptr) return out;
  std::string note;
  for (const auto& a : p->annotations) {
    if (!a.value) continue;
    if (a.key == "id") out += " \"" + *a.value + "\"";
    if (a.key == "description" || a.key == "reason") note = *a.value;
  }
  out += "  (" + file + ":" + p->loc.ToString() + ")";
  if (!note.empty()) out += "\n        " + note;
  return out;
}

}  // namespace

int RunAuthorize(int argc, char** argv) {
  CLI::App app{
      "Decides one request against Cedar policies: prints ALLOW or DENY, the determining\n"
      "policies, and any policies whose evaluation errored. Exit 0 for either decision, 2 for\n"
      "bad input. UIDs use Cedar syntax, for example 'User::\"alice\"'.",
      "metagate authorize"};
  std::string policies_path, entities_path, schema_path, context_path;
  std::string principal_text, action_text, resource_text;
  app.add_option("--policies", policies_path, "Cedar policy file")->required();
  app.add_option("--entities", entities_path, "Entities JSON file (an array of entities)")
      ->required();
  app.add_option("--principal", principal_text, "Principal UID, e.g. 'User::\"alice\"'")
      ->required();
  app.add_option("--action", action_text, "Action UID, e.g. 'Action::\"view\"'")->required();
  app.add_option("--resource", resource_text, "Resource UID, e.g. 'Photo::\"a.jpg\"'")->required();
  app.add_option("--context", context_path, "Context JSON file (a record); default {}");
  app.add_option("--schema", schema_path,
                 "Cedar schema (.cedarschema): types entity attributes and the context, and "
                 "adds the action entities it declares");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  std::optional<cedar::Schema> schema;
  if (!schema_path.empty()) {
    auto text = ReadFile(schema_path);
    if (!text.ok()) return Fail(text.status().ToString());
    auto parsed = cedar::ParseSchemaText(*text);
    if (!parsed.ok()) return Fail(parsed.status().WithContext(schema_path).ToString());
    schema = std::move(parsed).value();
  }
  const cedar::Schema* schema_ptr = schema ? &*schema : nullptr;

  auto policy_text = ReadFile(policies_path);
  if (!policy_text.ok()) return Fail(policy_text.status().ToString());
  auto policies = cedar::PolicySet::FromText(*policy_text);
  if (!policies.ok()) return Fail(policies.status().WithContext(policies_path).ToString());

  auto entities_text = ReadFile(entities_path);
  if (!entities_text.ok()) return Fail(entities_text.status().ToString());
  auto entities = cedar::EntitiesFromJson(*entities_text, schema_ptr);
  if (!entities.ok()) return Fail(entities.status().WithContext(entities_path).ToString());

  cedar::Request request;
  struct {
    const char* flag;
    const std::string* text;
    cedar::EntityUid* out;
  } uids[] = {{"--principal", &principal_text, &request.principal},
              {"--action", &action_text, &request.action},
              {"--resource", &resource_text, &request.resource}};
  for (auto& u : uids) {
    auto uid = cedar::ParseEntityUid(*u.text);
    if (!uid.ok()) return Fail(std::string(u.flag) + ": " + uid.status().ToString());
    *u.out = *uid;
  }
  if (!context_path.empty()) {
    auto text = ReadFile(context_path);
    if (!text.ok()) return Fail(text.status().ToString());
    auto doc = json::Parse(*text);
    if (!doc.ok()) return Fail(doc.status().WithContext(context_path).ToString());
    auto context = cedar::ContextFromJson(*doc, schema_ptr, request.action);
    if (!context.ok()) return Fail(context.status().WithContext(context_path).ToString());
    request.context = std::move(context).value();
  }

  cedar::Response response = cedar::IsAuthorized(request, *policies, *entities);
  std::printf("%s\n", response.decision == cedar::Decision::kAllow ? "ALLOW" : "DENY");
  if (response.reasons.empty()) {
    std::printf("  determining policies: none (%s)\n", response.decision == cedar::Decision::kAllow
                                                           ? "?"
                                                           : "no policy permits: default deny");
  } else {
    std::printf("  determining policies:\n");
    for (const auto& id : response.reasons) {
      std::printf("    %s\n", Describe(*policies, id, policies_path).c_str());
    }
  }
  if (!response.errors.empty()) {
    std::printf("  errors:\n");
    for (const auto& e : response.errors) {
      std::printf("    %s: %s\n", Describe(*policies, e.policy_id, policies_path).c_str(),
                  e.message.c_str());
    }
  }
  return 0;
}

}  // namespace metagate::cli
