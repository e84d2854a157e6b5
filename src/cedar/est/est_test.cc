#include <gtest/gtest.h>

#include "format/fixture_util.h"
#include "metagate/cedar/formatter.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/policy_json.h"
#include "metagate/common/file_util.h"

namespace metagate::cedar {
namespace {

std::vector<PolicyPtr> Parse(std::string_view text) {
  Result<std::vector<PolicyPtr>> r = ParsePolicies(text);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : std::vector<PolicyPtr>{};
}

TEST(EstTest, WriterAndReaderMatchCedarOnFixtures) {
  for (const std::string& name : testing::PolicyFormatFixtures()) {
    const std::string base = testing::PolicyFormatFixturesDir() + "/" + name;
    Result<std::string> text = ReadFile(base + ".cedar");
    Result<std::string> want_text = ReadFile(base + ".json");
    ASSERT_TRUE(text.ok() && want_text.ok());
    Result<json::Value> want = json::Parse(*want_text);
    ASSERT_TRUE(want.ok());
    std::vector<PolicyPtr> policies;
    for (bool templates : {false, true}) {
      for (const auto& p : Parse(*text)) {
        if (p->is_template == templates) policies.push_back(p);
      }
    }
    ASSERT_EQ(policies.size(), want->items().size()) << name;
    for (size_t i = 0; i < policies.size(); ++i) {
      const std::string cedar_json = want->items()[i].Dump();
      EXPECT_EQ(PolicyToJson(*policies[i]), cedar_json) << name << " #" << i;
      Result<PolicyPtr> read = PolicyFromJsonValue(want->items()[i], "p");
      ASSERT_TRUE(read.ok()) << name << ": " << read.status().ToString();
      EXPECT_EQ(PolicyToJson(**read), cedar_json) << name << " #" << i;
      EXPECT_EQ((*read)->is_template, policies[i]->is_template);
    }
  }
}

TEST(EstTest, DesugaredFormsPrintAsCedarDoes) {
  auto p = Parse(
      "permit(principal, action, resource) when { principal is User in Group::\"g\" && "
      "context has a.b };");
  EXPECT_EQ(PolicyToJson(*p[0]),
            R"({"effect":"permit","principal":{"op":"All"},"action":{"op":"All"},)"
            R"("resource":{"op":"All"},"conditions":[{"kind":"when","body":{"&&":{"left":)"
            R"({"is":{"left":{"Var":"principal"},"entity_type":"User","in":{"Value":)"
            R"({"__entity":{"type":"Group","id":"g"}}}}},"right":{"&&":{"left":{"has":)"
            R"({"left":{"Var":"context"},"attr":"a"}},"right":{"has":{"left":{".":{"left":)"
            R"({"Var":"context"},"attr":"a"}},"attr":"b"}}}}}}}]})");
}

TEST(EstTest, ReaderAcceptsCedarAlternatives) {
  Result<PolicyPtr> p = PolicyFromJson(
      R"({"effect":"forbid","principal":{"op":"==","entity":{"__entity":{"type":"U","id":"a"}}},
          "action":{"op":"All"},"resource":{"op":"All"},
          "conditions":[{"kind":"unless","body":{"&&":{
            "left":{"like":{"left":{"Value":"ab"},"pattern":[{"Literal":"ab"},"Wildcard"]}},
            "right":{"has":{"left":{"Var":"context"},"attr":["x","y"]}}}}},
           {"kind":"when","body":{"==":{"left":{"Value":{"r":[1,{"__extn":{"fn":"ip","arg":"1.1.1.1"}}]}},
                                        "right":{"Record":{}}}}}]})",
      "p0");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ((*p)->id, "p0");
  const std::string text = PolicyToText(**p);
  EXPECT_EQ(text,
            "forbid (principal == U::\"a\", action, resource) unless { \"ab\" like \"ab*\" && "
            "(context has x && context.x has y) } when { {r: [1, ip(\"1.1.1.1\")]} == {} };");
}

TEST(EstTest, ReaderErrorsAreLocated) {
  struct Case {
    const char* json;
    const char* message_part;
    uint32_t line;
  };
  const Case kCases[] = {
      {"{\"effect\":\"permit\",\n\"principal\":{\"op\":\"All\"},\"action\":{\"op\":\"All\"},"
       "\"resource\":{\"op\":\"All\"},\"conditions\":[{\"kind\":\"when\",\n\"body\":{\"nope\":1}}]"
       "}",
       "unknown expression operator", 3},
      {"{\"effect\":\"permit\",\"principal\":{\"op\":\"All\"},\n\"action\":{\"op\":\"==\","
       "\"entity\":{\"type\":\"User\",\"id\":\"a\"}},\"resource\":{\"op\":\"All\"}}",
       "type `Action`", 2},
      {"{\"effect\":\"maybe\"}", "`effect`", 1},
      {"{\"effect\":\"permit\",\"principal\":{\"op\":\"All\"},\"action\":{\"op\":\"All\"}}",
       "missing field `resource`", 1},
      {"{\"effect\":\"permit\",\"principal\":{\"op\":\"is\",\"entity_type\":\"9x\"},"
       "\"action\":{\"op\":\"All\"},\"resource\":{\"op\":\"All\"}}",
       "invalid entity type", 1},
  };
  for (const Case& c : kCases) {
    Result<PolicyPtr> p = PolicyFromJson(c.json, "p");
    ASSERT_FALSE(p.ok()) << c.json;
    EXPECT_NE(p.status().message().find(c.message_part), std::string::npos)
        << p.status().ToString();
    EXPECT_EQ(p.status().loc().line, c.line) << p.status().ToString();
  }
}

