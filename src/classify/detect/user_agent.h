// User-Agent header value check.
#pragma once

#include <string_view>

namespace metagate::classify::detect {

// True if `s` is a User-Agent value: a browser UA (`Mozilla/5.0 (…)…`), products with a
// comment (`Dalvik/2.1.0 (Linux; U; Android 14; …)`, `MyApp/1.2 (iPhone; iOS 17.0)`), or a
// well-known HTTP client product (`curl/8.4.0`, `okhttp/4.12.0`, `python-requests/2.31`).
// A bare `name/version` of some other library (`amplitude-ts/2.9.0`) is not a user agent.
bool IsUserAgent(std::string_view s);

}  // namespace metagate::classify::detect
