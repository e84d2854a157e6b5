// Internal: the admin API's Cedar rules: the shipped schema and policies (compiled in from
// admin.cedarschema and admin_policies.cedar) or a policy override validated against the shipped
// schema. Immutable once loaded; safe to share across threads.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/entities.h"
#include "metagate/cedar/schema.h"
#include "metagate/common/status.h"

namespace metagate::governance {

// The text of src/governance/admin_policies.cedar and admin.cedarschema.
std::string_view ShippedAdminPolicies();
std::string_view ShippedAdminSchema();

struct AdminRules {
  cedar::Schema schema;
  cedar::PolicySet policies;
  std::vector<cedar::Entity> actions;  // the schema's action entities
};

// Loads the shipped schema and either the shipped policies or, when `policies_override` names a
// file or folder of *.cedar, those instead. Every policy must validate against the schema; errors
// name the file, line and column. Policy ids come from `@id` annotations.
Result<AdminRules> LoadAdminRules(const std::optional<std::string>& policies_override);

}  // namespace metagate::governance
