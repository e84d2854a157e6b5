#include <gtest/gtest.h>

#include <string>

#include "metagate/pdp/authzen.h"

namespace metagate::pdp {
namespace {

json::Value ParseOrDie(const std::string& text) {
  auto r = json::Parse(text);
  EXPECT_TRUE(r.ok()) << r.status().ToString() << " in " << text;
  return r.ok() ? std::move(r).value() : json::Value();
}

TEST(AuthzenResponseTest, DecisionWithoutContextIsBare) {
  EXPECT_EQ(EncodeDecision(true, nullptr), R"({"decision":true})");
  EXPECT_EQ(EncodeDecision(false, nullptr), R"({"decision":false})");
}

TEST(AuthzenResponseTest, DecisionWithContext) {
  json::Value ctx = ParseOrDie(R"({"reason":"quote \" and \\ and \n"})");
  json::Value doc = ParseOrDie(EncodeDecision(false, &ctx));
  ASSERT_TRUE(doc.is_object());
  EXPECT_EQ(doc.members().size(), 2u);
  EXPECT_FALSE(doc.Find("decision")->as_bool());
  EXPECT_EQ(doc.Find("context")->Find("reason")->as_string(), "quote \" and \\ and \n");
}

TEST(AuthzenResponseTest, EvaluationsKeepOrderAndOmitAbsentContext) {
  std::vector<ItemResult> items;
  items.push_back({true, std::nullopt});
  items.push_back({false, ParseOrDie(R"({"error":{"status":400,"message":"m"}})")});
  items.push_back({false, std::nullopt});
  const std::string text = EncodeEvaluations(items);
  // The upstream interop harness compares bare items byte for byte.
  EXPECT_EQ(text.find(R"({"evaluations":[{"decision":true},)"), 0u) << text;
  json::Value doc = ParseOrDie(text);
  ASSERT_EQ(doc.members().size(), 1u);
  const auto& evs = doc.Find("evaluations")->items();
  ASSERT_EQ(evs.size(), 3u);
  EXPECT_TRUE(evs[0].Find("decision")->as_bool());
  EXPECT_EQ(evs[0].Find("context"), nullptr);
  EXPECT_FALSE(evs[1].Find("decision")->as_bool());
  EXPECT_EQ(evs[1].Find("context")->Find("error")->Find("status")->as_int(), 400);
  EXPECT_EQ(evs[2].members().size(), 1u);
  EXPECT_EQ(EncodeEvaluations({}), R"({"evaluations":[]})");
}

TEST(AuthzenResponseTest, SubjectAndResourceResults) {
  std::vector<SearchHit> hits = {{"user", "alice", "ignored"}, {"user", "b\"ob", ""}};
  for (SearchKind kind : {SearchKind::kSubject, SearchKind::kResource}) {
    json::Value doc = ParseOrDie(EncodeSearchResults(kind, hits, std::nullopt));
    EXPECT_EQ(doc.Find("page"), nullptr);
    const auto& results = doc.Find("results")->items();
    ASSERT_EQ(results.size(), 2u);
    EXPECT_EQ(results[0].members().size(), 2u);  // no name, no properties
    EXPECT_EQ(results[0].Find("type")->as_string(), "user");
    EXPECT_EQ(results[0].Find("id")->as_string(), "alice");
    EXPECT_EQ(results[1].Find("id")->as_string(), "b\"ob");
  }
}

TEST(AuthzenResponseTest, ActionResultsWithNextToken) {
  std::vector<SearchHit> hits = {{"", "", "can_read"}, {"t", "i", "can_write"}};
  json::Value doc = ParseOrDie(EncodeSearchResults(SearchKind::kAction, hits, "tok-2"));
  const auto& results = doc.Find("results")->items();
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[1].members().size(), 1u);
  EXPECT_EQ(results[1].Find("name")->as_string(), "can_write");
  EXPECT_EQ(doc.Find("page")->Find("next_token")->as_string(), "tok-2");
  json::Value empty = ParseOrDie(EncodeSearchResults(SearchKind::kAction, {}, std::nullopt));
  EXPECT_TRUE(empty.Find("results")->items().empty());
}

TEST(AuthzenResponseTest, ErrorBody) {
  json::Value doc = ParseOrDie(EncodeError(400, "subject.id must be a \"string\""));
  const json::Value* err = doc.Find("error");
  ASSERT_NE(err, nullptr);
  EXPECT_EQ(err->Find("status")->as_int(), 400);
  EXPECT_EQ(err->Find("message")->as_string(), "subject.id must be a \"string\"");
}

TEST(AuthzenResponseTest, MetadataEndpoints) {
  json::Value doc = ParseOrDie(EncodeMetadata("https://pdp.example.com/", true));
  EXPECT_EQ(doc.Find("policy_decision_point")->as_string(), "https://pdp.example.com");
  EXPECT_EQ(doc.Find("access_evaluation_endpoint")->as_string(),
            "https://pdp.example.com/access/v1/evaluation");
  EXPECT_EQ(doc.Find("access_evaluations_endpoint")->as_string(),
            "https://pdp.example.com/access/v1/evaluations");
  EXPECT_EQ(doc.Find("search_subject_endpoint")->as_string(),
            "https://pdp.example.com/access/v1/search/subject");
  EXPECT_EQ(doc.Find("search_resource_endpoint")->as_string(),
            "https://pdp.example.com/access/v1/search/resource");
  EXPECT_EQ(doc.Find("search_action_endpoint")->as_string(),
            "https://pdp.example.com/access/v1/search/action");
  json::Value no_search = ParseOrDie(EncodeMetadata("https://pdp.example.com/base", false));
  EXPECT_EQ(no_search.members().size(), 3u);
  EXPECT_EQ(no_search.Find("search_subject_endpoint"), nullptr);
  EXPECT_EQ(no_search.Find("access_evaluation_endpoint")->as_string(),
            "https://pdp.example.com/base/access/v1/evaluation");
}

}  // namespace
}  // namespace metagate::pdp
