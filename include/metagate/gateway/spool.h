// Spool: one vendor's durable delivery queue in the embedded SQLite store. Append returns only
// once the request is committed and fsync'd; appends that arrive while a commit is running go
// into the next one together (group commit). The delivery side hands out due entries one at a
// time (oldest first), and settles each as delivered, to retry later, or dead-lettered (kept in
// the same file). Entries survive a crash; an entry handed out but not yet settled is handed out
// again after a restart (at-least-once). Bounded: past max_bytes or max_entries, Append answers
// Unavailable so the sender retries, never dropping silently. Thread-safe.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>

#include "metagate/common/status.h"

namespace metagate::gateway {

struct SpoolLimits {
  uint64_t max_bytes = uint64_t{1} << 30;  // bodies waiting for delivery, all together
  uint64_t max_entries = 1'000'000;
};

// A request waiting for delivery, as the delivery side sees it.
struct SpoolEntry {
  int64_t id = 0;
  std::string path;  // the ingest path, appended to the vendor's upstream
  std::string body;
  uint32_t events = 0;
  uint32_t attempts = 0;  // failed attempts so far
  int64_t enqueued_unix_ms = 0;
};

struct SpoolStats {
  uint64_t entries = 0, bytes = 0, in_flight = 0, dead_letters = 0;
  int64_t oldest_unix_ms = 0;  // 0: empty
  uint64_t appended_total = 0, delivered_total = 0, retried_total = 0, dead_lettered_total = 0;
};

class Spool {
 public:
  using Clock = std::chrono::steady_clock;

  // Opens or creates the spool file and loads what it holds (all of it due at once).
  static Result<std::unique_ptr<Spool>> Open(const std::string& file, const SpoolLimits& limits);
  ~Spool();  // Close()
  Spool(const Spool&) = delete;
  Spool& operator=(const Spool&) = delete;

  // Durably stores a request to deliver. Unavailable when the spool is full or closed; Io when
  // the write failed (nothing was stored either way).
  Status Append(std::string path, std::string body, uint32_t events);
  // The same without waiting: `done` gets Append's status once the request is on disk (on the
  // spool's commit thread; keep it short) or at once when it is refused.
  void AppendAsync(std::string path, std::string body, uint32_t events,
                   std::function<void(Status)> done);

  // Blocks until an entry is due and the spool is not paused, and hands it out; nullopt once
  // StopDelivery() or Close() was called.
  std::optional<SpoolEntry> Next();
  // Settles a handed-out entry.
  void Delivered(int64_t id);
  void RetryAt(int64_t id, Clock::time_point when);
  void DeadLetter(int64_t id, std::string reason);
  // Holds every entry until `until` (a vendor that fails is not hammered by the others).
  void PauseUntil(Clock::time_point until);

  SpoolStats Stats() const;
  const std::string& file() const;

  // Wakes Next() callers with nullopt; settling still works.
  void StopDelivery();
  // StopDelivery(), then writes what is pending and closes the file. Idempotent.
  void Close();

  struct Impl;

 private:
  explicit Spool(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace metagate::gateway
