// Loading the admin API's schema and policies.
#include "admin_rules.h"

#include "metagate/cedar/parser.h"
#include "metagate/cedar/policy_files.h"
#include "metagate/cedar/validator.h"

namespace metagate::governance {
namespace {

constexpr char kShippedPolicies[] = "src/governance/admin_policies.cedar (shipped)";

Status AddShippedPolicies(const cedar::Schema& schema, cedar::PolicySet& into) {
  Result<std::vector<cedar::PolicyPtr>> parsed = cedar::ParsePolicies(ShippedAdminPolicies());
  if (!parsed.ok()) return parsed.status().WithContext(kShippedPolicies);
  cedar::ValidationResult v = cedar::ValidatePolicies(schema, *parsed);
  if (!v.ok()) {
    const cedar::ValidationFinding& f = v.findings.front();
    return Status::Internal(std::string(kShippedPolicies) + ":" + f.loc.ToString() + ": " +
                            f.message);
  }
  for (const cedar::PolicyPtr& p : *parsed) {
    auto copy = std::make_shared<cedar::Policy>(*p);
    for (const cedar::Annotation& a : p->annotations) {
      if (a.key == "id" && a.value) copy->id = *a.value;
    }
    RETURN_IF_ERROR(into.Add(std::move(copy)));
  }
  return Status::Ok();
}

}  // namespace

Result<AdminRules> LoadAdminRules(const std::optional<std::string>& policies_override) {
  AdminRules rules;
  Result<cedar::Schema> schema = cedar::ParseSchemaText(ShippedAdminSchema());
  if (!schema.ok()) return schema.status().WithContext("src/governance/admin.cedarschema");
  rules.schema = std::move(*schema);
  if (policies_override) {
    Result<size_t> n = cedar::LoadPolicyFiles({*policies_override}, &rules.schema, rules.policies);
    if (!n.ok()) return Status::Invalid("admin.policies: " + n.status().ToString());
  } else {
    RETURN_IF_ERROR(AddShippedPolicies(rules.schema, rules.policies));
  }
  rules.actions = rules.schema.ActionEntities();
  return rules;
}

}  // namespace metagate::governance
