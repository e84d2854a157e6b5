#include "request_mapping.h"

#include <gtest/gtest.h>

#include <string>

#include "metagate/cedar/schema.h"

namespace metagate::pdp {
namespace {

using cedar::EntityUid;
using cedar::Value;

constexpr char kSchema[] = R"(
entity Team;
entity User in [Team] = { name: String, level?: Long, manager?: User };
entity Doc = { owner: User, public: Bool };
action read appliesTo {
  principal: [User], resource: [Doc], context: { ip: String, hops?: Long }
};
)";

json::Value Json(const std::string& text) {
  Result<json::Value> v = json::Parse(text);
  EXPECT_TRUE(v.ok()) << v.status().ToString();
  return v.ok() ? std::move(*v) : json::Value::Null();
}

// The field `name` of a Cedar record, or nullptr.
const Value* Field(const Value& record, const std::string& name) {
  for (const auto& [k, v] : record.record_fields()) {
    if (k == name) return &v;
  }
  return nullptr;
}

const cedar::Entity* Overlay(const MappedRequest& m, const EntityUid& uid) {
  for (const cedar::Entity& e : m.overlay) {
    if (e.uid == uid) return &e;
  }
  return nullptr;
}

AzRequest Req(const std::string& subject_type, const std::string& subject_id,
              const std::string& action, const std::string& resource_type,
              const std::string& resource_id) {
  AzRequest r;
  r.subject = AzEntity{subject_type, subject_id, std::nullopt};
  r.action = AzAction{action, std::nullopt};
  r.resource = AzEntity{resource_type, resource_id, std::nullopt};
  return r;
}

class RequestMappingTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<cedar::Schema> s = cedar::ParseSchemaText(kSchema);
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    schema_ = std::move(*s);
    cedar::Entity team;
    team.uid = EntityUid("Team", "eng");
    ASSERT_TRUE(store_.Add(team).ok());
    cedar::Entity alice;
    alice.uid = EntityUid("User", "alice");
    alice.attrs = Value::Record({{"name", Value::String("Alice")}, {"level", Value::Long(3)}});
    alice.parents.push_back(team.uid);
    ASSERT_TRUE(store_.Add(alice).ok());
    store_.Finalize();
  }

  std::optional<cedar::Schema> schema_;
  cedar::Entities store_;
};

TEST_F(RequestMappingTest, PropertiesOverrideStoredAttributesAndKeepTheRest) {
  AzRequest r = Req("User", "alice", "read", "Doc", "d1");
  r.subject->properties = Json(R"({"level": 7})");
  Result<MappedRequest> m = MapRequest(r, "", nullptr, store_);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  const cedar::Entity* alice = Overlay(*m, EntityUid("User", "alice"));
  ASSERT_NE(alice, nullptr);
  ASSERT_NE(Field(alice->attrs, "level"), nullptr);
  EXPECT_EQ(Field(alice->attrs, "level")->as_long(), 7);
  ASSERT_NE(Field(alice->attrs, "name"), nullptr);
  EXPECT_EQ(Field(alice->attrs, "name")->as_string(), "Alice");
  ASSERT_EQ(alice->parents.size(), 1u);
  EXPECT_EQ(alice->parents[0], EntityUid("Team", "eng"));
  // The resource had no properties: no overlay entry for it.
  EXPECT_EQ(Overlay(*m, EntityUid("Doc", "d1")), nullptr);
  EXPECT_EQ(m->overlay.size(), 1u);
}

TEST_F(RequestMappingTest, WithoutPropertiesThereIsNoOverlay) {
  Result<MappedRequest> m =
      MapRequest(Req("User", "alice", "read", "Doc", "d1"), "", nullptr, store_);
  ASSERT_TRUE(m.ok());
  EXPECT_TRUE(m->overlay.empty());
  EXPECT_EQ(m->request.principal, EntityUid("User", "alice"));
  EXPECT_EQ(m->request.action, EntityUid("Action", "read"));
  EXPECT_EQ(m->request.resource, EntityUid("Doc", "d1"));
}

