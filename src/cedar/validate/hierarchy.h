// The schema's membership relations, precomputed for the typechecker: which entity types may
// be descendants of which, and the exact (transitive) hierarchy of action entities.
#pragma once

#include <map>
#include <set>
#include <string>
#include <unordered_map>
#include <unordered_set>

#include "metagate/cedar/schema.h"

namespace metagate::cedar::validate {

class Hierarchy {
 public:
  explicit Hierarchy(const Schema& schema);

  // Whether an entity of type `child` may be `in` an entity of type `ancestor` (equal types
  // included).
  bool TypeMayBeIn(const std::string& child, const std::string& ancestor) const;
  // Whether action `child` is `ancestor` or a (transitive) member of it.
  bool ActionIn(const EntityUid& child, const EntityUid& ancestor) const;
  // Entity types the schema declares, or that are the type of some declared action.
  bool IsKnownType(const std::string& type) const;

 private:
  std::map<std::string, std::set<std::string>, std::less<>> type_ancestors_;
  std::unordered_map<EntityUid, std::unordered_set<EntityUid, EntityUidHash>, EntityUidHash>
      action_ancestors_;
};

}  // namespace metagate::cedar::validate
