// An index of policies by their principal, action and resource scopes, so that the candidates for
// a request come from a few lookups on the request's principal, action, resource, their ancestors
// and types instead of a scan of every policy. Immutable once built; lookups are thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "metagate/cedar/ast.h"
#include "metagate/cedar/entities.h"
#include "metagate/cedar/evaluator.h"

namespace metagate::cedar {

class ScopeIndex {
 public:
  // Adds a static or template-linked policy. The policy must outlive the index.
  void Add(const Policy* policy);

  // Appends to `out` every added policy whose scope may hold for `request` (with the ancestors in
  // `entities`), each once, in no particular order. The policies left out are known not to be
  // satisfied.
  void Candidates(const Request& request, const EntityLookup& entities,
                  std::vector<const Policy*>& out) const;

  size_t size() const { return size_; }

 private:
  // The key ids of one side (principal or resource): entities and types used by scopes; id 0
  // stands for "any" (no entity or type constraint the index can use).
  struct Side {
    std::unordered_map<EntityUid, uint32_t, EntityUidIdentityHash> by_entity;
    std::unordered_map<std::string, uint32_t> by_type;
    uint32_t next_id = 1;
    // by_entity again for lookups, by the interned uid's address (no read of the uid itself):
    // a 16 KB bit filter that turns away most entities no scope names while it stays in the
    // CPU's first-level cache, then open addressing over (address, key id).
    std::vector<uint64_t> filter;
    std::vector<std::pair<const void*, uint32_t>> slots;
    uint32_t KeyOf(const ScopeConstraint& c, const Policy& policy);
    uint32_t EntityKey(const EntityUid& e);
    // The key id of an entity, or 0 when no scope names it.
    uint32_t Find(const void* identity) const;
    // Appends the ids of `uid`, its ancestors and its type that are keys of this side, and 0.
    void Lookup(const EntityUid& uid, const EntityLookup& entities,
                std::vector<uint32_t>& ids) const;
  };
  // The policies of one (principal key, resource key) pair, by action key.
  struct Bucket {
    std::vector<const Policy*> any_action;
    std::vector<std::pair<uint32_t, std::vector<const Policy*>>> by_action;
  };

  Side principal_;
  Side resource_;
  Side action_;                    // entities only
  bool has_action_lists_ = false;  // whether a policy sits under several action keys
  // Indexed by principal key id, then by resource key id.
  std::vector<std::unordered_map<uint32_t, Bucket>> buckets_;
  size_t size_ = 0;
};

}  // namespace metagate::cedar
