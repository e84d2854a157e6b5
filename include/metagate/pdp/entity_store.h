// The PDP's entity store: Cedar entities in memory with a materialized ancestor index (each
// entity's ancestors as a sorted list of interned ids, so `in` is two hash lookups and a binary
// search), changed only by atomic batches that bump a version number. Readers take a View,
// which holds a shared lock; a batch is computed beside the readers and swapped in under a
// short exclusive lock. Persistence is the caller's: Apply calls an optional hook before the
// change becomes visible and abandons the change when the hook fails.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <optional>
#include <shared_mutex>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "metagate/cedar/entities.h"
#include "metagate/common/rw_lock.h"
#include "metagate/common/status.h"

namespace metagate::pdp {

// One operation of a batch. A put replaces the whole entity (attributes, tags, parents); a
// patch changes parts of an existing one; a delete removes it (its children keep it as a
// parent, as Cedar treats parents that are not entities).
struct EntityOp {
  enum class Kind : uint8_t { kPut, kPatch, kDelete };
  Kind kind = Kind::kPut;
  cedar::Entity entity;  // kPut: the new entity. kPatch/kDelete: only entity.uid is read.
  // kPatch only.
  std::vector<std::pair<std::string, cedar::Value>> set_attrs;
  std::vector<std::string> remove_attrs;
  std::vector<std::pair<std::string, cedar::Value>> set_tags;
  std::vector<std::string> remove_tags;
  std::vector<cedar::EntityUid> add_parents;
  std::vector<cedar::EntityUid> remove_parents;
};

// The final state of one entity touched by a batch: the entity, or nullopt when deleted.
struct EntityChange {
  cedar::EntityUid uid;
  std::optional<cedar::Entity> entity;
};

class EntityStore {
 public:
  // Called with the batch's final states and the new version before they become visible. An
  // error abandons the batch (the store is unchanged).
  using CommitHook = std::function<Status(std::span<const EntityChange>, uint64_t version)>;

  EntityStore() = default;
  EntityStore(const EntityStore&) = delete;
  EntityStore& operator=(const EntityStore&) = delete;

  // Applies `ops` atomically: all or none. Fails (store unchanged) when `if_version` is given
  // and differs from the current version, when a patch or delete names an absent entity, or
  // when the result would have a cycle in the parent relation. Returns the new version.
  Result<uint64_t> Apply(std::span<const EntityOp> ops, std::optional<uint64_t> if_version = {},
                         const CommitHook& hook = nullptr);
  // Sets the version (after loading persisted state); the next batch makes it version + 1.
  void SetVersion(uint64_t version);

  uint64_t version() const;
  size_t size() const;  // entities present

  // A consistent read-only view; holds a shared lock until destroyed. Keep it short-lived:
  // batches wait for views to go (and a waiting batch goes before new views). A thread holding
  // a View must not take another, nor call version() or size().
  class View : public cedar::EntityLookup {
   public:
    explicit View(const EntityStore& store) : store_(store), lock_(store.mutex_) {}
    const cedar::Entity* Find(const cedar::EntityUid& uid) const override;
    bool IsInOrEqual(const cedar::EntityUid& child,
                     const cedar::EntityUid& ancestor) const override;
    void AppendAncestors(const cedar::EntityUid& uid,
                         std::vector<const cedar::EntityUid*>& out) const override;
    // Calls `fn` for every present entity of `type`, in no particular order.
    void ForEachOfType(const std::string& type,
                       const std::function<void(const cedar::Entity&)>& fn) const;
    uint64_t version() const { return store_.version_; }
    size_t size() const { return store_.present_; }

   private:
    const EntityStore& store_;
    std::shared_lock<WriterPreferringRwLock> lock_;
  };
  View Read() const { return View(*this); }

 private:
  friend class View;
  struct Node {
    cedar::Entity entity;  // entity.ancestors stays empty: `closure` is the index
    bool present = false;
    bool listed = false;  // in by_type_
    std::vector<uint32_t> parents;
    std::vector<uint32_t> children;
    std::vector<uint32_t> closure;  // all ancestors, sorted
  };
  struct Draft;

  std::optional<uint32_t> IdOf(const cedar::EntityUid& uid) const;
  Status BuildDraft(std::span<const EntityOp> ops, Draft& draft) const;
  Status ComputeClosures(Draft& draft) const;
  void Publish(Draft& draft);

  mutable WriterPreferringRwLock mutex_;  // readers shared; Publish exclusive
  std::mutex writer_;                     // one batch at a time
  std::deque<Node> nodes_;
  std::unordered_map<cedar::EntityUid, uint32_t, cedar::EntityUidHash> ids_;
  std::unordered_map<std::string, std::vector<uint32_t>> by_type_;
  uint64_t version_ = 0;
  size_t present_ = 0;
};

}  // namespace metagate::pdp
