// URLs → scheme://host/path with id-like path segments masked; referrers → origin.
#include <vector>

#include "metagate/transform/generalize.h"
#include "text_util.h"

namespace metagate::transform {
namespace {

using internal::IsAlpha;
using internal::IsDigit;
using internal::IsHex;

struct UrlParts {
  std::string scheme;     // lowercased; empty for path-only and host-only values
  std::string authority;  // host[:port], lowercased, without userinfo
  std::string_view path;  // up to '?' or '#'
};

bool ValidChars(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) <= 0x20 || c == 0x7f) return false;
  }
  return true;
}

// Splits "scheme://authority/path?query#fragment", "//authority/path", "/path" or
// "authority/path". `allow_bare_host` admits the last form.
Result<UrlParts> Split(std::string_view s, bool allow_bare_host) {
  const Status bad = Status::Invalid("url: not an absolute URL or a path");
  if (s.empty()) return Status::Invalid("url: empty value");
  if (!ValidChars(s)) return Status::Invalid("url: contains whitespace or control characters");
  s = s.substr(0, s.find_first_of("?#"));
  UrlParts out;
  size_t i = 0;
  if (IsAlpha(s[0])) {
    while (i < s.size() &&
           (IsAlpha(s[i]) || IsDigit(s[i]) || s[i] == '+' || s[i] == '-' || s[i] == '.')) {
      ++i;
    }
    if (s.substr(i).starts_with("://")) {
      out.scheme = internal::Lower(s.substr(0, i));
      i += 3;
    } else {
      i = 0;
    }
  }
  bool has_authority = !out.scheme.empty();
  if (!has_authority && s.starts_with("//")) {
    has_authority = true;
    i = 2;
  }
  if (!has_authority && !s.starts_with("/")) {
    if (!allow_bare_host) return bad;
    has_authority = true;
  }
  if (has_authority) {
    size_t end = s.find('/', i);
    if (end == std::string_view::npos) end = s.size();
    std::string_view authority = s.substr(i, end - i);
    size_t at = authority.rfind('@');
    if (at != std::string_view::npos) authority.remove_prefix(at + 1);  // drop userinfo
    if (authority.empty() || authority.front() == ':') return Status::Invalid("url: empty host");
    out.authority = internal::Lower(authority);
    i = end;
  }
  out.path = s.substr(i);
  return out;
}

bool IsUuid(std::string_view s) {
  if (s.size() != 36) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? s[i] != '-' : !IsHex(s[i])) return false;
  }
  return true;
}

bool LooksLikeId(std::string_view seg) {
  if (seg.empty()) return false;
  if (internal::AllDigits(seg) || IsUuid(seg)) return true;
  // Emails, also percent-encoded.
  if (seg.find('@') != std::string_view::npos || seg.find("%40") != std::string_view::npos) {
    return true;
  }
  size_t hex = 0, digits = 0, letters = 0, dashes = 0;
  bool token = true;
  for (char c : seg) {
    if (IsHex(c)) ++hex;
    if (IsDigit(c)) {
      ++digits;
    } else if (IsAlpha(c)) {
      ++letters;
    } else if (c == '-') {
      ++dashes;
    } else if (c == '_') {
    } else {
      token = false;
    }
  }
  if (hex == seg.size() && seg.size() >= 16) return true;
  // Long mixed tokens: "a8Fk29sLq0ZxP3", "usr_2b7QhT9x1m" — but not slugs like "sale-2024-shoes".
  if (token && seg.size() >= 12 && digits > 0 && letters > 0 &&
      (dashes == 0 || digits * 2 >= seg.size())) {
    return true;
  }
  return false;
}

std::string MaskPath(std::string_view path) {
  std::string out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t end = path.find('/', i);
    if (end == std::string_view::npos) end = path.size();
    std::string_view seg = path.substr(i, end - i);
    out.append(LooksLikeId(seg) ? std::string_view(":id") : seg);
    if (end == path.size()) break;
    out.push_back('/');
    i = end + 1;
  }
  return out;
}

}  // namespace

Result<std::string> GeneralizeUrl(std::string_view value) {
  ASSIGN_OR_RETURN(UrlParts parts, Split(internal::Trim(value), /*allow_bare_host=*/false));
  std::string out;
  if (!parts.scheme.empty()) out = parts.scheme + "://";
  if (!parts.authority.empty()) {
    if (parts.scheme.empty()) out = "//";
    out += parts.authority;
  }
  out += MaskPath(parts.path);
  return out;
}

Result<std::string> GeneralizeReferrer(std::string_view value) {
  ASSIGN_OR_RETURN(UrlParts parts, Split(internal::Trim(value), /*allow_bare_host=*/true));
  if (parts.authority.empty()) return Status::Invalid("referrer: no host");
  if (parts.scheme.empty()) return parts.authority;
  return parts.scheme + "://" + parts.authority;
}

}  // namespace metagate::transform
