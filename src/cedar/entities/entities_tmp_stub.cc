// TEMPORARY minimal Entities so that branch `schema` links its tests; drop at merge (the real
// implementation is on branch `eval`).
#include "metagate/cedar/entities.h"

namespace metagate::cedar {

Status Entities::Add(Entity entity) {
  if (entities_.count(entity.uid) != 0) return Status::Invalid("duplicate entity");
  EntityUid uid = entity.uid;
  entities_.emplace(std::move(uid), std::move(entity));
  return Status::Ok();
}

void Entities::Upsert(Entity entity) {
  EntityUid uid = entity.uid;
  entities_.insert_or_assign(std::move(uid), std::move(entity));
}

void Entities::Finalize() {
  for (auto& [uid, e] : entities_) {
    std::vector<EntityUid> todo = e.parents;
    e.ancestors.clear();
    while (!todo.empty()) {
      EntityUid p = todo.back();
      todo.pop_back();
      if (!e.ancestors.insert(p).second) continue;
      if (const Entity* pe = Find(p))
        todo.insert(todo.end(), pe->parents.begin(), pe->parents.end());
    }
  }
}

const Entity* Entities::Find(const EntityUid& uid) const {
  auto it = entities_.find(uid);
  return it == entities_.end() ? nullptr : &it->second;
}

bool Entities::IsInOrEqual(const EntityUid& child, const EntityUid& ancestor) const {
  if (child == ancestor) return true;
  const Entity* e = Find(child);
  return e != nullptr && e->ancestors.count(ancestor) != 0;
}

}  // namespace metagate::cedar
