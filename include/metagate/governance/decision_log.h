// DecisionLog: the governance decision log, append-only and hash-chained (JSON Lines, each record
// carrying the SHA-256 of the previous one), with checkpoints signed by an HMAC key and a head
// file naming the last checkpoint. Thread-safe. The log never adds a value to what callers give.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>

#include "metagate/common/status.h"

namespace metagate::governance {

struct DecisionLogOptions {
  std::string path;  // DATA_DIR/audit/decisions.jsonl; its folder is created when missing
  std::string key;   // HMAC key of the checkpoints and the head file; must not be empty
  std::string key_id = "k1";
  uint64_t checkpoint_every = 1000;                      // records between checkpoints
  std::chrono::milliseconds checkpoint_interval{60000};  // and at least this often when busy
  std::chrono::milliseconds flush_interval{1000};        // background write of buffered records
};

// Returns the head file beside `log_path`: "x/decisions.jsonl" -> "x/decisions.head".
std::string DecisionLogHeadPath(const std::string& log_path);

class DecisionLog {
 public:
  // Opens or creates the log. An existing log is continued: its last line is read back and
  // checked (shape, hash) so the chain goes on; a damaged tail is an error naming the line, to
  // be examined with `metagate audit verify`.
  static Result<std::unique_ptr<DecisionLog>> Open(const DecisionLogOptions& options);

  ~DecisionLog();  // calls Close()
  DecisionLog(const DecisionLog&) = delete;
  DecisionLog& operator=(const DecisionLog&) = delete;

  // Appends one record and returns its seq. `kind` is 1-64 characters of [a-z0-9_.-] (others
  // are replaced by '_'), e.g. "block", "quarantine", "transform", "approval", "admin",
  // "policy_change". `members` is empty or the text of JSON object members without braces,
  // e.g. R"("integration":"web","vendor":"v","event":"E","policies":["p1"])"; the caller makes
  // sure it holds no raw value. Formats and hashes under a mutex; the write happens on the
  // background thread. May add a checkpoint record after it. Returns 0 after Close().
  uint64_t Append(std::string_view kind, std::string_view members);

  // Writes every buffered record and fsyncs the file now. Returns the first I/O error the
  // background writer met since the last call, if any.
  Status Flush();

  // Appends a checkpoint when records came since the last one, flushes, fsyncs, updates the
  // head file and stops the background thread. Idempotent; the second call returns OK.
  Status Close();

  // The seq of the last record appended (0 for an empty log).
  uint64_t last_seq() const;

 private:
  explicit DecisionLog(const DecisionLogOptions& options);
  Status Resume();
  void AppendLocked(std::string_view kind, std::string_view members);
  void CheckpointLocked();
  Status FlushImpl(bool sync);
  void Run();

  DecisionLogOptions options_;
  std::string head_path_;
  int fd_ = -1;

  mutable std::mutex mu_;  // guards everything below
  std::condition_variable cv_;
  uint64_t seq_ = 0;
  std::string prev_;
  std::string buffer_;  // formatted lines not yet written
  uint64_t since_checkpoint_ = 0;
  std::chrono::steady_clock::time_point last_checkpoint_;
  bool head_pending_ = false;  // a checkpoint in buffer_ whose head file is not written yet
  std::string head_text_;
  bool stopping_ = false;
  bool closed_ = false;
  Status io_error_;

  std::mutex io_mu_;  // serializes writes, fsyncs and head updates; taken before mu_
  std::thread thread_;
};

}  // namespace metagate::governance
