#include "metagate/gateway/gateway.h"

#include <sys/stat.h>

#include <cstdio>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <unordered_map>

#include "forwarder.h"
#include "ingest_api.h"
#include "metagate/common/base64.h"
#include "metagate/common/clock.h"
#include "metagate/common/json.h"
#include "metagate/gateway/spool.h"
#include "metrics.h"
#include "sender_auth.h"
#include "upstream_client.h"

namespace metagate::gateway {

namespace fs = std::filesystem;

namespace {

constexpr std::chrono::milliseconds kUpstreamTimeout{10000};
constexpr const char* kFullRetryAfter = "30";  // seconds, when a spool is full

// Vendor ids name spool files and URL paths.
bool IsFileSafeId(std::string_view id) {
  if (id.empty() || id[0] == '.') return false;
  for (char c : id) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '-' || c == '_' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// The Host header's name, lowercase, without the port.
std::string HostName(const net::HttpRequest& request) {
  const std::string* host = request.Header("host");
  if (host == nullptr) return "";
  std::string h = *host;
  if (!h.empty() && h[0] == '[') {
    h = h.substr(0, h.find(']') + 1);
  } else {
    h = h.substr(0, h.find(':'));
  }
  for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return h;
}

}  // namespace

// How to reach one vendor, as of one config.
struct VendorRoute {
  std::string id;
  std::string format;
  Upstream upstream;
  std::vector<std::pair<std::string, std::string>> headers;  // to the upstream
};

// One vendor's spool and forwarder; kept across reloads (a vendor removed from the config still
// delivers what it spooled, to its last known upstream).
struct Lane {
  std::unique_ptr<Spool> spool;
  std::unique_ptr<Forwarder> forwarder;
  mutable std::mutex route_mu;
  std::shared_ptr<const VendorRoute> route;

  std::shared_ptr<const VendorRoute> Route() const {
    std::lock_guard lk(route_mu);
    return route;
  }
};

// What a reload replaces, all at once.
struct Generation {
  uint64_t number = 0;
  std::shared_ptr<const egress::Pipeline> pipeline;
  std::unique_ptr<SenderAuth> auth;
  std::unordered_map<std::string, std::pair<std::shared_ptr<const VendorRoute>, Lane*>> vendors;
  std::unordered_map<std::string, std::string> hosts;  // host name -> vendor id
};

class GatewayImpl {
 public:
  std::string data_dir;  // from the options; else each config's

  mutable std::mutex gen_mu;
  std::shared_ptr<const Generation> gen;
  mutable std::mutex reload_mu;                        // one reload at a time
  std::map<std::string, std::unique_ptr<Lane>> lanes;  // under reload_mu (a reload adds)
  std::string spool_dir;
  struct ReloadState {
    bool ok = true;
    std::string error;
  };
  ReloadState reload_state;  // under gen_mu
  DecodeOptions decode;
  Observer observer;
  mutable GatewayMetrics metrics;

  std::shared_ptr<const Generation> Current() const {
    std::lock_guard lk(gen_mu);
    return gen;
  }
  Status Install(std::shared_ptr<const egress::Pipeline> pipeline);
  // How requests are filtered: with an observer, fields are recorded and unknown events held.
  egress::FilterOptions Options() const {
    egress::FilterOptions options;
    options.record_fields = static_cast<bool>(observer);
    options.hold_unknown = static_cast<bool>(observer);
    options.add_idempotency_keys = true;
    return options;
  }
  void Handle(net::HttpRequest request, net::HttpReply reply) const;
  void Stop();

