// Entity validation against a schema: ValidateEntities on entity sets, and the locations that
// EntitiesFromJson reports when it applies the same checks while reading. Expectations
// confirmed with Cedar 4.12 (cedar-wasm `checkParseEntities`).
#include <gtest/gtest.h>

#include <string>

#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/validator.h"

namespace metagate::cedar {
namespace {

constexpr const char* kSchema = R"(
entity Team enum ["red", "blue"];
entity Org in [Org];
entity Group in [Org];
entity User in [Group, Team] { age: Long, boss?: User, r?: {a: Long} } tags Long;
entity Doc;
action grp;
action view in [grp] appliesTo { principal: [User], resource: [Doc] };
)";

class EntityValidationTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto s = ParseSchemaText(kSchema);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    schema_ = std::move(s).value();
  }
  Status Validate(Entity e) {
    Entities es;
    EXPECT_TRUE(es.Add(std::move(e)).ok());
    es.Finalize();
    return ValidateEntities(schema_, es);
  }
  static Entity User(std::vector<std::pair<std::string, Value>> attrs) {
    Entity e;
    e.uid = EntityUid("User", "alice");
    e.attrs = Value::Record(std::move(attrs));
    return e;
  }
  Schema schema_;
};

TEST_F(EntityValidationTest, AcceptsConformingEntities) {
  Entity u = User({{"age", Value::Long(3)}, {"boss", Value::Entity(EntityUid("User", "b"))}});
  u.parents = {EntityUid("Group", "g"), EntityUid("Team", "red")};
  u.tags = Value::Record({{"t", Value::Long(1)}});
  EXPECT_TRUE(Validate(u).ok());
  // A parent may have any type allowed as an ancestor, transitively (Org via Group).
  Entity o = User({{"age", Value::Long(3)}});
  o.parents = {EntityUid("Org", "o")};
  EXPECT_TRUE(Validate(o).ok());
  Entity action;
  action.uid = EntityUid("Action", "view");
  action.parents = {EntityUid("Action", "grp")};
  EXPECT_TRUE(Validate(action).ok());
}

TEST_F(EntityValidationTest, RejectsWhatCedarRejects) {
  Entity foo;
  foo.uid = EntityUid("Foo", "x");
  EXPECT_FALSE(Validate(foo).ok());
  EXPECT_FALSE(Validate(User({})).ok());  // missing required `age`
  EXPECT_FALSE(Validate(User({{"age", Value::String("x")}})).ok());
  EXPECT_FALSE(Validate(User({{"age", Value::Long(1)}, {"zzz", Value::Long(1)}})).ok());
  EXPECT_FALSE(
      Validate(User({{"age", Value::Long(1)}, {"boss", Value::Entity(EntityUid("Doc", "d"))}}))
          .ok());
  EXPECT_FALSE(
      Validate(User({{"age", Value::Long(1)},
                     {"r", Value::Record({{"a", Value::Long(1)}, {"b", Value::Long(2)}})}}))
          .ok());
  Entity parent = User({{"age", Value::Long(1)}});
  parent.parents = {EntityUid("Doc", "d")};
  EXPECT_FALSE(Validate(parent).ok());
  Entity tags;
  tags.uid = EntityUid("Doc", "d");
  tags.tags = Value::Record({{"x", Value::Long(1)}});
  EXPECT_FALSE(Validate(tags).ok());
  Entity bad_tag = User({{"age", Value::Long(1)}});
  bad_tag.tags = Value::Record({{"x", Value::String("s")}});
  EXPECT_FALSE(Validate(bad_tag).ok());
  Entity team;
  team.uid = EntityUid("Team", "green");
  Status st = Validate(team);
  EXPECT_FALSE(st.ok());
  EXPECT_EQ(st.message().find("green"), std::string::npos) << "no ids from data";
  Entity action;
  action.uid = EntityUid("Action", "nope");
  EXPECT_FALSE(Validate(action).ok());
  Entity action_attrs;
  action_attrs.uid = EntityUid("Action", "view");
  action_attrs.attrs = Value::Record({{"x", Value::Long(1)}});
  EXPECT_FALSE(Validate(action_attrs).ok());
}

TEST_F(EntityValidationTest, RejectsCycles) {
  Entities es;
  Entity a, b;
  a.uid = EntityUid("Org", "a");
  a.parents = {EntityUid("Org", "b")};
  b.uid = EntityUid("Org", "b");
  b.parents = {EntityUid("Org", "a")};
  ASSERT_TRUE(es.Add(a).ok());
  ASSERT_TRUE(es.Add(b).ok());
  es.Finalize();
  EXPECT_FALSE(ValidateEntities(schema_, es).ok());
}

TEST_F(EntityValidationTest, ReaderReportsJsonLocations) {
  const char* text = R"([
  {"uid": {"type": "User", "id": "a"}, "attrs": {"age": 1}, "parents": []},
  {"uid": {"type": "User", "id": "b"}, "attrs": {"age": "old"}, "parents": []}
])";
  auto r = EntitiesFromJson(text, &schema_);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().loc().line, 3u) << r.status().ToString();
  EXPECT_NE(r.status().message().find("`age`"), std::string::npos) << r.status().ToString();
  EXPECT_EQ(r.status().message().find("old"), std::string::npos) << "no values in messages";
  auto ok = EntitiesFromJson(R"([{"uid": {"type": "User", "id": "a"}, "attrs": {"age": 1},
                                  "parents": [{"type": "Team", "id": "red"}]}])",
                             &schema_);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_TRUE(ValidateEntities(schema_, *ok).ok());
}

}  // namespace
}  // namespace metagate::cedar
