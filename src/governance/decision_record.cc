#include "decision_record.h"

#include <fcntl.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>
#include <unistd.h>

#include <cerrno>
#include <charconv>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <filesystem>

#include "metagate/common/json.h"

namespace metagate::governance::internal {

namespace {

// Consumes `token` at the front of `s`.
bool Eat(std::string_view& s, std::string_view token) {
  if (!s.starts_with(token)) return false;
  s.remove_prefix(token.size());
  return true;
}

// Consumes a run of characters up to (not including) the next '"'.
bool TakeUntilQuote(std::string_view& s, std::string_view& out) {
  size_t q = s.find('"');
  if (q == std::string_view::npos) return false;
  out = s.substr(0, q);
  s.remove_prefix(q);
  return true;
}

bool ParseUint(std::string_view digits, uint64_t& out) {
  if (digits.empty() || digits.size() > 20 || (digits.size() > 1 && digits[0] == '0')) {
    return false;
  }
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), out);
  return ec == std::errc() && ptr == digits.data() + digits.size();
}

std::string_view LeadingDigits(std::string_view s) {
  size_t n = 0;
  while (n < s.size() && s[n] >= '0' && s[n] <= '9') ++n;
  return s.substr(0, n);
}

}  // namespace

bool IsHash(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return false;
  }
  return true;
}

std::string FormatTimestamp(int64_t unix_ms) {
  std::time_t secs = static_cast<std::time_t>(unix_ms / 1000);
  int millis = static_cast<int>(unix_ms % 1000);
  std::tm tm{};
  gmtime_r(&secs, &tm);
  char buf[80];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d.%03dZ", tm.tm_year + 1900,
                tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, millis);
  return buf;
}

bool IsRecordKind(std::string_view kind) {
  if (kind.empty() || kind.size() > 64) return false;
  for (char c : kind) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

void AppendRecordBody(std::string& out, uint64_t seq, std::string_view ts, std::string_view kind,
                      std::string_view members, std::string_view prev) {
  out += R"({"seq":)";
  out += std::to_string(seq);
  out += R"(,"ts":")";
  out += ts;
  out += R"(","kind":")";
  out += kind;
  out += '"';
  if (!members.empty()) {
    out += ',';
    out += members;
  }
  out += R"(,"prev":")";
  out += prev;
  out += '"';
}

void AppendRecordEnd(std::string& out, std::string_view hash) {
  out += R"(,"hash":")";
  out += hash;
  out += "\"}\n";
}

Result<ParsedLine> ParseRecordLine(std::string_view line) {
  ParsedLine p;
  constexpr std::string_view kHashKey = R"(,"hash":")";
  constexpr std::string_view kPrevKey = R"(,"prev":")";
  constexpr size_t kTail = kHashKey.size() + 64 + 2;  // ,"hash":"<64>"}
  constexpr size_t kPrevTail = kPrevKey.size() + 64 + 1;
  if (line.size() < kTail + kPrevTail || !line.ends_with("\"}") ||
      line.substr(line.size() - kTail, kHashKey.size()) != kHashKey) {
    return Status::Invalid("it does not end with the \"hash\" member");
  }
  p.hash = line.substr(line.size() - kTail + kHashKey.size(), 64);
  p.body = line.substr(0, line.size() - kTail);
  if (!IsHash(p.hash)) return Status::Invalid("its \"hash\" is not 64 lowercase hex digits");
  if (p.body.substr(p.body.size() - kPrevTail, kPrevKey.size()) != kPrevKey ||
      p.body.back() != '"') {
    return Status::Invalid("the \"prev\" member does not precede \"hash\"");
  }
  p.prev = p.body.substr(p.body.size() - 65, 64);
  if (!IsHash(p.prev)) return Status::Invalid("its \"prev\" is not 64 lowercase hex digits");

  std::string_view s = p.body.substr(0, p.body.size() - kPrevTail);
  if (!Eat(s, R"({"seq":)")) return Status::Invalid("it does not start with {\"seq\":");
  std::string_view digits = LeadingDigits(s);
  if (!ParseUint(digits, p.seq) || p.seq == 0) {
    return Status::Invalid("its \"seq\" is not a positive integer");
  }
  s.remove_prefix(digits.size());
  if (!Eat(s, R"(,"ts":")") || !TakeUntilQuote(s, p.ts) || !Eat(s, "\"")) {
    return Status::Invalid("its \"ts\" member is malformed");
  }
  if (!Eat(s, R"(,"kind":")") || !TakeUntilQuote(s, p.kind) || !Eat(s, "\"") ||
      !IsRecordKind(p.kind)) {
    return Status::Invalid("its \"kind\" member is malformed");
  }
  if (!s.empty() && !Eat(s, ",")) return Status::Invalid("its members are malformed");
  p.members = s;
  return p;
}

