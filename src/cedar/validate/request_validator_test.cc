// Request validation against a schema; expectations confirmed with Cedar 4.12
// (cedar-wasm `isAuthorized` with `validateRequest: true`).
#include <gtest/gtest.h>

#include <string>

#include "metagate/cedar/validator.h"

namespace metagate::cedar {
namespace {

constexpr const char* kSchema = R"(
entity Team enum ["red", "blue"];
entity User in [Team];
entity Doc;
action grp;
action view in [grp] appliesTo { principal: [User, Team], resource: [Doc],
                                 context: { n: Long, m?: String } };
action bare;
)";

class RequestValidationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = ParseSchemaText(kSchema);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    schema_ = std::move(s).value();
  }
  Status Check(EntityUid p, const std::string& action, EntityUid r,
               std::vector<std::pair<std::string, Value>> ctx = {{"n", Value::Long(1)}}) {
    Request req{std::move(p), EntityUid("Action", action), std::move(r),
                Value::Record(std::move(ctx))};
    return ValidateRequest(schema_, req);
  }
  Schema schema_;
};

TEST_F(RequestValidationTest, AcceptsDeclaredCombinations) {
  EXPECT_TRUE(Check(EntityUid("User", "a"), "view", EntityUid("Doc", "d")).ok());
  EXPECT_TRUE(Check(EntityUid("Team", "red"), "view", EntityUid("Doc", "d")).ok());
  EXPECT_TRUE(Check(EntityUid("User", "a"), "view", EntityUid("Doc", "d"),
                    {{"n", Value::Long(1)}, {"m", Value::String("x")}})
                  .ok());
}

TEST_F(RequestValidationTest, RejectsWhatCedarRejects) {
  Status undeclared = Check(EntityUid("User", "a"), "nope", EntityUid("Doc", "d"));
  EXPECT_FALSE(undeclared.ok());
  EXPECT_NE(undeclared.message().find("not declared"), std::string::npos);
  EXPECT_EQ(undeclared.message().find("nope"), std::string::npos) << "no ids from data";
  // Actions without `appliesTo` (including groups) apply to no request.
  EXPECT_FALSE(Check(EntityUid("User", "a"), "grp", EntityUid("Doc", "d"), {}).ok());
  EXPECT_FALSE(Check(EntityUid("User", "a"), "bare", EntityUid("Doc", "d"), {}).ok());
  Status principal = Check(EntityUid("Doc", "a"), "view", EntityUid("Doc", "d"));
  EXPECT_FALSE(principal.ok());
  EXPECT_NE(principal.message().find("principal type `Doc`"), std::string::npos);
  EXPECT_FALSE(Check(EntityUid("Foo", "a"), "view", EntityUid("Doc", "d")).ok());
  EXPECT_FALSE(Check(EntityUid("User", "a"), "view", EntityUid("User", "d")).ok());
  Status enum_id = Check(EntityUid("Team", "green"), "view", EntityUid("Doc", "d"));
  EXPECT_FALSE(enum_id.ok());
  EXPECT_EQ(enum_id.message().find("green"), std::string::npos) << "no ids from data";
}

TEST_F(RequestValidationTest, ContextMustHaveTheActionsContextType) {
  EXPECT_FALSE(Check(EntityUid("User", "a"), "view", EntityUid("Doc", "d"), {}).ok());
  EXPECT_FALSE(Check(EntityUid("User", "a"), "view", EntityUid("Doc", "d"),
                     {{"n", Value::Long(1)}, {"z", Value::Long(2)}})
                   .ok());
  Status wrong = Check(EntityUid("User", "a"), "view", EntityUid("Doc", "d"),
                       {{"n", Value::String("secret")}});
  EXPECT_FALSE(wrong.ok());
  EXPECT_NE(wrong.message().find("`n`"), std::string::npos) << wrong.message();
  EXPECT_EQ(wrong.message().find("secret"), std::string::npos) << "no values in messages";
}

}  // namespace
}  // namespace metagate::cedar
