#include "metagate/cedar/entities_json.h"

#include <gtest/gtest.h>

#include <string>

namespace metagate::cedar {
namespace {

json::Value J(const std::string& text) {
  auto r = json::Parse(text);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : json::Value();
}

Value MustRead(const std::string& text, const SchemaType* type = nullptr) {
  auto r = ValueFromJson(J(text), type);
  EXPECT_TRUE(r.ok()) << text << " -> " << r.status().ToString();
  return r.ok() ? std::move(r).value() : Value();
}

Status ReadError(const std::string& text, const SchemaType* type = nullptr) {
  auto r = ValueFromJson(J(text), type);
  EXPECT_FALSE(r.ok()) << text << " -> " << (r.ok() ? r->ToCedar() : "");
  return r.status();
}

Schema MustParseSchema(const std::string& text) {
  auto r = ParseSchemaText(text);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? std::move(r).value() : Schema();
}

TEST(EntityUidFromJsonTest, BothForms) {
  auto a = EntityUidFromJson(J(R"({"type": "Ns::User", "id": "al\"ice"})"));
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(*a, EntityUid("Ns::User", "al\"ice"));
  auto b = EntityUidFromJson(J(R"({"__entity": {"type": "User", "id": ""}})"));
  ASSERT_TRUE(b.ok());
  EXPECT_EQ(*b, EntityUid("User", ""));
  // In a uid, other members beside a well-formed `__entity` are ignored.
  auto c = EntityUidFromJson(J(R"({"__entity": {"type": "User", "id": "x"}, "type": "Other"})"));
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(*c, EntityUid("User", "x"));
}

TEST(EntityUidFromJsonTest, Errors) {
  for (const char* bad : {R"("User::\"a\"")", R"({"type": "User"})", R"({"type": "User", "id": 1})",
                          R"({"__entity": {"__entity": {"type": "User", "id": "a"}}})",
                          R"({"type": "User!", "id": "a"})", R"({"type": " User", "id": "a"})",
                          R"({"type": "A :: B", "id": "a"})", R"({"type": "if", "id": "a"})",
                          R"({"type": "__cedar::T", "id": "a"})", R"({"type": "", "id": "a"})",
                          R"({"type": "A::", "id": "a"})", R"({"type": "1A", "id": "a"})",
                          R"({"type": "A", "id": "a", "id": "b"})"}) {
    EXPECT_FALSE(EntityUidFromJson(J(bad)).ok()) << bad;
  }
}

TEST(ValueFromJsonTest, PlainValues) {
  EXPECT_EQ(MustRead("true"), Value::Bool(true));
  EXPECT_EQ(MustRead("-7"), Value::Long(-7));
  EXPECT_EQ(MustRead("9223372036854775807"), Value::Long(INT64_MAX));
  EXPECT_EQ(MustRead("-9223372036854775808"), Value::Long(INT64_MIN));
  EXPECT_EQ(MustRead(R"("x\u00e9")"), Value::String("x\xc3\xa9"));
  EXPECT_EQ(MustRead("[1, 2, 1]"), Value::Set({Value::Long(1), Value::Long(2)}));
  EXPECT_EQ(
      MustRead(R"({"b": [], "a": {"c": false}})"),
      Value::Record({{"a", Value::Record({{"c", Value::Bool(false)}})}, {"b", Value::Set({})}}));
}

TEST(ValueFromJsonTest, Escapes) {
  EXPECT_EQ(MustRead(R"({"__entity": {"type": "User", "id": "a"}})"),
            Value::Entity(EntityUid("User", "a")));
  // Extra members inside the escape are ignored.
  EXPECT_EQ(MustRead(R"({"__entity": {"type": "User", "id": "a", "z": 1}})"),
            Value::Entity(EntityUid("User", "a")));
  Value ip = MustRead(R"({"__extn": {"fn": "ip", "arg": "10.0.0.1"}})");
  ASSERT_TRUE(ip.is_extension());
  EXPECT_STREQ(ip.as_extension().type_name(), "ipaddr");
  Value ip2 = MustRead(R"({"__extn": {"fn": "ip", "args": ["10.0.0.1"]}})");
  EXPECT_EQ(ip, ip2);
  Value dt = MustRead(R"({"__extn": {"fn": "offset", "args": [
      {"__extn": {"fn": "datetime", "arg": "1970-01-01"}},
      {"__extn": {"fn": "duration", "arg": "1ms"}}]}})");
  ASSERT_TRUE(dt.is_extension());
  EXPECT_STREQ(dt.as_extension().type_name(), "datetime");
}

