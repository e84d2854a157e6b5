#include "metagate/governance/decision_log_read.h"

#include <gtest/gtest.h>

#include "decision_log_test_util.h"
#include "metagate/governance/decision_log.h"

namespace metagate::governance {
namespace {

using testing::TempDir;

std::vector<std::string> Search(const std::string& path, const DecisionQuery& q) {
  std::vector<std::string> out;
  Status st = SearchDecisionLog(path, q, [&](std::string_view line) {
    out.emplace_back(line.substr(0, line.find(',')));  // {"seq":N
  });
  EXPECT_TRUE(st.ok()) << st.ToString();
  return out;
}

TEST(DecisionLogReadTest, TailReturnsTheLastLinesInOrderAcrossReadBlocks) {
  TempDir dir;
  DecisionLogOptions o;
  o.path = dir.File("decisions.jsonl");
  o.key = "k";
  o.checkpoint_every = 1000000;  // only the checkpoint Close() adds
  auto log = DecisionLog::Open(o);
  ASSERT_TRUE(log.ok());
  std::string padding(200, 'x');  // 3000 records of ~400 bytes: far more than one 64 KiB block
  for (int i = 0; i < 3000; ++i) (*log)->Append("block", R"("note":")" + padding + "\"");
  ASSERT_TRUE((*log)->Close().ok());  // line 3001 is the checkpoint

  auto tail = TailDecisionLog(o.path, 3);
  ASSERT_TRUE(tail.ok());
  ASSERT_EQ(tail->size(), 3u);
  EXPECT_EQ((*tail)[0].rfind(R"({"seq":2999,)", 0), 0u);
  EXPECT_EQ((*tail)[1].rfind(R"({"seq":3000,)", 0), 0u);
  EXPECT_EQ((*tail)[2].rfind(R"({"seq":3001,)", 0), 0u);

  auto many = TailDecisionLog(o.path, 400);
  ASSERT_TRUE(many.ok());
  ASSERT_EQ(many->size(), 400u);
  EXPECT_EQ(many->front().rfind(R"({"seq":2602,)", 0), 0u);
}

TEST(DecisionLogReadTest, TailOfAShortFileReturnsEveryLine) {
  TempDir dir;
  std::string path = dir.File("d.jsonl");
  testing::WriteAll(path, "{\"seq\":1}\n{\"seq\":2}\n");
  auto tail = TailDecisionLog(path, 10);
  ASSERT_TRUE(tail.ok());
  EXPECT_EQ(*tail, (std::vector<std::string>{"{\"seq\":1}", "{\"seq\":2}"}));
  EXPECT_FALSE(TailDecisionLog(dir.File("absent.jsonl"), 1).ok());
}

TEST(DecisionLogReadTest, SearchMatchesParsedMembersAndTime) {
  TempDir dir;
  std::string path = dir.File("d.jsonl");
  testing::WriteAll(
      path,
      R"({"seq":1,"ts":"2026-11-29T23:59:59.999Z","kind":"block","integration":"web","vendor":"segment","event":"Signup","policies":["p1","p2"]})"
      "\n"
      R"({"seq":2,"ts":"2026-11-30T00:00:00.000Z","kind":"transform","integration":"web","vendor":"amplitude","event":"Login","policies":["p2"]})"
      "\n"
      "not json\n"
      R"({"seq":3,"ts":"2026-11-30T12:00:00.000Z","kind":"policy_change","policy":"p3","note":"web"})"
      "\n"
      R"({"seq":4,"ts":"2026-12-01T08:30:00.000Z","kind":"block","integration":"ios","vendor":"segment","event":"Signup","policies":["p1"]})"
      "\n");
  DecisionQuery q;
  q.kind = "block";
  EXPECT_EQ(Search(path, q), (std::vector<std::string>{R"({"seq":1)", R"({"seq":4)"}));
  q = {};
  q.integration = "web";  // "note":"web" in seq 3 is not the integration
  EXPECT_EQ(Search(path, q), (std::vector<std::string>{R"({"seq":1)", R"({"seq":2)"}));
  q = {};
  q.vendor = "segment";
  q.event = "Signup";
  EXPECT_EQ(Search(path, q), (std::vector<std::string>{R"({"seq":1)", R"({"seq":4)"}));
  q = {};
  q.policy = "p2";
  EXPECT_EQ(Search(path, q), (std::vector<std::string>{R"({"seq":1)", R"({"seq":2)"}));
  q.policy = "p3";
  EXPECT_EQ(Search(path, q), (std::vector<std::string>{R"({"seq":3)"}));
  q = {};
  q.since_ms = *ParseIsoTime("2026-11-30");
  q.until_ms = *ParseIsoTime("2026-12-01T08:30Z");  // exclusive
  EXPECT_EQ(Search(path, q), (std::vector<std::string>{R"({"seq":2)", R"({"seq":3)"}));

  int64_t skipped = 0;
  ASSERT_TRUE(SearchDecisionLog(
                  path, {}, [](std::string_view) {}, &skipped)
                  .ok());
  EXPECT_EQ(skipped, 1);
}

TEST(DecisionLogReadTest, ParseIsoTimeAcceptsDatesAndUtcTimes) {
  EXPECT_EQ(*ParseIsoTime("1970-01-01"), 0);
  EXPECT_EQ(*ParseIsoTime("2026-11-30"), 1795996800000);
  EXPECT_EQ(*ParseIsoTime("2026-11-30T12:00:00.123Z"), 1796040000123);
  EXPECT_EQ(*ParseIsoTime("2026-12-01T08:30"), 1796113800000);
  for (const char* bad : {"", "2026-13-01", "2026-11-30T25:00", "30/11/2026", "2026-11-30T12:00+01",
                          "2026-11-30T12:00:00.1Z"}) {
    auto r = ParseIsoTime(bad);
    EXPECT_FALSE(r.ok()) << bad;
  }
  EXPECT_NE(ParseIsoTime("soon").status().message().find("2026-11-30T12:00:00Z"),
            std::string::npos);
}

}  // namespace
}  // namespace metagate::governance
