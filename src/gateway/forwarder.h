// Forwarder: delivers one vendor's spool to its upstream on a few threads of its own, so one
// vendor's outage never slows another. 2xx settles an entry; a network error, 408, 429 or 5xx
// retries it with exponential backoff and jitter (or after the vendor's Retry-After) and pauses
// the vendor's whole spool until then; after max_attempts, or on any other status (the vendor
// refused the request itself), the entry goes to the dead letters. Logs carry the vendor, the
// entry id and the status, never a body.
#pragma once

#include <chrono>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include "metagate/gateway/spool.h"
#include "upstream_client.h"

namespace metagate::gateway {

struct RetryPolicy {
  uint32_t max_attempts = 12;
  std::chrono::milliseconds initial_backoff{500};
  std::chrono::milliseconds max_backoff{60000};
  std::chrono::milliseconds max_retry_after{3600000};  // a longer Retry-After is capped
};

// Posts `body` to the vendor at `path`; the gateway resolves the vendor's current upstream.
// (A retry reads the body from the spool again, so it is handed over.)
using DeliverFn = std::function<Result<UpstreamReply>(const std::string& path, std::string body)>;

// The wait before retry number `attempt` (1-based): half the exponential delay plus a random
// share of the other half; a Retry-After (seconds or an HTTP date) takes precedence.
std::chrono::milliseconds RetryDelay(const RetryPolicy& policy, uint32_t attempt,
                                     const std::string& retry_after);

class Forwarder {
 public:
  Forwarder(std::string vendor, Spool& spool, DeliverFn deliver, RetryPolicy policy,
            unsigned threads);
  ~Forwarder();  // Stop()
  Forwarder(const Forwarder&) = delete;
  Forwarder& operator=(const Forwarder&) = delete;

  // Stops taking entries and joins the threads once their current delivery ends.
  void Stop();

 private:
  void Run();
  std::string vendor_;
  Spool& spool_;
  DeliverFn deliver_;
  RetryPolicy policy_;
  std::vector<std::thread> threads_;
};

}  // namespace metagate::gateway
