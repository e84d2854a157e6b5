// The admin API's HTTP helpers.
#include "admin_http.h"

#include <openssl/sha.h>

#include <cctype>
#include <charconv>

#include "metagate/common/digest.h"
#include "metagate/common/hex.h"
#include "metagate/common/json.h"

namespace metagate::governance {

void FailJson(net::HttpResponse& resp, int status, std::string_view message) {
  resp.status = status;
  resp.content_type = "application/json";
  std::string body = "{\"error\":{\"status\":" + std::to_string(status) + ",\"message\":";
  json::AppendQuoted(body, message);
  body += "}}";
  resp.body = std::move(body);
}

void EchoRequestId(const net::HttpRequest& req, net::HttpResponse& resp) {
  const std::string* id = req.Header("x-request-id");
  if (id == nullptr || id->empty() || id->size() > 256) return;
  for (char c : *id) {
    if (c < 0x21 || c > 0x7e) return;
  }
  resp.headers.emplace_back("X-Request-ID", *id);
}

std::optional<std::string_view> BearerToken(const net::HttpRequest& req) {
  const std::string* auth = req.Header("authorization");
  if (auth == nullptr || auth->size() <= 7) return std::nullopt;
  std::string_view v = *auth;
  for (size_t i = 0; i < 6; ++i) {
    if (std::tolower(static_cast<unsigned char>(v[i])) != "bearer"[i]) return std::nullopt;
  }
  if (v[6] != ' ') return std::nullopt;
  std::string_view token = v.substr(7);
  for (char c : token) {
    if (c < 0x21 || c > 0x7e) return std::nullopt;
  }
  return token;
}

std::string Sha256Bytes(std::string_view s) { return Sha256(s); }

namespace {

std::optional<std::string> Decode(std::string_view in) { return PercentDecode(in); }

std::string JoinNames(std::initializer_list<std::string_view> names) {
  std::string out;
  for (std::string_view n : names) {
    if (!out.empty()) out += ", ";
    out += n;
  }
  return out.empty() ? "none" : out;
}

// Reads `n` digits at `pos` of `s` into `out`.
bool Digits(std::string_view s, size_t pos, size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}

// Days since 1970-01-01 of a proleptic Gregorian date.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2 ? 1 : 0;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

}  // namespace

Result<std::map<std::string, std::string>> ParseQuery(
    std::string_view target, std::initializer_list<std::string_view> allowed) {
  std::map<std::string, std::string> out;
  size_t q = target.find('?');
  if (q == std::string_view::npos) return out;
  std::string_view rest = target.substr(q + 1);
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view part = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (part.empty()) continue;
    size_t eq = part.find('=');
    std::optional<std::string> name = Decode(part.substr(0, eq));
    std::optional<std::string> value =
        Decode(eq == std::string_view::npos ? std::string_view() : part.substr(eq + 1));
    if (!name || !value) return Status::Invalid("the query has a malformed %-escape");
    bool known = false;
    for (std::string_view a : allowed) known = known || a == *name;
    if (!known) {
      return Status::Invalid("unknown query parameter '" + *name +
                             "' (accepted: " + JoinNames(allowed) + ")");
    }
    if (!out.emplace(*name, std::move(*value)).second) {
      return Status::Invalid("query parameter '" + *name + "' is given twice");
    }
  }
  return out;
}

Result<int64_t> ParseInstantMs(std::string_view s, std::string_view what) {
  Status bad = Status::Invalid(std::string(what) +
                               " must be a date (2024-05-01) or an ISO 8601 instant with a zone "
                               "(2024-05-01T13:00:00Z, 2024-05-01T15:00+02:00)");
  int y, mo, d;
  if (!Digits(s, 0, 4, y) || s.size() < 10 || s[4] != '-' || !Digits(s, 5, 2, mo) || s[7] != '-' ||
      !Digits(s, 8, 2, d) || mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo)) {
    return bad;
  }
  int64_t ms = DaysFromCivil(y, mo, d) * 86400000;
  if (s.size() == 10) return ms;
  int h, mi, sec = 0, frac = 0;
  if ((s[10] != 'T' && s[10] != 't') || !Digits(s, 11, 2, h) || s.size() < 16 || s[13] != ':' ||
      !Digits(s, 14, 2, mi) || h > 23 || mi > 59) {
    return bad;
  }
  size_t pos = 16;
  if (pos < s.size() && s[pos] == ':') {
    if (!Digits(s, pos + 1, 2, sec) || sec > 59) return bad;
    pos += 3;
    if (pos < s.size() && s[pos] == '.') {
      size_t start = ++pos;
      while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
      size_t n = pos - start;
      if (n == 0 || n > 9) return bad;
      int scaled = 0;
      for (size_t i = 0; i < 3; ++i) scaled = scaled * 10 + (i < n ? s[start + i] - '0' : 0);
      frac = scaled;
    }
  }
  ms += (static_cast<int64_t>(h) * 3600 + mi * 60 + sec) * 1000 + frac;
  if (pos >= s.size()) return bad;  // a zone is required: an instant, not a local time
  if ((s[pos] == 'Z' || s[pos] == 'z') && pos + 1 == s.size()) return ms;
  if (s[pos] != '+' && s[pos] != '-') return bad;
  int oh, om;
  if (s.size() != pos + 6 || !Digits(s, pos + 1, 2, oh) || s[pos + 3] != ':' ||
      !Digits(s, pos + 4, 2, om) || oh > 23 || om > 59) {
    return bad;
  }
  int64_t offset = (static_cast<int64_t>(oh) * 60 + om) * 60000;
  return s[pos] == '+' ? ms - offset : ms + offset;
}

}  // namespace metagate::governance
