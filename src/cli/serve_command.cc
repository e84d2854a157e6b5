// `metagate serve`: the local gateway. SDKs and services send to it instead of the vendor; it
// authenticates them, filters each request through the egress pipeline, spools what may leave
// durably and forwards it; it reloads config and policies on SIGHUP and when their files change.
#include <signal.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <string>
#include <thread>

#include "commands.h"
#include "config_watch.h"
#include "governance_runtime.h"
#include "metagate/gateway/gateway.h"
#include "metagate/net/http_server.h"
#include "pdp_loading.h"
#include "pipeline_loading.h"
#include "tls_flags.h"

namespace metagate::cli {

namespace {

// Reloads on SIGHUP (blocked in every thread, taken by WatchInputs) and when an input file
// changes: the gateway's config and policies, and the PDP's policies when there is a PDP.
void WatchForReload(const std::string& config_path, gateway::Gateway& gateway, pdp::Pdp* pdp,
                    GovernanceRuntime* governance, std::chrono::milliseconds interval,
                    const std::atomic<bool>& stop) {
  auto fingerprint = [&] {
    std::string fp = InputsFingerprint(config_path, &gateway.pipeline()->config());
    if (pdp != nullptr) fp += CurrentPdpInputsFingerprint(config_path);
    return fp;
  };
  auto reload = [&](const char* why) {
    Result<std::shared_ptr<const egress::Pipeline>> next = BuildPipeline(
        config_path, governance != nullptr ? &governance->governance().store() : nullptr);
    Status s = next.ok() ? gateway.Reload(*next) : next.status();
    if (!next.ok()) gateway.ReloadFailed(s);
    if (s.ok() && governance != nullptr) governance->Reloaded(**next);
    if (s.ok()) {
      std::fprintf(stderr, "metagate serve: reloaded %s (after %s)\n", config_path.c_str(), why);
    } else {
      std::fprintf(stderr,
                   "metagate serve: reload after %s failed; keeping the last good config and "
                   "policies: %s\n",
                   why, s.ToString().c_str());
    }
    if (pdp != nullptr) {
      Status p = ReloadPdpPolicies(config_path, *pdp);
      if (p.ok()) {
        std::fprintf(stderr, "metagate serve: reloaded the PDP's policies (after %s)\n", why);
      } else {
        std::fprintf(stderr,
                     "metagate serve: PDP reload after %s failed; keeping its policies in force: "
                     "%s\n",
                     why, p.ToString().c_str());
      }
    }
    // A reload may name other files (a new policy folder): watch those from now on.
    return fingerprint();
  };
  WatchInputs(interval, stop, fingerprint, reload);
}

}  // namespace

int RunServe(int argc, char** argv) {
  CLI::App app{
      "Runs the gateway: each vendor's ingest API under /v/{vendor}/... or on a host mapped to\n"
      "the vendor (Segment /v1/track, /v1/batch, ...; Mixpanel /track, /engage, /import (JSON\n"
      "or form data=); Amplitude /2/httpapi, /batch; PostHog /capture, /batch, /e; OTLP/HTTP\n"
      "JSON /v1/logs, /v1/traces). Each sender is identified by the SHA-256 of its credential\n"
      "(Bearer token, Basic write key, or the api key / token in the body) listed under its\n"
      "integration; unknown credentials get 401. What the policies allow is written to the\n"
      "vendor's durable spool (DATA_DIR/spool/VENDOR.db) and the sender is answered as the\n"
      "vendor would once it is on disk; a full spool answers 503 with Retry-After. Delivery to\n"
      "the vendor's upstream (http:// or https://, verified) retries with backoff and jitter; what "
      "keeps failing goes to the\n"
      "dead letters. Reloads config and policies on SIGHUP and when their files change (a bad\n"
      "reload keeps the last good set and says why in the log and on /readyz). Also serves\n"
      "/healthz, /readyz and /metrics, and, when the config has a `pdp:` section, the PDP's\n"
      "AuthZEN, entity and ext_authz endpoints (see `metagate pdp --help`). Logs one line per\n"
      "request without any value. Stops on\n"
      "SIGINT/SIGTERM. gzip and deflate bodies (Content-Encoding) are inflated; other codings\n"
      "get 415.",
      "metagate serve"};
  std::string config_path, listen = "127.0.0.1:8080", data_dir;
  unsigned workers = 0;
  size_t max_body = 16 << 20;
  unsigned reload_interval_ms = 1000;
  app.add_option("--config", config_path, "metagate YAML config (see docs/config.md)")->required();
  app.add_option("--listen", listen, "HOST:PORT to listen on (port 0: a free one)")
      ->capture_default_str();
  app.add_option("--data-dir", data_dir,
                 "where the spool lives (default: the config's data_dir, else ./metagate-data)");
  app.add_option("--workers", workers, "worker threads (0: one per core)");
  app.add_option("--max-body-bytes", max_body,
                 "larger request bodies, as sent or once inflated (gzip), get 413")
      ->capture_default_str();
  app.add_option("--reload-interval-ms", reload_interval_ms,
                 "how often to look for changed config and policy files (0: only on SIGHUP)")
      ->capture_default_str();
  TlsFlags tls;
  AddTlsFlags(app, tls, "the config's tls");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  // SIGHUP is taken by the reload watcher alone: block it before any thread starts.
  sigset_t hup;
  sigemptyset(&hup);
  sigaddset(&hup, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &hup, nullptr);

  // Governance (data map, approvals, decision log) first: the pipeline's catalog holds what
  // approvers decided.
  Result<egress::EgressConfig> config = egress::LoadEgressConfig(config_path);
  if (!config.ok()) {
    std::fprintf(stderr, "metagate serve: %s\n", config.status().ToString().c_str());
    return 2;
  }
  Result<std::unique_ptr<GovernanceRuntime>> governance =
      GovernanceRuntime::Open(*config, DataDirOf(*config, data_dir));
  if (!governance.ok()) {
    std::fprintf(stderr, "metagate serve: %s\n", governance.status().ToString().c_str());
    return 2;
  }
  GovernanceRuntime* gov = governance->get();
  Result<std::shared_ptr<const egress::Pipeline>> built =
      BuildPipeline(config_path, gov != nullptr ? &gov->governance().store() : nullptr);
  if (!built.ok()) {
    std::fprintf(stderr, "metagate serve: %s\n", built.status().ToString().c_str());
    return 2;
  }
  std::shared_ptr<const egress::Pipeline> pipeline = *built;
  gateway::GatewayOptions gateway_options;
  gateway_options.data_dir = data_dir;
  if (gov != nullptr) gateway_options.observer = gov->Observer();
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
  ApplyListenerTls(tls, pipeline->config().tls, options);
  gateway::Gateway& g = **gateway;
  // The PDP, when the config has a `pdp:` section: its paths are answered before the gateway's.
  Result<std::unique_ptr<pdp::PdpService>> pdp_service =
      LoadPdpService(config_path, data_dir, !options.tls_cert_file.empty());
  if (!pdp_service.ok()) {
    std::fprintf(stderr, "metagate serve: %s\n", pdp_service.status().ToString().c_str());
    return 2;
  }
  pdp::PdpService* pdp = pdp_service->get();
  // The admin API (when the config has an `admin:` section) and the replay of approved events.
  if (gov != nullptr) {
    Status started = gov->Start(config_path, g);
    if (!started.ok()) {
      std::fprintf(stderr, "metagate serve: %s\n", started.ToString().c_str());
      return 2;
    }
  } else if (Result<std::optional<governance::AdminConfig>> admin =
                 governance::LoadAdminConfig(config_path);
             !admin.ok() || admin->has_value()) {
    std::fprintf(stderr, "metagate serve: %s\n",
                 admin.ok() ? "an `admin:` section needs governance (governance.enabled: true)"
                            : admin.status().ToString().c_str());
    return 2;
  }
  auto server = net::HttpServer::Start(
      options, net::HttpAsyncHandler([&g, pdp, gov](net::HttpRequest req, net::HttpReply reply) {
        if (gov != nullptr) {
          net::HttpResponse response;
          if (gov->HandleAdmin(req, response)) return reply(std::move(response));
        }
        if (pdp != nullptr) {
          net::HttpResponse response;
          if (pdp->Handle(req, response)) return reply(std::move(response));
        }
        g.Handle(std::move(req), std::move(reply));
      }));
  if (!server.ok()) {
    std::fprintf(stderr, "metagate serve: %s\n", server.status().ToString().c_str());
    return 2;
  }
  std::fprintf(stderr, "metagate serve: listening on %s%s%s\n", (*server)->address().c_str(),
               options.tls_cert_file.empty() ? "" : " (TLS)",
               pdp != nullptr ? "; PDP (AuthZEN, entity API) on the same port" : "");
  std::atomic<bool> stop{false};
  std::thread watcher(WatchForReload, config_path, std::ref(g), pdp ? &pdp->pdp() : nullptr, gov,
                      std::chrono::milliseconds(reload_interval_ms), std::cref(stop));
  (*server)->WaitForSignal();
  stop.store(true);
  watcher.join();
  (*server)->Stop();
  if (gov != nullptr) gov->Stop();  // the map's last counts, the log's last checkpoint
  g.Stop();  // after the server: nothing more is appended; unsent requests stay spooled
  std::fprintf(stderr, "metagate serve: stopped\n");
  return 0;
}

}  // namespace metagate::cli
