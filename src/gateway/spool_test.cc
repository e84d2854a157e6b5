#include "metagate/gateway/spool.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <set>
#include <thread>
#include <vector>

#include "forwarder.h"

namespace metagate::gateway {
namespace {

namespace fs = std::filesystem;

class SpoolTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("metagate_spool_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }
  std::unique_ptr<Spool> Open(SpoolLimits limits = {}) {
    auto s = Spool::Open((dir_ / "v.db").string(), limits);
    EXPECT_TRUE(s.ok()) << s.status().ToString();
    return s.ok() ? std::move(*s) : nullptr;
  }
  fs::path dir_;
};

TEST_F(SpoolTest, EntriesComeOutInOrderAndSurviveAReopen) {
  {
    auto spool = Open();
    ASSERT_TRUE(spool);
    ASSERT_TRUE(spool->Append("/v1/batch", "body-1", 1).ok());
    ASSERT_TRUE(spool->Append("/v1/track", "body-2", 2).ok());
    ASSERT_TRUE(spool->Append("/v1/batch", "body-3", 3).ok());
    auto first = spool->Next();
    ASSERT_TRUE(first);
    EXPECT_EQ(first->body, "body-1");
    EXPECT_EQ(first->path, "/v1/batch");
    spool->Delivered(first->id);
    auto second = spool->Next();
    ASSERT_TRUE(second);
    EXPECT_EQ(second->body, "body-2");
    // Handed out but never settled: the next run hands it out again.
    EXPECT_EQ(spool->Stats().entries, 2u);
    EXPECT_EQ(spool->Stats().in_flight, 1u);
  }
  auto spool = Open();
  ASSERT_TRUE(spool);
  SpoolStats stats = spool->Stats();
  EXPECT_EQ(stats.entries, 2u);
  EXPECT_EQ(stats.bytes, 12u);
  auto a = spool->Next();
  auto b = spool->Next();
  ASSERT_TRUE(a && b);
  EXPECT_EQ(a->body, "body-2");
  EXPECT_EQ(a->events, 2u);
  EXPECT_EQ(b->body, "body-3");
}

TEST_F(SpoolTest, RetriesWaitTheirTurnAndAttemptsPersist) {
  {
    auto spool = Open();
    ASSERT_TRUE(spool->Append("/p", "x", 1).ok());
    auto e = spool->Next();
    ASSERT_TRUE(e);
    auto start = Spool::Clock::now();
    spool->RetryAt(e->id, start + std::chrono::milliseconds(200));
    auto again = spool->Next();
    ASSERT_TRUE(again);
    EXPECT_GE(Spool::Clock::now() - start, std::chrono::milliseconds(200));
    EXPECT_EQ(again->attempts, 1u);
    spool->RetryAt(again->id, Spool::Clock::now());
  }
  auto spool = Open();
  auto e = spool->Next();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->attempts, 2u);
}

TEST_F(SpoolTest, DeadLettersLeaveTheQueueButAreKept) {
  {
    auto spool = Open();
    ASSERT_TRUE(spool->Append("/p", "doomed", 1).ok());
    ASSERT_TRUE(spool->Append("/p", "fine", 1).ok());
    auto e = spool->Next();
    spool->DeadLetter(e->id, "status 400");
    SpoolStats s = spool->Stats();
    EXPECT_EQ(s.entries, 1u);
    EXPECT_EQ(s.dead_letters, 1u);
    EXPECT_EQ(s.dead_lettered_total, 1u);
  }
  auto spool = Open();
  EXPECT_EQ(spool->Stats().dead_letters, 1u);
  auto e = spool->Next();
  ASSERT_TRUE(e);
  EXPECT_EQ(e->body, "fine");
}

TEST_F(SpoolTest, AFullSpoolRefusesWithUnavailable) {
  SpoolLimits limits;
  limits.max_bytes = 10;
  limits.max_entries = 100;
  auto spool = Open(limits);
  ASSERT_TRUE(spool->Append("/p", "12345678", 1).ok());
  Status full = spool->Append("/p", "123", 1);
  EXPECT_EQ(full.code(), StatusCode::kUnavailable);
  EXPECT_EQ(full.message().find("123"), std::string::npos);  // no body in the message
  limits.max_bytes = 1000;
  limits.max_entries = 1;
  spool.reset();
  auto by_count = Open(limits);
  EXPECT_EQ(by_count->Append("/p", "x", 1).code(), StatusCode::kUnavailable);
  // Delivering makes room.
  auto e = by_count->Next();
  by_count->Delivered(e->id);
  EXPECT_TRUE(by_count->Append("/p", "x", 1).ok());
}

TEST_F(SpoolTest, ConcurrentAppendsAreAllStoredOnce) {
  auto spool = Open();
  constexpr int kThreads = 8, kEach = 200;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        EXPECT_TRUE(spool->Append("/p", std::to_string(t * kEach + i), 1).ok());
      }
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> seen;
  for (int i = 0; i < kThreads * kEach; ++i) {
    auto e = spool->Next();
    ASSERT_TRUE(e);
    seen.insert(e->body);
    spool->Delivered(e->id);
  }
  EXPECT_EQ(seen.size(), static_cast<size_t>(kThreads * kEach));
  EXPECT_EQ(spool->Stats().entries, 0u);
}

