// The tamper matrix: every kind of change at every position of a 50-line log must be found by
// VerifyDecisionLog and reported at the line where it happened.
#include <gtest/gtest.h>

#include <algorithm>
#include <optional>
#include <sstream>

#include "decision_log_test_util.h"
#include "metagate/governance/decision_log.h"
#include "metagate/governance/decision_log_verify.h"

namespace metagate::governance {
namespace {

using testing::JoinLines;
using testing::ReadAll;
using testing::SplitLines;
using testing::TempDir;
using testing::WriteAll;

constexpr char kKey[] = "tamper-test-key-0123456789abcdef";
constexpr int kLines = 50;

class DecisionLogTamperTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.File("decisions.jsonl");
    head_path_ = dir_.File("decisions.head");
    DecisionLogOptions o;
    o.path = path_;
    o.key = kKey;
    o.checkpoint_every = 10;
    auto log = DecisionLog::Open(o);
    ASSERT_TRUE(log.ok()) << log.status().ToString();
    // 45 records with checkpoints after every 10, and the one Close() adds: 50 lines.
    for (int i = 0; i < 45; ++i) {
      std::string members = R"("integration":"int)" + std::to_string(i % 3) + R"(","vendor":"v)" +
                            std::to_string(i % 2) + R"(","event":"E)" + std::to_string(i) +
                            R"(","policies":["p)" + std::to_string(i % 4) + "\"]";
      (*log)->Append(i % 5 == 0 ? "transform" : "block", members);
    }
    ASSERT_TRUE((*log)->Close().ok());
    original_ = ReadAll(path_);
    head_ = ReadAll(head_path_);
    lines_ = SplitLines(original_);
    ASSERT_EQ(lines_.size(), static_cast<size_t>(kLines));
    auto clean = Verify(original_, kKey);
    ASSERT_TRUE(clean.ok()) << Describe(clean);
  }

  AuditVerifyReport Verify(const std::string& text, std::optional<std::string> key,
                           std::optional<std::string> head = std::nullopt) {
    WriteAll(path_, text);
    WriteAll(head_path_, head ? *head : head_);
    auto report = VerifyDecisionLog(path_, key);
    EXPECT_TRUE(report.ok()) << report.status().ToString();
    return report.ok() ? *report : AuditVerifyReport{};
  }

  static std::string Describe(const AuditVerifyReport& r) {
    std::ostringstream out;
    for (const AuditProblem& p : r.problems) out << "  [" << p.line << "] " << p.what << "\n";
    return out.str();
  }

  // Every problem is at `line` (or names it as the other line of a pair), and there is one.
  static void ExpectOnlyAt(const AuditVerifyReport& r, int64_t line, const std::string& what) {
    ASSERT_FALSE(r.ok()) << what << ": not detected";
    for (const AuditProblem& p : r.problems) {
      EXPECT_TRUE(p.line == line || p.paired_line == line)
          << what << ": expected line " << line << ", got:\n"
          << Describe(r);
    }
  }

  TempDir dir_;
  std::string path_, head_path_;
  std::string original_, head_;
  std::vector<std::string> lines_;
};

TEST_F(DecisionLogTamperTest, AChangedByteAnywhereIsTheEditedLine) {
  int cases = 0;
  size_t line_start = 0;
  for (int line = 1; line <= kLines; ++line) {
    const std::string& l = lines_[line - 1];
    size_t kind_at = l.find(R"("kind":")") + 8;
    size_t prev_at = l.rfind(R"("prev":")") + 8;
    size_t hash_at = l.rfind(R"("hash":")") + 8;
    std::vector<size_t> offsets = {0,
                                   2,
                                   7,
                                   15,
                                   kind_at,
                                   kind_at + 2,
                                   l.size() / 2,
                                   prev_at,
                                   prev_at + 40,
                                   hash_at,
                                   hash_at + 63,
                                   l.size() - 1,
                                   l.size()};  // the last is the newline
    for (size_t off : offsets) {
      std::string text = original_;
      text[line_start + off] ^= 0x01;
      AuditVerifyReport r = Verify(text, kKey);
      ExpectOnlyAt(r, line, "byte " + std::to_string(off) + " of line " + std::to_string(line));
      ++cases;
    }
    line_start += l.size() + 1;
  }
  EXPECT_EQ(cases, kLines * 13);
}

