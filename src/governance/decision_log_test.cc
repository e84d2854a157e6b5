#include "metagate/governance/decision_log.h"

#include <gtest/gtest.h>
#include <sys/stat.h>

#include <atomic>
#include <regex>
#include <set>
#include <thread>

#include "decision_log_test_util.h"
#include "metagate/governance/audit_key.h"
#include "metagate/governance/decision_log_verify.h"

namespace metagate::governance {
namespace {

using testing::HashedPart;
using testing::HashOf;
using testing::PrevOf;
using testing::ReadAll;
using testing::SplitLines;
using testing::TempDir;
using testing::TestHmac;
using testing::TestSha256;

constexpr char kKey[] = "0123456789abcdef0123456789abcdef";
const std::string kZeros(64, '0');

DecisionLogOptions Options(const TempDir& dir, uint64_t every = 1000) {
  DecisionLogOptions o;
  o.path = dir.File("audit/decisions.jsonl");
  o.key = kKey;
  o.checkpoint_every = every;
  return o;
}

std::unique_ptr<DecisionLog> MustOpen(const DecisionLogOptions& o) {
  auto log = DecisionLog::Open(o);
  EXPECT_TRUE(log.ok()) << log.status().ToString();
  return log.ok() ? std::move(log).value() : nullptr;
}

std::string KindOf(const std::string& line) {
  std::smatch m;
  std::regex_search(line, m, std::regex(R"re("kind":"([^"]*)")re"));
  return m[1];
}

TEST(DecisionLogTest, WritesTheDocumentedLineFormatAndChainsHashes) {
  TempDir dir;
  auto log = MustOpen(Options(dir));
  EXPECT_EQ(log->Append("block", R"("integration":"web","policies":["p1","p2"])"), 1u);
  EXPECT_EQ(log->Append("approval", ""), 2u);
  EXPECT_EQ(log->Append("transform", R"("path":"properties.email","form":"redacted")"), 3u);
  ASSERT_TRUE(log->Close().ok());

  std::vector<std::string> lines = SplitLines(ReadAll(dir.File("audit/decisions.jsonl")));
  ASSERT_EQ(lines.size(), 4u);  // three records and the checkpoint Close() adds
  std::regex shape(
      R"re(\{"seq":(\d+),"ts":"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z","kind":"([a-z]+)"(,.*)?,"prev":"([0-9a-f]{64})","hash":"([0-9a-f]{64})"\})re");
  std::string prev = kZeros;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::smatch m;
    ASSERT_TRUE(std::regex_match(lines[i], m, shape)) << lines[i];
    EXPECT_EQ(m[1], std::to_string(i + 1));
    EXPECT_EQ(m[4], prev) << "line " << i + 1;
    EXPECT_EQ(m[5], TestSha256(HashedPart(lines[i]))) << "line " << i + 1;
    prev = m[5];
  }
  EXPECT_NE(lines[0].find(R"("kind":"block","integration":"web","policies":["p1","p2"],"prev")"),
            std::string::npos);
  EXPECT_NE(lines[1].find(R"("kind":"approval","prev")"), std::string::npos);
  EXPECT_EQ(KindOf(lines[3]), "checkpoint");
}

TEST(DecisionLogTest, CheckpointsEveryNRecordsWithAnHmacOverThePreviousHash) {
  TempDir dir;
  auto log = MustOpen(Options(dir, 3));
  for (int i = 0; i < 7; ++i) log->Append("block", R"("event":"E")");
  ASSERT_TRUE(log->Close().ok());
  std::vector<std::string> lines = SplitLines(ReadAll(dir.File("audit/decisions.jsonl")));
  ASSERT_EQ(lines.size(), 10u);  // 3 + ckpt, 3 + ckpt, 1 + ckpt at Close
  std::set<size_t> checkpoints;
  for (size_t i = 0; i < lines.size(); ++i) {
    if (KindOf(lines[i]) != "checkpoint") continue;
    checkpoints.insert(i + 1);
    std::string mac = TestHmac(kKey, PrevOf(lines[i]));
    EXPECT_NE(lines[i].find(R"("key_id":"k1","mac":")" + mac + "\""), std::string::npos)
        << lines[i];
  }
  EXPECT_EQ(checkpoints, (std::set<size_t>{4, 8, 10}));
}

TEST(DecisionLogTest, HeadFileNamesTheLastCheckpointWithItsMac) {
  TempDir dir;
  auto log = MustOpen(Options(dir, 2));
  for (int i = 0; i < 3; ++i) log->Append("block", "");
  ASSERT_TRUE(log->Close().ok());
  std::vector<std::string> lines = SplitLines(ReadAll(dir.File("audit/decisions.jsonl")));
  ASSERT_EQ(lines.size(), 5u);
  std::string hash = HashOf(lines[4]);
  std::string want =
      R"({"seq":5,"hash":")" + hash + R"(","mac":")" + TestHmac(kKey, "5:" + hash) + "\"}\n";
  EXPECT_EQ(ReadAll(dir.File("audit/decisions.head")), want);
  EXPECT_EQ(DecisionLogHeadPath("/d/audit/decisions.jsonl"), "/d/audit/decisions.head");
}

TEST(DecisionLogTest, ReopenContinuesTheChain) {
  TempDir dir;
  {
    auto log = MustOpen(Options(dir));
    log->Append("block", "");
    log->Append("block", "");
    ASSERT_TRUE(log->Close().ok());  // seq 3 is the checkpoint
  }
  auto log = MustOpen(Options(dir));
  EXPECT_EQ(log->last_seq(), 3u);
  EXPECT_EQ(log->Append("policy_change", R"("policies":["p9"])"), 4u);
  ASSERT_TRUE(log->Close().ok());
  std::vector<std::string> lines = SplitLines(ReadAll(dir.File("audit/decisions.jsonl")));
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(PrevOf(lines[3]), HashOf(lines[2]));
  auto report = VerifyDecisionLog(dir.File("audit/decisions.jsonl"), std::string(kKey));
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok()) << report->problems[0].what;
  EXPECT_EQ(report->last_seq, 5);
  EXPECT_EQ(report->checkpoints, 2);
}

TEST(DecisionLogTest, ReopenRefusesADamagedTailAndNamesTheLine) {
  TempDir dir;
  {
    auto log = MustOpen(Options(dir));
    log->Append("block", "");
    ASSERT_TRUE(log->Close().ok());
  }
  std::string path = dir.File("audit/decisions.jsonl");
  std::string text = ReadAll(path);
  text[text.size() - 20] ^= 1;  // inside the last line's hash
  testing::WriteAll(path, text);
  auto log = DecisionLog::Open(Options(dir));
  ASSERT_FALSE(log.ok());
  EXPECT_NE(log.status().message().find("decisions.jsonl:2:"), std::string::npos)
      << log.status().message();
  EXPECT_NE(log.status().message().find("metagate audit verify"), std::string::npos);

  testing::WriteAll(path, text.substr(0, 30));  // cut inside line 1
  log = DecisionLog::Open(Options(dir));
  ASSERT_FALSE(log.ok());
  EXPECT_NE(log.status().message().find("decisions.jsonl:1:"), std::string::npos)
      << log.status().message();
}

TEST(DecisionLogTest, CloseIsIdempotentAndAppendAfterCloseRecordsNothing) {
  TempDir dir;
  auto log = MustOpen(Options(dir));
  log->Append("block", "");
  EXPECT_TRUE(log->Close().ok());
  std::string after_first = ReadAll(dir.File("audit/decisions.jsonl"));
  EXPECT_TRUE(log->Close().ok());
  EXPECT_EQ(log->Append("block", ""), 0u);
  log.reset();  // the destructor closes again
  EXPECT_EQ(ReadAll(dir.File("audit/decisions.jsonl")), after_first);
  EXPECT_EQ(SplitLines(after_first).size(), 2u);
}

TEST(DecisionLogTest, CloseAddsNoCheckpointWhenNothingCameSinceTheLastOne) {
  TempDir dir;
  auto log = MustOpen(Options(dir, 2));
  log->Append("block", "");
  log->Append("block", "");  // checkpoint follows as seq 3
  ASSERT_TRUE(log->Close().ok());
  EXPECT_EQ(SplitLines(ReadAll(dir.File("audit/decisions.jsonl"))).size(), 3u);

  auto empty = MustOpen(Options(dir));  // reopened, nothing appended
  ASSERT_TRUE(empty->Close().ok());
  EXPECT_EQ(SplitLines(ReadAll(dir.File("audit/decisions.jsonl"))).size(), 3u);
}

TEST(DecisionLogTest, BackgroundThreadFlushesAndCheckpointsOnTime) {
  TempDir dir;
  DecisionLogOptions o = Options(dir);
  o.flush_interval = std::chrono::milliseconds(10);
  o.checkpoint_interval = std::chrono::milliseconds(50);
  auto log = MustOpen(o);
  log->Append("quarantine", R"("event":"E")");
  std::string text;
  for (int i = 0; i < 300 && SplitLines(text).size() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    text = ReadAll(o.path);
  }
  std::vector<std::string> lines = SplitLines(text);
  ASSERT_EQ(lines.size(), 2u) << "no timed checkpoint within 3 s";
  EXPECT_EQ(KindOf(lines[1]), "checkpoint");
  // The head file follows the checkpoint (it is written once the checkpoint is on disk).
  std::string head;
  for (int i = 0; i < 300 && head.empty(); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    head = ReadAll(dir.File("audit/decisions.head"));
  }
  EXPECT_NE(head.find(R"({"seq":2,)"), std::string::npos) << head;
  ASSERT_TRUE(log->Close().ok());
  EXPECT_EQ(SplitLines(ReadAll(o.path)).size(), 2u);  // nothing new since: no extra checkpoint
}

TEST(DecisionLogTest, FlushWritesBufferedRecordsNow) {
  TempDir dir;
  DecisionLogOptions o = Options(dir);
  o.flush_interval = std::chrono::hours(1);
  auto log = MustOpen(o);
  log->Append("admin", R"("action":"reload")");
  ASSERT_TRUE(log->Flush().ok());
  EXPECT_EQ(SplitLines(ReadAll(o.path)).size(), 1u);
  ASSERT_TRUE(log->Close().ok());
}

TEST(DecisionLogTest, ConcurrentAppendsYieldOneValidChainWithoutGaps) {
  TempDir dir;
  auto log = MustOpen(Options(dir, 64));
  constexpr int kThreads = 4, kEach = 500;
  std::vector<std::vector<uint64_t>> seqs(kThreads);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        seqs[t].push_back(log->Append("block", R"("integration":"t)" + std::to_string(t) + "\""));
      }
    });
  }
  for (auto& th : threads) th.join();
  ASSERT_TRUE(log->Close().ok());
  std::set<uint64_t> all;
  for (const auto& v : seqs) all.insert(v.begin(), v.end());
  EXPECT_EQ(all.size(), static_cast<size_t>(kThreads * kEach));  // no seq handed out twice

  std::vector<std::string> lines = SplitLines(ReadAll(dir.File("audit/decisions.jsonl")));
  std::string prev = kZeros;
  for (size_t i = 0; i < lines.size(); ++i) {
    ASSERT_EQ(lines[i].rfind(R"({"seq":)" + std::to_string(i + 1) + ",", 0), 0u) << i;
    ASSERT_EQ(PrevOf(lines[i]), prev) << "line " << i + 1;
    ASSERT_EQ(HashOf(lines[i]), TestSha256(HashedPart(lines[i])));
    prev = HashOf(lines[i]);
  }
  // 2000 records and a checkpoint after every 64 of them, plus the one Close() adds.
  EXPECT_EQ(lines.size(), 2000u + 2000u / 64 + 1);
  auto report = VerifyDecisionLog(dir.File("audit/decisions.jsonl"), std::string(kKey));
  ASSERT_TRUE(report.ok());
  EXPECT_TRUE(report->ok());
}

