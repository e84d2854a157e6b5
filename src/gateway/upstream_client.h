// UpstreamClient: posts a body to a vendor's ingest URL over HTTP/1.1, plain or TLS, and reads the
// reply, within one deadline covering connect, handshake, send and reply. TLS verifies the
// vendor's certificate chain and host name. Thread-safe: concurrent calls share only the
// read-only TLS trust stores.
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

// Where to forward: from "http[s]://host[:port][/prefix]" (ParseUpstream).
struct Upstream {
  std::string host;    // a name or an IP address (IPv6 without brackets)
  std::string port;    // "80" or "443" when the URL names none
  std::string prefix;  // path prefix, without a trailing '/'
  bool tls = false;    // https://
  // PEM bundle of the CAs trusted for this upstream's certificate; empty: the system's default
  // CA paths. Only for https.
  std::string ca_file;
};

// Parses the URL. For https it also loads the trust store (`ca_file`, or the system's default
// CA paths when empty), so a missing or unreadable bundle fails here, at start-up, rather than
// on the first request. A `ca_file` with an http:// URL is an error. The trust store is read
// once per file and kept for the life of the process.
Result<Upstream> ParseUpstream(const std::string& url, const std::string& ca_file = "");

// Posts `body` to the upstream's prefix + `path` with `headers` (added to Host, User-Agent and
// Content-Type: application/json). Errors (unreachable, refused certificate, timeout, no reply)
// say what failed and how to fix it; they never contain the body or header values. A reply of
// any status is a success here.
Result<UpstreamReply> PostUpstream(const Upstream& upstream, const std::string& path,
                                   const std::vector<std::pair<std::string, std::string>>& headers,
                                   std::string body, std::chrono::milliseconds timeout);

}  // namespace metagate::gateway