 private:
  struct Labels {  // config ids only ("_none" until known)
    std::string vendor = "_none";
    std::string integration = "_none";
  };
  using Finish = std::function<void(net::HttpResponse)>;
  void HandleIngest(std::shared_ptr<const Generation> gen, const net::HttpRequest& request,
                    std::string_view target, Labels& labels, const Finish& finish) const;
  std::string Ready() const;
  std::string Metrics() const;
};

Status GatewayImpl::Install(std::shared_ptr<const egress::Pipeline> pipeline) {
  std::lock_guard reload_lock(reload_mu);
  const egress::EgressConfig& config = pipeline->config();
  auto next = std::make_shared<Generation>();
  next->pipeline = pipeline;
  next->auth = std::make_unique<SenderAuth>(config.integrations);
  std::vector<std::shared_ptr<const VendorRoute>> routes;
  for (const egress::VendorConfig& vc : config.vendors) {
    auto where = [&](const std::string& what) {
      return Status::Invalid("vendor '" + vc.id + "' " + what, vc.loc).WithContext(config.file);
    };
    if (!IsFileSafeId(vc.id)) {
      return where(
          "cannot be served: its id names its spool file and URL path (use letters, "
          "digits, '-', '_' and '.')");
    }
    if (vc.upstream.empty()) return where("has no upstream to forward to");
    auto route = std::make_shared<VendorRoute>();
    route->id = vc.id;
    route->format = vc.format;
    Result<Upstream> up = ParseUpstream(vc.upstream, vc.ca_file);
    if (!up.ok()) return up.status().WithContext(config.file);
    route->upstream = *up;
    if (vc.ingest_key && (vc.format == "segment" || vc.format == "llm")) {
      // Segment takes its write key as the Basic-auth user name.
      Result<std::string> key = egress::LoadSecret(*vc.ingest_key);
      if (!key.ok()) return key.status().WithContext(config.file);
      route->headers.emplace_back("Authorization", "Basic " + base64::Encode(*key + ":"));
    }
    for (const std::string& h : vc.hosts) next->hosts[h] = vc.id;
    routes.push_back(std::move(route));
  }
  if (spool_dir.empty()) {
    std::string dir = !data_dir.empty()             ? data_dir
                      : config.data_dir.has_value() ? *config.data_dir
                                                    : std::string("metagate-data");
    spool_dir = (fs::path(dir) / "spool").string();
  }
  for (const auto& route : routes) {
    auto lane = lanes.find(route->id);
    if (lane == lanes.end()) {  // a vendor seen for the first time: its spool
      std::error_code ec;
      fs::create_directories(spool_dir, ec);
      if (ec) {
        return Status::Io("cannot create the spool folder " + spool_dir + ": " + ec.message());
      }
      ::chmod(fs::path(spool_dir).parent_path().c_str(), 0700);
      ::chmod(spool_dir.c_str(), 0700);
      SpoolLimits limits;
      limits.max_bytes = static_cast<uint64_t>(config.spool.max_bytes);
      limits.max_entries = static_cast<uint64_t>(config.spool.max_entries);
      Result<std::unique_ptr<Spool>> spool =
          Spool::Open((fs::path(spool_dir) / (route->id + ".db")).string(), limits);
      if (!spool.ok()) return spool.status();
      auto fresh = std::make_unique<Lane>();
      fresh->spool = std::move(*spool);
      lane = lanes.emplace(route->id, std::move(fresh)).first;
    }
    next->vendors.emplace(route->id, std::make_pair(route, lane->second.get()));
  }
  // The swap: new requests see the new generation; routes switch for the forwarders.
  {
    std::lock_guard lk(gen_mu);
    next->number = gen ? gen->number + 1 : 1;
    gen = std::move(next);
    reload_state = {true, ""};
  }
  RetryPolicy retry;  // for forwarders started now; running ones keep theirs
  retry.max_attempts = static_cast<uint32_t>(config.spool.max_attempts);
  retry.initial_backoff = std::chrono::milliseconds(config.spool.initial_backoff_ms);
  retry.max_backoff = std::chrono::milliseconds(config.spool.max_backoff_ms);
  for (const auto& route : routes) {
    Lane* lane = lanes.at(route->id).get();
    {
      std::lock_guard lk(lane->route_mu);
      lane->route = route;
    }
    if (!lane->forwarder) {
      lane->forwarder = std::make_unique<Forwarder>(
          route->id, *lane->spool,
          [lane](const std::string& path, std::string body) {
            std::shared_ptr<const VendorRoute> r = lane->Route();
            return PostUpstream(r->upstream, path, r->headers, std::move(body), kUpstreamTimeout);
          },
          retry, static_cast<unsigned>(config.spool.concurrency));
    }
  }
  return Status::Ok();
}

void GatewayImpl::Stop() {
  std::lock_guard reload_lock(reload_mu);
  for (auto& [id, lane] : lanes) lane->spool->StopDelivery();
  for (auto& [id, lane] : lanes) {
    if (lane->forwarder) lane->forwarder->Stop();
    lane->spool->Close();
  }
}

std::string GatewayImpl::Ready() const {
  std::lock_guard lk(gen_mu);
  std::string out = R"({"status":"ready","config_generation":)" + std::to_string(gen->number) +
                    R"(,"last_reload":{"ok":)" + (reload_state.ok ? "true" : "false");
  if (!reload_state.ok) {
    out += R"(,"error":)";
    json::AppendQuoted(out, reload_state.error);
    out += R"(,"kept":"the last good config and policies")";
  }
  out += "}}";
  return out;
}

std::string GatewayImpl::Metrics() const {
  std::string out = metrics.Render();
  std::vector<std::pair<std::string, SpoolStats>> stats;
  {
    std::lock_guard lk(reload_mu);
    for (const auto& [id, lane] : lanes) stats.emplace_back(id, lane->spool->Stats());
  }
  AppendSpoolMetrics(stats, UnixMillis(), out);
  return out;
}

void GatewayImpl::Handle(net::HttpRequest request, net::HttpReply reply) const {
  std::string_view target = request.target;
  target = target.substr(0, target.find('?'));
  net::HttpResponse response;
  if (target == "/healthz" || target == "/readyz" || target == "/metrics") {
    if (target == "/healthz") response.body = R"({"status":"ok"})";
    if (target == "/readyz") response.body = Ready();
    if (target == "/metrics") {
      response.content_type = "text/plain; version=0.0.4";
      response.body = Metrics();
    }
    return reply(std::move(response));
  }
  auto start = std::chrono::steady_clock::now();
  auto labels = std::make_shared<Labels>();
  // Answers the sender (now, or once the spool has the request on disk) and counts it.
  Finish finish = [this, start, labels, reply = std::move(reply)](net::HttpResponse r) {
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    metrics.Request(labels->vendor, labels->integration, r.status, took.count());
    reply(std::move(r));
  };
  HandleIngest(Current(), request, target, *labels, finish);
}

void GatewayImpl::HandleIngest(std::shared_ptr<const Generation> gen,
                               const net::HttpRequest& request, std::string_view target,
                               Labels& labels, const Finish& finish) const {
  const Generation& g = *gen;
  net::HttpResponse response;
  std::string vendor_id;
  std::string_view path;
  if (target.substr(0, 3) == "/v/") {
    std::string_view rest = target.substr(3);
    vendor_id = std::string(rest.substr(0, rest.find('/')));
    path = rest.substr(vendor_id.size());
  } else if (auto h = g.hosts.find(HostName(request)); h != g.hosts.end()) {
    vendor_id = h->second;
    path = target;
  } else {
    response.status = 404;
    response.body =
        R"({"error":"ingest endpoints are under /v/{vendor}/..., or on a host mapped to a vendor"})";
    return finish(std::move(response));
  }
  auto v = g.vendors.find(vendor_id);
  if (v == g.vendors.end()) {
    response.status = 404;
    response.body = R"({"error":"no vendor of that id is configured"})";
    return finish(std::move(response));
  }
  const VendorRoute& route = *v->second.first;
  Lane& lane = *v->second.second;
  const std::string& format = route.format;
  labels.vendor = vendor_id;
  int refusal = 400;  // 404, 413 or 415 when DecodeIngest says so
  Result<IngestRequest> ingest = DecodeIngest(format, path, request, decode, &refusal);
  if (!ingest.ok()) {
    ReplyError(format, refusal, ingest.status().message(), response);
    return finish(std::move(response));
  }
  const egress::IntegrationConfig* integration = g.auth->Find(ingest->credentials);
  if (integration == nullptr) {
    std::fprintf(stderr, "metagate serve: 401 %s %s: unknown or missing sender credential\n",
                 request.method.c_str(), std::string(target).c_str());
    ReplyError(format, 401, "unknown or missing credential", response);
    return finish(std::move(response));
  }
  labels.integration = integration->id;
  thread_local egress::PipelineScratch scratch;
  Result<egress::FilterResult> result =
      g.pipeline->Filter(integration->id, vendor_id, ingest->body, scratch, Options());
  if (!result.ok()) {
    ReplyError(format, 400, result.status().message(), response);
    return finish(std::move(response));
  }
  if (observer) {
    Status seen = observer(Observation{integration->id, vendor_id, path, ingest->body, *result,
                                       *g.pipeline, scratch, false});
    if (!seen.ok()) {
      std::fprintf(stderr, "metagate serve: 503 %s %s: %s\n", request.method.c_str(),
                   std::string(target).c_str(), seen.message().c_str());
      ReplyError(format, 503, "the gateway could not record the request; retry later", response);
      response.headers.emplace_back("Retry-After", "5");
      return finish(std::move(response));
    }
  }
  uint32_t allowed = 0;
  for (const egress::EventDecision& e : result->events) allowed += e.allowed ? 1 : 0;
  metrics.Decided(vendor_id, integration->id, allowed, result->events.size() - allowed,
                  result->form_counts);
  // What the answer needs, copied: it may be sent from the spool's commit thread.
  struct Answer {
    std::string format, path, method, target, integration;
    size_t events = 0, body_bytes = 0;
    uint32_t allowed = 0;
  };
  Answer a{format,          std::string(path),     request.method,      std::string(target),
           integration->id, result->events.size(), request.body.size(), allowed};
  auto answer = [](const Answer& a, const Status& spooled, bool forwarded) {
    net::HttpResponse r;
    int status = 200;
    if (!spooled.ok()) {
      status = 503;
      bool full = spooled.code() == StatusCode::kUnavailable;
      ReplyError(a.format, 503,
                 full ? "the gateway's spool for this vendor is full; retry later"
                      : "the gateway could not store the request; retry later",
                 r);
      r.headers.emplace_back("Retry-After", full ? kFullRetryAfter : "5");
      std::fprintf(stderr, "metagate serve: 503 %s %s: %s\n", a.method.c_str(), a.target.c_str(),
                   spooled.message().c_str());
    } else {
      ReplyAccepted(a.format, a.path, a.events, a.body_bytes, r);
    }
    std::fprintf(stderr,
                 "metagate serve: %d %s %s integration=%s events=%zu allowed=%u spooled=%s\n",
                 status, a.method.c_str(), a.target.c_str(), a.integration.c_str(), a.events,
                 a.allowed, forwarded && status == 200 ? "yes" : "no");
    return r;
  };
  if (!result->forwarded) return finish(answer(a, Status::Ok(), false));
  // Acknowledged only once on disk, without holding this worker meanwhile; the forwarder
  // delivers it. `gen` keeps the config the answer refers to alive until then.
  lane.spool->AppendAsync(std::string(path), std::move(result->body), allowed,
                          [gen, a = std::move(a), answer, finish](Status spooled) {
                            finish(answer(a, spooled, true));
                          });
}

Gateway::Gateway(std::unique_ptr<GatewayImpl> impl) : impl_(std::move(impl)) {}
Gateway::~Gateway() { Stop(); }

Result<std::unique_ptr<Gateway>> Gateway::Create(std::shared_ptr<const egress::Pipeline> pipeline,
                                                 const GatewayOptions& options) {
  auto impl = std::make_unique<GatewayImpl>();
  impl->data_dir = options.data_dir;
  impl->decode.max_body_bytes = options.max_body_bytes;
  impl->observer = options.observer;
  Status s = impl->Install(std::move(pipeline));
  if (!s.ok()) {
    impl->Stop();
    return s;
  }
  return std::unique_ptr<Gateway>(new Gateway(std::move(impl)));
}

void Gateway::Handle(net::HttpRequest request, net::HttpReply reply) const {
  impl_->Handle(std::move(request), std::move(reply));
}

Status Gateway::Reload(std::shared_ptr<const egress::Pipeline> pipeline) {
  Status s = impl_->Install(std::move(pipeline));
  if (!s.ok()) ReloadFailed(s);
  return s;
}

void Gateway::ReloadFailed(const Status& why) {
  std::lock_guard lk(impl_->gen_mu);
  impl_->reload_state = {false, why.ToString()};
}

std::shared_ptr<const egress::Pipeline> Gateway::pipeline() const {
  return impl_->Current()->pipeline;
}

Status Gateway::Replay(std::string_view integration, std::string_view vendor,
                       std::string_view ingest_path, std::string_view body) {
  std::shared_ptr<const Generation> gen = impl_->Current();
  auto v = gen->vendors.find(std::string(vendor));
  if (v == gen->vendors.end()) {
    return Status::NotFound("vendor '" + std::string(vendor) + "' is no longer configured");
  }
  thread_local egress::PipelineScratch scratch;
  ASSIGN_OR_RETURN(egress::FilterResult result,
                   gen->pipeline->Filter(integration, vendor, body, scratch, impl_->Options()));
  if (impl_->observer) {
    RETURN_IF_ERROR(impl_->observer(Observation{integration, vendor, ingest_path, body, result,
                                                *gen->pipeline, scratch, true}));
  }
  uint32_t allowed = 0;
  for (const egress::EventDecision& e : result.events) allowed += e.allowed ? 1 : 0;
  impl_->metrics.Decided(std::string(vendor), std::string(integration), allowed,
                         result.events.size() - allowed, result.form_counts);
  if (!result.forwarded) return Status::Ok();
  std::promise<Status> spooled;
  std::future<Status> done = spooled.get_future();
  v->second.second->spool->AppendAsync(std::string(ingest_path), std::move(result.body), allowed,
                                       [&spooled](Status s) { spooled.set_value(std::move(s)); });
  return done.get();
}

void Gateway::Stop() { impl_->Stop(); }

}  // namespace metagate::gateway
