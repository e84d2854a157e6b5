// UpstreamClient: posts a body to a vendor's ingest URL over plain HTTP/1.1 and reads the reply,
// with a connect-and-reply timeout. (TLS upstreams come with the spool.)
#pragma once

#include <chrono>
#include <string>
#include <utility>
#include <vector>

#include "metagate/common/status.h"

namespace metagate::gateway {

struct UpstreamReply {
  int status = 0;
  std::string retry_after;  // the Retry-After header, if any
  std::string body;
};

// `base` is "http://host[:port][/prefix]"; checked by ParseUpstream.
struct Upstream {
  std::string host;
  std::string port;
  std::string prefix;  // path prefix, without a trailing '/'
};
Result<Upstream> ParseUpstream(const std::string& url);

Result<UpstreamReply> PostUpstream(const Upstream& upstream, const std::string& path,
                                   const std::vector<std::pair<std::string, std::string>>& headers,
                                   const std::string& body, std::chrono::milliseconds timeout);

}  // namespace metagate::gateway
