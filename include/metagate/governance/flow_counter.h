// FlowCounter: turns filtered requests into data map rows (one per event decision, and one per
// field, class set, form and decision), counted in memory. Used per shard by the gateway's
// Governance and alone by `metagate map --from-file`. Not thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "metagate/egress/pipeline.h"
#include "metagate/governance/flow_map.h"

namespace metagate::governance {

// How the map names the decision of each event of `result`: allowed (observed, discovered in
// those modes), held (when `held[i]`), or blocked:<why>.
std::vector<std::string> EventDecisions(const egress::FilterResult& result, egress::Mode mode,
                                        const std::vector<bool>& held);

// Writes the class set as the map and the decision log name it: sorted, joined with ','.
// `scratch` is reused between calls (no allocation once warm).
void JoinClasses(const std::vector<std::string>& classes, std::vector<std::string_view>& scratch,
                 std::string& out);

class FlowCounter {
 public:
  // Counts the events and the fields (but structural and credential ones) of one request.
  // `decisions` comes from EventDecisions.
  void Add(std::string_view integration, std::string_view vendor,
           const egress::FilterResult& result, const std::vector<std::string>& decisions,
           egress::Mode mode, int64_t now_ms);
  // Adds rows counted elsewhere (a failed flush's, kept for the next).
  void Merge(std::vector<FlowRow> rows);
  // The rows counted so far, leaving the counter empty.
  std::vector<FlowRow> Take();
  bool empty() const { return rows_.empty(); }

 private:
  void Count(std::string_view integration, std::string_view vendor, std::string_view event,
             std::string_view field, std::string_view classes, std::string_view form,
             std::string_view decision, uint64_t n, int64_t first, int64_t last);
  std::unordered_map<std::string, FlowRow> rows_;
  std::string key_;
  std::string classes_;
  std::vector<std::string_view> sorted_;
};

}  // namespace metagate::governance
