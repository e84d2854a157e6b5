// The entity store: insertion, lookup and the transitive closure of the parent relation.
#include "metagate/cedar/entities.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace metagate::cedar {

Status Entities::Add(Entity entity) {
  EntityUid uid = entity.uid;
  auto [it, inserted] = entities_.try_emplace(uid, std::move(entity));
  if (!inserted) {
    return Status::Invalid("duplicate entity of type `" + uid.type() + "` in the entity store");
  }
  return Status::Ok();
}

void Entities::Upsert(Entity entity) {
  EntityUid uid = entity.uid;
  entities_.insert_or_assign(uid, std::move(entity));
}

namespace {

bool ByIdentity(const EntityUid& a, const EntityUid& b) {
  return std::less<const void*>()(a.identity(), b.identity());
}

}  // namespace

void AncestorSet::Assign(std::vector<EntityUid> uids) {
  std::sort(uids.begin(), uids.end(), ByIdentity);
  uids.erase(std::unique(uids.begin(), uids.end()), uids.end());
  uids.shrink_to_fit();
  uids_ = std::move(uids);
}

bool AncestorSet::contains(const EntityUid& uid) const {
  if (uids_.size() <= 8) {
    for (const EntityUid& u : uids_) {
      if (u == uid) return true;
    }
    return false;
  }
  return std::binary_search(uids_.begin(), uids_.end(), uid, ByIdentity);
}

namespace {

using UidSet = std::unordered_set<EntityUid, EntityUidHash>;
using EntityMap = std::unordered_map<EntityUid, Entity, EntityUidHash>;

// Ancestors of `entity` by walking the parent relation; `seen` bounds the walk so that cycles
// terminate. Returns whether the entity is among its own ancestors.
bool WalkAncestors(const EntityMap& entities, const Entity& entity, UidSet& seen) {
  std::vector<const EntityUid*> stack;
  for (const EntityUid& p : entity.parents) stack.push_back(&p);
  while (!stack.empty()) {
    const EntityUid* cur = stack.back();
    stack.pop_back();
    if (!seen.insert(*cur).second) continue;
    auto it = entities.find(*cur);
    if (it == entities.end()) continue;
    for (const EntityUid& p : it->second.parents) stack.push_back(&p);
  }
  return seen.count(entity.uid) > 0;
}

// Computes ancestors bottom-up (each entity reuses its parents' sets) with an iterative
// post-order walk. Returns false, leaving some sets incomplete, if the relation has a cycle.
bool ComputeAcyclic(EntityMap& entities) {
  enum class State : uint8_t { kNew, kOpen, kDone };
  std::unordered_map<const Entity*, State> state;
  state.reserve(entities.size());
  for (auto& [uid, e] : entities) {
    e.ancestors.clear();
    state[&e] = State::kNew;
  }
  std::vector<std::pair<Entity*, size_t>> stack;  // entity, index of the next parent to visit
  for (auto& [root_uid, root] : entities) {
    if (state[&root] != State::kNew) continue;
    state[&root] = State::kOpen;
    stack.emplace_back(&root, 0);
    while (!stack.empty()) {
      auto& [e, next] = stack.back();
      if (next < e->parents.size()) {
        auto it = entities.find(e->parents[next++]);
        if (it == entities.end()) continue;
        State& s = state[&it->second];
        if (s == State::kOpen) return false;
        if (s == State::kNew) {
          s = State::kOpen;
          stack.emplace_back(&it->second, 0);
        }
        continue;
      }
      std::vector<EntityUid> closure;
      for (const EntityUid& p : e->parents) {
        closure.push_back(p);
        auto it = entities.find(p);
        if (it != entities.end()) {
          closure.insert(closure.end(), it->second.ancestors.begin(), it->second.ancestors.end());
        }
      }
      e->ancestors.Assign(std::move(closure));
      state[e] = State::kDone;
      stack.pop_back();
    }
  }
  return true;
}

}  // namespace

void Entities::Finalize() {
  has_cycle_ = !ComputeAcyclic(entities_);
  if (!has_cycle_) return;
  for (auto& [uid, entity] : entities_) {
    UidSet seen;
    WalkAncestors(entities_, entity, seen);
    entity.ancestors.Assign(std::vector<EntityUid>(seen.begin(), seen.end()));
  }
}

const Entity* Entities::Find(const EntityUid& uid) const {
  auto it = entities_.find(uid);
  return it == entities_.end() ? nullptr : &it->second;
}

bool Entities::IsInOrEqual(const EntityUid& child, const EntityUid& ancestor) const {
  if (child == ancestor) return true;
  const Entity* e = Find(child);
  return e != nullptr && e->ancestors.count(ancestor) > 0;
}

void Entities::AppendAncestors(const EntityUid& uid, std::vector<const EntityUid*>& out) const {
  if (const Entity* e = Find(uid)) {
    for (const EntityUid& a : e->ancestors) out.push_back(&a);
  }
}

}  // namespace metagate::cedar
