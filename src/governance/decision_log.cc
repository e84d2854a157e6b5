#include "metagate/governance/decision_log.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

#include "decision_record.h"
#include "metagate/common/clock.h"

namespace metagate::governance {

namespace {

Status WriteAll(int fd, std::string_view data, const std::string& path) {
  while (!data.empty()) {
    ssize_t n = ::write(fd, data.data(), data.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Io("cannot write " + path + ": " + std::strerror(errno));
    data.remove_prefix(static_cast<size_t>(n));
  }
  return Status::Ok();
}

std::string SanitizeKind(std::string_view kind) {
  std::string out(kind.substr(0, 64));
  if (out.empty()) out = "_";
  for (char& c : out) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) c = '_';
  }
  return out;
}

}  // namespace

std::string DecisionLogHeadPath(const std::string& log_path) {
  constexpr std::string_view kExt = ".jsonl";
  std::string_view p = log_path;
  if (p.ends_with(kExt)) p.remove_suffix(kExt.size());
  return std::string(p) + ".head";
}

DecisionLog::DecisionLog(const DecisionLogOptions& options)
    : options_(options),
      head_path_(DecisionLogHeadPath(options.path)),
      prev_(internal::kZeroHash),
      last_checkpoint_(std::chrono::steady_clock::now()) {}