TEST(ValueFromJsonTest, ObjectsThatAreNotEscapesAreRecords) {
  // Without a schema, `{"type", "id"}` is an ordinary record.
  Value r = MustRead(R"({"type": "User", "id": "a"})");
  ASSERT_TRUE(r.is_record());
  EXPECT_EQ(*r.FindField("type"), Value::String("User"));
  // An escape key next to other keys, or with a malformed body, makes a record.
  EXPECT_TRUE(MustRead(R"({"__entity": {"type": "U", "id": "a"}, "b": 1})").is_record());
  EXPECT_TRUE(MustRead(R"({"__extn": {"fn": "ip", "arg": "1.2.3.4"}, "b": 1})").is_record());
  EXPECT_TRUE(MustRead(R"({"__entity": {"type": "U"}})").is_record());
  EXPECT_TRUE(MustRead(R"({"__entity": "U::\"a\""})").is_record());
  EXPECT_TRUE(MustRead(R"({"__extn": {"fn": "ip"}})").is_record());
}

TEST(ValueFromJsonTest, ErrorsCarryLocations) {
  Status st = ReadError("{\n  \"a\": [1,\n    null]}");
  EXPECT_EQ(st.loc().ToString(), "3:5");
  EXPECT_NE(st.message().find("null"), std::string::npos);
  st = ReadError("{\"a\": 1.5}");
  EXPECT_EQ(st.loc().ToString(), "1:7");
  EXPECT_EQ(ReadError("9223372036854775808").loc().ToString(), "1:1");
  EXPECT_EQ(ReadError("-9223372036854775809").loc().ToString(), "1:1");
  st = ReadError("{\"a\": 1,\n \"a\": 2}");
  EXPECT_EQ(st.loc().ToString(), "2:7");
  EXPECT_NE(st.message().find("duplicate key `a`"), std::string::npos);
  EXPECT_NE(ReadError(R"({"__expr": "1 + 1"})").message().find("__expr"), std::string::npos);
  (void)ReadError(R"({"__extn": {"fn": "ip", "arg": "not an ip"}})");
  (void)ReadError(R"({"__extn": {"fn": "ip", "arg": 1}})");
  (void)ReadError(R"({"__extn": {"fn": "nosuchfn", "arg": "1"}})");
  (void)ReadError(R"({"__extn": {"fn": "ip", "args": ["1.2.3.4", "1"]}})");
  (void)ReadError(R"({"__entity": {"type": "A B", "id": "a"}})");
}

TEST(ValueFromJsonTest, MessagesDoNotContainValues) {
  Status st = ReadError(R"({"__extn": {"fn": "ip", "arg": "secret-value"}})");
  EXPECT_EQ(st.message().find("secret"), std::string::npos) << st.message();
  Schema s = MustParseSchema("entity A { n: Long };");
  st = ReadError(R"({"n": "secret"})", s.FindEntityType("A")->attributes.get());
  EXPECT_EQ(st.message().find("secret"), std::string::npos) << st.message();
}

class TypedValueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    schema_ = MustParseSchema(R"(
      entity U;
      entity T {
        e: U, s: Set<U>, ip: ipaddr, d: decimal, dt: datetime, du: duration,
        r: { x: Long, y?: U }, l: Long, str: String, b: Bool, rs: Set<{ z: ipaddr }>,
      };
    )");
  }
  const SchemaType* Attr(const char* name) {
    return schema_.FindEntityType("T")->attributes->FindAttribute(name)->type.get();
  }
  Schema schema_;
};

TEST_F(TypedValueTest, ImplicitEntityForms) {
  Value u = Value::Entity(EntityUid("U", "x"));
  EXPECT_EQ(MustRead(R"({"type": "U", "id": "x"})", Attr("e")), u);
  EXPECT_EQ(MustRead(R"({"type": "U", "id": "x", "extra": 1})", Attr("e")), u);
  EXPECT_EQ(MustRead(R"({"__entity": {"type": "U", "id": "x"}})", Attr("e")), u);
  EXPECT_EQ(MustRead(R"({"__entity": {"type": "U", "id": "x"}, "b": 1})", Attr("e")), u);
  EXPECT_EQ(MustRead(R"([{"type": "U", "id": "x"}])", Attr("s")), Value::Set({u}));
  Value r = MustRead(R"({"x": 1, "y": {"type": "U", "id": "x"}})", Attr("r"));
  EXPECT_EQ(*r.FindField("y"), u);
}

