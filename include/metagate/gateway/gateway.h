// Gateway: the request handler of `metagate serve`. It speaks each vendor's ingest API under
// /v/{vendor}/..., authenticates the sender by the SHA-256 of its credential (constant-time),
// runs the body through the egress pipeline and forwards what may leave to the vendor's
// upstream, answering as the vendor would. This first version forwards synchronously: a request
// is acknowledged only after the upstream accepted it (or nothing of it may leave); an upstream
// failure answers 503 or 429 with Retry-After so the sender retries. (The durable spool comes
// next.) Thread-safe: Handle runs concurrently on the server's workers.
#pragma once

#include <cstddef>
#include <memory>

#include "metagate/egress/pipeline.h"
#include "metagate/net/http_server.h"

namespace metagate::gateway {

class GatewayImpl;

struct GatewayOptions {
  // The largest request body once its Content-Encoding (gzip, deflate) is undone; larger ones
  // get 413. `metagate serve` passes its --max-body-bytes.
  size_t max_body_bytes = 16 << 20;
};

class Gateway {
 public:
  // Checks what serving needs beyond the pipeline (plain-http upstreams for now).
  static Result<std::unique_ptr<Gateway>> Create(std::shared_ptr<const egress::Pipeline> pipeline,
                                                 const GatewayOptions& options = {});
  ~Gateway();

  void Handle(const net::HttpRequest& request, net::HttpResponse& response) const;

 private:
  explicit Gateway(std::unique_ptr<GatewayImpl> impl);
  std::unique_ptr<GatewayImpl> impl_;
};

}  // namespace metagate::gateway