TEST_F(RequestMappingTest, SchemaTypesPropertiesAndIgnoresUndeclaredOnes) {
  AzRequest r = Req("User", "bob", "read", "Doc", "d1");
  r.subject->properties = Json(R"({"name": "Bob", "undeclared": 1})");
  r.resource->properties = Json(R"({"owner": {"type": "User", "id": "bob"}, "public": true})");
  r.context = Json(R"({"ip": "10.0.0.1"})");
  Result<MappedRequest> m = MapRequest(r, "", &*schema_, store_);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  const cedar::Entity* bob = Overlay(*m, EntityUid("User", "bob"));
  ASSERT_NE(bob, nullptr);
  EXPECT_EQ(Field(bob->attrs, "undeclared"), nullptr);
  ASSERT_NE(Field(bob->attrs, "name"), nullptr);
  EXPECT_EQ(Field(bob->attrs, "name")->as_string(), "Bob");
  const cedar::Entity* doc = Overlay(*m, EntityUid("Doc", "d1"));
  ASSERT_NE(doc, nullptr);
  const Value* owner = Field(doc->attrs, "owner");
  ASSERT_NE(owner, nullptr);
  // The bare {"type","id"} object is read as an entity reference because the schema says so.
  ASSERT_TRUE(owner->is_entity());
  EXPECT_EQ(owner->as_entity(), EntityUid("User", "bob"));
  EXPECT_TRUE(m->schema_note.empty()) << m->schema_note;
}

TEST_F(RequestMappingTest, PropertyOfTheWrongTypeNamesTheFieldNotTheValue) {
  AzRequest r = Req("User", "alice", "read", "Doc", "d1");
  r.subject->properties = Json(R"({"level": "secret-level-value"})");
  Result<MappedRequest> m = MapRequest(r, "", &*schema_, store_);
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(m.status().message().find("subject.properties.level"), std::string::npos)
      << m.status().message();
  EXPECT_EQ(m.status().message().find("secret-level-value"), std::string::npos)
      << m.status().message();
}

TEST_F(RequestMappingTest, WithoutSchemaFractionsAndNullsAreDropped) {
  AzRequest r = Req("User", "alice", "read", "Doc", "d1");
  r.subject->properties = Json(R"({"score": 1.5, "gone": null, "kept": 2})");
  r.context = Json(R"({"ratio": 0.25, "none": null, "ip": "10.0.0.1"})");
  Result<MappedRequest> m = MapRequest(r, "", nullptr, store_);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  const cedar::Entity* alice = Overlay(*m, EntityUid("User", "alice"));
  ASSERT_NE(alice, nullptr);
  EXPECT_EQ(Field(alice->attrs, "score"), nullptr);
  EXPECT_EQ(Field(alice->attrs, "gone"), nullptr);
  ASSERT_NE(Field(alice->attrs, "kept"), nullptr);
  EXPECT_EQ(Field(alice->attrs, "kept")->as_long(), 2);
  EXPECT_EQ(Field(m->request.context, "ratio"), nullptr);
  EXPECT_EQ(Field(m->request.context, "none"), nullptr);
  ASSERT_NE(Field(m->request.context, "ip"), nullptr);
  EXPECT_EQ(Field(m->request.context, "ip")->as_string(), "10.0.0.1");
}

TEST_F(RequestMappingTest, ContextIsTypedBySchemaAndUndeclaredMembersIgnored) {
  AzRequest r = Req("User", "alice", "read", "Doc", "d1");
  r.context = Json(R"({"ip": "10.0.0.1", "hops": 2, "extra": "x"})");
  Result<MappedRequest> m = MapRequest(r, "", &*schema_, store_);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(Field(m->request.context, "extra"), nullptr);
  ASSERT_NE(Field(m->request.context, "hops"), nullptr);
  EXPECT_EQ(Field(m->request.context, "hops")->as_long(), 2);
  EXPECT_TRUE(m->schema_note.empty()) << m->schema_note;

  r.context = Json(R"({"ip": "10.0.0.1", "hops": "many-hops-value"})");
  m = MapRequest(r, "", &*schema_, store_);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("context.hops"), std::string::npos) << m.status().message();
  EXPECT_EQ(m.status().message().find("many-hops-value"), std::string::npos)
      << m.status().message();
}

TEST_F(RequestMappingTest, ContextMissingARequiredMemberSetsTheNote) {
  AzRequest r = Req("User", "alice", "read", "Doc", "d1");
  r.context = Json(R"({"hops": 1})");
  Result<MappedRequest> m = MapRequest(r, "", &*schema_, store_);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_FALSE(m->schema_note.empty());
}

