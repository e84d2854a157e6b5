#include "detect/url.h"

#include <string>

#include "detect/chars.h"
#include "detect/email.h"
#include "detect/secret.h"

namespace metagate::classify::detect {
namespace {

bool IsHostChar(char c) { return IsAlnum(c) || c == '-' || c == '.' || c == '_'; }

// Length of the authority's host, or 0 if it is not a plausible host.
bool AuthorityOk(std::string_view authority) {
  size_t at = authority.rfind('@');
  if (at != std::string_view::npos) authority.remove_prefix(at + 1);
  if (authority.empty()) return false;
  if (authority.front() == '[') {
    size_t close = authority.find(']');
    if (close == std::string_view::npos) return false;
    authority.remove_prefix(close + 1);
    return authority.empty() || (authority[0] == ':' && AllOf(authority.substr(1), IsDigit));
  }
  size_t colon = authority.find(':');
  std::string_view host = authority.substr(0, colon);
  if (colon != std::string_view::npos) {
    std::string_view port = authority.substr(colon + 1);
    if (port.empty() || port.size() > 5 || !AllOf(port, IsDigit)) return false;
  }
  if (host.empty() || host.front() == '.' || host.front() == '-') return false;
  for (char c : host) {
    if (!IsHostChar(c)) return false;
  }
  return true;
}

bool CredentialName(std::string_view name) {
  std::string lower;
  for (char c : name) lower.push_back(ToLower(c));
  for (std::string_view whole :
       {"apikey", "api-key", "key", "token", "secret", "sig", "signature", "password", "passwd",
        "pwd", "auth", "access_token", "accesstoken", "client_secret", "code", "credential"}) {
    if (lower == whole) return true;
  }
  // Words separated by `_`, `-`, `.`.
  size_t start = 0;
  while (start <= lower.size()) {
    size_t end = lower.find_first_of("_-.", start);
    if (end == std::string::npos) end = lower.size();
    std::string_view word = std::string_view(lower).substr(start, end - start);
    for (std::string_view w : {"key", "token", "secret", "sig", "signature", "password", "auth",
                               "credential", "apikey"}) {
      if (word == w) return true;
    }
    start = end + 1;
  }
  return false;
}

void CheckEmail(std::string_view url, size_t b, size_t e, Findings& out) {
  std::string_view v = url.substr(b, e - b);
  if (v.find('@') != std::string_view::npos) {
    if (IsEmail(v)) out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), kEmail});
    return;
  }
  size_t enc = v.find("%40");
  if (enc == std::string_view::npos) return;
  std::string decoded(v.substr(0, enc));
  decoded += '@';
  decoded += v.substr(enc + 3);
  if (IsEmail(decoded)) {
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), kEmail});
  }
}

// Checks one path segment, query value or fragment piece [b, e) of `url`.
void CheckPiece(std::string_view url, size_t b, size_t e, bool credential_param, Findings& out) {
  if (e <= b) return;
  std::string_view v = url.substr(b, e - b);
  if (IsSecret(v) || (credential_param && IsHighEntropyToken(v))) {
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), kSecret});
    return;
  }
  CheckEmail(url, b, e, out);
}

}  // namespace

bool IsUrl(std::string_view s) {
  if (s.size() < 4 || s.size() > 8192) return false;
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= ' ' || c == 0x7f) return false;
  }
  size_t rest = 0;
  if (s.starts_with("//")) {
    rest = 2;
  } else {
    size_t sep = s.find("://");
    if (sep == std::string_view::npos) return false;
    std::string_view scheme = s.substr(0, sep);
    if (!EqualsIgnoreCase(scheme, "http") && !EqualsIgnoreCase(scheme, "https") &&
        !EqualsIgnoreCase(scheme, "ftp")) {
      return false;
    }
    rest = sep + 3;
  }
  size_t end = s.find_first_of("/?#", rest);
  if (end == std::string_view::npos) end = s.size();
  return AuthorityOk(s.substr(rest, end - rest));
}

void FindInUrl(std::string_view url, Findings& out) {
  // Skip the scheme and authority when present; a bare path (`/users/…`) is scanned whole.
  size_t pos = 0;
  size_t sep = url.find("://");
  if (sep != std::string_view::npos && url.find_first_of("/?#") > sep) {
    pos = url.find_first_of("/?#", sep + 3);
  } else if (url.starts_with("//")) {
    pos = url.find_first_of("/?#", 2);
  }
  if (pos == std::string_view::npos) return;
  size_t query = url.find('?', pos);
  size_t fragment = url.find('#', pos);
  size_t path_end = std::min(query, fragment);
  if (path_end == std::string_view::npos) path_end = url.size();
  // Path segments.
  for (size_t b = pos; b < path_end;) {
    size_t e = url.find_first_of("/;", b);
    if (e == std::string_view::npos || e > path_end) e = path_end;
    CheckPiece(url, b, e, false, out);
    b = e + 1;
  }
  // Query parameters and the fragment (which often carries `access_token=…` too).
  for (size_t b = path_end; b < url.size();) {
    ++b;  // skip `?`, `#` or `&`
    size_t e = url.find_first_of("&#", b);
    if (e == std::string_view::npos) e = url.size();
    std::string_view param = url.substr(b, e - b);
    size_t eq = param.find('=');
    if (eq == std::string_view::npos) {
      CheckPiece(url, b, e, false, out);
    } else {
      CheckPiece(url, b + eq + 1, e, CredentialName(param.substr(0, eq)), out);
    }
    b = e;
  }
}

}  // namespace metagate::classify::detect
