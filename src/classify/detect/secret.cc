#include "detect/secret.h"

#include <array>
#include <cmath>
#include <string>

#include "detect/chars.h"
#include "detect/uuid.h"

namespace metagate::classify::detect {
namespace {

bool IsBase32Upper(char c) { return IsUpper(c) || (c >= '2' && c <= '7'); }
bool IsWordChar(char c) { return IsAlnum(c) || c == '_'; }
bool IsSlackChar(char c) { return IsAlnum(c) || c == '-'; }
bool IsToken68(char c) {
  return IsAlnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
}

bool BodyIs(std::string_view s, size_t prefix, size_t min, size_t max, bool (*pred)(char)) {
  std::string_view body = s.substr(prefix);
  return body.size() >= min && body.size() <= max && AllOf(body, pred);
}

int Base64Value(char c) {
  if (IsUpper(c)) return c - 'A';
  if (IsLower(c)) return c - 'a' + 26;
  if (IsDigit(c)) return c - '0' + 52;
  if (c == '-' || c == '+') return 62;
  if (c == '_' || c == '/') return 63;
  return -1;
}

// Decodes base64 or base64url (padding optional); false on a bad character.
bool DecodeBase64(std::string_view in, std::string& out) {
  while (!in.empty() && in.back() == '=') in.remove_suffix(1);
  unsigned acc = 0;
  int bits = 0;
  for (char c : in) {
    int v = Base64Value(c);
    if (v < 0) return false;
    acc = (acc << 6) | static_cast<unsigned>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((acc >> bits) & 0xff));
    }
  }
  return in.size() % 4 != 1;
}

bool IsKnownKey(std::string_view s) {
  if (s.starts_with("sk-")) return BodyIs(s, 3, 20, 256, IsBase64Url);
  if (s.starts_with("AKIA") || s.starts_with("ASIA")) return BodyIs(s, 4, 16, 16, IsBase32Upper);
  if (s.size() > 4 && s.starts_with("gh") && s[3] == '_') {
    char k = s[2];
    if (k == 'p' || k == 'o' || k == 'u' || k == 's' || k == 'r') {
      return BodyIs(s, 4, 36, 251, IsAlnum);
    }
  }
  if (s.starts_with("github_pat_")) return BodyIs(s, 11, 22, 255, IsWordChar);
  if (s.starts_with("glpat-")) return BodyIs(s, 6, 20, 64, IsBase64Url);
  if (s.starts_with("npm_")) return BodyIs(s, 4, 36, 36, IsAlnum);
  if (s.starts_with("hf_")) return BodyIs(s, 3, 30, 40, IsAlpha);         // Hugging Face
  if (s.starts_with("pypi-")) return BodyIs(s, 5, 50, 255, IsBase64Url);  // PyPI upload token
  if (s.starts_with("shpat_") || s.starts_with("shpss_")) {
    return BodyIs(s, 6, 32, 32, IsHex);  // Shopify admin/shared secret
  }
  if (s.size() > 5 && s.starts_with("xox") && s[4] == '-') {
    char k = s[3];
    if (k == 'a' || k == 'b' || k == 'p' || k == 'r' || k == 's' || k == 'e') {
      return BodyIs(s, 5, 10, 255, IsSlackChar) && s.find("--") == std::string_view::npos;
    }
  }
  for (std::string_view p : {"sk_live_", "rk_live_", "sk_test_", "rk_test_"}) {
    if (s.starts_with(p)) return BodyIs(s, p.size(), 16, 255, IsAlnum);
  }
  if (s.starts_with("AIza")) return BodyIs(s, 4, 35, 35, IsBase64Url);
  if (s.starts_with("SG.")) {
    size_t dot = s.find('.', 3);
    return dot != std::string_view::npos && dot - 3 == 22 &&
           BodyIs(s.substr(0, dot), 3, 22, 22, IsBase64Url) &&
           BodyIs(s, dot + 1, 43, 43, IsBase64Url);
  }
  if (s.starts_with("-----BEGIN ")) {
    size_t eol = s.find("-----", 11);
    return eol != std::string_view::npos && s.substr(11, eol - 11).ends_with("PRIVATE KEY");
  }
  return false;
}

