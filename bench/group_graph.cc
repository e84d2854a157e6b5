// GroupGraph: level sizes, the parent arithmetic, and walks over parent indices.
#include "group_graph.h"

#include <algorithm>

namespace metagate::bench {

namespace {
constexpr std::array<uint32_t, GroupGraph::kLevels - 1> kUpperLevels = {
    4, 16, 64, 256, 1024, 2048, 4096, 8192, 16384};
}  // namespace

GroupGraph::GroupGraph(uint32_t total, bool dag) : dag_(dag) {
  uint32_t upper = 0;
  for (int k = 0; k + 1 < kLevels; ++k) {
    level_size_[k] = kUpperLevels[k];
    upper += kUpperLevels[k];
  }
  level_size_[kLevels - 1] = total - upper;
  uint32_t start = 0;
  for (int k = 0; k < kLevels; ++k) {
    level_start_[k] = start;
    start += level_size_[k];
  }
  parents_.assign(total, {kNoParent, kNoParent});
  for (int k = 1; k < kLevels; ++k) {
    uint64_t above = level_size_[k - 1];
    for (uint32_t j = 0; j < level_size_[k]; ++j) {
      auto p = static_cast<uint32_t>(j * above / level_size_[k]);
      auto& out = parents_[level_start_[k] + j];
      out[0] = level_start_[k - 1] + p;
      if (dag) out[1] = level_start_[k - 1] + static_cast<uint32_t>((p + 1) % above);
    }
  }
}

int GroupGraph::LevelOf(uint32_t node) const {
  int level = 0;
  while (level + 1 < kLevels && node >= level_start_[level + 1]) ++level;
  return level;
}

std::string GroupGraph::Name(uint32_t node) const {
  int level = LevelOf(node);
  return "g" + std::to_string(level) + "_" + std::to_string(node - level_start_[level]);
}

std::vector<uint32_t> GroupGraph::Ancestors(uint32_t node) const {
  std::vector<uint32_t> out;
  std::vector<uint32_t> frontier = {node};
  while (!frontier.empty()) {
    uint32_t n = frontier.back();
    frontier.pop_back();
    for (uint32_t p : parents_[n]) {
      if (p == kNoParent || std::find(out.begin(), out.end(), p) != out.end()) continue;
      out.push_back(p);
      frontier.push_back(p);
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

uint32_t GroupGraph::SubtreeSize(uint32_t node) const {
  // Children of level-k nodes sit on level k+1, so one pass per level below suffices.
  std::vector<bool> in(size(), false);
  in[node] = true;
  uint32_t count = 1;
  for (int k = LevelOf(node) + 1; k < kLevels; ++k) {
    for (uint32_t n = level_start_[k]; n < level_start_[k] + level_size_[k]; ++n) {
      for (uint32_t p : parents_[n]) {
        if (p != kNoParent && in[p]) {
          in[n] = true;
          ++count;
          break;
        }
      }
    }
  }
  return count;
}

uint32_t GroupGraph::RandomAncestorAtLevel(uint32_t node, int level, std::mt19937_64& rng) const {
  while (LevelOf(node) > level) {
    const auto& ps = parents_[node];
    node = ps[1] != kNoParent && rng() % 2 == 1 ? ps[1] : ps[0];
  }
  return node;
}

uint32_t GroupGraph::RandomLeaf(std::mt19937_64& rng) const {
  return level_start_[kLevels - 1] + static_cast<uint32_t>(rng() % level_size_[kLevels - 1]);
}

}  // namespace metagate::bench
