#include "metagate/classify/eval.h"

#include <gtest/gtest.h>

namespace metagate::classify {
namespace {

TEST(LabelsJson, RoundTrips) {
  BodyLabels l;
  l.line = 7;
  l.fields.push_back({"/a~1b/0", {"url", "email"}, {{3, 9, "email"}}});
  l.fields.push_back({"/ip", {"ip_address"}, {}});
  std::string text;
  AppendLabelsJson(l, text);
  EXPECT_EQ(text, R"({"line":7,"fields":[{"path":"/a~1b/0","classes":["url","email"],)"
                  R"("spans":[[3,9,"email"]]},{"path":"/ip","classes":["ip_address"]}]})");
  Result<BodyLabels> back = ParseLabelsJson(text);
  ASSERT_TRUE(back.ok()) << back.status().ToString();
  EXPECT_EQ(back->line, 7);
  ASSERT_EQ(back->fields.size(), 2u);
  EXPECT_EQ(back->fields[0].spans, (std::vector<LabelSpan>{{3, 9, "email"}}));
}

TEST(LabelsJson, RejectsMalformedLines) {
  EXPECT_FALSE(ParseLabelsJson("{}").ok());
  EXPECT_FALSE(ParseLabelsJson(R"({"line":0,"fields":[{"path":1,"classes":[]}]})").ok());
  EXPECT_FALSE(
      ParseLabelsJson(R"({"line":0,"fields":[{"path":"/a","classes":[],"spans":[[5,2,"x"]]}]})")
          .ok());
}

TEST(Eval, CountsFieldAndSpanItems) {
  BodyLabels truth, pred;
  truth.fields.push_back({"/a", {"email"}, {}});
  truth.fields.push_back({"/b", {"url", "secret"}, {{4, 10, "secret"}}});
  pred.fields.push_back({"/a", {"email"}, {}});
  pred.fields.push_back({"/b", {"url", "secret"}, {{4, 11, "secret"}}});
  pred.fields.push_back({"/c", {"phone"}, {}});
  EvalReport r;
  Score(truth, pred, r);
  EXPECT_EQ(r.field_overall.tp, 3);
  EXPECT_EQ(r.field_overall.fp, 1);
  EXPECT_EQ(r.field_overall.fn, 0);
  EXPECT_EQ(r.field_by_class["phone"].fp, 1);
  EXPECT_EQ(r.span_overall.tp, 0);
  EXPECT_EQ(r.span_overall.fp, 1);
  EXPECT_EQ(r.span_overall.fn, 1);
  EXPECT_DOUBLE_EQ(r.field_overall.precision(), 0.75);
  EXPECT_NE(FormatReport(r).find("OVERALL"), std::string::npos);
}

}  // namespace
}  // namespace metagate::classify
