// The scope index: each policy sits in one bucket keyed by (principal key, resource key).
#include "metagate/cedar/scope_index.h"

#include <algorithm>

namespace metagate::cedar {

uint32_t ScopeIndex::Side::KeyOf(const ScopeConstraint& c, const Policy& policy) {
  if (c.op == ScopeConstraint::Op::kAny) return 0;
  if (c.op == ScopeConstraint::Op::kIs) {
    auto [it, inserted] = by_type.try_emplace(c.entity_type, next_id);
    if (inserted) ++next_id;
    return it->second;
  }
  const EntityUid* e = nullptr;
  if (c.entity) {
    e = &*c.entity;
  } else if (c.slot) {
    const auto& linked =
        *c.slot == SlotId::kPrincipal ? policy.principal_slot_value : policy.resource_slot_value;
    if (linked) e = &*linked;
  }
  // An unlinked slot is an evaluation error: keep the policy a candidate everywhere.
  if (e == nullptr) return 0;
  return EntityKey(*e);
}

namespace {

constexpr size_t kFilterBits = size_t{1} << 17;

uint64_t MixAddress(const void* p) {
  return (reinterpret_cast<uintptr_t>(p) >> 4) * 0x9e3779b97f4a7c15ULL;
}

void PutSlot(std::vector<std::pair<const void*, uint32_t>>& slots, const void* p, uint32_t id) {
  const size_t mask = slots.size() - 1;
  size_t i = (MixAddress(p) >> 20) & mask;
  while (slots[i].first != nullptr) i = (i + 1) & mask;
  slots[i] = {p, id};
}

}  // namespace

uint32_t ScopeIndex::Side::EntityKey(const EntityUid& e) {
  auto [it, inserted] = by_entity.try_emplace(e, next_id);
  if (!inserted) return it->second;
  ++next_id;
  if (filter.empty()) filter.assign(kFilterBits / 64, 0);
  const uint64_t h = MixAddress(e.identity());
  filter[(h >> 47) / 64] |= uint64_t{1} << ((h >> 47) % 64);
  if ((by_entity.size() + 1) * 2 > slots.size()) {  // at most half full
    std::vector<std::pair<const void*, uint32_t>> old(std::max<size_t>(64, slots.size() * 2));
    old.swap(slots);
    for (const auto& [p, id] : old) {
      if (p != nullptr) PutSlot(slots, p, id);
    }
  }
  PutSlot(slots, e.identity(), it->second);
  return it->second;
}

uint32_t ScopeIndex::Side::Find(const void* identity) const {
  if (slots.empty()) return 0;
  const uint64_t h = MixAddress(identity);
  if ((filter[(h >> 47) / 64] & (uint64_t{1} << ((h >> 47) % 64))) == 0) return 0;
  const size_t mask = slots.size() - 1;
  for (size_t i = (h >> 20) & mask;; i = (i + 1) & mask) {
    if (slots[i].first == identity) return slots[i].second;
    if (slots[i].first == nullptr) return 0;
  }
}

void ScopeIndex::Side::Lookup(const EntityUid& uid, const EntityLookup& entities,
                              std::vector<uint32_t>& ids) const {
  ids.push_back(0);
  if (!by_type.empty()) {
    auto it = by_type.find(uid.type());
    if (it != by_type.end()) ids.push_back(it->second);
  }
  if (by_entity.empty()) return;
  auto add = [&](const EntityUid& u) {
    if (uint32_t id = Find(u.identity())) ids.push_back(id);
  };
  add(uid);
  thread_local std::vector<const EntityUid*> ancestors;
  ancestors.clear();
  entities.AppendAncestors(uid, ancestors);
  for (const EntityUid* a : ancestors) add(*a);
  // With a cycle in the hierarchy an entity is its own ancestor: look each key up once.
  if (ids.size() > 2) {
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
  }
}

void ScopeIndex::Add(const Policy* policy) {
  uint32_t p = principal_.KeyOf(policy->principal, *policy);
  uint32_t r = resource_.KeyOf(policy->resource, *policy);
  if (buckets_.size() <= p) buckets_.resize(p + 1);
  Bucket& bucket = buckets_[p][r];
  const ScopeConstraint& a = policy->action;
  std::vector<uint32_t> action_keys;
  if (a.op == ScopeConstraint::Op::kEq || a.op == ScopeConstraint::Op::kIn) {
    if (a.is_list) {
      for (const EntityUid& e : a.entity_list) action_keys.push_back(action_.EntityKey(e));
      std::sort(action_keys.begin(), action_keys.end());
      action_keys.erase(std::unique(action_keys.begin(), action_keys.end()), action_keys.end());
    } else if (a.entity) {
      action_keys.push_back(action_.EntityKey(*a.entity));
    }
  }
  // `action in []` is never satisfied, but it is still evaluated as before (no key: any).
  if (action_keys.empty()) {
    bucket.any_action.push_back(policy);
  } else {
    if (action_keys.size() > 1) has_action_lists_ = true;
    for (uint32_t k : action_keys) {
      auto it = std::find_if(bucket.by_action.begin(), bucket.by_action.end(),
                             [&](const auto& e) { return e.first == k; });
      if (it == bucket.by_action.end()) {
        bucket.by_action.emplace_back(k, std::vector<const Policy*>{});
        it = bucket.by_action.end() - 1;
      }
      it->second.push_back(policy);
    }
  }
  ++size_;
}

void ScopeIndex::Candidates(const Request& request, const EntityLookup& entities,
                            std::vector<const Policy*>& out) const {
  if (size_ == 0) return;
  thread_local std::vector<uint32_t> pids;
  thread_local std::vector<uint32_t> rids;
  thread_local std::vector<uint32_t> aids;
  pids.clear();
  rids.clear();
  aids.clear();
  principal_.Lookup(request.principal, entities, pids);
  resource_.Lookup(request.resource, entities, rids);
  action_.Lookup(request.action, entities, aids);
  size_t start = out.size();
  for (uint32_t p : pids) {
    if (p >= buckets_.size()) continue;
    const auto& by_resource = buckets_[p];
    if (by_resource.empty()) continue;
    for (uint32_t r : rids) {
      auto it = by_resource.find(r);
      if (it == by_resource.end()) continue;
      const Bucket& b = it->second;
      out.insert(out.end(), b.any_action.begin(), b.any_action.end());
      for (const auto& [k, policies] : b.by_action) {
        if (std::find(aids.begin(), aids.end(), k) != aids.end()) {
          out.insert(out.end(), policies.begin(), policies.end());
        }
      }
    }
  }
  // A policy listing several actions that the request's action is in comes up once per action.
  if (has_action_lists_ && aids.size() > 2) {
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(start), out.end());
    out.erase(std::unique(out.begin() + static_cast<std::ptrdiff_t>(start), out.end()), out.end());
  }
}

}  // namespace metagate::cedar
