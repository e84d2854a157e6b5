#include "metagate/gateway/gateway.h"

#include <cstdio>
#include <unordered_map>

#include "ingest_api.h"
#include "metagate/common/base64.h"
#include "metrics.h"
#include "sender_auth.h"
#include "upstream_client.h"

namespace metagate::gateway {

namespace {

constexpr std::chrono::milliseconds kUpstreamTimeout{10000};

}  // namespace

class GatewayImpl {
 public:
  std::shared_ptr<const egress::Pipeline> pipeline;
  std::unique_ptr<SenderAuth> auth;
  struct VendorRoute {
    const egress::VendorConfig* config = nullptr;
    Upstream upstream;
    std::vector<std::pair<std::string, std::string>> headers;  // to the upstream
  };
  std::unordered_map<std::string, VendorRoute> vendors;
  DecodeOptions decode;
  mutable GatewayMetrics metrics;

  void Handle(const net::HttpRequest& request, net::HttpResponse& response) const;

 private:
  // Labels of the request for metrics: config ids only ("_none" until known).
  struct Labels {
    std::string vendor = "_none";
    std::string integration = "_none";
  };
  void HandleIngest(const net::HttpRequest& request, std::string_view target,
                    net::HttpResponse& response, Labels& labels) const;
};

void GatewayImpl::Handle(const net::HttpRequest& request, net::HttpResponse& response) const {
  std::string_view target = request.target;
  target = target.substr(0, target.find('?'));
  if (target == "/healthz" || target == "/readyz") {
    response.body = target == "/healthz" ? R"({"status":"ok"})" : R"({"status":"ready"})";
    return;
  }
  if (target == "/metrics") {
    response.content_type = "text/plain; version=0.0.4";
    response.body = metrics.Render();
    return;
  }
  auto start = std::chrono::steady_clock::now();
  Labels labels;
  HandleIngest(request, target, response, labels);
  std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
  metrics.Request(labels.vendor, labels.integration, response.status, took.count());
}

void GatewayImpl::HandleIngest(const net::HttpRequest& request, std::string_view target,
                               net::HttpResponse& response, Labels& labels) const {
  if (target.substr(0, 3) != "/v/") {
    response.status = 404;
    response.body = R"({"error":"ingest endpoints are under /v/{vendor}/..."})";
    return;
  }
  std::string_view rest = target.substr(3);
  std::string vendor_id(rest.substr(0, rest.find('/')));
  std::string_view path = rest.substr(vendor_id.size());
  auto v = vendors.find(vendor_id);
  if (v == vendors.end()) {
    response.status = 404;
    response.body = R"({"error":"no vendor of that id is configured"})";
    return;
  }
  const VendorRoute& route = v->second;
  const std::string& format = route.config->format;
  labels.vendor = vendor_id;
  int refusal = 400;  // 404, 413 or 415 when DecodeIngest says so
  Result<IngestRequest> ingest = DecodeIngest(format, path, request, decode, &refusal);
  if (!ingest.ok()) return ReplyError(format, refusal, ingest.status().message(), response);
  const egress::IntegrationConfig* integration = auth->Find(ingest->credentials);
  if (integration == nullptr) {
    std::fprintf(stderr, "metagate serve: 401 %s %s: unknown or missing sender credential\n",
                 request.method.c_str(), std::string(target).c_str());
    return ReplyError(format, 401, "unknown or missing credential", response);
  }
  labels.integration = integration->id;
  thread_local egress::PipelineScratch scratch;
  egress::FilterOptions options;
  options.record_fields = false;
  Result<egress::FilterResult> result =
      pipeline->Filter(integration->id, vendor_id, ingest->body, scratch, options);
  if (!result.ok()) return ReplyError(format, 400, result.status().message(), response);
  size_t allowed = 0;
  for (const egress::EventDecision& e : result->events) allowed += e.allowed ? 1 : 0;
  metrics.Events(vendor_id, integration->id, allowed, result->events.size() - allowed);
  int status = 200;
  if (result->forwarded) {
    Result<UpstreamReply> reply = PostUpstream(route.upstream, std::string(path), route.headers,
                                               result->body, kUpstreamTimeout);
    if (!reply.ok()) {
      status = 503;
      ReplyError(format, 503, "the vendor is unreachable; retry later", response);
      response.headers.emplace_back("Retry-After", "5");
    } else if (reply->status == 429 || reply->status >= 500) {
      status = reply->status == 429 ? 429 : 503;
      ReplyError(format, status, "the vendor is busy or failing; retry later", response);
      response.headers.emplace_back("Retry-After",
                                    reply->retry_after.empty() ? "5" : reply->retry_after);
    } else if (reply->status >= 300) {
      status = reply->status;
      ReplyError(
          format, status,
          "the vendor refused the filtered request (status " + std::to_string(reply->status) + ")",
          response);
    }
  }
  if (status == 200) {
    ReplyAccepted(format, path, result->events.size(), request.body.size(), response);
  }
  std::fprintf(stderr,
               "metagate serve: %d %s %s integration=%s events=%zu allowed=%zu forwarded=%s\n",
               status, request.method.c_str(), std::string(target).c_str(), integration->id.c_str(),
               result->events.size(), allowed, result->forwarded ? "yes" : "no");
}

Gateway::Gateway(std::unique_ptr<GatewayImpl> impl) : impl_(std::move(impl)) {}
Gateway::~Gateway() = default;

Result<std::unique_ptr<Gateway>> Gateway::Create(std::shared_ptr<const egress::Pipeline> pipeline,
                                                 const GatewayOptions& options) {
  auto impl = std::make_unique<GatewayImpl>();
  impl->pipeline = std::move(pipeline);
  impl->decode.max_body_bytes = options.max_body_bytes;
  const egress::EgressConfig& config = impl->pipeline->config();
  impl->auth = std::make_unique<SenderAuth>(config.integrations);
  for (const egress::VendorConfig& vc : config.vendors) {
    GatewayImpl::VendorRoute route;
    route.config = &vc;
    if (vc.upstream.empty()) {
      return Status::Invalid("vendor '" + vc.id + "' has no upstream to forward to", vc.loc)
          .WithContext(config.file);
    }
    Result<Upstream> up = ParseUpstream(vc.upstream);
    if (!up.ok()) return up.status().WithContext(config.file);
    route.upstream = *up;
    if (vc.ingest_key && (vc.format == "segment" || vc.format == "llm")) {
      // Segment takes its write key as the Basic-auth user name.
      Result<std::string> key = egress::LoadSecret(*vc.ingest_key);
      if (!key.ok()) return key.status().WithContext(config.file);
      route.headers.emplace_back("Authorization", "Basic " + base64::Encode(*key + ":"));
    }
    impl->vendors.emplace(vc.id, std::move(route));
  }
  return std::unique_ptr<Gateway>(new Gateway(std::move(impl)));
}

void Gateway::Handle(const net::HttpRequest& request, net::HttpResponse& response) const {
  impl_->Handle(request, response);
}

}  // namespace metagate::gateway
