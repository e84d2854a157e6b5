#include "plan_cache.h"

#include <cstring>
#include <random>

#include "pipeline_impl.h"

namespace metagate::egress {

namespace {
constexpr size_t kInitialSlots = 64;
}  // namespace

PlanCache::PlanCache() : slots_(kInitialSlots) {}
PlanCache::~PlanCache() = default;

uint64_t PlanCache::Hash(std::string_view s) {
  static const uint64_t seed = std::random_device()();  // per process: no fixed collisions
  constexpr uint64_t kMul = 0x9e3779b97f4a7c15ULL;
  uint64_t h = seed ^ s.size();
  const char* p = s.data();
  size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) {
    uint64_t w;
    std::memcpy(&w, p, 8);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
  }
  if (n > 0) {
    uint64_t w = 0;
    std::memcpy(&w, p, n);
    h = (h ^ w) * kMul;
    h ^= h >> 32;
  }
  return h;
}

const OwnerPlan* PlanCache::Find(std::string_view key, uint64_t hash) const {
  const size_t mask = slots_.size() - 1;
  for (size_t i = hash & mask;; i = (i + 1) & mask) {
    const Slot& s = slots_[i];
    if (s.plan == nullptr) return nullptr;
    if (s.hash == hash && s.plan->shape == key) return s.plan;
  }
}

const OwnerPlan* PlanCache::Insert(std::string_view key, uint64_t hash,
                                   std::unique_ptr<OwnerPlan> plan) {
  if ((plans_.size() + 1) * 2 > slots_.size()) Grow();
  plan->shape.assign(key);
  const OwnerPlan* p = plans_.emplace_back(std::move(plan)).get();
  const size_t mask = slots_.size() - 1;
  size_t i = hash & mask;
  while (slots_[i].plan != nullptr) i = (i + 1) & mask;
  slots_[i] = Slot{hash, p};
  return p;
}

void PlanCache::Grow() {
  std::vector<Slot> old(slots_.size() * 2);
  old.swap(slots_);
  const size_t mask = slots_.size() - 1;
  for (const Slot& s : old) {
    if (s.plan == nullptr) continue;
    size_t i = s.hash & mask;
    while (slots_[i].plan != nullptr) i = (i + 1) & mask;
    slots_[i] = s;
  }
}

void PlanCache::clear() {
  plans_.clear();
  slots_.assign(kInitialSlots, Slot{});
}

}  // namespace metagate::egress
