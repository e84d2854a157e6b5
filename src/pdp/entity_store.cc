// EntityStore: a batch is turned into a Draft (final states of the touched entities, new ids,
// and recomputed ancestor lists for every entity whose ancestors can change) while readers go
// on; only moving the Draft in needs the exclusive lock.
#include "metagate/pdp/entity_store.h"

#include <algorithm>
#include <mutex>
#include <unordered_set>

namespace metagate::pdp {

using cedar::Entity;
using cedar::EntityUid;
using cedar::Value;

struct EntityStore::Draft {
  uint32_t base_size = 0;
  std::vector<EntityUid> new_uids;  // provisional ids base_size, base_size + 1, ...
  std::unordered_map<EntityUid, uint32_t, cedar::EntityUidHash> new_ids;
  struct Touched {
    std::optional<Entity> entity;
    std::vector<uint32_t> parents;
  };
  std::unordered_map<uint32_t, Touched> touched;
  std::vector<uint32_t> touched_order;  // first-touch order
  std::unordered_map<uint32_t, std::vector<uint32_t>> added_children;
  std::unordered_map<uint32_t, std::vector<uint32_t>> removed_children;
  std::unordered_map<uint32_t, std::vector<uint32_t>> closures;
};

namespace {

Status OpError(size_t index, const EntityUid& uid, const std::string& what) {
  // The entity type is named, its id is not: ids are often personal data (emails, user names).
  return Status(StatusCode::kNotFound, "operation " + std::to_string(index + 1) + ": the " +
                                           uid.type() + " entity " + what);
}

Value WithFields(const Value& record, const std::vector<std::pair<std::string, Value>>& set,
                 const std::vector<std::string>& remove) {
  std::vector<std::pair<std::string, Value>> fields;
  for (const auto& field : record.record_fields()) {
    const std::string& k = field.first;  // a plain name: clang 14 cannot capture a binding
    bool removed = std::find(remove.begin(), remove.end(), k) != remove.end();
    bool replaced =
        std::any_of(set.begin(), set.end(), [&](const auto& s) { return s.first == k; });
    if (!removed && !replaced) fields.push_back(field);
  }
  for (const auto& s : set) {
    if (std::find(remove.begin(), remove.end(), s.first) == remove.end()) fields.push_back(s);
  }
  return Value::Record(std::move(fields));
}

void SortUnique(std::vector<uint32_t>& v) {
  std::sort(v.begin(), v.end());
  v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

std::optional<uint32_t> EntityStore::IdOf(const EntityUid& uid) const {
  auto it = ids_.find(uid);
  if (it == ids_.end()) return std::nullopt;
  return it->second;
}

Status EntityStore::BuildDraft(std::span<const EntityOp> ops, Draft& d) const {
  d.base_size = static_cast<uint32_t>(nodes_.size());
  auto intern = [&](const EntityUid& uid) -> uint32_t {
    if (auto id = IdOf(uid)) return *id;
    auto [it, inserted] =
        d.new_ids.try_emplace(uid, d.base_size + static_cast<uint32_t>(d.new_uids.size()));
    if (inserted) d.new_uids.push_back(uid);
    return it->second;
  };
  auto current = [&](uint32_t id) -> const Entity* {
    if (auto it = d.touched.find(id); it != d.touched.end()) {
      return it->second.entity ? &*it->second.entity : nullptr;
    }
    if (id < d.base_size && nodes_[id].present) return &nodes_[id].entity;
    return nullptr;
  };

  for (size_t i = 0; i < ops.size(); ++i) {
    const EntityOp& op = ops[i];
    uint32_t id = intern(op.entity.uid);
    const Entity* before = current(id);
    Draft::Touched next;
    switch (op.kind) {
      case EntityOp::Kind::kPut:
        next.entity = op.entity;
        break;
      case EntityOp::Kind::kPatch: {
        if (before == nullptr) return OpError(i, op.entity.uid, "to patch does not exist");
        Entity e = *before;
        e.attrs = WithFields(e.attrs, op.set_attrs, op.remove_attrs);
        e.tags = WithFields(e.tags, op.set_tags, op.remove_tags);
        for (const EntityUid& p : op.remove_parents) {
          e.parents.erase(std::remove(e.parents.begin(), e.parents.end(), p), e.parents.end());
        }
        for (const EntityUid& p : op.add_parents) {
          if (std::find(e.parents.begin(), e.parents.end(), p) == e.parents.end()) {
            e.parents.push_back(p);
          }
        }
        next.entity = std::move(e);
        break;
      }
      case EntityOp::Kind::kDelete:
        if (before == nullptr) return OpError(i, op.entity.uid, "to delete does not exist");
        break;
    }
    if (next.entity) {
      Entity& e = *next.entity;
      e.ancestors.clear();
      // Parents are a set: a repeated parent is kept once.
      std::vector<EntityUid> unique;
      for (const EntityUid& p : e.parents) {
        if (std::find(unique.begin(), unique.end(), p) == unique.end()) unique.push_back(p);
      }
      e.parents = std::move(unique);
      for (const EntityUid& p : e.parents) next.parents.push_back(intern(p));
      SortUnique(next.parents);
    }
    auto [it, inserted] = d.touched.insert_or_assign(id, std::move(next));
    if (inserted) d.touched_order.push_back(id);
  }

  // Child-list changes, from each touched entity's parents before and after the batch.
  for (uint32_t id : d.touched_order) {
    static const std::vector<uint32_t> kNone;
    const std::vector<uint32_t>& old_parents = id < d.base_size ? nodes_[id].parents : kNone;
    const std::vector<uint32_t>& new_parents = d.touched[id].parents;
    for (uint32_t p : old_parents) {
      if (!std::binary_search(new_parents.begin(), new_parents.end(), p)) {
        d.removed_children[p].push_back(id);
      }
    }
    for (uint32_t p : new_parents) {
      if (!std::binary_search(old_parents.begin(), old_parents.end(), p)) {
        d.added_children[p].push_back(id);
      }
    }
  }
  return Status::Ok();
}

// Recomputes the ancestors of every touched entity and of all their descendants (in the new
// graph), parents before children. An entity that never becomes ready sits on a cycle.
Status EntityStore::ComputeClosures(Draft& d) const {
  static const std::vector<uint32_t> kNone;
  auto parents_of = [&](uint32_t id) -> const std::vector<uint32_t>& {
    if (auto it = d.touched.find(id); it != d.touched.end()) return it->second.parents;
    return id < d.base_size ? nodes_[id].parents : kNone;
  };
  auto for_each_child = [&](uint32_t id, auto&& fn) {
    auto removed = d.removed_children.find(id);
    if (id < d.base_size) {
      for (uint32_t c : nodes_[id].children) {
        if (removed != d.removed_children.end() &&
            std::find(removed->second.begin(), removed->second.end(), c) != removed->second.end()) {
          continue;
        }
        fn(c);
      }
    }
    if (auto added = d.added_children.find(id); added != d.added_children.end()) {
      for (uint32_t c : added->second) fn(c);
    }
  };

  // The affected set: entities whose parents changed, and everything below them. An entity
  // whose parents stayed (an attribute change) keeps its ancestors, and so do its descendants.
  std::unordered_map<uint32_t, uint32_t> pending;  // id -> parents inside the set not yet done
  std::vector<uint32_t> stack;
  for (uint32_t id : d.touched_order) {
    const std::vector<uint32_t>& before = id < d.base_size ? nodes_[id].parents : kNone;
    if (d.touched[id].parents != before) stack.push_back(id);
  }
  for (uint32_t id : stack) pending.emplace(id, 0);
  while (!stack.empty()) {
    uint32_t id = stack.back();
    stack.pop_back();
    for_each_child(id, [&](uint32_t c) {
      if (pending.emplace(c, 0).second) stack.push_back(c);
    });
  }
  std::vector<uint32_t> ready;
  for (auto& [id, count] : pending) {
    for (uint32_t p : parents_of(id)) count += pending.count(p) ? 1 : 0;
  }
  for (const auto& [id, count] : pending) {
    if (count == 0) ready.push_back(id);
  }
  d.closures.reserve(pending.size());
  size_t done = 0;
  while (!ready.empty()) {
    uint32_t id = ready.back();
    ready.pop_back();
    ++done;
    std::vector<uint32_t> closure;
    for (uint32_t p : parents_of(id)) {
      closure.push_back(p);
      auto drafted = d.closures.find(p);
      const std::vector<uint32_t>& above = drafted != d.closures.end() ? drafted->second
                                           : p < d.base_size           ? nodes_[p].closure
                                                                       : kNone;
      closure.insert(closure.end(), above.begin(), above.end());
    }
    SortUnique(closure);
    d.closures.emplace(id, std::move(closure));
    for_each_child(id, [&](uint32_t c) {
      auto it = pending.find(c);
      if (it != pending.end() && --it->second == 0) ready.push_back(c);
    });
  }
  if (done != pending.size()) {
    return Status(StatusCode::kInvalidArgument,
                  "the change would make a cycle in the entity hierarchy (an entity would be its "
                  "own ancestor)");
  }
  return Status::Ok();
}

void EntityStore::Publish(Draft& d) {
  for (const EntityUid& uid : d.new_uids) {
    ids_.emplace(uid, static_cast<uint32_t>(nodes_.size()));
    Node& n = nodes_.emplace_back();
    n.entity.uid = uid;
  }
  for (uint32_t id : d.touched_order) {
    Node& n = nodes_[id];
    Draft::Touched& t = d.touched[id];
    for (uint32_t p : n.parents) {
      if (!std::binary_search(t.parents.begin(), t.parents.end(), p)) {
        auto& siblings = nodes_[p].children;
        siblings.erase(std::remove(siblings.begin(), siblings.end(), id), siblings.end());
      }
    }
    for (uint32_t p : t.parents) {
      if (!std::binary_search(n.parents.begin(), n.parents.end(), p)) {
        nodes_[p].children.push_back(id);
      }
    }
    n.parents = std::move(t.parents);
    bool was_present = n.present;
    n.present = t.entity.has_value();
    if (n.present) {
      n.entity = std::move(*t.entity);
    } else {
      // A deleted entity keeps its node (children may still name it) but nothing else.
      EntityUid uid = n.entity.uid;
      n.entity = Entity{};
      n.entity.uid = std::move(uid);
    }
    if (n.present && !was_present) ++present_;
    if (!n.present && was_present) --present_;
    if (n.present && !n.listed) {
      by_type_[n.entity.uid.type()].push_back(id);
      n.listed = true;
    }
  }
  for (auto& [id, closure] : d.closures) nodes_[id].closure = std::move(closure);
  ++version_;
}

Result<uint64_t> EntityStore::Apply(std::span<const EntityOp> ops,
                                    std::optional<uint64_t> if_version, const CommitHook& hook) {
  std::lock_guard<std::mutex> writer(writer_);
  // Only batches change the store and they run one at a time under writer_, so the reads
  // below need no lock; readers may read alongside.
  if (if_version && *if_version != version_) {
    return Status(StatusCode::kConflict, "the entity store is at version " +
                                             std::to_string(version_) + ", not " +
                                             std::to_string(*if_version));
  }
  Draft draft;
  RETURN_IF_ERROR(BuildDraft(ops, draft));
  RETURN_IF_ERROR(ComputeClosures(draft));
  if (hook) {
    std::vector<EntityChange> changes;
    changes.reserve(draft.touched_order.size());
    for (uint32_t id : draft.touched_order) {
      const EntityUid& uid =
          id < draft.base_size ? nodes_[id].entity.uid : draft.new_uids[id - draft.base_size];
      changes.push_back({uid, draft.touched[id].entity});
    }
    RETURN_IF_ERROR(hook(changes, version_ + 1));
  }
  std::unique_lock<WriterPreferringRwLock> lock(mutex_);
  Publish(draft);
  return version_;
}

void EntityStore::SetVersion(uint64_t version) {
  std::lock_guard<std::mutex> writer(writer_);
  std::unique_lock<WriterPreferringRwLock> lock(mutex_);
  version_ = version;
}

uint64_t EntityStore::version() const {
  std::shared_lock<WriterPreferringRwLock> lock(mutex_);
  return version_;
}

size_t EntityStore::size() const {
  std::shared_lock<WriterPreferringRwLock> lock(mutex_);
  return present_;
}

const Entity* EntityStore::View::Find(const EntityUid& uid) const {
  auto id = store_.IdOf(uid);
  if (!id) return nullptr;
  const Node& n = store_.nodes_[*id];
  return n.present ? &n.entity : nullptr;
}

bool EntityStore::View::IsInOrEqual(const EntityUid& child, const EntityUid& ancestor) const {
  if (child == ancestor) return true;
  auto c = store_.IdOf(child);
  if (!c) return false;
  auto a = store_.IdOf(ancestor);
  if (!a) return false;
  const std::vector<uint32_t>& closure = store_.nodes_[*c].closure;
  return std::binary_search(closure.begin(), closure.end(), *a);
}

void EntityStore::View::AppendAncestors(const EntityUid& uid,
                                        std::vector<const EntityUid*>& out) const {
  auto id = store_.IdOf(uid);
  if (!id) return;
  for (uint32_t a : store_.nodes_[*id].closure) out.push_back(&store_.nodes_[a].entity.uid);
}

void EntityStore::View::ForEachOfType(const std::string& type,
                                      const std::function<void(const Entity&)>& fn) const {
  auto it = store_.by_type_.find(type);
  if (it == store_.by_type_.end()) return;
  for (uint32_t id : it->second) {
    const Node& n = store_.nodes_[id];
    if (n.present) fn(n.entity);
  }
}

}  // namespace metagate::pdp
