// GovernanceStore over SQLite: the flows, approvals and held tables of DATA_DIR/governance.db.
#include "metagate/governance/governance_store.h"

#include <sys/stat.h>

#include <algorithm>
#include <filesystem>

#include "metagate/store/sqlite.h"

namespace metagate::governance {

namespace {

constexpr const char* kSchema = R"(
CREATE TABLE IF NOT EXISTS flows(
  integration TEXT NOT NULL, vendor TEXT NOT NULL, event TEXT NOT NULL, field TEXT NOT NULL,
  classes TEXT NOT NULL, form TEXT NOT NULL, decision TEXT NOT NULL,
  count INTEGER NOT NULL, first_seen INTEGER NOT NULL, last_seen INTEGER NOT NULL,
  PRIMARY KEY(integration, vendor, event, field, classes, form, decision));
CREATE TABLE IF NOT EXISTS approvals(
  id INTEGER PRIMARY KEY AUTOINCREMENT, kind TEXT NOT NULL, integration TEXT NOT NULL,
  event TEXT NOT NULL, path TEXT NOT NULL, vendors TEXT NOT NULL, classes TEXT NOT NULL,
  example TEXT NOT NULL, count INTEGER NOT NULL, first_seen INTEGER NOT NULL,
  last_seen INTEGER NOT NULL, status TEXT NOT NULL DEFAULT 'pending',
  decided_classes TEXT NOT NULL DEFAULT '', decided_by TEXT NOT NULL DEFAULT '',
  decided_at INTEGER NOT NULL DEFAULT 0, logged INTEGER NOT NULL DEFAULT 0,
  UNIQUE(kind, integration, event, path));
CREATE TABLE IF NOT EXISTS held(
  id INTEGER PRIMARY KEY AUTOINCREMENT, integration TEXT NOT NULL, vendor TEXT NOT NULL,
  ingest_path TEXT NOT NULL, waits_on TEXT NOT NULL, events INTEGER NOT NULL,
  sealed BLOB NOT NULL, held_at INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
INSERT OR IGNORE INTO meta VALUES('decisions_version', 0);
)";

std::string Join(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) {
    if (!out.empty()) out.push_back(',');
    out += s;
  }
  return out;
}

std::vector<std::string> Split(std::string_view text) {
  std::vector<std::string> out;
  while (!text.empty()) {
    size_t comma = text.find(',');
    out.emplace_back(text.substr(0, comma));
    if (comma == std::string_view::npos) break;
    text.remove_prefix(comma + 1);
  }
  return out;
}

std::string JoinIds(const std::vector<int64_t>& ids) {
  std::string out;
  for (int64_t id : ids) {
    if (!out.empty()) out.push_back(',');
    out += std::to_string(id);
  }
  return out;
}

constexpr const char* kApprovalColumns =
    "id, kind, integration, event, path, vendors, classes, example, count, first_seen, "
    "last_seen, status, decided_classes, decided_by, decided_at";

Approval ReadApproval(const store::SqliteStatement& s) {
  Approval a;
  a.id = s.Int(0);
  a.kind = s.Text(1);
  a.integration = s.Text(2);
  a.event = s.Text(3);
  a.path = s.Text(4);
  a.vendors = Split(s.Text(5));
  a.classes = Split(s.Text(6));
  a.example = s.Text(7);
  a.count = static_cast<uint64_t>(s.Int(8));
  a.first_seen_ms = s.Int(9);
  a.last_seen_ms = s.Int(10);
  a.status = s.Text(11);
  a.decided_classes = Split(s.Text(12));
  a.decided_by = s.Text(13);
  a.decided_ms = s.Int(14);
  return a;
}

HeldEvents ReadHeld(const store::SqliteStatement& s) {
  HeldEvents h;
  h.id = s.Int(0);
  h.integration = s.Text(1);
  h.vendor = s.Text(2);
  h.ingest_path = s.Text(3);
  for (const std::string& id : Split(s.Text(4))) h.waits_on.push_back(std::stoll(id));
  h.events = s.Int(5);
  h.sealed = s.Blob(6);
  h.held_ms = s.Int(7);
  return h;
}

// Runs `body` inside one transaction; rolls back when it fails.
template <typename F>
Status InTransaction(store::SqliteDb& db, F&& body) {
  RETURN_IF_ERROR(db.Exec("BEGIN IMMEDIATE"));
  Status s = body();
  if (!s.ok()) {
    (void)db.Exec("ROLLBACK");
    return s;
  }
  return db.Exec("COMMIT");
}

}  // namespace

GovernanceStore::~GovernanceStore() = default;

const std::string& GovernanceStore::file() const { return db_->file(); }

