#include "admin_rules.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "metagate/cedar/parser.h"
#include "metagate/cedar/validator.h"

namespace metagate::governance {
namespace {

using ::testing::ElementsAre;

std::string ReadSource(const std::string& rel) {
  std::ifstream in(std::string(METAGATE_SOURCE_DIR) + "/" + rel);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(AdminRules, EmbeddedTextIsTheSourceFiles) {
  std::string policies = ReadSource("src/governance/admin_policies.cedar");
  std::string schema = ReadSource("src/governance/admin.cedarschema");
  ASSERT_FALSE(policies.empty());
  ASSERT_FALSE(schema.empty());
  EXPECT_EQ(ShippedAdminPolicies(), policies);
  EXPECT_EQ(ShippedAdminSchema(), schema);
}

TEST(AdminRules, ShippedPoliciesValidateAgainstTheShippedSchema) {
  Result<cedar::Schema> schema = cedar::ParseSchemaText(ShippedAdminSchema());
  ASSERT_TRUE(schema.ok()) << schema.status().ToString();
  Result<std::vector<cedar::PolicyPtr>> policies = cedar::ParsePolicies(ShippedAdminPolicies());
  ASSERT_TRUE(policies.ok()) << policies.status().ToString();
  cedar::ValidationResult v = cedar::ValidatePolicies(*schema, *policies);
  for (const cedar::ValidationFinding& f : v.findings) {
    ADD_FAILURE() << f.policy_id << " " << f.loc.ToString() << ": " << f.message;
  }
  for (const cedar::PolicyPtr& p : *policies) {
    bool has_id = false;
    for (const cedar::Annotation& a : p->annotations) has_id = has_id || a.key == "id";
    EXPECT_TRUE(has_id) << "policy at " << p->loc.ToString() << " has no @id";
  }
}

TEST(AdminRules, LoadsShippedPoliciesByTheirIds) {
  Result<AdminRules> rules = LoadAdminRules(std::nullopt);
  ASSERT_TRUE(rules.ok()) << rules.status().ToString();
  std::vector<std::string> ids;
  for (const cedar::PolicyPtr& p : rules->policies.policies()) ids.push_back(p->id);
  std::sort(ids.begin(), ids.end());
  EXPECT_THAT(
      ids,
      ElementsAre("admin-all", "approver-decide", "auditor-export-event-logs-not-raw",
                  "auditor-export-reports", "auditor-read", "support-export-aggregated-reports",
                  "support-never-export-raw-event-logs-with-emails-or-ips", "viewer-read"));
  std::vector<std::string> actions;
  for (const cedar::Entity& a : rules->actions) actions.push_back(a.uid.id());
  std::sort(actions.begin(), actions.end());
  EXPECT_THAT(actions, ElementsAre("approve", "deny", "export", "list_approvals", "read_audit",
                                   "verify_audit", "view_map"));
}

}  // namespace
}  // namespace metagate::governance
