// URL check and the sensitive values embedded in a URL's path and query.
#pragma once

#include <string_view>

#include "metagate/classify/finding.h"

namespace metagate::classify::detect {

// True if `s` is an absolute http, https or ftp URL with a host (`scheme://[user@]host[:port]…`)
// or a scheme-relative `//host/…`, without whitespace or control characters.
bool IsUrl(std::string_view s);

// Appends to `out` the e-mails (plain or with `%40`) and secrets found in the path segments,
// query values and fragment of `url`, as byte spans of `url`. Secrets are values IsSecret
// accepts, and high-entropy values of query parameters named like a credential (key, token,
// secret, sig, signature, password, auth, api_key, access_token, …). Hashes and UUIDs in the path
// are not secrets.
void FindInUrl(std::string_view url, Findings& out);

}  // namespace metagate::classify::detect