TEST_F(DecisionLogTamperTest, ADeletedRecordIsMissingAtItsLine) {
  for (int k = 1; k <= kLines; ++k) {
    std::vector<std::string> lines = lines_;
    lines.erase(lines.begin() + (k - 1));
    for (auto key : {std::optional<std::string>(kKey), std::optional<std::string>()}) {
      AuditVerifyReport r = Verify(JoinLines(lines), key);
      ExpectOnlyAt(r, k, "deleted line " + std::to_string(k));
      EXPECT_NE(r.problems.front().what.find("missing"), std::string::npos) << Describe(r);
    }
  }
}

TEST_F(DecisionLogTamperTest, AnInsertedCopyIsFoundWhereItWasInserted) {
  for (int p = 1; p <= kLines + 1; ++p) {
    // Copies of the record before, of the one it lands on, after, and of a distant one.
    for (int source : {p - 1, p, p + 1, (p + 20) % kLines + 1}) {
      if (source < 1 || source > kLines) continue;
      std::vector<std::string> lines = lines_;
      lines.insert(lines.begin() + (p - 1), lines_[source - 1]);
      AuditVerifyReport r = Verify(JoinLines(lines), kKey);
      ExpectOnlyAt(r, p,
                   "copy of line " + std::to_string(source) + " inserted at " + std::to_string(p));
    }
  }
}

TEST_F(DecisionLogTamperTest, AForgedRecordWithACorrectHashIsFoundWhereItWasInserted) {
  for (int p = 1; p <= kLines + 1; ++p) {
    std::string prev = p == 1 ? std::string(64, '0') : testing::HashOf(lines_[p - 2]);
    std::string body = R"({"seq":)" + std::to_string(p) +
                       R"(,"ts":"2026-11-30T12:00:00.000Z","kind":"approval","prev":")" + prev +
                       "\"";
    // A forgery that chains to the record before it, and one that does not.
    for (bool chained : {true, false}) {
      std::string forged = testing::Reseal(body);
      if (!chained) forged = testing::Rechain(forged, std::string(64, 'a'));
      std::vector<std::string> lines = lines_;
      lines.insert(lines.begin() + (p - 1), forged);
      AuditVerifyReport r = Verify(JoinLines(lines), kKey);
      std::string what =
          std::string(chained ? "chained" : "unchained") + " forgery at line " + std::to_string(p);
      if (chained && p == kLines + 1) {
        // Documented limit: a well-formed record appended after the last checkpoint looks like
        // a record written after it; verify reports it as not yet covered by a checkpoint.
        EXPECT_TRUE(r.ok()) << Describe(r);
        EXPECT_EQ(r.unsigned_tail, 1);
        continue;
      }
      ExpectOnlyAt(r, p, what);
    }
  }
}

TEST_F(DecisionLogTamperTest, SwappedRecordsAreReportedAsThePair) {
  std::vector<std::pair<int, int>> pairs;
  for (int a = 1; a < kLines; ++a) pairs.emplace_back(a, a + 1);
  for (auto pr : std::vector<std::pair<int, int>>{{1, 3},
                                                  {1, 50},
                                                  {2, 49},
                                                  {5, 20},
                                                  {7, 30},
                                                  {10, 11},
                                                  {11, 22},
                                                  {25, 50},
                                                  {48, 50},
                                                  {1, 25}}) {
    pairs.push_back(pr);
  }
  for (auto [a, b] : pairs) {
    std::vector<std::string> lines = lines_;
    std::swap(lines[a - 1], lines[b - 1]);
    AuditVerifyReport r = Verify(JoinLines(lines), kKey);
    std::string what = "swapped lines " + std::to_string(a) + " and " + std::to_string(b);
    ASSERT_FALSE(r.ok()) << what;
    ASSERT_EQ(r.problems.size(), 1u) << what << "\n" << Describe(r);
    EXPECT_EQ(r.problems[0].line, a) << what;
    EXPECT_EQ(r.problems[0].paired_line, b) << what;
    EXPECT_NE(r.problems[0].what.find("out of order"), std::string::npos) << Describe(r);
  }
}

