// `metagate sink`: a small real HTTP server that records every request it receives as a JSON
// line, for tests and the demo; it can fail a share of requests to exercise senders' retries.
#include <CLI/CLI.hpp>
#include <chrono>
#include <cstdio>
#include <mutex>
#include <random>
#include <string>
#include <thread>

#include "commands.h"
#include "metagate/common/clock.h"
#include "metagate/net/http_server.h"
#include "metagate/net/request_record.h"
#include "tls_flags.h"

namespace metagate::cli {

namespace {

int Fail(const std::string& msg) {
  std::fprintf(stderr, "metagate sink: %s\n", msg.c_str());
  return 2;
}

// Appends records to the output file, one line each, flushed per request so a test can read
// them as soon as the response arrives.
class Recorder {
 public:
  explicit Recorder(std::FILE* out) : out_(out) {}
  void Record(const net::HttpRequest& request, int status) {
    int64_t now = UnixMillis();
    std::lock_guard<std::mutex> lock(mu_);
    line_.clear();
    net::AppendRequestRecord(request, status, ++seq_, now, line_);
    line_.push_back('\n');
    std::fwrite(line_.data(), 1, line_.size(), out_);
    std::fflush(out_);
  }

 private:
  std::FILE* out_;
  std::mutex mu_;
  std::string line_;
  uint64_t seq_ = 0;
};

}  // namespace

int RunSink(int argc, char** argv) {
  CLI::App app{
      "Runs a small HTTP server that answers every request and appends it to --out as one JSON\n"
      "line: seq, time_ms, method, path, headers (credential headers such as Authorization are\n"
      "written as \"[redacted]\"), body (or body_base64 when it is not UTF-8) and the status it\n"
      "answered. With --fail-rate R it answers a share R of requests with --status (429, 500\n"
      "or 503; 429 and 503 carry Retry-After: 1) instead of 200, to exercise retries; --latency\n"
      "delays every answer. With --tls-cert and --tls-key it serves HTTPS only. Prints\n"
      "`listening on HOST:PORT` on stderr once ready (port 0 picks a free port); stops cleanly\n"
      "on SIGINT or SIGTERM.",
      "metagate sink"};
  std::string listen = "127.0.0.1:9090", out_path;
  double fail_rate = 0;
  int status = 503;
  int latency_ms = 0;
  int retry_after = 1;
  size_t max_body = 16 << 20;
  app.add_option("--listen", listen, "HOST:PORT to listen on")->capture_default_str();
  app.add_option("--out", out_path, "file to append request records to")->required();
  app.add_option("--fail-rate", fail_rate, "share of requests to fail, 0 to 1")
      ->check(CLI::Range(0.0, 1.0));
  app.add_option("--status", status, "status of failed requests")
      ->check(CLI::IsMember({429, 500, 503}))
      ->capture_default_str();
  app.add_option("--retry-after", retry_after,
                 "Retry-After seconds on failed requests other than 500")
      ->check(CLI::Range(0, 3600))
      ->capture_default_str();
  app.add_option("--latency", latency_ms, "milliseconds to wait before each answer")
      ->check(CLI::Range(0, 60000));
  app.add_option("--max-body-bytes", max_body, "larger request bodies get 413")
      ->capture_default_str();
  TlsFlags tls;
  AddTlsFlags(app, tls);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  std::FILE* out = std::fopen(out_path.c_str(), "ab");
  if (out == nullptr) return Fail("cannot write '" + out_path + "'");
  Recorder recorder(out);
  std::mutex rng_mu;
  std::mt19937_64 rng(std::random_device{}());
  std::uniform_real_distribution<double> uniform(0.0, 1.0);

  net::HttpServerOptions options;
  options.listen = listen;
  options.max_body_bytes = max_body;
  ApplyListenerTls(tls, std::nullopt, options);
  auto server = net::HttpServer::Start(
      options, [&](const net::HttpRequest& request, net::HttpResponse& response) {
        if (latency_ms > 0) std::this_thread::sleep_for(std::chrono::milliseconds(latency_ms));
        bool fail = false;
        if (fail_rate > 0) {
          std::lock_guard<std::mutex> lock(rng_mu);
          fail = uniform(rng) < fail_rate;
        }
        if (fail) {
          response.status = status;
          response.body = R"({"error":"failed on purpose by metagate sink --fail-rate"})";
          if (status != 500) {
            response.headers.emplace_back("Retry-After", std::to_string(retry_after));
          }
        } else {
          response.body = R"({"ok":true})";
        }
        recorder.Record(request, response.status);
      });
  if (!server.ok()) {
    std::fclose(out);
    return Fail(server.status().ToString());
  }
  std::fprintf(stderr, "metagate sink: listening on %s%s, writing %s\n",
               (*server)->address().c_str(), options.tls_cert_file.empty() ? "" : " (TLS)",
               out_path.c_str());
  (*server)->WaitForSignal();
  (*server)->Stop();
  std::fclose(out);
  std::fprintf(stderr, "metagate sink: stopped\n");
  return 0;
}

}  // namespace metagate::cli
