#include "metagate/governance/decision_log_read.h"

#include <fcntl.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <ctime>
#include <fstream>

namespace metagate::governance {

namespace {

// A file descriptor closed on scope exit.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

bool ReadDigits(std::string_view& s, size_t n, int& out) {
  if (s.size() < n) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + n, out);
  if (ec != std::errc() || ptr != s.data() + n) return false;
  s.remove_prefix(n);
  return true;
}

bool Eat(std::string_view& s, char c) {
  if (s.empty() || s.front() != c) return false;
  s.remove_prefix(1);
  return true;
}

std::optional<std::string_view> StringMember(simdjson::dom::object obj, const char* name) {
  std::string_view v;
  if (obj[name].get_string().get(v) != simdjson::SUCCESS) return std::nullopt;
  return v;
}

bool MatchesString(simdjson::dom::object obj, const char* name,
                   const std::optional<std::string>& want) {
  if (!want) return true;
  std::optional<std::string_view> v = StringMember(obj, name);
  return v && *v == *want;
}

bool MatchesPolicy(simdjson::dom::object obj, const std::string& want) {
  simdjson::dom::array policies;
  if (obj["policies"].get_array().get(policies) == simdjson::SUCCESS) {
    for (simdjson::dom::element e : policies) {
      std::string_view id;
      if (e.get_string().get(id) == simdjson::SUCCESS && id == want) return true;
    }
  }
  std::optional<std::string_view> one = StringMember(obj, "policy");
  return one && *one == want;
}

}  // namespace

Result<int64_t> ParseIsoTime(std::string_view text) {
  std::string_view s = text;
  std::tm tm{};
  int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0, millis = 0;
  bool ok = ReadDigits(s, 4, year) && Eat(s, '-') && ReadDigits(s, 2, month) && Eat(s, '-') &&
            ReadDigits(s, 2, day);
  if (ok && !s.empty()) {
    ok = (Eat(s, 'T') || Eat(s, ' ')) && ReadDigits(s, 2, hour) && Eat(s, ':') &&
         ReadDigits(s, 2, minute);
    if (ok && !s.empty() && s.front() == ':') ok = Eat(s, ':') && ReadDigits(s, 2, second);
    if (ok && !s.empty() && s.front() == '.') ok = Eat(s, '.') && ReadDigits(s, 3, millis);
    if (ok && !s.empty()) ok = Eat(s, 'Z') && s.empty();
  }
  if (!ok || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 ||
      second > 60) {
    return Status::Invalid("'" + std::string(text) +
                           "' is not a date: use 2026-11-30 or 2026-11-30T12:00:00Z (UTC)");
  }
  tm.tm_year = year - 1900;
  tm.tm_mon = month - 1;
  tm.tm_mday = day;
  tm.tm_hour = hour;
  tm.tm_min = minute;
  tm.tm_sec = second;
  return static_cast<int64_t>(timegm(&tm)) * 1000 + millis;
}

Result<std::vector<std::string>> TailDecisionLog(const std::string& path, size_t n) {
  Fd f{::open(path.c_str(), O_RDONLY | O_CLOEXEC)};
  if (f.fd < 0) return Status::Io("cannot open " + path + ": " + std::strerror(errno));
  off_t end = ::lseek(f.fd, 0, SEEK_END);
  if (end < 0) return Status::Io("cannot read " + path + ": " + std::strerror(errno));
  // Read backwards in blocks until the text holds n newlines before the last line's.
  std::string text;
  off_t pos = end;
  constexpr off_t kBlock = 1 << 16;
  auto newlines = [&] { return static_cast<size_t>(std::count(text.begin(), text.end(), '\n')); };
  while (pos > 0 && newlines() <= n) {
    off_t start = pos > kBlock ? pos - kBlock : 0;
    std::string block(static_cast<size_t>(pos - start), '\0');
    ssize_t got = ::pread(f.fd, block.data(), block.size(), start);
    if (got != static_cast<ssize_t>(block.size())) return Status::Io("cannot read " + path);
    text.insert(0, block);
    pos = start;
  }
  std::vector<std::string> lines;
  std::string_view rest = text;
  if (rest.ends_with('\n')) rest.remove_suffix(1);
  while (lines.size() < n && !rest.empty()) {
    size_t nl = rest.rfind('\n');
    if (nl == std::string_view::npos) {
      if (pos == 0) lines.emplace_back(rest);
      break;
    }
    lines.emplace_back(rest.substr(nl + 1));
    rest = rest.substr(0, nl);
  }
  std::reverse(lines.begin(), lines.end());
  return lines;
}

Status SearchDecisionLog(const std::string& path, const DecisionQuery& query,
                         const std::function<void(std::string_view line)>& on_match,
                         int64_t* skipped) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::Io("cannot open " + path + ": " + std::strerror(errno));
  simdjson::dom::parser parser;
  std::string line;
  while (std::getline(in, line)) {
    simdjson::dom::object obj;
    if (parser.parse(line).get_object().get(obj) != simdjson::SUCCESS) {
      if (skipped != nullptr) ++*skipped;
      continue;
    }
    if (!MatchesString(obj, "kind", query.kind) ||
        !MatchesString(obj, "integration", query.integration) ||
        !MatchesString(obj, "vendor", query.vendor) || !MatchesString(obj, "event", query.event)) {
      continue;
    }
    if (query.policy && !MatchesPolicy(obj, *query.policy)) continue;
    if (query.since_ms || query.until_ms) {
      std::optional<std::string_view> ts = StringMember(obj, "ts");
      Result<int64_t> t = ts ? ParseIsoTime(*ts) : Result<int64_t>(Status::Invalid("no ts"));
      if (!t.ok()) continue;
      if (query.since_ms && *t < *query.since_ms) continue;
      if (query.until_ms && *t >= *query.until_ms) continue;
    }
    on_match(line);
  }
  if (in.bad()) return Status::Io("cannot read " + path);
  return Status::Ok();
}

}  // namespace metagate::governance