// An attacker without the key changes line k and recomputes every hash after it.
std::vector<std::string> RewriteFrom(const std::vector<std::string>& lines, int k) {
  std::vector<std::string> out = lines;
  std::string body(testing::HashedPart(out[k - 1]));
  size_t ts = body.find("\"ts\":\"") + 6;
  body[ts + 3] = body[ts + 3] == '9' ? '8' : '9';  // another year
  out[k - 1] = testing::Reseal(body);
  for (size_t i = k; i < out.size(); ++i) {
    out[i] = testing::Rechain(out[i], testing::HashOf(out[i - 1]));
  }
  return out;
}

TEST_F(DecisionLogTamperTest, ARewrittenChainIsCaughtByTheCheckpointMacs) {
  for (int k = 1; k <= kLines; ++k) {
    std::vector<std::string> lines = RewriteFrom(lines_, k);
    std::string text = JoinLines(lines);
    std::string what = "rewrite from line " + std::to_string(k);
    // The attacker also updates the head file's seq and hash but cannot compute its MAC.
    std::string forged_head = head_;
    forged_head.replace(forged_head.find("\"hash\":\"") + 8, 64, testing::HashOf(lines.back()));
    for (const std::string& head : {head_, forged_head}) {
      AuditVerifyReport r = Verify(text, kKey, head);
      ASSERT_FALSE(r.ok()) << what;
      bool located = false;
      for (const AuditProblem& p : r.problems) {
        if (p.line == 0) continue;  // the head file's own MAC
        EXPECT_GE(p.line, k) << what << ": a problem before the rewrite\n" << Describe(r);
        int64_t from = p.range_from != 0 ? p.range_from : p.line;
        located = located || (from <= k && k <= p.line);
      }
      EXPECT_TRUE(located) << what << "\n" << Describe(r);
    }
    // Without the key the untouched head file still gives the rewrite away...
    EXPECT_FALSE(Verify(text, std::nullopt).ok()) << what;
    // ...but a rewritten head file does not (documented): only the MACs can tell.
    AuditVerifyReport blind = Verify(text, std::nullopt, forged_head);
    EXPECT_TRUE(blind.ok()) << what;
    EXPECT_FALSE(blind.macs_checked);
  }
}

TEST_F(DecisionLogTamperTest, ATruncatedFileIsFoundAtTheLineWhereItEnds) {
  std::vector<size_t> cuts = {0};
  size_t start = 0;
  for (const std::string& l : lines_) {
    for (size_t off : {size_t{1}, l.size() / 2, l.size() - 1, l.size()})
      cuts.push_back(start + off);
    start += l.size() + 1;
    if (start < original_.size()) cuts.push_back(start);  // exactly at a line boundary
  }
  for (size_t cut : cuts) {
    std::string text = original_.substr(0, cut);
    int64_t line = 1 + std::count(text.begin(), text.end(), '\n');
    AuditVerifyReport r = Verify(text, kKey);
    ExpectOnlyAt(r, line, "cut at byte " + std::to_string(cut));
  }
}

TEST_F(DecisionLogTamperTest, TheHeadFileIsCheckedToo) {
  std::filesystem::remove(head_path_);
  auto missing = VerifyDecisionLog(path_, std::string(kKey));
  ASSERT_TRUE(missing.ok());
  ASSERT_EQ(missing->problems.size(), 1u);
  EXPECT_EQ(missing->problems[0].line, 0);
  EXPECT_NE(missing->problems[0].what.find("head file"), std::string::npos);

  std::string edited = head_;
  // Another hex digit (flipping a bit could turn 'a' or 'f' into a non-hex character, which is a
  // malformed head file rather than a wrong MAC).
  char& digit = edited[edited.find("\"mac\":\"") + 7];
  digit = digit == '0' ? '1' : '0';
  AuditVerifyReport r = Verify(original_, kKey, edited);
  ASSERT_EQ(r.problems.size(), 1u) << Describe(r);
  EXPECT_NE(r.problems[0].what.find("MAC"), std::string::npos);
  EXPECT_TRUE(Verify(original_, std::nullopt, edited).ok());  // no key: the MAC is not checked

  AuditVerifyReport wrong_key = Verify(original_, std::string("another key"));
  EXPECT_FALSE(wrong_key.ok());
  EXPECT_EQ(wrong_key.checkpoints, 5);
}

}  // namespace
}  // namespace metagate::governance
