// The entity store of one authorization: entities with attributes, tags and parents, and the
// transitive closure of the parent relation so that `in` is a hash lookup.
// Build it, call Finalize() once, then share it read-only across threads.
#pragma once

#include <string>
#include <unordered_map>
#include <unordered_set>
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

struct Entity {
  EntityUid uid;
  Value attrs = Value::Record({});  // a Record
  Value tags = Value::Record({});   // a Record of tag name to value
  std::vector<EntityUid> parents;   // direct parents, as given
  // All ancestors (transitive closure of parents), filled by Entities::Finalize().
  AncestorSet ancestors;
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

  const Entity* Find(const EntityUid& uid) const override;
  bool IsInOrEqual(const EntityUid& child, const EntityUid& ancestor) const override;
  void AppendAncestors(const EntityUid& uid, std::vector<const EntityUid*>& out) const override;

  size_t size() const { return entities_.size(); }
  const std::unordered_map<EntityUid, Entity, EntityUidHash>& all() const { return entities_; }

 private:
  std::unordered_map<EntityUid, Entity, EntityUidHash> entities_;
  bool has_cycle_ = false;
};

}  // namespace metagate::cedar
