// The vendors' ingest APIs as the gateway serves them: which paths each format accepts, how a
// request becomes a body of the vendor's wire format (Segment single calls get their `type`,
// Mixpanel form posts are decoded), which credentials the sender presented, and the replies
// the vendor would give, so SDK retry logic works unchanged.
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

// Decodes a request to `path` (after /v/{vendor}, without the query) of a vendor of `format`.
// NotFound for a path the format does not serve; Invalid for a body it cannot read.
Result<IngestRequest> DecodeIngest(std::string_view format, std::string_view path,
                                   const net::HttpRequest& request);

// The vendor's success reply (`events` accepted).
void ReplyAccepted(std::string_view format, std::string_view path, size_t events, size_t body_bytes,
                   net::HttpResponse& response);
// The vendor's error reply with `status` and an actionable message (never a value).
void ReplyError(std::string_view format, int status, std::string_view message,
                net::HttpResponse& response);

}  // namespace metagate::gateway