Result<std::unique_ptr<GovernanceStore>> GovernanceStore::Open(const std::string& data_dir) {
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  if (ec) return Status::Io("cannot create the data folder " + data_dir + ": " + ec.message());
  ::chmod(data_dir.c_str(), 0700);
  std::unique_ptr<GovernanceStore> out(new GovernanceStore());
  ASSIGN_OR_RETURN(out->db_, store::SqliteDb::Open(
                                 (std::filesystem::path(data_dir) / "governance.db").string()));
  RETURN_IF_ERROR(out->db_->Exec(kSchema));
  return out;
}

Status GovernanceStore::AddFlows(const std::vector<FlowRow>& deltas) {
  if (deltas.empty()) return Status::Ok();
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement up,
                   db_->Prepare("INSERT INTO flows VALUES(?,?,?,?,?,?,?,?,?,?) "
                                "ON CONFLICT DO UPDATE SET count = count + excluded.count, "
                                "first_seen = min(first_seen, excluded.first_seen), "
                                "last_seen = max(last_seen, excluded.last_seen)"));
  return InTransaction(*db_, [&]() -> Status {
    for (const FlowRow& r : deltas) {
      up.BindText(1, r.integration)
          .BindText(2, r.vendor)
          .BindText(3, r.event)
          .BindText(4, r.field)
          .BindText(5, r.classes)
          .BindText(6, r.form)
          .BindText(7, r.decision)
          .Bind(8, static_cast<int64_t>(r.count))
          .Bind(9, r.first_seen_ms)
          .Bind(10, r.last_seen_ms);
      RETURN_IF_ERROR(up.Run());
    }
    return Status::Ok();
  });
}

Result<std::vector<FlowRow>> GovernanceStore::Flows(std::optional<int64_t> since_ms) {
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement q,
                   db_->Prepare("SELECT integration, vendor, event, field, classes, form, "
                                "decision, count, first_seen, last_seen FROM flows "
                                "WHERE last_seen >= ? ORDER BY integration, vendor, event, "
                                "field, classes, form, decision"));
  q.Bind(1, since_ms.value_or(INT64_MIN));
  std::vector<FlowRow> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    FlowRow r;
    r.integration = q.Text(0);
    r.vendor = q.Text(1);
    r.event = q.Text(2);
    r.field = q.Text(3);
    r.classes = q.Text(4);
    r.form = q.Text(5);
    r.decision = q.Text(6);
    r.count = static_cast<uint64_t>(q.Int(7));
    r.first_seen_ms = q.Int(8);
    r.last_seen_ms = q.Int(9);
    out.push_back(std::move(r));
  }
  return out;
}

Result<std::vector<int64_t>> GovernanceStore::NoteApprovals(
    const std::vector<ApprovalSighting>& sightings, std::vector<bool>* created) {
  if (created != nullptr) created->clear();
  std::vector<int64_t> ids;
  if (sightings.empty()) return ids;
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement find,
                   db_->Prepare("SELECT id, vendors FROM approvals WHERE kind = ? AND "
                                "integration = ? AND event = ? AND path = ?"));
  ASSIGN_OR_RETURN(store::SqliteStatement add,
                   db_->Prepare("INSERT INTO approvals(kind, integration, event, path, vendors, "
                                "classes, example, count, first_seen, last_seen) "
                                "VALUES(?,?,?,?,?,?,?,?,?,?)"));
  ASSIGN_OR_RETURN(store::SqliteStatement update,
                   db_->Prepare("UPDATE approvals SET count = count + ?, vendors = ?, "
                                "first_seen = min(first_seen, ?), last_seen = max(last_seen, ?) "
                                "WHERE id = ?"));
  Status s = InTransaction(*db_, [&]() -> Status {
    for (const ApprovalSighting& a : sightings) {
      find.BindText(1, a.kind).BindText(2, a.integration).BindText(3, a.event).BindText(4, a.path);
      ASSIGN_OR_RETURN(bool found, find.Step());
      if (found) {
        int64_t id = find.Int(0);
        std::vector<std::string> vendors = Split(find.Text(1));
        find.Reset();
        if (std::find(vendors.begin(), vendors.end(), a.vendor) == vendors.end()) {
          vendors.push_back(a.vendor);
          std::sort(vendors.begin(), vendors.end());
        }
        std::string joined = Join(vendors);
        update.Bind(1, static_cast<int64_t>(a.count))
            .BindText(2, joined)
            .Bind(3, a.first_seen_ms)
            .Bind(4, a.last_seen_ms)
            .Bind(5, id);
        RETURN_IF_ERROR(update.Run());
        ids.push_back(id);
        if (created != nullptr) created->push_back(false);
        continue;
      }
      find.Reset();
      std::string classes = Join(a.classes);
      add.BindText(1, a.kind)
          .BindText(2, a.integration)
          .BindText(3, a.event)
          .BindText(4, a.path)
          .BindText(5, a.vendor)
          .BindText(6, classes)
          .BindText(7, a.example)
          .Bind(8, static_cast<int64_t>(a.count))
          .Bind(9, a.first_seen_ms)
          .Bind(10, a.last_seen_ms);
      RETURN_IF_ERROR(add.Run());
      ids.push_back(db_->LastInsertId());
      if (created != nullptr) created->push_back(true);
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return ids;
}

Result<std::optional<int64_t>> GovernanceStore::FindApproval(std::string_view kind,
                                                             std::string_view integration,
                                                             std::string_view event,
                                                             std::string_view path) {
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement find,
                   db_->Prepare("SELECT id FROM approvals WHERE kind = ? AND integration = ? AND "
                                "event = ? AND path = ?"));
  find.BindText(1, kind).BindText(2, integration).BindText(3, event).BindText(4, path);
  ASSIGN_OR_RETURN(bool found, find.Step());
  if (!found) return std::optional<int64_t>();
  return std::optional<int64_t>(find.Int(0));
}

Result<std::vector<Approval>> GovernanceStore::Approvals(std::string_view status) {
  if (status != "pending" && status != "approved" && status != "denied" && status != "all") {
    return Status::Invalid("unknown approval status '" + std::string(status) +
                           "' (use pending, approved, denied or all)");
  }
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement q,
                   db_->Prepare(std::string("SELECT ") + kApprovalColumns +
                                " FROM approvals WHERE ? = 'all' OR status = ? ORDER BY id"));
  q.BindText(1, status).BindText(2, status);
  std::vector<Approval> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(ReadApproval(q));
  }
  return out;
}

