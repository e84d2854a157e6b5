// Persistence of the entity store's API changes in SQLite (DATA_DIR/pdp/entities.db): the
// latest state of every entity changed through the API (or a deletion mark) and the store's
// version. On start the entity files are loaded, then these states are applied on top.
#pragma once

#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "metagate/pdp/entity_store.h"
#include "metagate/store/sqlite.h"

namespace metagate::pdp {

class EntityDb {
 public:
  // Opens or creates the database file (its folder must exist).
  static Result<std::unique_ptr<EntityDb>> Open(const std::string& file);

  struct Saved {
    uint64_t version = 0;
    std::vector<EntityChange> changes;  // in no particular order; one per entity
  };
  // Reads what was saved.
  Result<Saved> Load();
  // Saves one batch's final states and the new version in one transaction (fsync'd).
  Status Save(std::span<const EntityChange> changes, uint64_t version);

 private:
  explicit EntityDb(std::unique_ptr<store::SqliteDb> db) : db_(std::move(db)) {}
  std::unique_ptr<store::SqliteDb> db_;
  std::mutex mutex_;
};

// Loads the saved states into `store` as one batch (entities deleted through the API and absent
// from the files are skipped) and sets the saved version. Fails when the saved states do not
// fit the entities loaded from files (a cycle).
Status ApplySaved(EntityStore& store, const EntityDb::Saved& saved);

}  // namespace metagate::pdp
