// Credential checks: known API key formats, JWTs, Authorization header values, random tokens.
#pragma once

#include <string_view>

namespace metagate::classify::detect {

// True if the whole of `s` is a credential of a known format: OpenAI `sk-…`, AWS access key ids
// (`AKIA`/`ASIA` + 16 base32), GitHub (`ghp_`/`gho_`/`ghu_`/`ghs_`/`ghr_` + 36, `github_pat_`),
// GitLab `glpat-`, npm `npm_`, Slack `xox?-`, Stripe secret/restricted keys, Google `AIza` + 35,
// SendGrid `SG.x.y`, a JWT (three base64url segments, the first a JSON object with "alg"),
// a PEM private key, or an Authorization value `Bearer <token>`, `Token <token>`, `Basic <b64>`.
bool IsSecret(std::string_view s);

// True if `s` is a JWT as described above.
bool IsJwt(std::string_view s);

// True if `s` looks like a random token: 20-512 characters of [A-Za-z0-9_-], at least two of
// upper/lower/digit, high Shannon entropy; not pure hex of 24, 32, 40 or 64 characters
// (ids and hashes) and not a UUID. Meant for values of key-like fields; the caller decides.
bool IsHighEntropyToken(std::string_view s);

}  // namespace metagate::classify::detect