TEST_F(SpoolTest, StopDeliveryWakesAWaitingNext) {
  auto spool = Open();
  std::thread waiter([&] { EXPECT_FALSE(spool->Next().has_value()); });
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  spool->StopDelivery();
  waiter.join();
}

TEST_F(SpoolTest, ForwarderRetriesThenDeliversAndDeadLettersRefusals) {
  auto spool = Open();
  std::mutex mu;
  std::vector<std::string> delivered;
  int failures_left = 2;
  RetryPolicy policy;
  policy.initial_backoff = std::chrono::milliseconds(10);
  policy.max_backoff = std::chrono::milliseconds(20);
  policy.max_attempts = 5;
  ASSERT_TRUE(spool->Append("/ok", "a", 1).ok());
  ASSERT_TRUE(spool->Append("/refused", "b", 1).ok());
  {
    Forwarder f(
        "v", *spool,
        [&](const std::string& path, std::string body) -> Result<UpstreamReply> {
          std::lock_guard lk(mu);
          if (path == "/refused") return UpstreamReply{400, "", ""};
          if (failures_left-- > 0) return UpstreamReply{503, "", ""};
          delivered.push_back(body);
          return UpstreamReply{200, "", ""};
        },
        policy, 2);
    for (int i = 0; i < 200 && spool->Stats().entries > 0; ++i) {
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  SpoolStats s = spool->Stats();
  EXPECT_EQ(s.entries, 0u);
  EXPECT_EQ(s.dead_letters, 1u);
  EXPECT_EQ(s.retried_total, 2u);
  EXPECT_EQ(delivered, std::vector<std::string>{"a"});
}

TEST(RetryDelayTest, GrowsWithJitterAndHonoursRetryAfter) {
  RetryPolicy p;
  p.initial_backoff = std::chrono::milliseconds(100);
  p.max_backoff = std::chrono::milliseconds(1000);
  for (int i = 0; i < 50; ++i) {
    auto d1 = RetryDelay(p, 1, "");
    EXPECT_GE(d1.count(), 50);
    EXPECT_LE(d1.count(), 100);
    auto d3 = RetryDelay(p, 3, "");
    EXPECT_GE(d3.count(), 200);
    EXPECT_LE(d3.count(), 400);
    auto d10 = RetryDelay(p, 10, "");
    EXPECT_GE(d10.count(), 500);
    EXPECT_LE(d10.count(), 1000);
  }
  EXPECT_EQ(RetryDelay(p, 1, "7").count(), 7000);
  EXPECT_EQ(RetryDelay(p, 1, "Thu, 01 Jan 1970 00:00:00 GMT").count(), 0);  // in the past
  auto bad = RetryDelay(p, 1, "soon");  // unreadable: the backoff applies
  EXPECT_LE(bad.count(), 100);
}

}  // namespace
}  // namespace metagate::gateway
