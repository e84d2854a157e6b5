#include "validate/hierarchy.h"

#include <vector>

namespace metagate::cedar::validate {

namespace {

// Transitive closure of `direct` (a map from a node to its direct parents).
template <typename Map>
Map Close(const Map& direct) {
  Map out;
  for (const auto& [node, parents] : direct) {
    auto& acc = out[node];
    std::vector<typename Map::key_type> stack(parents.begin(), parents.end());
    while (!stack.empty()) {
      auto n = stack.back();
      stack.pop_back();
      if (!acc.insert(n).second) continue;
      auto it = direct.find(n);
      if (it != direct.end()) stack.insert(stack.end(), it->second.begin(), it->second.end());
    }
  }
  return out;
}

}  // namespace

Hierarchy::Hierarchy(const Schema& schema) {
  std::map<std::string, std::set<std::string>, std::less<>> types;
  for (const auto& [name, decl] : schema.entity_types()) {
    auto& parents = types[name];
    parents.insert(decl.member_of_types.begin(), decl.member_of_types.end());
  }
  std::unordered_map<EntityUid, std::unordered_set<EntityUid, EntityUidHash>, EntityUidHash>
      actions;
  for (const ActionDecl& a : schema.actions()) {
    auto& parents = actions[a.uid];
    auto& type_parents = types[a.uid.type()];
    for (const EntityUid& p : a.member_of) {
      parents.insert(p);
      type_parents.insert(p.type());
    }
  }
  type_ancestors_ = Close(types);
  action_ancestors_ = Close(actions);
}

bool Hierarchy::TypeMayBeIn(const std::string& child, const std::string& ancestor) const {
  if (child == ancestor) return true;
  auto it = type_ancestors_.find(child);
  return it != type_ancestors_.end() && it->second.count(ancestor) > 0;
}

bool Hierarchy::ActionIn(const EntityUid& child, const EntityUid& ancestor) const {
  if (child == ancestor) return true;
  auto it = action_ancestors_.find(child);
  return it != action_ancestors_.end() && it->second.count(ancestor) > 0;
}

bool Hierarchy::IsKnownType(const std::string& type) const {
  return type_ancestors_.count(type) > 0;
}

}  // namespace metagate::cedar::validate