// Accepted and rejected exactly as Cedar 4.12's policyToText accepts or rejects them.
TEST(EstTest, AcceptsAndRejectsLikeCedar) {
  const std::string kScope =
      R"("effect":"permit","principal":{"op":"All"},"action":{"op":"All"},"resource":{"op":"All"})";
  auto with_body = [&](const std::string& body) {
    return "{" + kScope + R"(,"conditions":[{"kind":"when","body":)" + body + "}]}";
  };
  const std::pair<std::string, bool> kCases[] = {
      {"{" + kScope + "}", false},  // `conditions` is required
      {R"({"effect":"permit","principal":{"op":"all"},"action":{"op":"All"},)"
       R"("resource":{"op":"All"},"conditions":[]})",
       true},
      {R"({"effect":"permit","principal":{"op":"==","entity":{"type":"U","id":"a","x":1}},)"
       R"("action":{"op":"All"},"resource":{"op":"All"},"conditions":[]})",
       true},
      {R"({"effect":"permit","principal":{"op":"All"},"action":{"op":"is","entity_type":"A"},)"
       R"("resource":{"op":"All"},"conditions":[]})",
       false},
      {with_body(R"({"Value":1.5})"), false},
      {with_body(R"({"Slot":"?principal"})"), false},
      {with_body(R"({"ip":[{"Value":"1.1.1.1"},{"Value":"x"}]})"), true},  // arity: at evaluation
      {with_body(R"({"has":{"left":{"Var":"context"},"attr":[]}})"), false},
      {with_body(R"({})"), false},
      {with_body(R"({"Value":1,"Var":"principal"})"), false},
  };
  for (const auto& [json, accepted] : kCases) {
    Result<PolicyPtr> p = PolicyFromJson(json, "p");
    EXPECT_EQ(p.ok(), accepted) << json << "\n" << p.status().ToString();
  }
}

TEST(EstTest, PolicySetRoundTripWithTemplatesAndLinks) {
  Result<PolicySet> set = PolicySet::FromText(
      "permit(principal, action, resource);\n"
      "permit(principal == ?principal, action, resource in ?resource);\n"
      "forbid(principal, action, resource) when { false };");
  ASSERT_TRUE(set.ok());
  ASSERT_TRUE(set->Link("policy1", "link1", EntityUid("User", "a"), EntityUid("Doc", "d")).ok());
  const std::string json = PolicySetToJson(*set);
  Result<PolicySet> back = PolicySetFromJson(json);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->templates().size(), 1u);
  EXPECT_EQ(back->policies().size(), 3u);
  EXPECT_EQ(PolicySetToJson(*back), json);
  EXPECT_NE(json.find(R"("templateLinks":[{"templateId":"policy1","newId":"link1","values":)"
                      R"({"?principal":{"type":"User","id":"a"},"?resource":)"),
            std::string::npos)
      << json;
}

TEST(EstTest, PolicySetErrors) {
  Result<PolicySet> bad_link = PolicySetFromJson(
      "{\"templateLinks\":[{\"templateId\":\"t\",\"newId\":\"x\",\"values\":{}}]}");
  EXPECT_FALSE(bad_link.ok());
  Result<PolicySet> slot_in_static = PolicySetFromJson(
      "{\"staticPolicies\":{\"s\":{\"effect\":\"permit\",\"principal\":{\"op\":\"==\","
      "\"slot\":\"?principal\"},\"action\":{\"op\":\"All\"},\"resource\":{\"op\":\"All\"},"
      "\"conditions\":[]}}}");
  ASSERT_FALSE(slot_in_static.ok());
  EXPECT_NE(slot_in_static.status().message().find("has a slot"), std::string::npos);
}

TEST(EstTest, TranslateHelpers) {
  Result<std::string> json = PolicyTextToJson("permit(principal, action, resource) when { true };");
  ASSERT_TRUE(json.ok());
  EXPECT_NE(json->find("\"staticPolicies\": {\n    \"policy0\": {"), std::string::npos) << *json;
  Result<std::string> text = PolicyJsonToText(*json);
  ASSERT_TRUE(text.ok()) << text.status().ToString();
  EXPECT_EQ(*text, "permit (principal, action, resource)\nwhen { true };\n");
  Result<PolicySet> set = PolicySet::FromText(
      "permit(principal == ?principal, action, resource);\n"
      "forbid(principal, action, resource) when { false };");
  ASSERT_TRUE(set.ok());
  ASSERT_TRUE(set->Link("policy0", "L", EntityUid("User", "a"), std::nullopt).ok());
  Result<std::string> with_link = PolicyJsonToText(PolicySetToJson(*set));
  ASSERT_TRUE(with_link.ok()) << with_link.status().ToString();
  EXPECT_EQ(*with_link,
            "permit (\n  principal == ?principal,\n  action,\n  resource\n);\n\n"
            "forbid (principal, action, resource)\nwhen { false };\n"
            "// template link `L`: template `policy0`, ?principal = User::\"a\"\n");
  Result<std::string> bad = PolicyJsonToText("{\"staticPolicies\": 3}");
  EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace metagate::cedar