TEST_F(TypedValueTest, ImplicitExtensionForms) {
  Value ip = MustRead(R"({"__extn": {"fn": "ip", "arg": "1.2.3.4"}})");
  EXPECT_EQ(MustRead(R"("1.2.3.4")", Attr("ip")), ip);
  EXPECT_EQ(MustRead(R"({"fn": "ip", "arg": "1.2.3.4"})", Attr("ip")), ip);
  EXPECT_EQ(MustRead(R"({"fn": "ip", "args": ["1.2.3.4"]})", Attr("ip")), ip);
  EXPECT_EQ(MustRead(R"({"__extn": {"fn": "ip", "arg": "1.2.3.4"}, "b": 1})", Attr("ip")), ip);
  EXPECT_STREQ(MustRead(R"("0.6")", Attr("d")).as_extension().type_name(), "decimal");
  EXPECT_STREQ(MustRead(R"("2024-01-01")", Attr("dt")).as_extension().type_name(), "datetime");
  EXPECT_STREQ(MustRead(R"("1h")", Attr("du")).as_extension().type_name(), "duration");
  Value rs = MustRead(R"([{"z": "10.0.0.1"}])", Attr("rs"));
  EXPECT_TRUE(rs.set_elems()[0].FindField("z")->is_extension());
  // In schema mode the arguments of `offset` may use implicit forms too.
  Value dt = MustRead(R"({"fn": "offset", "args": ["1970-01-01", "1ms"]})", Attr("dt"));
  EXPECT_STREQ(dt.as_extension().type_name(), "datetime");
}

TEST_F(TypedValueTest, Mismatches) {
  EXPECT_NE(ReadError(R"({"type": "T", "id": "x"})", Attr("e")).message().find("`U`"),
            std::string::npos);
  (void)ReadError(R"("U::\"x\"")", Attr("e"));
  (void)ReadError(R"({"type": "U"})", Attr("e"));
  (void)ReadError("1", Attr("e"));
  (void)ReadError(R"("1.2.3")", Attr("ip"));
  (void)ReadError(R"({"fn": "decimal", "arg": "1.2"})", Attr("ip"));
  (void)ReadError(R"({"__extn": {"fn": "decimal", "arg": "1.2"}})", Attr("ip"));
  (void)ReadError("1", Attr("ip"));
  (void)ReadError(R"("1")", Attr("l"));
  (void)ReadError("1", Attr("str"));
  (void)ReadError(R"("true")", Attr("b"));
  (void)ReadError(R"({"type": "U", "id": "x"})", Attr("s"));
  (void)ReadError("[]", Attr("r"));
  (void)ReadError(R"({"__entity": {"type": "U", "id": "x"}})", Attr("r"));
  (void)ReadError(R"({"__expr": "U::\"x\""})", Attr("e"));
  (void)ReadError(R"({"fn": "ip"})", Attr("ip"));
  Status st = ReadError("{\"x\": 1,\n \"z\": 2}", Attr("r"));
  EXPECT_EQ(st.loc().ToString(), "2:7");
  EXPECT_NE(st.message().find("`z`"), std::string::npos);
  st = ReadError("{}", Attr("r"));
  EXPECT_NE(st.message().find("missing required attribute `x`"), std::string::npos);
}

const char* kSchema = R"(
  entity G;
  entity U in [G] { name: String, boss?: U, ip?: ipaddr };
  entity T tags ipaddr;
  entity E enum ["a", "b"];
  entity P in [E];
  action all;
  action mid in all;
  action view in [mid] appliesTo { principal: U, resource: T, context: { ip: ipaddr, n?: Long } };
  namespace Ns { action edit in [Action::"all"]; }
)";