Result<std::unique_ptr<DecisionLog>> DecisionLog::Open(const DecisionLogOptions& options) {
  if (options.path.empty()) return Status::Invalid("the decision log needs a path");
  if (options.key.empty()) {
    return Status::Invalid("the decision log needs an HMAC key (audit key) for its checkpoints");
  }
  if (options.checkpoint_every == 0) {
    return Status::Invalid("checkpoint_every must be at least 1");
  }
  std::filesystem::path parent = std::filesystem::path(options.path).parent_path();
  if (!parent.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(parent, ec);
    if (ec) return Status::Io("cannot create " + parent.string() + ": " + ec.message());
  }
  std::unique_ptr<DecisionLog> log(new DecisionLog(options));
  log->fd_ = ::open(options.path.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (log->fd_ < 0) return Status::Io("cannot open " + options.path + ": " + std::strerror(errno));
  RETURN_IF_ERROR(log->Resume());
  log->thread_ = std::thread([raw = log.get()] { raw->Run(); });
  return log;
}

// Reads the existing file once, counting lines and keeping the last one, whose hash and seq
// continue the chain.
Status DecisionLog::Resume() {
  const std::string& path = options_.path;
  if (::lseek(fd_, 0, SEEK_SET) < 0) return Status::Io("cannot read " + path);
  std::string last, current;
  int64_t lines = 0;
  uint64_t since_checkpoint = 0;
  char buf[1 << 16];
  for (;;) {
    ssize_t n = ::read(fd_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return Status::Io("cannot read " + path + ": " + std::strerror(errno));
    if (n == 0) break;
    std::string_view chunk(buf, static_cast<size_t>(n));
    while (!chunk.empty()) {
      size_t nl = chunk.find('\n');
      if (nl == std::string_view::npos) {
        current.append(chunk);
        break;
      }
      current.append(chunk.substr(0, nl));
      chunk.remove_prefix(nl + 1);
      ++lines;
      Result<internal::ParsedLine> p = internal::ParseRecordLine(current);
      bool checkpoint = p.ok() && p->kind == internal::kCheckpointKind;
      since_checkpoint = checkpoint ? 0 : since_checkpoint + 1;
      last.swap(current);
      current.clear();
    }
  }
  std::string where = path + ":" + std::to_string(lines + 1);
  if (!current.empty()) {
    return Status::Invalid(where +
                           ": the last line is incomplete (no newline): the log was truncated "
                           "or edited; run `metagate audit verify` before appending");
  }
  if (lines == 0) return Status::Ok();
  where = path + ":" + std::to_string(lines);
  Result<internal::ParsedLine> p = internal::ParseRecordLine(last);
  if (!p.ok()) {
    return Status::Invalid(where + ": the last line is not a decision record (" +
                           p.status().message() + "); run `metagate audit verify`");
  }
  if (internal::Sha256Hex(p->body) != p->hash) {
    return Status::Invalid(where +
                           ": the last record's hash does not match its content; run `metagate "
                           "audit verify`");
  }
  if (p->seq != static_cast<uint64_t>(lines)) {
    return Status::Invalid(where + ": the last record has seq " + std::to_string(p->seq) +
                           " but is line " + std::to_string(lines) +
                           "; records were inserted or removed; run `metagate audit verify`");
  }
  seq_ = p->seq;
  prev_ = p->hash;
  since_checkpoint_ = since_checkpoint;
  return Status::Ok();
}

DecisionLog::~DecisionLog() { (void)Close(); }

uint64_t DecisionLog::last_seq() const {
  std::lock_guard<std::mutex> lock(mu_);
  return seq_;
}

void DecisionLog::AppendLocked(std::string_view kind, std::string_view members) {
  size_t start = buffer_.size();
  internal::AppendRecordBody(buffer_, ++seq_, internal::FormatTimestamp(UnixMillis()), kind,
                             members, prev_);
  prev_ = internal::Sha256Hex(std::string_view(buffer_).substr(start));
  internal::AppendRecordEnd(buffer_, prev_);
}

void DecisionLog::CheckpointLocked() {
  std::string mac = internal::HmacSha256Hex(options_.key, prev_);
  AppendLocked(internal::kCheckpointKind, internal::CheckpointMembers(options_.key_id, mac));
  internal::Head head{seq_, prev_, internal::HeadMac(options_.key, seq_, prev_)};
  head_text_ = internal::FormatHead(head);
  head_pending_ = true;
  since_checkpoint_ = 0;
  last_checkpoint_ = std::chrono::steady_clock::now();
}

uint64_t DecisionLog::Append(std::string_view kind, std::string_view members) {
  std::string clean;
  if (!internal::IsRecordKind(kind)) {
    clean = SanitizeKind(kind);
    kind = clean;
  }
  std::lock_guard<std::mutex> lock(mu_);
  if (closed_) return 0;
  AppendLocked(kind, members);
  uint64_t seq = seq_;
  if (++since_checkpoint_ >= options_.checkpoint_every) {
    CheckpointLocked();
    cv_.notify_one();
  }
  return seq;
}

Status DecisionLog::FlushImpl(bool sync) {
  std::lock_guard<std::mutex> io_lock(io_mu_);
  std::string data, head;
  bool head_pending;
  {
    std::lock_guard<std::mutex> lock(mu_);
    data.swap(buffer_);
    head_pending = head_pending_;
    head_pending_ = false;
    head.swap(head_text_);
  }
  if (fd_ < 0) return Status::Io("the decision log " + options_.path + " is closed");
  Status st = WriteAll(fd_, data, options_.path);
  if (st.ok() && (sync || head_pending) && ::fsync(fd_) != 0) {
    st = Status::Io("cannot fsync " + options_.path + ": " + std::strerror(errno));
  }
  // The head names a checkpoint only once the checkpoint is on disk.
  if (st.ok() && head_pending) st = internal::WriteFileDurably(head_path_, head);
  if (!st.ok()) {
    std::lock_guard<std::mutex> lock(mu_);
    if (io_error_.ok()) io_error_ = st;
  }
  return st;
}

Status DecisionLog::Flush() {
  Status st = FlushImpl(true);
  std::lock_guard<std::mutex> lock(mu_);
  Status first = io_error_;
  io_error_ = Status::Ok();
  return first.ok() ? st : first;
}

void DecisionLog::Run() {
  std::unique_lock<std::mutex> lock(mu_);
  while (!stopping_) {
    cv_.wait_for(lock, options_.flush_interval);
    if (stopping_) break;
    if (since_checkpoint_ > 0 &&
        std::chrono::steady_clock::now() - last_checkpoint_ >= options_.checkpoint_interval) {
      CheckpointLocked();
    }
    bool work = !buffer_.empty() || head_pending_;
    lock.unlock();
    if (work) (void)FlushImpl(false);
    lock.lock();
  }
}

Status DecisionLog::Close() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    if (closed_) return Status::Ok();
    closed_ = true;
    stopping_ = true;
    if (since_checkpoint_ > 0) CheckpointLocked();
  }
  cv_.notify_all();
  if (thread_.joinable()) thread_.join();
  Status st = Flush();
  std::lock_guard<std::mutex> io_lock(io_mu_);
  if (fd_ >= 0 && ::close(fd_) != 0 && st.ok()) {
    st = Status::Io("cannot close " + options_.path + ": " + std::strerror(errno));
  }
  fd_ = -1;
  return st;
}

}  // namespace metagate::governance
