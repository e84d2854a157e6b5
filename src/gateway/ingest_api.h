// The vendors' ingest APIs as the gateway serves them: which paths each format accepts, how a
// request becomes a body of the vendor's wire format (gzip and deflate bodies are inflated,
// Segment single calls get their `type`, Mixpanel form posts are decoded), which credentials
// the sender presented, and the replies the vendor would give, so SDK retry logic works
// unchanged.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metagate/common/status.h"
#include "metagate/egress/pipeline.h"
#include "metagate/net/http_server.h"
#include "sender_auth.h"

namespace metagate::gateway {

struct IngestRequest {
  std::string body;                           // JSON in the vendor's wire format
  std::vector<SenderCredential> credentials;  // candidates, most specific first
};

struct DecodeOptions {
  size_t max_body_bytes = 16 << 20;  // the largest body once its Content-Encoding is undone
};

// Decodes a request to `path` (after /v/{vendor}, without the query) of a vendor of `format`:
// its Content-Encoding undone (body_decoding.h), then the format's own encodings. On an error,
// `*http_status` (when not null) is the status to answer: 404 for a path the format does not
// serve, 415 for a Content-Encoding other than gzip, deflate or identity, 413 for a body that
// inflates past `options.max_body_bytes`, 400 for a body it cannot read.
Result<IngestRequest> DecodeIngest(std::string_view format, std::string_view path,
                                   const net::HttpRequest& request,
                                   const DecodeOptions& options = {}, int* http_status = nullptr);

// The vendor's success reply (`events` accepted).
void ReplyAccepted(std::string_view format, std::string_view path, size_t events, size_t body_bytes,
                   net::HttpResponse& response);
// The vendor's error reply with `status` and an actionable message (never a value).
void ReplyError(std::string_view format, int status, std::string_view message,
                net::HttpResponse& response);

}  // namespace metagate::gateway
