// The entity store: insertion, lookup and the transitive closure of the parent relation.
#include "metagate/cedar/entities.h"

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

void Entities::Finalize() {
  has_cycle_ = false;
  // A depth-first walk from each entity's parents; `seen` bounds the walk, so cycles terminate.
  std::vector<const EntityUid*> stack;
  for (auto& [uid, entity] : entities_) {
    std::unordered_set<EntityUid, EntityUidHash> seen;
    stack.clear();
    for (const EntityUid& p : entity.parents) stack.push_back(&p);
    while (!stack.empty()) {
      const EntityUid* cur = stack.back();
      stack.pop_back();
      if (!seen.insert(*cur).second) continue;
      if (*cur == uid) has_cycle_ = true;
      auto it = entities_.find(*cur);
      if (it == entities_.end()) continue;
      for (const EntityUid& p : it->second.parents) stack.push_back(&p);
    }
    entity.ancestors = std::move(seen);
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

}  // namespace metagate::cedar