TEST(EntitiesFromJsonTest, WithoutSchema) {
  auto r = EntitiesFromJson(R"([
    {"uid": {"type": "User", "id": "a"}, "attrs": {"age": 3, "boss": {"type": "User", "id": "b"}},
     "parents": [{"type": "Group", "id": "g"}, {"__entity": {"type": "Group", "id": "h"}}],
     "tags": {"t": {"__extn": {"fn": "ip", "arg": "1.2.3.4"}}}},
    {"uid": {"__entity": {"type": "Group", "id": "g"}}, "attrs": {}, "parents": [], "extra": 1},
    {"uid": {"type": "Group", "id": "g"}, "attrs": {}, "parents": []}
  ])",
                            nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->size(), 2u);
  const Entity* a = r->Find(EntityUid("User", "a"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(*a->attrs.FindField("age"), Value::Long(3));
  EXPECT_TRUE(a->attrs.FindField("boss")->is_record());  // no schema: a record
  EXPECT_TRUE(a->tags.FindField("t")->is_extension());
  EXPECT_EQ(a->parents.size(), 2u);
  EXPECT_TRUE(r->IsInOrEqual(EntityUid("User", "a"), EntityUid("Group", "h")));
}

TEST(EntitiesFromJsonTest, StructuralErrors) {
  struct Case {
    const char* text;
    const char* loc;
    const char* fragment;
  };
  const Case cases[] = {
      {"{}", "1:1", "array"},
      {"[1]", "1:2", "entity object"},
      {R"([{"attrs": {}, "parents": []}])", "1:2", "`uid`"},
      {R"([{"uid": {"type": "A", "id": "a"}, "parents": []}])", "1:2", "`attrs`"},
      {R"([{"uid": {"type": "A", "id": "a"}, "attrs": {}}])", "1:2", "`parents`"},
      {R"([{"uid": {"type": "A", "id": "a"}, "attrs": null, "parents": []}])", "1:45", "attrs"},
      {R"([{"uid": {"type": "A", "id": "a"}, "attrs": {}, "parents": {}}])", "1:60", "parents"},
      {R"([{"uid": {"type": "A", "id": "a"}, "attrs": {}, "parents": [], "tags": null}])", "1:72",
       "tags"},
      {R"([{"uid": {"type": "A", "id": "a"}, "attrs": {}, "parents": ["A::\"b\""]}])", "1:61",
       "parent"},
      {R"([{"uid": "A::\"a\"", "attrs": {}, "parents": []}])", "1:10", "uid"},
      {R"([{"uid": {"type": "A", "id": "a"}, "uid": {"type": "A", "id": "a"}}])", "1:43",
       "duplicate field `uid`"},
      {"[{\"uid\": {\"type\": \"A\", \"id\": \"a\"},\n \"attrs\": {\"x\": 1, \"x\": 2},"
       " \"parents\": []}]",
       "2:25", "duplicate key `x`"},
      {"[{\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": 1}, \"parents\": []},\n"
       " {\"uid\": {\"type\": \"A\", \"id\": \"a\"}, \"attrs\": {\"x\": 2}, \"parents\": []}]",
       "2:2", "listed twice"},
      {"[{\"uid\": {\"type\": \"A\", \"id\": \"a\"},", "1:35", "entities:"},
      {R"([{"uid": {"type": "Ns::Action", "id": "a"}, "attrs": {},
            "parents": [{"type": "Action", "id": "b"}, {"type": "User", "id": "u"}]}])",
       "2:56", "parents of an action"},
  };
  for (const Case& c : cases) {
    auto r = EntitiesFromJson(c.text, nullptr);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().loc().ToString(), c.loc) << c.text << " -> " << r.status().ToString();
    EXPECT_NE(r.status().message().find(c.fragment), std::string::npos)
        << c.text << " -> " << r.status().ToString();
  }
}

TEST(EntitiesFromJsonTest, AncestorTypesAreCheckedTransitively) {
  Schema schema = MustParseSchema("entity A in [B]; entity B in [C]; entity C; entity D in [A];");
  // C is an allowed ancestor of A (through B), so it may also be a direct parent.
  auto direct = EntitiesFromJson(
      R"([{"uid": {"type": "A", "id": "a"}, "attrs": {}, "parents": [{"type": "C", "id": "c"}]}])",
      &schema);
  EXPECT_TRUE(direct.ok()) << direct.status().ToString();
  // D may be in A, but then A::"a" has an ancestor of type D, which A may not have.
  auto bad = EntitiesFromJson(R"([
    {"uid": {"type": "D", "id": "d"}, "attrs": {}, "parents": [{"type": "A", "id": "a"}]},
    {"uid": {"type": "A", "id": "a"}, "attrs": {}, "parents": [{"type": "D", "id": "x"}]}
  ])",
                              &schema);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("ancestor of type `D`"), std::string::npos);
  EXPECT_EQ(schema.AllowedAncestorTypes("D"), (std::set<std::string>{"A", "B", "C"}));
  EXPECT_TRUE(schema.AllowedAncestorTypes("Nope").empty());
}

