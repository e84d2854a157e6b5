// The data map as a graph: integrations -> vendors, each edge carrying the classes that leave and
// their forms. Shared by the dot and html renderers so both draw the same edges.
#include <algorithm>
#include <map>
#include <utility>

#include "map_render.h"

namespace metagate::governance::map_render {

FlowGraph BuildFlowGraph(const FlowMap& map) {
  FlowGraph graph;
  std::set<std::string> integrations, vendors;
  for (const auto& row : map.rows) {
    integrations.insert(row.integration);
    vendors.insert(row.vendor);
  }
  graph.integrations.assign(integrations.begin(), integrations.end());
  graph.vendors.assign(vendors.begin(), vendors.end());
  auto index_of = [](const std::vector<std::string>& names, const std::string& name) {
    return static_cast<size_t>(std::lower_bound(names.begin(), names.end(), name) - names.begin());
  };

  struct Acc {
    std::map<std::string, std::set<std::string>> leaving;
    bool any_passes = false;
    uint64_t passed = 0;
    uint64_t blocked = 0;
  };
  std::map<std::pair<size_t, size_t>, Acc> pairs;
  for (const auto& row : map.rows) {
    Acc& acc =
        pairs[{index_of(graph.integrations, row.integration), index_of(graph.vendors, row.vendor)}];
    if (Passes(row)) acc.any_passes = true;
    if (IsEventRow(row)) {
      if (Passes(row)) acc.passed += row.count;
      if (IsBlocked(row)) acc.blocked += row.count;
      continue;
    }
    if (!FieldLeaves(row)) continue;
    for (auto& name : SplitClasses(row.classes)) acc.leaving[name].insert(row.form);
  }
  for (auto& [key, acc] : pairs) {
    FlowEdge edge;
    edge.integration = key.first;
    edge.vendor = key.second;
    edge.blocked_only = !acc.any_passes;
    edge.events_passed = acc.passed;
    edge.events_blocked = acc.blocked;
    for (auto& [name, forms] : acc.leaving) {
      bool identifier = map.identifier_classes.count(name) > 0;
      edge.leaving.push_back(ClassForms{name, std::move(forms), identifier});
    }
    graph.edges.push_back(std::move(edge));
  }
  return graph;
}

}  // namespace metagate::governance::map_render