Result<Approval> GovernanceStore::GetApproval(int64_t id) {
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(
      store::SqliteStatement q,
      db_->Prepare(std::string("SELECT ") + kApprovalColumns + " FROM approvals WHERE id = ?"));
  q.Bind(1, id);
  ASSIGN_OR_RETURN(bool row, q.Step());
  if (!row) return Status::NotFound("no approval with id " + std::to_string(id));
  return ReadApproval(q);
}

Result<Approval> GovernanceStore::Decide(int64_t id, bool approve,
                                         const std::vector<std::string>& classes,
                                         std::string_view by, int64_t now_ms) {
  {
    std::lock_guard lk(mu_);
    ASSIGN_OR_RETURN(store::SqliteStatement q,
                     db_->Prepare("UPDATE approvals SET status = ?, decided_classes = ?, "
                                  "decided_by = ?, decided_at = ? WHERE id = ? AND "
                                  "status = 'pending'"));
    ASSIGN_OR_RETURN(store::SqliteStatement bump,
                     db_->Prepare("UPDATE meta SET value = value + 1 WHERE key = "
                                  "'decisions_version'"));
    ASSIGN_OR_RETURN(store::SqliteStatement exists,
                     db_->Prepare("SELECT status FROM approvals WHERE id = ?"));
    std::string joined = Join(classes);
    Status s = InTransaction(*db_, [&]() -> Status {
      exists.Bind(1, id);
      ASSIGN_OR_RETURN(bool row, exists.Step());
      if (!row) return Status::NotFound("no approval with id " + std::to_string(id));
      if (exists.Text(0) != "pending") {
        return Status(StatusCode::kConflict, "approval " + std::to_string(id) + " was already " +
                                                 std::string(exists.Text(0)));
      }
      exists.Reset();
      q.BindText(1, approve ? "approved" : "denied")
          .BindText(2, joined)
          .BindText(3, by)
          .Bind(4, now_ms)
          .Bind(5, id);
      RETURN_IF_ERROR(q.Run());
      return bump.Run();
    });
    if (!s.ok()) return s;
  }
  return GetApproval(id);
}

Result<std::vector<Approval>> GovernanceStore::TakeUnloggedDecisions() {
  std::vector<Approval> out;
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement q,
                   db_->Prepare(std::string("SELECT ") + kApprovalColumns +
                                " FROM approvals WHERE status != 'pending' AND logged = 0 "
                                "ORDER BY decided_at, id"));
  ASSIGN_OR_RETURN(store::SqliteStatement mark,
                   db_->Prepare("UPDATE approvals SET logged = 1 WHERE id = ?"));
  Status s = InTransaction(*db_, [&]() -> Status {
    while (true) {
      ASSIGN_OR_RETURN(bool row, q.Step());
      if (!row) break;
      out.push_back(ReadApproval(q));
    }
    q.Reset();
    for (const Approval& a : out) {
      mark.Bind(1, a.id);
      RETURN_IF_ERROR(mark.Run());
    }
    return Status::Ok();
  });
  if (!s.ok()) return s;
  return out;
}

Result<int64_t> GovernanceStore::DecisionsVersion() {
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement q,
                   db_->Prepare("SELECT value FROM meta WHERE key = 'decisions_version'"));
  ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? q.Int(0) : 0;
}