bool IsAuthorizationValue(std::string_view s) {
  size_t space = s.find(' ');
  if (space == std::string_view::npos) return false;
  std::string_view scheme = s.substr(0, space);
  std::string_view cred = s.substr(space + 1);
  while (!cred.empty() && cred.front() == ' ') cred.remove_prefix(1);
  if (cred.empty()) return false;
  if (EqualsIgnoreCase(scheme, "Basic")) {
    std::string decoded;
    return cred.size() >= 8 && DecodeBase64(cred, decoded) &&
           decoded.find(':') != std::string::npos;
  }
  if (!EqualsIgnoreCase(scheme, "Bearer") && !EqualsIgnoreCase(scheme, "Token")) return false;
  std::string_view body = cred;
  while (!body.empty() && body.back() == '=') body.remove_suffix(1);
  if (body.empty() || !AllOf(body, IsToken68)) return false;
  if (IsKnownKey(cred) || IsJwt(cred)) return true;
  // An opaque token: long enough and not a plain word.
  int classes = 0;
  bool upper = false, lower = false, digit = false;
  for (char c : body) {
    upper |= IsUpper(c);
    lower |= IsLower(c);
    digit |= IsDigit(c);
  }
  classes = upper + lower + digit;
  return body.size() >= 16 && classes >= 2;
}

}  // namespace

bool IsJwt(std::string_view s) {
  if (s.size() < 16 || !s.starts_with("eyJ")) return false;
  size_t d1 = s.find('.');
  size_t d2 = d1 == std::string_view::npos ? d1 : s.find('.', d1 + 1);
  if (d2 == std::string_view::npos || s.find('.', d2 + 1) != std::string_view::npos) return false;
  std::string_view header = s.substr(0, d1);
  std::string_view payload = s.substr(d1 + 1, d2 - d1 - 1);
  std::string_view signature = s.substr(d2 + 1);
  if (payload.empty() || !AllOf(header, IsBase64Url) || !AllOf(payload, IsBase64Url) ||
      !AllOf(signature, IsBase64Url)) {
    return false;
  }
  std::string json;
  if (!DecodeBase64(header, json)) return false;
  size_t first = json.find_first_not_of(" \t\r\n");
  size_t last = json.find_last_not_of(" \t\r\n");
  return first != std::string::npos && json[first] == '{' && json[last] == '}' &&
         json.find("\"alg\"") != std::string::npos;
}

bool IsSecret(std::string_view s) {
  if (s.size() < 8 || s.size() > 8192) return false;
  return IsKnownKey(s) || IsJwt(s) || IsAuthorizationValue(s);
}

bool IsHighEntropyToken(std::string_view s) {
  if (s.size() < 20 || s.size() > 512 || !AllOf(s, IsBase64Url) || IsUuid(s)) return false;
  if (AllOf(s, IsHex) && (s.size() == 24 || s.size() == 32 || s.size() == 40 || s.size() == 64)) {
    return false;
  }
  std::array<int, 256> counts{};
  bool upper = false, lower = false, digit = false;
  for (char c : s) {
    ++counts[static_cast<unsigned char>(c)];
    upper |= IsUpper(c);
    lower |= IsLower(c);
    digit |= IsDigit(c);
  }
  if (upper + lower + digit < 2) return false;
  double entropy = 0;
  const double n = static_cast<double>(s.size());
  for (int count : counts) {
    if (count == 0) continue;
    double p = count / n;
    entropy -= p * std::log2(p);
  }
  // Random base62 text of length n has close to min(log2(n), 5.95) bits per character;
  // words and identifiers are far below.
  double threshold = std::min(std::log2(n) * 0.85, 4.5);
  return entropy >= threshold;
}

}  // namespace metagate::classify::detect
