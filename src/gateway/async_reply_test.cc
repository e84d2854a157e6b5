// The HTTP server's asynchronous replies, over loopback: with a single worker, requests whose
// handler answers later from another thread do not hold that worker (a blocking handler could
// take only one of them at a time), and each gets its own answer. Also AppendAsync's answers.
#include <gtest/gtest.h>
#include <unistd.h>

#include <condition_variable>
#include <filesystem>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

#include "metagate/gateway/spool.h"
#include "metagate/net/http_server.h"
#include "upstream_client.h"

namespace metagate::gateway {
namespace {

TEST(AsyncReply, ASingleWorkerServesRequestsAnsweredLater) {
  constexpr int kRequests = 4;
  std::mutex mu;
  std::condition_variable cv;
  std::vector<std::pair<std::string, net::HttpReply>> waiting;
  net::HttpServerOptions options;
  options.listen = "127.0.0.1:0";
  options.workers = 1;
  auto server = net::HttpServer::Start(
      options, net::HttpAsyncHandler([&](net::HttpRequest request, net::HttpReply reply) {
        std::lock_guard lk(mu);
        waiting.emplace_back(request.body, std::move(reply));
        cv.notify_all();
      }));
  ASSERT_TRUE(server.ok()) << server.status().ToString();
  // Answers only once every request has arrived: impossible if a request held the worker.
  std::thread answerer([&] {
    std::unique_lock lk(mu);
    ASSERT_TRUE(cv.wait_for(lk, std::chrono::seconds(20), [&] {
      return waiting.size() == kRequests;
    })) << "the requests did not all reach the handler";
    for (auto& [body, reply] : waiting) {
      net::HttpResponse r;
      r.body = "echo:" + body;
      reply(std::move(r));
      reply(net::HttpResponse{});  // a second answer is ignored
    }
  });
  Result<Upstream> up = ParseUpstream("http://" + (*server)->address());
  ASSERT_TRUE(up.ok());
  std::vector<std::thread> clients;
  std::vector<std::string> answers(kRequests);
  for (int i = 0; i < kRequests; ++i) {
    clients.emplace_back([&, i] {
      auto reply = PostUpstream(*up, "/p", {}, "req" + std::to_string(i), std::chrono::seconds(30));
      if (reply.ok()) answers[i] = std::to_string(reply->status) + " " + reply->body;
    });
  }
  for (auto& c : clients) c.join();
  answerer.join();
  for (int i = 0; i < kRequests; ++i) EXPECT_EQ(answers[i], "200 echo:req" + std::to_string(i));
  waiting.clear();  // replies hold their connections: they must go before the server
}

TEST(AsyncReply, SpoolAppendAsyncAnswersOnceStoredOrRefused) {
  namespace fs = std::filesystem;
  fs::path dir = fs::temp_directory_path() / ("metagate_async_append_" + std::to_string(getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  {
    SpoolLimits limits;
    limits.max_entries = 1;
    auto spool = Spool::Open((dir / "v.db").string(), limits);
    ASSERT_TRUE(spool.ok());
    std::promise<Status> stored, refused;
    (*spool)->AppendAsync("/p", "a", 1, [&](Status s) { stored.set_value(s); });
    EXPECT_TRUE(stored.get_future().get().ok());
    EXPECT_EQ((*spool)->Stats().entries, 1u);  // in the queue once the answer came
    (*spool)->AppendAsync("/p", "b", 1, [&](Status s) { refused.set_value(s); });
    EXPECT_EQ(refused.get_future().get().code(), StatusCode::kUnavailable);
  }
  fs::remove_all(dir);
}

}  // namespace
}  // namespace metagate::gateway