TEST(EntitiesFromJsonTest, HierarchyCyclesAreErrors) {
  auto self = EntitiesFromJson(
      R"([{"uid": {"type": "A", "id": "a"}, "attrs": {}, "parents": [{"type": "A", "id": "a"}]}])",
      nullptr);
  ASSERT_FALSE(self.ok());
  EXPECT_NE(self.status().message().find("cycle"), std::string::npos);
  EXPECT_EQ(self.status().loc().ToString(), "1:2");
  auto two = EntitiesFromJson(R"([
    {"uid": {"type": "A", "id": "a"}, "attrs": {}, "parents": [{"type": "A", "id": "b"}]},
    {"uid": {"type": "A", "id": "b"}, "attrs": {}, "parents": [{"type": "A", "id": "c"}]},
    {"uid": {"type": "A", "id": "c"}, "attrs": {}, "parents": [{"type": "A", "id": "a"}]}
  ])",
                              nullptr);
  EXPECT_FALSE(two.ok());
  // A diamond is not a cycle.
  auto diamond = EntitiesFromJson(R"([
    {"uid": {"type": "A", "id": "a"}, "attrs": {},
     "parents": [{"type": "A", "id": "b"}, {"type": "A", "id": "c"}]},
    {"uid": {"type": "A", "id": "b"}, "attrs": {}, "parents": [{"type": "A", "id": "d"}]},
    {"uid": {"type": "A", "id": "c"}, "attrs": {}, "parents": [{"type": "A", "id": "d"}]}
  ])",
                                  nullptr);
  EXPECT_TRUE(diamond.ok()) << diamond.status().ToString();
}

TEST(EntitiesFromJsonTest, IdenticalDuplicatesAreAccepted) {
  auto r = EntitiesFromJson(R"([
    {"uid": {"type": "A", "id": "a"}, "attrs": {"x": [1, 2]},
     "parents": [{"type": "A", "id": "p"}, {"type": "A", "id": "q"}]},
    {"uid": {"type": "A", "id": "a"}, "attrs": {"x": [2, 1]},
     "parents": [{"type": "A", "id": "q"}, {"type": "A", "id": "p"}, {"type": "A", "id": "q"}]}
  ])",
                            nullptr);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->size(), 1u);
}

TEST(EntitiesFromJsonTest, WithSchemaTypesAttributesAndAddsActions) {
  Schema schema = MustParseSchema(kSchema);
  auto r = EntitiesFromJson(R"([
    {"uid": {"type": "U", "id": "a"},
     "attrs": {"name": "A", "boss": {"type": "U", "id": "b"}, "ip": "10.0.0.1"},
     "parents": [{"type": "G", "id": "g"}]},
    {"uid": {"type": "T", "id": "t"}, "attrs": {}, "parents": [], "tags": {"k": "1.2.3.4"}},
    {"uid": {"type": "P", "id": "p"}, "attrs": {}, "parents": [{"type": "E", "id": "a"}]},
    {"uid": {"type": "Action", "id": "view"}, "attrs": {},
     "parents": [{"type": "Action", "id": "all"}, {"type": "Action", "id": "mid"}]}
  ])",
                            &schema);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  const Entity* a = r->Find(EntityUid("U", "a"));
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(*a->attrs.FindField("boss"), Value::Entity(EntityUid("U", "b")));
  EXPECT_TRUE(a->attrs.FindField("ip")->is_extension());
  EXPECT_TRUE(r->Find(EntityUid("T", "t"))->tags.FindField("k")->is_extension());
  // The schema's actions are in the store, with their hierarchy.
  EXPECT_EQ(r->size(), 3u + 4u);
  EXPECT_TRUE(r->IsInOrEqual(EntityUid("Action", "view"), EntityUid("Action", "all")));
  EXPECT_TRUE(r->IsInOrEqual(EntityUid("Ns::Action", "edit"), EntityUid("Action", "all")));
  EXPECT_EQ(r->Find(EntityUid("Action", "view"))->parents,
            (std::vector<EntityUid>{EntityUid("Action", "mid")}));
}

