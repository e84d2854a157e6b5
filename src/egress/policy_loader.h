// Loads what the config names for Cedar: the policy files (ids from `@id` annotations, else
// "FILE#N"), the optional schema (policies and entities validated against it), the entity files,
// and the entities metagate derives itself: one Integration per integration (in its Roles and
// Teams), one Vendor per vendor (in its VendorCategory) and the DataClass taxonomy.
#pragma once

#include <optional>

#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/entities.h"
#include "metagate/cedar/schema.h"
#include "metagate/classify/taxonomy.h"
#include "metagate/egress/config.h"

namespace metagate::egress {

struct LoadedPolicies {
  cedar::PolicySet policies;
  cedar::Entities entities;
  std::optional<cedar::Schema> schema;
  size_t policy_count = 0;
};

Result<LoadedPolicies> LoadPolicies(const EgressConfig& config, const classify::Taxonomy& taxonomy);

}  // namespace metagate::egress
