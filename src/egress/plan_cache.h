// PlanCache: a scratch's owner plans by shape key. Open addressing over (hash, plan) slots, so a
// lookup reads one slot array and, on a hash match, compares the plan's own key in full (a plan
// is applied only to the exact shape it was built for).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace metagate::egress {

struct OwnerPlan;

class PlanCache {
 public:
  PlanCache();
  ~PlanCache();
  PlanCache(const PlanCache&) = delete;
  PlanCache& operator=(const PlanCache&) = delete;

  // A keyed hash of a shape key (the seed is random per process).
  static uint64_t Hash(std::string_view key);

  const OwnerPlan* Find(std::string_view key, uint64_t hash) const;
  // Adds a plan for `key`, which Find did not hold; returns it.
  const OwnerPlan* Insert(std::string_view key, uint64_t hash, std::unique_ptr<OwnerPlan> plan);
  size_t size() const { return plans_.size(); }
  void clear();

 private:
  struct Slot {
    uint64_t hash = 0;
    const OwnerPlan* plan = nullptr;  // null: empty
  };
  void Grow();

  std::vector<Slot> slots_;  // a power of two, at most half full
  std::vector<std::unique_ptr<OwnerPlan>> plans_;
};

}  // namespace metagate::egress
