#include "metagate/classify/taxonomy.h"

#include <gtest/gtest.h>

namespace metagate::classify {
namespace {

TEST(Taxonomy, BuiltinIdsMatchTheEnum) {
  Taxonomy t = Taxonomy::Builtin();
  EXPECT_EQ(t.size(), static_cast<size_t>(kBuiltinLeafCount));
  EXPECT_EQ(t.Find("email"), kEmail);
  EXPECT_EQ(t.Find("ip_address"), kIpAddress);
  EXPECT_EQ(t.Find("error_code"), kErrorCode);
  EXPECT_EQ(t.Find("device_fingerprint"), kDeviceFingerprint);
  EXPECT_EQ(t.Name(kKnowledgeBaseId), "knowledge_base_id");
  EXPECT_FALSE(t.Find("direct_identifier").has_value());  // a group, not a class
}

TEST(Taxonomy, LaddersStartWithTheMostUsefulForm) {
  Taxonomy t = Taxonomy::Builtin();
  EXPECT_EQ(t.Info(kEmail).ladder.front(), Form::kRaw);
  EXPECT_EQ(t.Info(kIpAddress).ladder[1], Form::kGeneralized);
  EXPECT_EQ(t.Info(kSecret).ladder, std::vector<Form>{Form::kRedacted});
}

TEST(Taxonomy, DefineAddsAndReplaces) {
  Taxonomy t = Taxonomy::Builtin();
  auto id = t.Define({"employee_id", {"direct_identifier"}, {Form::kPseudonymized}, ""});
  ASSERT_TRUE(id.ok()) << id.status().ToString();
  EXPECT_EQ(*id, kBuiltinLeafCount);
  auto again = t.Define({"email", {"contact"}, {Form::kRedacted}, ""});
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, kEmail);
  EXPECT_EQ(t.Info(kEmail).ladder, std::vector<Form>{Form::kRedacted});
}

TEST(Taxonomy, CedarEntitiesNameEveryClassAndGroup) {
  Taxonomy t = Taxonomy::Builtin();
  ASSERT_TRUE(t.Define({"employee_id", {"direct_identifier", "hr"}, {Form::kRaw}, ""}).ok());
  std::string json = t.ToCedarEntitiesJson();
  EXPECT_NE(json.find(R"({"uid":{"type":"DataClass","id":"email"},"attrs":{},"parents":[)"
                      R"({"type":"DataClass","id":"direct_identifier"},)"
                      R"({"type":"DataClass","id":"contact"}]})"),
            std::string::npos);
  EXPECT_NE(json.find(R"({"uid":{"type":"DataClass","id":"hr"},"attrs":{},"parents":[]})"),
            std::string::npos);
  EXPECT_NE(json.find(R"("id":"employee_id"},"attrs")"), std::string::npos);
}

TEST(Taxonomy, DefineRejectsBadNames) {
  Taxonomy t = Taxonomy::Builtin();
  EXPECT_FALSE(t.Define({"Bad Name", {}, {Form::kRaw}, ""}).ok());
  EXPECT_FALSE(t.Define({"x", {"x"}, {Form::kRaw}, ""}).ok());
  EXPECT_FALSE(t.Define({"y", {}, {}, ""}).ok());
}

}  // namespace
}  // namespace metagate::classify