TEST_F(RequestMappingTest, ActionPropertiesBecomeActionAttributes) {
  AzRequest r = Req("User", "alice", "read", "Doc", "d1");
  r.action->properties = Json(R"({"method": "GET", "weight": 4})");
  Result<MappedRequest> m = MapRequest(r, "", nullptr, store_);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  const cedar::Entity* action = Overlay(*m, EntityUid("Action", "read"));
  ASSERT_NE(action, nullptr);
  ASSERT_NE(Field(action->attrs, "method"), nullptr);
  EXPECT_EQ(Field(action->attrs, "method")->as_string(), "GET");
  EXPECT_EQ(Field(action->attrs, "weight")->as_long(), 4);
}

TEST_F(RequestMappingTest, NamespacePrefixesEveryType) {
  cedar::Entities empty;
  Result<MappedRequest> m =
      MapRequest(Req("user", "u1", "can_read", "todo", "t1"), "Todo", nullptr, empty);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_EQ(m->request.principal, EntityUid("Todo::user", "u1"));
  EXPECT_EQ(m->request.action, EntityUid("Todo::Action", "can_read"));
  EXPECT_EQ(m->request.resource, EntityUid("Todo::todo", "t1"));
  Result<std::string> t = MapType("user", "Todo", "subject.type");
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(*t, "Todo::user");
}

TEST_F(RequestMappingTest, TypeThatIsNotACedarNameIsAnError) {
  for (const char* bad : {"my-type", "has space", "1abc", "a::", "A::\"x\"", ""}) {
    Result<MappedRequest> m = MapRequest(Req(bad, "x", "read", "Doc", "d1"), "", nullptr, store_);
    ASSERT_FALSE(m.ok()) << bad;
    EXPECT_EQ(m.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(m.status().message().find("subject.type"), std::string::npos);
  }
  Result<MappedRequest> m =
      MapRequest(Req("User", "x", "read", "bad type", "d1"), "", nullptr, store_);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("resource.type"), std::string::npos);
}

TEST_F(RequestMappingTest, UndeclaredTypesWithSchemaAreErrors) {
  Result<MappedRequest> m =
      MapRequest(Req("Robot", "r", "read", "Doc", "d1"), "", &*schema_, store_);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("subject.type"), std::string::npos);
  m = MapRequest(Req("User", "alice", "read", "Folder", "f"), "", &*schema_, store_);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("resource.type"), std::string::npos);
  // Without a schema any Cedar name is fine.
  EXPECT_TRUE(MapRequest(Req("Robot", "r", "read", "Folder", "f"), "", nullptr, store_).ok());
}

TEST_F(RequestMappingTest, UndeclaredActionSetsSchemaNote) {
  AzRequest r = Req("User", "alice", "delete", "Doc", "d1");
  Result<MappedRequest> m = MapRequest(r, "", &*schema_, store_);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_FALSE(m->schema_note.empty());
  // A declared action with a wrong resource type (Team is declared, but not for `read`).
  m = MapRequest(Req("User", "alice", "read", "Team", "eng"), "", &*schema_, store_);
  ASSERT_TRUE(m.ok()) << m.status().ToString();
  EXPECT_FALSE(m->schema_note.empty());
}

TEST_F(RequestMappingTest, OverlayLookupFindsOverlayFirstAndKeepsStoreAncestry) {
  cedar::Entity shadow;
  shadow.uid = EntityUid("User", "alice");
  shadow.attrs = Value::Record({{"name", Value::String("Shadow")}});
  // The overlay's parents are not consulted for ancestry.
  shadow.parents.push_back(EntityUid("Team", "ops"));
  std::vector<cedar::Entity> overlay = {shadow};
  OverlayLookup lookup(store_, overlay);

  const cedar::Entity* found = lookup.Find(EntityUid("User", "alice"));
  ASSERT_NE(found, nullptr);
  EXPECT_EQ(Field(found->attrs, "name")->as_string(), "Shadow");
  EXPECT_EQ(lookup.Find(EntityUid("Team", "eng")), store_.Find(EntityUid("Team", "eng")));
  EXPECT_EQ(lookup.Find(EntityUid("User", "nobody")), nullptr);

  EXPECT_TRUE(lookup.IsInOrEqual(EntityUid("User", "alice"), EntityUid("Team", "eng")));
  EXPECT_FALSE(lookup.IsInOrEqual(EntityUid("User", "alice"), EntityUid("Team", "ops")));
  std::vector<const EntityUid*> ancestors;
  lookup.AppendAncestors(EntityUid("User", "alice"), ancestors);
  ASSERT_EQ(ancestors.size(), 1u);
  EXPECT_EQ(*ancestors[0], EntityUid("Team", "eng"));
}

}  // namespace
}  // namespace metagate::pdp
