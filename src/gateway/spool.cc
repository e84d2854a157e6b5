#include "metagate/gateway/spool.h"

#include <sys/stat.h>

#include <condition_variable>
#include <cstdio>
#include <functional>
#include <future>
#include <map>
#include <mutex>
#include <set>
#include <thread>
#include <vector>

#include "metagate/common/clock.h"
#include "metagate/store/sqlite.h"

namespace metagate::gateway {

namespace {

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS spool(
  id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL, body BLOB NOT NULL,
  events INTEGER NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, enqueued_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS dead_letters(
  id INTEGER PRIMARY KEY, path TEXT NOT NULL, body BLOB NOT NULL, events INTEGER NOT NULL,
  attempts INTEGER NOT NULL, enqueued_ms INTEGER NOT NULL, dead_ms INTEGER NOT NULL,
  reason TEXT NOT NULL);
)";

}  // namespace

struct Spool::Impl {
  std::string file;
  SpoolLimits limits;
  std::unique_ptr<store::SqliteDb> writer;  // the committer thread's
  std::unique_ptr<store::SqliteDb> reader;  // Next()'s, under reader_mu
  store::SqliteStatement read_body;
  std::mutex reader_mu;

  // A request on its way to disk, and whom to tell once it is there.
  struct Pending {
    std::string path, body;
    uint32_t events = 0;
    int64_t enqueued_ms = 0;
    std::function<void(Status)> done;
  };
  struct Op {
    enum Kind : uint8_t { kAppend, kDelete, kAttempt, kDead } kind;
    int64_t id = 0;
    std::unique_ptr<Pending> append;
    uint32_t attempts = 0;
    std::string reason;
  };
  struct Item {
    std::string path;
    uint64_t bytes = 0;
    uint32_t events = 0;
    uint32_t attempts = 0;
    int64_t enqueued_ms = 0;
    bool in_flight = false;
  };

  mutable std::mutex mu;
  std::condition_variable commit_cv;  // the committer waits for ops
  std::condition_variable ready_cv;   // Next() waits for a due entry
  std::vector<Op> ops;
  std::map<int64_t, Item> items;  // every entry in the spool table, by id (= arrival order)
  std::set<int64_t> ready;        // due and not handed out
  std::multimap<Clock::time_point, int64_t> delayed;
  Clock::time_point paused_until{};
  uint64_t bytes = 0, reserved_bytes = 0, reserved_entries = 0, in_flight = 0, dead_letters = 0;
  uint64_t appended_total = 0, delivered_total = 0, retried_total = 0, dead_lettered_total = 0;
  bool delivery_stopped = false, closing = false, closed = false;
  std::thread committer;

