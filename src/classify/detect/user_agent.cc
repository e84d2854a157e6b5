#include "detect/user_agent.h"

#include <string>

#include "detect/chars.h"

namespace metagate::classify::detect {
namespace {

bool IsTokenChar(char c) {
  return IsAlnum(c) || c == '-' || c == '_' || c == '.' || c == '!' || c == '#' || c == '$' ||
         c == '%' || c == '&' || c == '\'' || c == '*' || c == '+' || c == '^' || c == '`' ||
         c == '|' || c == '~';
}

// Parses `product[/version]` at `s[i]`; returns false if there is no product.
bool ParseProduct(std::string_view s, size_t& i, std::string_view& name, bool& has_version) {
  size_t b = i;
  while (i < s.size() && IsTokenChar(s[i])) ++i;
  if (i == b) return false;
  name = s.substr(b, i - b);
  has_version = false;
  if (i < s.size() && s[i] == '/') {
    size_t v = ++i;
    while (i < s.size() && IsTokenChar(s[i])) ++i;
    if (i == v || !IsDigit(s[v])) return false;
    has_version = true;
  }
  return true;
}

// Skips a parenthesised comment at `s[i]` (nesting allowed); false if unbalanced.
bool SkipComment(std::string_view s, size_t& i) {
  int depth = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '(') ++depth;
    if (s[i] == ')' && --depth == 0) {
      ++i;
      return true;
    }
  }
  return false;
}

bool KnownClient(std::string_view name) {
  for (std::string_view known : {"curl",
                                 "libcurl",
                                 "wget",
                                 "okhttp",
                                 "python-requests",
                                 "python-urllib",
                                 "python-httpx",
                                 "aiohttp",
                                 "go-http-client",
                                 "axios",
                                 "node-fetch",
                                 "undici",
                                 "java",
                                 "apache-httpclient",
                                 "postmanruntime",
                                 "insomnia",
                                 "dalvik",
                                 "cfnetwork",
                                 "darwin",
                                 "dart",
                                 "ruby",
                                 "faraday",
                                 "guzzlehttp",
                                 "httpie",
                                 "mozilla",
                                 "opera",
                                 "googlebot",
                                 "bingbot",
                                 "powershell",
                                 "winhttp",
                                 "restsharp",
                                 "reqwest",
                                 "got",
                                 "bun"}) {
    if (EqualsIgnoreCase(name, known)) return true;
  }
  return false;
}

}  // namespace

bool IsUserAgent(std::string_view s) {
  if (s.size() < 6 || s.size() > 2048) return false;
  size_t i = 0;
  int products = 0;
  int versions = 0;
  int comments = 0;
  bool known = false;
  while (i < s.size()) {
    if (s[i] == ' ') {
      ++i;
      continue;
    }
    if (s[i] == '(') {
      if (products == 0 || !SkipComment(s, i)) return false;
      ++comments;
      continue;
    }
    std::string_view name;
    bool has_version = false;
    if (!ParseProduct(s, i, name, has_version)) return false;
    if (products == 0 && !has_version) return false;  // must start with product/version
    ++products;
    versions += has_version;
    known = known || (products == 1 && KnownClient(name));
    if (i < s.size() && s[i] != ' ' && s[i] != '(') return false;
  }
  if (s.starts_with("Mozilla/") && comments > 0) return true;
  return comments > 0 || known || versions >= 2;
}

}  // namespace metagate::classify::detect
