// Gateway: the request handler of `metagate serve`. It speaks each vendor's ingest API under
// /v/{vendor}/... (or by Host name), authenticates the sender by the SHA-256 of its credential
// (constant-time), runs the body through the egress pipeline, writes what may leave to that
// vendor's durable spool and answers as the vendor would once it is on disk; a forwarder per
// vendor delivers the spool upstream with retries. Reload swaps config and policies atomically
// and keeps the last good set when the new one fails. Thread-safe: Handle runs concurrently on
// the server's workers.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "metagate/egress/pipeline.h"
#include "metagate/net/http_server.h"

namespace metagate::gateway {

class GatewayImpl;

// One filtered request, for the governance layer (data map, approvals, held events, decision
// log).
struct Observation {
  std::string_view integration, vendor, ingest_path, body;
  const egress::FilterResult& result;  // with its field decisions and held events
  const egress::Pipeline& pipeline;
  egress::PipelineScratch& scratch;
  bool replay = false;
};
// Runs on the worker before the sender is answered; an error answers 503 (nothing is lost).
using Observer = std::function<Status(const Observation&)>;

struct GatewayOptions {
  // Where the spool lives; empty: the config's data_dir, else ./metagate-data.
  std::string data_dir;
  // The largest request body once its Content-Encoding (gzip, deflate) is undone; larger ones
  // get 413. `metagate serve` passes its --max-body-bytes.
  size_t max_body_bytes = 16 << 20;
  // When set: every request's fields are recorded and events blocked for approval are held
  // (FilterOptions::record_fields and hold_unknown), and the observer sees each request.
  Observer observer;
};

class Gateway {
 public:
  // Opens every vendor's spool (data_dir/spool/VENDOR.db, delivering what a previous run left)
  // and starts its forwarder. Errors: an upstream URL it cannot use, an ingest key it cannot
  // read, a data_dir it cannot create.
  static Result<std::unique_ptr<Gateway>> Create(std::shared_ptr<const egress::Pipeline> pipeline,
                                                 const GatewayOptions& options = {});
  ~Gateway();  // Stop()

  // Answers through `reply`: at once, or for a request that is spooled, from the spool's commit
  // thread once it is on disk (no worker waits for the fsync meanwhile).
  void Handle(net::HttpRequest request, net::HttpReply reply) const;

  // Swaps in a new pipeline (config and policies) atomically: requests already running finish
  // with the old one. On error nothing changes; the error is kept for /readyz.
  Status Reload(std::shared_ptr<const egress::Pipeline> pipeline);
  // Records a reload that failed before it reached the gateway (a config that did not load).
  void ReloadFailed(const Status& why);
  // The pipeline in use.
  std::shared_ptr<const egress::Pipeline> pipeline() const;

  // Filters a request body again (held events after their approval) through the pipeline in
  // use, shows it to the observer, and returns once what may leave is in the vendor's spool.
  Status Replay(std::string_view integration, std::string_view vendor, std::string_view ingest_path,
                std::string_view body);

  // Stops the forwarders (after their current delivery) and closes the spools. Call after the
  // HTTP server stopped; idempotent.
  void Stop();

 private:
  explicit Gateway(std::unique_ptr<GatewayImpl> impl);
  std::unique_ptr<GatewayImpl> impl_;
};

}  // namespace metagate::gateway