  void CommitLoop();
  Status Apply(std::vector<Op>& batch, store::SqliteStatement& insert, store::SqliteStatement& del,
               store::SqliteStatement& attempt, store::SqliteStatement& dead);
  // Under mu: takes a handed-out entry out of memory.
  Item* Settle(int64_t id) {
    auto it = items.find(id);
    if (it == items.end() || !it->second.in_flight) return nullptr;
    it->second.in_flight = false;
    --in_flight;
    return &it->second;
  }
  void Enqueue(Op op) {
    ops.push_back(std::move(op));
    commit_cv.notify_one();
  }
};

Status Spool::Impl::Apply(std::vector<Op>& batch, store::SqliteStatement& insert,
                          store::SqliteStatement& del, store::SqliteStatement& attempt,
                          store::SqliteStatement& dead) {
  RETURN_IF_ERROR(writer->Exec("BEGIN IMMEDIATE"));
  Status s;
  for (Op& op : batch) {
    switch (op.kind) {
      case Op::kAppend:
        insert.BindText(1, op.append->path)
            .BindBlob(2, op.append->body)
            .Bind(3, op.append->events)
            .Bind(4, op.append->enqueued_ms);
        s = insert.Run();
        op.id = writer->LastInsertId();
        break;
      case Op::kDelete:
        s = del.Bind(1, op.id).Run();
        break;
      case Op::kAttempt:
        s = attempt.Bind(1, op.id).Bind(2, op.attempts).Run();
        break;
      case Op::kDead:
        s = dead.Bind(1, op.id)
                .Bind(2, op.attempts)
                .Bind(3, UnixMillis())
                .BindText(4, op.reason)
                .Run();
        if (s.ok()) s = del.Bind(1, op.id).Run();
        break;
    }
    if (!s.ok()) break;
  }
  if (s.ok()) s = writer->Exec("COMMIT");  // synchronous=FULL: fsync'd when this returns
  if (!s.ok()) (void)writer->Exec("ROLLBACK");
  return s;
}

void Spool::Impl::CommitLoop() {
  auto prepare = [&](const char* sql) {
    Result<store::SqliteStatement> st = writer->Prepare(sql);
    if (!st.ok()) {
      std::fprintf(stderr, "metagate: %s\n", st.status().ToString().c_str());
      return store::SqliteStatement();
    }
    return std::move(*st);
  };
  store::SqliteStatement insert =
      prepare("INSERT INTO spool(path, body, events, enqueued_ms) VALUES(?1, ?2, ?3, ?4)");
  store::SqliteStatement del = prepare("DELETE FROM spool WHERE id = ?1");
  store::SqliteStatement attempt = prepare("UPDATE spool SET attempts = ?2 WHERE id = ?1");
  store::SqliteStatement dead = prepare(
      "INSERT OR REPLACE INTO dead_letters(id, path, body, events, attempts, enqueued_ms, dead_ms, "
      "reason) SELECT id, path, body, events, ?2, enqueued_ms, ?3, ?4 FROM spool WHERE id = ?1");
  std::vector<Op> batch;
  for (;;) {
    {
      std::unique_lock lk(mu);
      commit_cv.wait(lk, [&] { return !ops.empty() || closing; });
      if (ops.empty()) break;
      batch.swap(ops);
    }
    // Everything that arrived while the previous commit ran goes into this one transaction.
    Status s = Apply(batch, insert, del, attempt, dead);
    if (!s.ok()) {
      std::fprintf(stderr, "metagate: the spool could not be written: %s\n", s.ToString().c_str());
    }
    {
      std::lock_guard lk(mu);
      for (Op& op : batch) {
        if (op.kind != Op::kAppend) continue;  // (appends are told below, outside the lock)
        uint64_t size = op.append->body.size();
        reserved_bytes -= size;
        --reserved_entries;
        if (!s.ok()) continue;
        items.emplace(op.id, Item{op.append->path, size, op.append->events, 0,
                                  op.append->enqueued_ms, false});
        ready.insert(op.id);
        bytes += size;
        ++appended_total;
      }
    }
    ready_cv.notify_all();
    for (Op& op : batch) {
      if (op.kind == Op::kAppend) {
        op.append->done(s.ok()
                            ? Status::Ok()
                            : Status::Io("the spool could not be written (" + s.message() + ")"));
      }
    }
    batch.clear();
  }
}

Spool::Spool(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Spool::~Spool() { Close(); }

Result<std::unique_ptr<Spool>> Spool::Open(const std::string& file, const SpoolLimits& limits) {
  auto impl = std::make_unique<Impl>();
  impl->file = file;
  impl->limits = limits;
  ASSIGN_OR_RETURN(impl->writer, store::SqliteDb::Open(file));
  ::chmod(file.c_str(), 0600);  // the WAL and shared-memory files take the same mode
  RETURN_IF_ERROR(impl->writer->Exec(kSchema));
  {
    ASSIGN_OR_RETURN(store::SqliteStatement load,
                     impl->writer->Prepare("SELECT id, path, length(body), events, attempts, "
                                           "enqueued_ms FROM spool ORDER BY id"));
    for (;;) {
      ASSIGN_OR_RETURN(bool row, load.Step());
      if (!row) break;
      Impl::Item item{std::string(load.Text(1)),
                      static_cast<uint64_t>(load.Int(2)),
                      static_cast<uint32_t>(load.Int(3)),
                      static_cast<uint32_t>(load.Int(4)),
                      load.Int(5),
                      false};
      impl->bytes += item.bytes;
      impl->ready.insert(load.Int(0));
      impl->items.emplace(load.Int(0), std::move(item));
    }
    ASSIGN_OR_RETURN(store::SqliteStatement count,
                     impl->writer->Prepare("SELECT count(*) FROM dead_letters"));
    ASSIGN_OR_RETURN(bool row, count.Step());
    if (row) impl->dead_letters = static_cast<uint64_t>(count.Int(0));
  }
  ASSIGN_OR_RETURN(impl->reader, store::SqliteDb::Open(file));
  ASSIGN_OR_RETURN(impl->read_body, impl->reader->Prepare("SELECT body FROM spool WHERE id = ?1"));
  Impl* raw = impl.get();
  impl->committer = std::thread([raw] { raw->CommitLoop(); });
  return std::unique_ptr<Spool>(new Spool(std::move(impl)));
}

Status Spool::Append(std::string path, std::string body, uint32_t events) {
  std::promise<Status> promise;
  std::future<Status> done = promise.get_future();
  AppendAsync(std::move(path), std::move(body), events,
              [&promise](Status s) { promise.set_value(std::move(s)); });
  return done.get();
}

void Spool::AppendAsync(std::string path, std::string body, uint32_t events,
                        std::function<void(Status)> done) {
  Impl& d = *impl_;
  auto pending = std::make_unique<Impl::Pending>(
      Impl::Pending{std::move(path), std::move(body), events, UnixMillis(), std::move(done)});
  Status refused;
  {
    std::lock_guard lk(d.mu);
    uint64_t size = pending->body.size();
    if (d.closing) {
      refused = Status::Unavailable("the gateway is stopping");
    } else if (d.bytes + d.reserved_bytes + size > d.limits.max_bytes ||
               d.items.size() + d.reserved_entries + 1 > d.limits.max_entries) {
      refused = Status::Unavailable("the spool is full (" + std::to_string(d.items.size()) +
                                    " requests, " + std::to_string(d.bytes) +
                                    " bytes waiting for delivery)");
    } else {
      d.reserved_bytes += size;
      ++d.reserved_entries;
      d.Enqueue({Impl::Op::kAppend, 0, std::move(pending), 0, {}});
      return;
    }
  }
  pending->done(std::move(refused));  // outside the lock
}

std::optional<SpoolEntry> Spool::Next() {
  Impl& d = *impl_;
  for (;;) {
    SpoolEntry e;
    {
      std::unique_lock lk(d.mu);
      for (;;) {
        if (d.delivery_stopped) return std::nullopt;
        Clock::time_point now = Clock::now();
        while (!d.delayed.empty() && d.delayed.begin()->first <= now) {
          d.ready.insert(d.delayed.begin()->second);
          d.delayed.erase(d.delayed.begin());
        }
        if (d.paused_until > now) {
          d.ready_cv.wait_until(lk, d.paused_until);
        } else if (!d.ready.empty()) {
          break;
        } else if (!d.delayed.empty()) {
          d.ready_cv.wait_until(lk, d.delayed.begin()->first);
        } else {
          d.ready_cv.wait(lk);
        }
      }
      e.id = *d.ready.begin();
      d.ready.erase(d.ready.begin());
      Impl::Item& item = d.items[e.id];
      item.in_flight = true;
      ++d.in_flight;
      e.path = item.path;
      e.events = item.events;
      e.attempts = item.attempts;
      e.enqueued_unix_ms = item.enqueued_ms;
    }
    bool found = false;
    {
      std::lock_guard lk(d.reader_mu);
      Result<bool> row = d.read_body.Bind(1, e.id).Step();
      if (row.ok() && *row) {
        e.body = std::string(d.read_body.Blob(0));
        found = true;
      }
      d.read_body.Reset();
      if (!row.ok()) {
        std::fprintf(stderr, "metagate: %s\n", row.status().ToString().c_str());
        RetryAt(e.id, Clock::now() + std::chrono::seconds(1));
        continue;
      }
    }
    if (found) return e;
    // Committed rows are read only after their commit; a missing one was settled elsewhere.
    std::lock_guard lk(d.mu);
    if (Impl::Item* item = d.Settle(e.id)) {
      d.bytes -= item->bytes;
      d.items.erase(e.id);
    }
  }
}

void Spool::Delivered(int64_t id) {
  Impl& d = *impl_;
  std::lock_guard lk(d.mu);
  Impl::Item* item = d.Settle(id);
  if (item == nullptr) return;
  d.bytes -= item->bytes;
  d.items.erase(id);
  ++d.delivered_total;
  d.Enqueue({Impl::Op::kDelete, id, nullptr, 0, {}});
}

void Spool::RetryAt(int64_t id, Clock::time_point when) {
  Impl& d = *impl_;
  {
    std::lock_guard lk(d.mu);
    Impl::Item* item = d.Settle(id);
    if (item == nullptr) return;
    ++item->attempts;
    ++d.retried_total;
    d.delayed.emplace(when, id);
    d.Enqueue({Impl::Op::kAttempt, id, nullptr, item->attempts, {}});
  }
  d.ready_cv.notify_all();
}

void Spool::DeadLetter(int64_t id, std::string reason) {
  Impl& d = *impl_;
  std::lock_guard lk(d.mu);
  Impl::Item* item = d.Settle(id);
  if (item == nullptr) return;
  uint32_t attempts = item->attempts + 1;
  d.bytes -= item->bytes;
  d.items.erase(id);
  ++d.dead_letters;
  ++d.dead_lettered_total;
  d.Enqueue({Impl::Op::kDead, id, nullptr, attempts, std::move(reason)});
}

void Spool::PauseUntil(Clock::time_point until) {
  Impl& d = *impl_;
  std::lock_guard lk(d.mu);
  if (until > d.paused_until) d.paused_until = until;
}

SpoolStats Spool::Stats() const {
  const Impl& d = *impl_;
  std::lock_guard lk(d.mu);
  SpoolStats s;
  s.entries = d.items.size();
  s.bytes = d.bytes;
  s.in_flight = d.in_flight;
  s.dead_letters = d.dead_letters;
  s.oldest_unix_ms = d.items.empty() ? 0 : d.items.begin()->second.enqueued_ms;
  s.appended_total = d.appended_total;
  s.delivered_total = d.delivered_total;
  s.retried_total = d.retried_total;
  s.dead_lettered_total = d.dead_lettered_total;
  return s;
}

const std::string& Spool::file() const { return impl_->file; }

void Spool::StopDelivery() {
  Impl& d = *impl_;
  {
    std::lock_guard lk(d.mu);
    d.delivery_stopped = true;
  }
  d.ready_cv.notify_all();
}

void Spool::Close() {
  Impl& d = *impl_;
  StopDelivery();
  {
    std::lock_guard lk(d.mu);
    if (d.closed) return;
    d.closed = true;
    d.closing = true;
  }
  d.commit_cv.notify_all();
  if (d.committer.joinable()) d.committer.join();
}

}  // namespace metagate::gateway
