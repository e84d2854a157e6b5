// `metagate validate`: checks Cedar policies (and optionally entities) against a schema with
// Cedar's strict-mode validator, printing one line per finding.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "commands.h"
#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/schema.h"
#include "metagate/cedar/validator.h"
#include "metagate/common/file_util.h"

namespace metagate::cli {

namespace {

int Fail(const std::string& msg) {
  std::fprintf(stderr, "metagate validate: %s\n", msg.c_str());
  return 2;
}

}  // namespace

int RunValidate(int argc, char** argv) {
  CLI::App app{
      "Validates Cedar policies against a schema (.cedarschema) in Cedar's strict mode: unknown\n"
      "entity types, actions and attributes, type errors, optional attributes and tags read\n"
      "without a `has`/`hasTag` guard, and policies whose scope matches no action. Prints one\n"
      "line per finding, `POLICIES:line:col: policyN: message`. With --entities, also checks\n"
      "the entities against the schema. Exit 0 when clean, 1 on findings, 2 on bad input.",
      "metagate validate"};
  std::string schema_path, policies_path, entities_path;
  app.add_option("--schema", schema_path, "Cedar schema file (.cedarschema)")->required();
  app.add_option("--policies", policies_path, "Cedar policy file")->required();
  app.add_option("--entities", entities_path, "Entities JSON file to check as well");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }

  auto schema_text = ReadFile(schema_path);
  if (!schema_text.ok()) return Fail(schema_text.status().ToString());
  auto schema = cedar::ParseSchemaText(*schema_text);
  if (!schema.ok()) return Fail(schema_path + ":" + schema.status().ToString());
  auto policy_text = ReadFile(policies_path);
  if (!policy_text.ok()) return Fail(policy_text.status().ToString());
  auto policies = cedar::ParsePolicies(*policy_text);
  if (!policies.ok()) return Fail(policies_path + ":" + policies.status().ToString());

  bool clean = true;
  cedar::ValidationResult result = cedar::ValidatePolicies(*schema, *policies);
  for (const cedar::ValidationFinding& f : result.findings) {
    clean = false;
    std::string where = policies_path + (f.loc.known() ? ":" + f.loc.ToString() : "");
    std::printf("%s: %s: %s\n", where.c_str(), f.policy_id.c_str(), f.message.c_str());
  }
  if (!entities_path.empty()) {
    auto entities_text = ReadFile(entities_path);
    if (!entities_text.ok()) return Fail(entities_text.status().ToString());
    auto entities = cedar::EntitiesFromJson(*entities_text, &*schema);
    Status st = entities.ok() ? cedar::ValidateEntities(*schema, *entities) : entities.status();
    if (!st.ok()) {
      clean = false;
      std::printf("%s:%s\n", entities_path.c_str(), st.ToString().c_str());
    }
  }
  std::fflush(stdout);
  return clean ? 0 : 1;
}

}  // namespace metagate::cli
