// The entity store of one authorization: entities with attributes, tags and parents, and the
// transitive closure of the parent relation so that `in` is a hash lookup.
// Build it, call Finalize() once, then share it read-only across threads.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "metagate/cedar/value.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

// The ancestors of one entity: interned uids sorted by identity, one pointer each (no hash
// table per entity), so membership is a binary search over pointers.
class AncestorSet {
 public:
  // Replaces the contents with `uids`, sorted and without duplicates.
  void Assign(std::vector<EntityUid> uids);
  bool contains(const EntityUid& uid) const;
  size_t count(const EntityUid& uid) const { return contains(uid) ? 1 : 0; }
  size_t size() const { return uids_.size(); }
  bool empty() const { return uids_.empty(); }
  void clear() { uids_.clear(); }
  std::vector<EntityUid>::const_iterator begin() const { return uids_.begin(); }
  std::vector<EntityUid>::const_iterator end() const { return uids_.end(); }

 private:
  std::vector<EntityUid> uids_;
};

// One entity. What a decision reads (uid, attributes, ancestors) comes first and the entity starts
// a cache line, so that reading an entity of a large store costs one cache miss, not two.
struct alignas(64) Entity {
  EntityUid uid;
  Value attrs = Value::Record({});  // a Record
  // All ancestors (transitive closure of parents), filled by Entities::Finalize().
  AncestorSet ancestors;
  Value tags = Value::Record({});  // a Record of tag name to value
  std::vector<EntityUid> parents;  // direct parents, as given
};

// What evaluation reads of an entity set: lookups, `in`, and an entity's ancestors. Implemented
// by Entities (a self-contained set) and by the PDP's entity store and request overlays.
class EntityLookup {
 public:
  virtual ~EntityLookup() = default;
  // Returns the entity, or nullptr if it is not in the set.
  virtual const Entity* Find(const EntityUid& uid) const = 0;
  // Returns whether `child` is `ancestor` or has it among its ancestors.
  virtual bool IsInOrEqual(const EntityUid& child, const EntityUid& ancestor) const = 0;
  // Appends all ancestors of `uid` (transitively; none when it is unknown) to `out`. The pointers
  // stay valid while this lookup is unchanged.
  virtual void AppendAncestors(const EntityUid& uid, std::vector<const EntityUid*>& out) const = 0;
};

// A self-contained entity set. Entities sit in one array in the order they were added (an entity's
// record, with its attribute and ancestor handles, is contiguous), found through an open-addressing
// table keyed by uid identity, so a lookup reads no uid representation and no list of nodes.
class Entities : public EntityLookup {
 public:
  // Adds an entity. Returns an error if one with the same uid was already added.
  Status Add(Entity entity);
  // Adds an entity, replacing any existing one with the same uid.
  void Upsert(Entity entity);
  // Computes ancestors. Parents that are not themselves entities are still ancestors.
  // Cycles in the parent relation are tolerated (see has_cycle()).
  void Finalize();
  // Whether Finalize() found an entity among its own ancestors. Cedar 4.12 rejects such entity
  // sets ("input graph has a cycle"); loaders should report an error when this is true.
  bool has_cycle() const { return has_cycle_; }

  // The pointer stays valid until the next Add or Upsert.
  const Entity* Find(const EntityUid& uid) const override;
  bool IsInOrEqual(const EntityUid& child, const EntityUid& ancestor) const override;
  void AppendAncestors(const EntityUid& uid, std::vector<const EntityUid*>& out) const override;

  size_t size() const { return entities_.size(); }
  // Every entity, in the order added.
  const std::vector<Entity>& all() const { return entities_; }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  // One slot of the table: a uid's identity and its entity's index in entities_.
  struct Slot {
    const void* key = nullptr;
    uint32_t index = kEmpty;
  };
  // The index of the entity with identity `key`, or kEmpty.
  uint32_t IndexOf(const void* key) const;
  // Puts (key, index) in the table; `key` must not be in it yet.
  void Place(const void* key, uint32_t index);
  void Grow();
  // Fills every entity's ancestors; returns false (some sets incomplete) on a cycle.
  bool ComputeAcyclic();
  // The ancestors of entities_[i] by a walk that tolerates cycles.
  std::vector<EntityUid> WalkAncestors(size_t i) const;

  std::vector<Entity> entities_;
  std::vector<Slot> table_;  // a power of two in size, at most half full
  bool has_cycle_ = false;
};

}  // namespace metagate::cedar
