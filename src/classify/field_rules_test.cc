#include "field_rules.h"

#include <gtest/gtest.h>

#include "field_name.h"

namespace metagate::classify {
namespace {

const FieldRule* MatchName(const FieldRules& rules, std::string_view parent,
                           std::string_view name) {
  static std::vector<std::string> tokens;
  tokens.clear();
  AppendFieldTokens(parent, tokens);
  size_t parent_tokens = tokens.size();
  AppendFieldTokens(name, tokens);
  return rules.Match(tokens, tokens.size() - parent_tokens);
}

ClassId ClassOf(const FieldRules& rules, std::string_view parent, std::string_view name) {
  const FieldRule* r = MatchName(rules, parent, name);
  return r != nullptr && r->kind == RuleKind::kClass ? r->cls : kNoClass;
}

TEST(FieldRules, SpellingsAndNestingReachTheSameClass) {
  FieldRules rules = FieldRules::Builtin();
  for (const char* n : {"email", "$email", "emailAddress", "user_email", "contact.email",
                        "Contact-Email", "EMAIL"}) {
    EXPECT_EQ(ClassOf(rules, "properties", n), kEmail) << n;
  }
  EXPECT_EQ(ClassOf(rules, "contact", "email"), kEmail);
  EXPECT_EQ(ClassOf(rules, "device", "id"), kDeviceId);
  EXPECT_EQ(ClassOf(rules, "company", "id"), kOrgId);
  EXPECT_EQ(ClassOf(rules, "$groups", "company"), kOrgId);
  EXPECT_EQ(ClassOf(rules, "attributes", "user_agent.original"), kUserAgent);
  EXPECT_EQ(ClassOf(rules, "attributes", "http.request.header.authorization"), kSecret);
  EXPECT_EQ(ClassOf(rules, "", "mp_country_code"), kCountry);
  EXPECT_EQ(ClassOf(rules, "", "addressLine1"), kStreetAddress);
  EXPECT_EQ(ClassOf(rules, "", "billing/iban"), kIban);
}

TEST(FieldRules, LongestSuffixWins) {
  FieldRules rules = FieldRules::Builtin();
  EXPECT_EQ(ClassOf(rules, "device", "model"), kNoClass);  // device_model is not model_name
  EXPECT_EQ(ClassOf(rules, "properties", "model"), kModelName);
  EXPECT_EQ(ClassOf(rules, "resource", "cloud.region"), kNoClass);
  EXPECT_EQ(ClassOf(rules, "location", "region"), kRegion);
  const FieldRule* version = MatchName(rules, "", "app_version");
  ASSERT_NE(version, nullptr);
  EXPECT_EQ(version->kind, RuleKind::kNoDetect);
}

TEST(FieldRules, NamesThatAnnounceNothing) {
  FieldRules rules = FieldRules::Builtin();
  EXPECT_EQ(MatchName(rules, "properties", "prompt_tokens"), nullptr);
  EXPECT_EQ(MatchName(rules, "properties", "latency_ms"), nullptr);
  EXPECT_EQ(MatchName(rules, "", "id"), nullptr);
  EXPECT_EQ(MatchName(rules, "products", "id"), nullptr);
  EXPECT_EQ(MatchName(rules, "properties", "feature_flag"), nullptr);
}

TEST(FieldRules, UnlistedSpellingsAreReadByTheirWords) {
  FieldRules rules = FieldRules::Builtin();
  EXPECT_EQ(ClassOf(rules, "", "primaryEmail"), kEmail);
  EXPECT_EQ(ClassOf(rules, "", "visitorUuid"), kDeviceId);
  EXPECT_EQ(ClassOf(rules, "user", "uuid"), kUserId);
  EXPECT_EQ(ClassOf(rules, "", "shipping_zip5"), kPostalCode);
  EXPECT_EQ(ClassOf(rules, "", "clientIpAddr"), kIpAddress);
  EXPECT_EQ(ClassOf(rules, "", "workspaceRef"), kOrgId);
  EXPECT_EQ(ClassOf(rules, "", "stripeSecretKey"), kSecret);
  EXPECT_EQ(ClassOf(rules, "", "recipientFullName"), kPersonName);
  EXPECT_EQ(MatchName(rules, "", "promptPreview")->kind, RuleKind::kPrompt);
  EXPECT_EQ(MatchName(rules, "", "supportTicketBodyText")->kind, RuleKind::kFreeText);
  EXPECT_EQ(MatchName(rules, "", "prompt_tokens"), nullptr);
  EXPECT_EQ(ClassOf(rules, "user", "plan"), kNoClass);
  EXPECT_EQ(ClassOf(rules, "session", "duration"), kNoClass);
  EXPECT_EQ(ClassOf(rules, "", "email_verified"), kNoClass);
  EXPECT_EQ(ClassOf(rules, "", "userAgentVersion"), kNoClass);
  EXPECT_EQ(MatchName(rules, "", "release")->kind, RuleKind::kNoDetect);  // 3.14.15.92
  EXPECT_EQ(MatchName(rules, "", "firmwareRev")->kind, RuleKind::kNoDetect);
}

TEST(FieldRules, ThingsNamedLikePeopleAndReleaseArtefacts) {
  FieldRules rules = FieldRules::Builtin();
  EXPECT_EQ(MatchName(rules, "items", "name")->kind, RuleKind::kNoDetect);
  EXPECT_EQ(MatchName(rules, "", "productName")->kind, RuleKind::kNoDetect);
  EXPECT_EQ(MatchName(rules, "", "versionName")->kind, RuleKind::kNoDetect);
  EXPECT_EQ(MatchName(rules, "", "build_label")->kind, RuleKind::kNoDetect);
  EXPECT_EQ(MatchName(rules, "scopeLogs", "schemaUrl")->kind, RuleKind::kNoDetect);
  EXPECT_EQ(ClassOf(rules, "name", "given"), kPersonName);
  EXPECT_EQ(ClassOf(rules, "$groups", "organization"), kOrgId);
  EXPECT_EQ(ClassOf(rules, "", "$geoip_subdivision_1_name"), kRegion);
  EXPECT_EQ(ClassOf(rules, "attributes", "geo.locality.name"), kCity);
  EXPECT_EQ(ClassOf(rules, "", "assigneeId"), kUserId);
}

TEST(FieldRules, FreeTextAndPromptKinds) {
  FieldRules rules = FieldRules::Builtin();
  EXPECT_EQ(MatchName(rules, "properties", "comment")->kind, RuleKind::kFreeText);
  EXPECT_EQ(MatchName(rules, "logRecord", "body")->kind, RuleKind::kFreeText);
  EXPECT_EQ(MatchName(rules, "properties", "prompt_snippet")->kind, RuleKind::kPrompt);
}

TEST(FieldRules, AddedRulesOverrideBuiltIns) {
  FieldRules rules = FieldRules::Builtin();
  ASSERT_TRUE(rules.Add("badgeNumber", {RuleKind::kClass, 40, ValueCheck::kNonEmpty}).ok());
  EXPECT_EQ(ClassOf(rules, "", "badge_number"), 40);
  ASSERT_TRUE(rules.Add("email", {RuleKind::kNoDetect, kNoClass, ValueCheck::kNonEmpty}).ok());
  EXPECT_EQ(MatchName(rules, "", "email")->kind, RuleKind::kNoDetect);
  EXPECT_FALSE(rules.Add("$$", {}).ok());
}

}  // namespace
}  // namespace metagate::classify
