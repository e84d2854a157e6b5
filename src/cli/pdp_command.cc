// `metagate pdp`: metagate as a policy decision point alone (no gateway): AuthZEN, the entity
// API and Envoy ext_authz over the config's `pdp:` section.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <string>

#include "commands.h"
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
      "Prints `listening on HOST:PORT` on stderr once ready (port 0 picks a free port); stops\n"
      "cleanly on SIGINT or SIGTERM. See docs/pdp.md.",
      "metagate pdp"};
  std::string config_path, listen = "127.0.0.1:8181", data_dir;
  unsigned workers = 0;
  size_t max_body = 1 << 20;
  app.add_option("--config", config_path, "metagate config file with a `pdp:` section")->required();
  app.add_option("--listen", listen, "HOST:PORT to listen on")->capture_default_str();
  app.add_option("--data-dir", data_dir,
                 "where entity changes are kept (default: the config's data_dir, else "
                 "./metagate-data)");
  app.add_option("--workers", workers, "worker threads (0: one per core)")->capture_default_str();
  app.add_option("--max-body-bytes", max_body, "larger request bodies get 413")
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
  Result<std::unique_ptr<pdp::PdpService>> service =
      LoadPdpService(config_path, data_dir, !options.tls_cert_file.empty());
  if (!service.ok()) return Fail(service.status().ToString());
  if (!*service) return Fail(config_path + ": the config has no `pdp:` section");
  const pdp::Pdp& engine = (*service)->pdp();
  size_t policies = engine.policy_count();
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
  (*server)->WaitForSignal();
  (*server)->Stop();
  std::fprintf(stderr, "metagate pdp: stopped\n");
  return 0;
}

}  // namespace metagate::cli