std::string CheckpointMembers(std::string_view key_id, std::string_view mac) {
  std::string out = R"("key_id":)";
  json::AppendQuoted(out, key_id);
  out += R"(,"mac":")";
  out += mac;
  out += '"';
  return out;
}

Result<std::string_view> CheckpointMac(std::string_view members) {
  constexpr std::string_view kMacKey = R"(,"mac":")";
  if (!members.starts_with(R"("key_id":")") || members.size() < kMacKey.size() + 65 ||
      !members.ends_with('"')) {
    return Status::Invalid("checkpoint members are malformed");
  }
  std::string_view tail = members.substr(members.size() - kMacKey.size() - 65);
  if (!tail.starts_with(kMacKey)) return Status::Invalid("checkpoint has no \"mac\"");
  std::string_view mac = tail.substr(kMacKey.size(), 64);
  if (!IsHash(mac)) return Status::Invalid("checkpoint \"mac\" is not 64 lowercase hex digits");
  return mac;
}

std::string HeadMac(std::string_view key, uint64_t seq, std::string_view hash) {
  std::string message = std::to_string(seq);
  message += ':';
  message += hash;
  return HmacSha256Hex(key, message);
}

std::string FormatHead(const Head& head) {
  std::string out = R"({"seq":)" + std::to_string(head.seq) + R"(,"hash":")" + head.hash +
                    R"(","mac":")" + head.mac + "\"}\n";
  return out;
}

Result<Head> ParseHead(std::string_view text) {
  Head head;
  std::string_view s = text;
  std::string_view hash, mac;
  if (s.ends_with('\n')) s.remove_suffix(1);
  if (!Eat(s, R"({"seq":)")) return Status::Invalid("it does not start with {\"seq\":");
  std::string_view digits = LeadingDigits(s);
  if (!ParseUint(digits, head.seq)) return Status::Invalid("its \"seq\" is not an integer");
  s.remove_prefix(digits.size());
  if (!Eat(s, R"(,"hash":")") || !TakeUntilQuote(s, hash) || !IsHash(hash) ||
      !Eat(s, R"(","mac":")") || !TakeUntilQuote(s, mac) || !IsHash(mac) || s != "\"}") {
    return Status::Invalid("it is not {\"seq\":N,\"hash\":\"<64 hex>\",\"mac\":\"<64 hex>\"}");
  }
  head.hash = hash;
  head.mac = mac;
  return head;
}

Status WriteFileDurably(const std::string& path, std::string_view contents) {
  std::string tmp = path + ".tmp";
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0) return Status::Io("cannot write " + tmp + ": " + std::strerror(errno));
  size_t done = 0;
  while (done < contents.size()) {
    ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return Status::Io("cannot write " + tmp + ": " + std::strerror(err));
    }
    done += static_cast<size_t>(n);
  }
  if (::fsync(fd) != 0) {
    int err = errno;
    ::close(fd);
    return Status::Io("cannot fsync " + tmp + ": " + std::strerror(err));
  }
  ::close(fd);
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    return Status::Io("cannot rename " + tmp + " to " + path + ": " + std::strerror(errno));
  }
  std::string dir = std::filesystem::path(path).parent_path().string();
  int dfd = ::open(dir.empty() ? "." : dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd >= 0) {
    ::fsync(dfd);
    ::close(dfd);
  }
  return Status::Ok();
}

}  // namespace metagate::governance::internal