Result<std::vector<egress::CatalogEntry>> GovernanceStore::CatalogOverlay() {
  ASSIGN_OR_RETURN(std::vector<Approval> decided, Approvals("all"));
  std::vector<egress::CatalogEntry> out;
  for (const Approval& a : decided) {
    if (a.status == "pending") continue;
    egress::CatalogEntry e;
    e.source = a.integration;
    e.event = a.event;
    if (a.kind == "event") {
      e.denied = a.status == "denied";
    } else {
      egress::CatalogField f;
      f.path = a.path;
      std::string_view rest = a.path;
      while (true) {
        size_t dot = rest.find('.');
        f.pointer.emplace_back(rest.substr(0, dot));
        if (dot == std::string_view::npos) break;
        rest.remove_prefix(dot + 1);
      }
      f.denied = a.status == "denied";
      if (!f.denied) {
        f.classes = a.decided_classes.empty() ? a.classes : a.decided_classes;
        // `unclassified` is how the catalog writes "no class": an empty list says the same.
        f.classes.erase(std::remove(f.classes.begin(), f.classes.end(), "unclassified"),
                        f.classes.end());
      }
      e.fields.push_back(std::move(f));
    }
    out.push_back(std::move(e));
  }
  return out;
}

Result<int64_t> GovernanceStore::Hold(const HeldEvents& held) {
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement q,
                   db_->Prepare("INSERT INTO held(integration, vendor, ingest_path, waits_on, "
                                "events, sealed, held_at) VALUES(?,?,?,?,?,?,?)"));
  std::string waits = JoinIds(held.waits_on);
  q.BindText(1, held.integration)
      .BindText(2, held.vendor)
      .BindText(3, held.ingest_path)
      .BindText(4, waits)
      .Bind(5, held.events)
      .BindBlob(6, held.sealed)
      .Bind(7, held.held_ms);
  RETURN_IF_ERROR(q.Run());
  return db_->LastInsertId();
}

Result<std::vector<HeldEvents>> GovernanceStore::AllHeld(size_t limit) {
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement q,
                   db_->Prepare("SELECT id, integration, vendor, ingest_path, waits_on, events, "
                                "sealed, held_at FROM held ORDER BY id LIMIT ?"));
  q.Bind(1, static_cast<int64_t>(limit));
  std::vector<HeldEvents> out;
  while (true) {
    ASSIGN_OR_RETURN(bool row, q.Step());
    if (!row) break;
    out.push_back(ReadHeld(q));
  }
  return out;
}

Result<std::vector<HeldEvents>> GovernanceStore::ReadyToReplay(size_t limit) {
  std::vector<HeldEvents> out;
  int64_t after = 0;
  while (out.size() < limit) {
    std::vector<HeldEvents> page;
    {
      std::lock_guard lk(mu_);
      ASSIGN_OR_RETURN(store::SqliteStatement q,
                       db_->Prepare("SELECT id, integration, vendor, ingest_path, waits_on, "
                                    "events, sealed, held_at FROM held WHERE id > ? ORDER BY id "
                                    "LIMIT 256"));
      q.Bind(1, after);
      while (true) {
        ASSIGN_OR_RETURN(bool row, q.Step());
        if (!row) break;
        page.push_back(ReadHeld(q));
      }
    }
    if (page.empty()) break;
    after = page.back().id;
    // The pending approvals are read after the page: an entry's approvals are written before
    // the entry, so one created meanwhile is seen pending here (not mistaken for decided).
    ASSIGN_OR_RETURN(std::vector<Approval> pending, Approvals("pending"));
    std::vector<int64_t> waiting;
    for (const Approval& a : pending) waiting.push_back(a.id);
    std::sort(waiting.begin(), waiting.end());
    for (HeldEvents& h : page) {
      bool ready = std::none_of(h.waits_on.begin(), h.waits_on.end(), [&](int64_t id) {
        return std::binary_search(waiting.begin(), waiting.end(), id);
      });
      if (ready && out.size() < limit) out.push_back(std::move(h));
    }
  }
  return out;
}

Status GovernanceStore::DeleteHeld(int64_t id) {
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement q, db_->Prepare("DELETE FROM held WHERE id = ?"));
  q.Bind(1, id);
  return q.Run();
}

Result<int64_t> GovernanceStore::HeldCount() {
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement q, db_->Prepare("SELECT count(*) FROM held"));
  ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? q.Int(0) : 0;
}

Result<int64_t> GovernanceStore::LastHeldId() {
  std::lock_guard lk(mu_);
  ASSIGN_OR_RETURN(store::SqliteStatement q, db_->Prepare("SELECT coalesce(max(id), 0) FROM held"));
  ASSIGN_OR_RETURN(bool row, q.Step());
  return row ? q.Int(0) : 0;
}

}  // namespace metagate::governance
