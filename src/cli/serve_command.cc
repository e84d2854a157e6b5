// `metagate serve`: the local gateway. SDKs and services send to it instead of the vendor; it
// authenticates them, filters each request through the egress pipeline and forwards what may
// leave.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "commands.h"
#include "metagate/gateway/gateway.h"
#include "metagate/net/http_server.h"
#include "pipeline_loading.h"

namespace metagate::cli {

int RunServe(int argc, char** argv) {
  CLI::App app{
      "Runs the gateway: each vendor's ingest API under /v/{vendor}/... (Segment /v1/track,\n"
      "/v1/batch, ...; Mixpanel /track, /engage, /import (JSON or form data=); Amplitude\n"
      "/2/httpapi, /batch; PostHog /capture, /batch, /e; OTLP/HTTP JSON /v1/logs, /v1/traces).\n"
      "Each sender is identified by the SHA-256 of its credential (Bearer token, Basic write\n"
      "key, or the api key / token in the body) listed under its integration; unknown\n"
      "credentials get 401. What the policies allow is forwarded to the vendor's upstream\n"
      "(plain http:// for now) and the sender is answered as the vendor would answer, only\n"
      "after the upstream accepted it; an unreachable or failing upstream answers 503/429 with\n"
      "Retry-After. gzip and deflate bodies (Content-Encoding) are inflated; other codings get\n"
      "415. Logs one line per request without any value. Stops on SIGINT/SIGTERM.",
      "metagate serve"};
  std::string config_path, listen = "127.0.0.1:8080";
  unsigned workers = 0;
  size_t max_body = 16 << 20;
  app.add_option("--config", config_path, "metagate YAML config (see docs/config.md)")->required();
  app.add_option("--listen", listen, "HOST:PORT to listen on (port 0: a free one)")
      ->capture_default_str();
  app.add_option("--workers", workers, "worker threads (0: one per core)");
  app.add_option("--max-body-bytes", max_body,
                 "larger request bodies, as sent or once inflated (gzip), get 413")
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  std::shared_ptr<const egress::Pipeline> pipeline = LoadPipeline(config_path, "serve");
  if (!pipeline) return 2;
  gateway::GatewayOptions gateway_options;
  gateway_options.max_body_bytes = max_body;
  auto gateway = gateway::Gateway::Create(pipeline, gateway_options);
  if (!gateway.ok()) {
    std::fprintf(stderr, "metagate serve: %s\n", gateway.status().ToString().c_str());
    return 2;
  }
  net::HttpServerOptions options;
  options.listen = listen;
  options.workers = workers;
  options.max_body_bytes = max_body;
  const gateway::Gateway& g = **gateway;
  auto server = net::HttpServer::Start(
      options, [&g](const net::HttpRequest& req, net::HttpResponse& res) { g.Handle(req, res); });
  if (!server.ok()) {
    std::fprintf(stderr, "metagate serve: %s\n", server.status().ToString().c_str());
    return 2;
  }
  std::fprintf(stderr, "metagate serve: listening on %s\n", (*server)->address().c_str());
  (*server)->WaitForSignal();
  (*server)->Stop();
  std::fprintf(stderr, "metagate serve: stopped\n");
  return 0;
}

}  // namespace metagate::cli
