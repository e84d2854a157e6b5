// The entity store: insertion, lookup and the transitive closure of the parent relation.
#include "metagate/cedar/entities.h"

#include <algorithm>
#include <functional>
#include <unordered_set>
#include <vector>

namespace metagate::cedar {

namespace {

// The table slot where the search for `key` starts: the pointer's bits, mixed by a multiplication
// so that the low bits of the slot depend on all of them.
size_t Home(const void* key, size_t mask) {
  uint64_t x = reinterpret_cast<uintptr_t>(key);
  return static_cast<size_t>((x * 0x9E3779B97F4A7C15ull) >> 29) & mask;
}

}  // namespace

uint32_t Entities::IndexOf(const void* key) const {
  if (table_.empty()) return kEmpty;
  size_t mask = table_.size() - 1;
  for (size_t i = Home(key, mask);; i = (i + 1) & mask) {
    const Slot& s = table_[i];
    if (s.key == key) return s.index;
    if (s.key == nullptr) return kEmpty;
  }
}

void Entities::Place(const void* key, uint32_t index) {
  size_t mask = table_.size() - 1;
  size_t i = Home(key, mask);
  while (table_[i].key != nullptr) i = (i + 1) & mask;
  table_[i] = Slot{key, index};
}

void Entities::Grow() {
  table_.assign(std::max<size_t>(16, table_.size() * 2), Slot{});
  for (size_t i = 0; i < entities_.size(); ++i) {
    Place(entities_[i].uid.identity(), static_cast<uint32_t>(i));
  }
}

Status Entities::Add(Entity entity) {
  if (IndexOf(entity.uid.identity()) != kEmpty) {
    return Status::Invalid("duplicate entity of type `" + entity.uid.type() +
                           "` in the entity store");
  }
  entities_.push_back(std::move(entity));
  if (entities_.size() * 2 > table_.size()) {
    Grow();
  } else {
    Place(entities_.back().uid.identity(), static_cast<uint32_t>(entities_.size() - 1));
  }
  return Status::Ok();
}

void Entities::Upsert(Entity entity) {
  uint32_t i = IndexOf(entity.uid.identity());
  if (i != kEmpty) {
    entities_[i] = std::move(entity);
    return;
  }
  // Not present: Add cannot fail.
  (void)Add(std::move(entity));
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

using UidSet = std::unordered_set<EntityUid, EntityUidIdentityHash>;

}  // namespace

// Ancestors of entity `i` by walking the parent relation; `seen` bounds the walk so that cycles
// terminate.
std::vector<EntityUid> Entities::WalkAncestors(size_t i) const {
  UidSet seen;
  std::vector<const EntityUid*> stack;
  for (const EntityUid& p : entities_[i].parents) stack.push_back(&p);
  while (!stack.empty()) {
    const EntityUid* cur = stack.back();
    stack.pop_back();
    if (!seen.insert(*cur).second) continue;
    uint32_t j = IndexOf(cur->identity());
    if (j == kEmpty) continue;
    for (const EntityUid& p : entities_[j].parents) stack.push_back(&p);
  }
  return std::vector<EntityUid>(seen.begin(), seen.end());
}

// Computes ancestors bottom-up (each entity reuses its parents' sets) with an iterative post-order
// walk. Returns false, leaving some sets incomplete, if the relation has a cycle.
bool Entities::ComputeAcyclic() {
  enum class State : uint8_t { kNew, kOpen, kDone };
  std::vector<State> state(entities_.size(), State::kNew);
  for (Entity& e : entities_) e.ancestors.clear();
  std::vector<std::pair<uint32_t, size_t>> stack;  // entity, index of the next parent to visit
  std::vector<EntityUid> closure;
  for (uint32_t root = 0; root < entities_.size(); ++root) {
    if (state[root] != State::kNew) continue;
    state[root] = State::kOpen;
    stack.emplace_back(root, 0);
    while (!stack.empty()) {
      auto& [i, next] = stack.back();
      const Entity& e = entities_[i];
      if (next < e.parents.size()) {
        uint32_t j = IndexOf(e.parents[next++].identity());
        if (j == kEmpty) continue;
        if (state[j] == State::kOpen) return false;
        if (state[j] == State::kNew) {
          state[j] = State::kOpen;
          stack.emplace_back(j, 0);
        }
        continue;
      }
      closure.clear();
      for (const EntityUid& p : e.parents) {
        closure.push_back(p);
        uint32_t j = IndexOf(p.identity());
        if (j != kEmpty) {
          const AncestorSet& pa = entities_[j].ancestors;
          closure.insert(closure.end(), pa.begin(), pa.end());
        }
      }
      entities_[i].ancestors.Assign(closure);
      state[i] = State::kDone;
      stack.pop_back();
    }
  }
  return true;
}

void Entities::Finalize() {
  entities_.shrink_to_fit();
  has_cycle_ = !ComputeAcyclic();
  if (!has_cycle_) return;
  // Every walk reads only parents, so the sets can be replaced as they are computed.
  for (size_t i = 0; i < entities_.size(); ++i) entities_[i].ancestors.Assign(WalkAncestors(i));
}

const Entity* Entities::Find(const EntityUid& uid) const {
  uint32_t i = IndexOf(uid.identity());
  return i == kEmpty ? nullptr : &entities_[i];
}

bool Entities::IsInOrEqual(const EntityUid& child, const EntityUid& ancestor) const {
  if (child == ancestor) return true;
  const Entity* e = Find(child);
  return e != nullptr && e->ancestors.contains(ancestor);
}

void Entities::AppendAncestors(const EntityUid& uid, std::vector<const EntityUid*>& out) const {
  if (const Entity* e = Find(uid)) {
    for (const EntityUid& a : e->ancestors) out.push_back(&a);
  }
}

}  // namespace metagate::cedar