TEST(DecisionLogTest, KindsOutsideTheAlphabetAreReplacedNotEscaped) {
  TempDir dir;
  auto log = MustOpen(Options(dir));
  log->Append("Bad \"Kind\"", "");
  ASSERT_TRUE(log->Close().ok());
  std::vector<std::string> lines = SplitLines(ReadAll(dir.File("audit/decisions.jsonl")));
  EXPECT_EQ(KindOf(lines[0]), "_ad___ind_");
}

TEST(DecisionLogTest, OpenNeedsAKey) {
  TempDir dir;
  DecisionLogOptions o = Options(dir);
  o.key.clear();
  auto log = DecisionLog::Open(o);
  ASSERT_FALSE(log.ok());
  EXPECT_NE(log.status().message().find("key"), std::string::npos);
}

TEST(AuditKeyTest, CreatesA32ByteHexKeyWithMode0600AndReadsItBack) {
  TempDir dir;
  std::string path = dir.File("audit/audit.key");
  auto key = LoadOrCreateKeyFile(path);
  ASSERT_TRUE(key.ok()) << key.status().ToString();
  EXPECT_TRUE(std::regex_match(*key, std::regex("[0-9a-f]{64}")));
  struct stat st;
  ASSERT_EQ(stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600u);
  auto again = LoadOrCreateKeyFile(path);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, *key);

  TempDir other;
  auto different = LoadOrCreateKeyFile(other.File("audit.key"));
  ASSERT_TRUE(different.ok());
  EXPECT_NE(*different, *key);
}

TEST(AuditKeyTest, AnEmptyKeyFileIsAnErrorThatNamesThePath) {
  TempDir dir;
  std::string path = dir.File("audit.key");
  testing::WriteAll(path, "\n");
  auto key = LoadOrCreateKeyFile(path);
  ASSERT_FALSE(key.ok());
  EXPECT_NE(key.status().message().find(path), std::string::npos);
}

}  // namespace
}  // namespace metagate::governance
