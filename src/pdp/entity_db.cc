// EntityDb: one row per entity changed through the API, replaced on every change.
#include "metagate/pdp/entity_db.h"

#include <mutex>

#include "metagate/cedar/entities_json.h"
#include "metagate/common/json.h"

namespace metagate::pdp {

namespace {
constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS entity_states(
  type TEXT NOT NULL, id TEXT NOT NULL,
  deleted INTEGER NOT NULL, body TEXT NOT NULL,
  PRIMARY KEY(type, id));
CREATE TABLE IF NOT EXISTS entity_meta(key TEXT PRIMARY KEY, value INTEGER NOT NULL);
)sql";
}  // namespace

Result<std::unique_ptr<EntityDb>> EntityDb::Open(const std::string& file) {
  ASSIGN_OR_RETURN(std::unique_ptr<store::SqliteDb> db, store::SqliteDb::Open(file));
  RETURN_IF_ERROR(db->Exec(kSchema));
  return std::unique_ptr<EntityDb>(new EntityDb(std::move(db)));
}

Result<EntityDb::Saved> EntityDb::Load() {
  std::lock_guard<std::mutex> lock(mutex_);
  Saved saved;
  ASSIGN_OR_RETURN(store::SqliteStatement version,
                   db_->Prepare("SELECT value FROM entity_meta WHERE key = 'version'"));
  ASSIGN_OR_RETURN(bool has_version, version.Step());
  if (has_version) saved.version = static_cast<uint64_t>(version.Int(0));
  ASSIGN_OR_RETURN(store::SqliteStatement rows,
                   db_->Prepare("SELECT type, id, deleted, body FROM entity_states"));
  while (true) {
    ASSIGN_OR_RETURN(bool row, rows.Step());
    if (!row) break;
    EntityChange change{cedar::EntityUid(std::string(rows.Text(0)), std::string(rows.Text(1))),
                        std::nullopt};
    if (rows.Int(2) == 0) {
      std::string text = "[" + std::string(rows.Text(3)) + "]";
      Result<cedar::Entities> parsed = cedar::EntitiesFromJson(text, nullptr);
      const cedar::Entity* e = parsed.ok() ? parsed->Find(change.uid) : nullptr;
      if (e == nullptr) {
        return Status(StatusCode::kIo, db_->file() + ": a saved " + change.uid.type() +
                                           " entity cannot be read back" +
                                           (parsed.ok() ? "" : ": " + parsed.status().message()));
      }
      change.entity = *e;
      change.entity->ancestors.clear();
    }
    saved.changes.push_back(std::move(change));
  }
  return saved;
}

Status EntityDb::Save(std::span<const EntityChange> changes, uint64_t version) {
  std::lock_guard<std::mutex> lock(mutex_);
  RETURN_IF_ERROR(db_->Exec("BEGIN IMMEDIATE"));
  auto write = [&]() -> Status {
    ASSIGN_OR_RETURN(store::SqliteStatement put,
                     db_->Prepare("INSERT OR REPLACE INTO entity_states(type, id, deleted, body) "
                                  "VALUES (?, ?, ?, ?)"));
    for (const EntityChange& c : changes) {
      std::string body = c.entity ? cedar::EntityToJson(*c.entity).Dump() : "";
      RETURN_IF_ERROR(put.BindText(1, c.uid.type())
                          .BindText(2, c.uid.id())
                          .Bind(3, c.entity ? 0 : 1)
                          .BindText(4, body)
                          .Run());
    }
    ASSIGN_OR_RETURN(store::SqliteStatement meta,
                     db_->Prepare("INSERT OR REPLACE INTO entity_meta(key, value) "
                                  "VALUES ('version', ?)"));
    return meta.Bind(1, static_cast<int64_t>(version)).Run();
  };
  Status s = write();
  if (!s.ok()) {
    (void)db_->Exec("ROLLBACK");
    return s;
  }
  return db_->Exec("COMMIT");
}

Status ApplySaved(EntityStore& store, const EntityDb::Saved& saved) {
  std::vector<EntityOp> ops;
  {
    EntityStore::View view = store.Read();
    for (const EntityChange& c : saved.changes) {
      EntityOp op;
      op.entity.uid = c.uid;
      if (c.entity) {
        op.entity = *c.entity;
      } else if (view.Find(c.uid) != nullptr) {
        op.kind = EntityOp::Kind::kDelete;
      } else {
        continue;
      }
      ops.push_back(std::move(op));
    }
  }
  if (!ops.empty()) {
    Result<uint64_t> applied = store.Apply(ops);
    if (!applied.ok()) {
      return Status(
          applied.status().code(),
          "the saved entity changes do not fit the entity files: " + applied.status().message());
    }
  }
  store.SetVersion(std::max(saved.version, store.version()));
  return Status::Ok();
}

}  // namespace metagate::pdp
