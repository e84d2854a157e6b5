// `metagate pdp`: metagate as a policy decision point alone (no gateway): AuthZEN, the entity
// API and Envoy ext_authz over the config's `pdp:` section.
#include <CLI/CLI.hpp>
#include <atomic>
#include <chrono>
#include <csignal>
#include <cstdio>
#include <string>
#include <thread>

#include "commands.h"
#include "config_watch.h"
#include "metagate/net/http_server.h"
#include "metagate/pdp/pdp_service.h"
#include "pdp_loading.h"
#include "tls_flags.h"

namespace metagate::cli {

namespace {
int Fail(const std::string& msg) {
  std::fprintf(stderr, "metagate pdp: %s\n", msg.c_str());
  return 2;
}

// Reloads the policies and schema on SIGHUP (blocked in every thread, taken by WatchInputs) and
// when one of their files or the config changes; a bad reload keeps the rules in force.
void WatchForReload(const std::string& config_path, pdp::Pdp& engine,
                    std::chrono::milliseconds interval, const std::atomic<bool>& stop) {
  auto fingerprint = [&] { return CurrentPdpInputsFingerprint(config_path); };
  auto reload = [&](const char* why) {
    Status s = ReloadPdpPolicies(config_path, engine);
    if (s.ok()) {
      std::fprintf(stderr, "metagate pdp: reloaded the policies of %s (after %s); %zu policies\n",
                   config_path.c_str(), why, engine.rules()->policy_count);
    } else {
      std::fprintf(stderr,
                   "metagate pdp: reload after %s failed; keeping the policies in force: %s\n", why,
                   s.ToString().c_str());
    }
    return fingerprint();
  };
  WatchInputs(interval, stop, fingerprint, reload);
}
}  // namespace

int RunPdp(int argc, char** argv) {
  CLI::App app{
      "Runs metagate as a policy decision point for your own applications, from the `pdp:`\n"
      "section of --config (Cedar policies, an optional schema, entity files):\n"
      "  POST /access/v1/evaluation, /access/v1/evaluations      AuthZEN 1.0 decisions\n"
      "  POST /access/v1/search/{subject,resource,action}         AuthZEN 1.0 searches\n"
      "  GET  /.well-known/authzen-configuration                  AuthZEN discovery\n"
      "  GET/PUT/PATCH/DELETE /entities/v1/TYPE/ID, POST /entities/v1/batch\n"
      "                      the entity API (needs pdp.entities_api.token), kept in\n"
      "                      DATA_DIR/pdp/entities.db across restarts\n"
      "  ANY  /ext_authz/... Envoy ext_authz (HTTP service), when pdp.ext_authz is set\n"
      "Reloads the policies and schema on SIGHUP and when their files change (a bad reload\n"
      "keeps the rules in force and says why). "
      "Prints `listening on HOST:PORT` on stderr once ready (port 0 picks a free port); stops\n"
      "cleanly on SIGINT or SIGTERM. See docs/pdp.md.",
      "metagate pdp"};
  std::string config_path, listen = "127.0.0.1:8181", data_dir;
  unsigned workers = 0;
  size_t max_body = 1 << 20;
  unsigned reload_interval_ms = 1000;
  app.add_option("--config", config_path, "metagate config file with a `pdp:` section")->required();
  app.add_option("--listen", listen, "HOST:PORT to listen on")->capture_default_str();
  app.add_option("--data-dir", data_dir,
                 "where entity changes are kept (default: the config's data_dir, else "
                 "./metagate-data)");
  app.add_option("--workers", workers, "worker threads (0: one per core)")->capture_default_str();
  app.add_option("--max-body-bytes", max_body, "larger request bodies get 413")
      ->capture_default_str();
  app.add_option("--reload-interval-ms", reload_interval_ms,
                 "how often to look for changed policy and schema files (0: only on SIGHUP)")
      ->capture_default_str();
  TlsFlags tls;
  AddTlsFlags(app, tls);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  net::HttpServerOptions options;
  options.listen = listen;
  options.workers = workers;
  options.max_body_bytes = max_body;
  ApplyListenerTls(tls, std::nullopt, options);
  // SIGHUP is taken by the reload watcher alone: block it before any thread starts.
  sigset_t hup;
  sigemptyset(&hup);
  sigaddset(&hup, SIGHUP);
  pthread_sigmask(SIG_BLOCK, &hup, nullptr);
  Result<std::unique_ptr<pdp::PdpService>> service =
      LoadPdpService(config_path, data_dir, !options.tls_cert_file.empty());
  if (!service.ok()) return Fail(service.status().ToString());
  if (!*service) return Fail(config_path + ": the config has no `pdp:` section");
  const pdp::Pdp& engine = (*service)->pdp();
  size_t policies = engine.rules()->policy_count;
  size_t entities = engine.entities().size();
  uint64_t version = engine.entities().version();
  const pdp::PdpService& svc = **service;
  auto server = net::HttpServer::Start(options, [&svc](const net::HttpRequest& request,
                                                       net::HttpResponse& response) {
    if (svc.Handle(request, response)) return;
    std::string_view path = std::string_view(request.target).substr(0, request.target.find('?'));
    if (path == "/healthz" || path == "/readyz") {
      response.body = R"({"ok":true})";
      return;
    }
    response.status = 404;
    response.body = R"({"error":{"status":404,"message":"no such endpoint"}})";
  });
  if (!server.ok()) return Fail(server.status().ToString());
  std::fprintf(stderr,
               "metagate pdp: %zu policies, %zu entities (version %llu); listening on %s%s\n",
               policies, entities, static_cast<unsigned long long>(version),
               (*server)->address().c_str(), options.tls_cert_file.empty() ? "" : " (TLS)");
  std::atomic<bool> stop{false};
  std::thread watcher(WatchForReload, config_path, std::ref((*service)->pdp()),
                      std::chrono::milliseconds(reload_interval_ms), std::cref(stop));
  (*server)->WaitForSignal();
  stop.store(true);
  watcher.join();
  (*server)->Stop();
  std::fprintf(stderr, "metagate pdp: stopped\n");
  return 0;
}

}  // namespace metagate::cli