TEST(EntitiesFromJsonTest, SchemaErrors) {
  Schema schema = MustParseSchema(kSchema);
  struct Case {
    const char* text;
    const char* loc;
    const char* fragment;
  };
  const Case cases[] = {
      {R"([{"uid": {"type": "Z", "id": "a"}, "attrs": {}, "parents": []}])", "1:10",
       "not declared"},
      {R"([{"uid": {"type": "U", "id": "a"}, "attrs": {}, "parents": []}])", "1:45",
       "missing required attribute `name`"},
      {R"([{"uid": {"type": "U", "id": "a"}, "attrs": {"name": "n", "zz": 1}, "parents": []}])",
       "1:65", "`zz`"},
      {R"([{"uid": {"type": "U", "id": "a"}, "attrs": {"name": 1}, "parents": []}])", "1:54",
       "String"},
      {R"([{"uid": {"type": "U", "id": "a"}, "attrs": {"name": "n"},
            "parents": [{"type": "T", "id": "t"}]}])",
       "1:2", "ancestor of type `T`"},
      {R"([{"uid": {"type": "U", "id": "a"}, "attrs": {"name": "n"}, "parents": [],
            "tags": {"k": 1}}])",
       "2:27", "no tags"},
      {R"([{"uid": {"type": "T", "id": "t"}, "attrs": {}, "parents": [], "tags": {"k": "1.2"}}])",
       "1:78", "`ip`"},
      {R"([{"uid": {"type": "E", "id": "c"}, "attrs": {}, "parents": []}])", "1:10", "enum"},
      {R"([{"uid": {"type": "P", "id": "p"}, "attrs": {}, "parents": [{"type": "E", "id": "z"}]}])",
       "1:61", "enum"},
      {R"([{"uid": {"type": "Action", "id": "nope"}, "attrs": {}, "parents": []}])", "1:2",
       "not declared"},
      {R"([{"uid": {"type": "Action", "id": "view"}, "attrs": {},
            "parents": [{"type": "Action", "id": "mid"}]}])",
       "1:2", "does not match"},
      {R"([{"uid": {"type": "Action", "id": "all"}, "attrs": {"a": 1}, "parents": []}])", "1:2",
       "does not match"},
  };
  for (const Case& c : cases) {
    auto r = EntitiesFromJson(c.text, &schema);
    ASSERT_FALSE(r.ok()) << c.text;
    EXPECT_EQ(r.status().loc().ToString(), c.loc) << c.text << " -> " << r.status().ToString();
    EXPECT_NE(r.status().message().find(c.fragment), std::string::npos)
        << c.text << " -> " << r.status().ToString();
  }
}

TEST(ContextFromJsonTest, WithAndWithoutSchema) {
  Schema schema = MustParseSchema(kSchema);
  EntityUid view("Action", "view");
  auto c = ContextFromJson(J(R"({"ip": "1.2.3.4", "n": 9223372036854775807})"), &schema, view);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_TRUE(c->FindField("ip")->is_extension());
  EXPECT_EQ(*c->FindField("n"), Value::Long(INT64_MAX));

  auto untyped = ContextFromJson(J(R"({"ip": "1.2.3.4"})"), nullptr, view);
  ASSERT_TRUE(untyped.ok());
  EXPECT_TRUE(untyped->FindField("ip")->is_string());

  EXPECT_FALSE(ContextFromJson(J("[]"), nullptr, view).ok());
  EXPECT_FALSE(ContextFromJson(J(R"({"__entity": {"type": "U", "id": "a"}})"), nullptr, view).ok());
  auto missing = ContextFromJson(J("{}"), &schema, view);
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("`ip`"), std::string::npos);
  auto extra = ContextFromJson(J(R"({"ip": "1.2.3.4", "z": 1})"), &schema, view);
  ASSERT_FALSE(extra.ok());
  EXPECT_EQ(extra.status().loc().ToString(), "1:24");
  auto wrong = ContextFromJson(J(R"({"ip": "1.2.3.4", "n": "1"})"), &schema, view);
  EXPECT_FALSE(wrong.ok());
  auto undeclared = ContextFromJson(J("{}"), &schema, EntityUid("Action", "nope"));
  ASSERT_FALSE(undeclared.ok());
  EXPECT_NE(undeclared.status().message().find("not declared"), std::string::npos);
  // An action without appliesTo has an empty context record.
  EXPECT_TRUE(ContextFromJson(J("{}"), &schema, EntityUid("Action", "all")).ok());
}

}  // namespace
}  // namespace metagate::cedar
