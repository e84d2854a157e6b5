// A synthetic group hierarchy for the entity-store benchmarks: ten levels of nodes, each node
// below one node (tree) or two neighbouring nodes (DAG) of the level above, as plain indices so
// that it is independent of the stores under test and can serve as their oracle. Immutable once
// built; safe to share across threads.
#pragma once

#include <array>
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace metagate::bench {

class GroupGraph {
 public:
  static constexpr uint32_t kNoParent = UINT32_MAX;
  static constexpr int kLevels = 10;

  // Nodes per level for `total` nodes: 4, 16, 64, 256, 1024, 2048, 4096, 8192, 16384 on levels
  // 0-8 (32,084 nodes) and the rest on level 9. Node j of level k has parent
  // j * size(k-1) / size(k) (contiguous, balanced blocks); with `dag`, also the next node of
  // that level (wrapping). REQUIRES: total >= 50,000.
  GroupGraph(uint32_t total, bool dag);

  uint32_t size() const { return static_cast<uint32_t>(parents_.size()); }
  bool dag() const { return dag_; }
  uint32_t level_size(int level) const { return level_size_[level]; }
  uint32_t level_start(int level) const { return level_start_[level]; }
  int LevelOf(uint32_t node) const;
  // Returns the node's entity id, "g<level>_<index in level>".
  std::string Name(uint32_t node) const;
  // Returns the node's parents (one or two), kNoParent-padded.
  const std::array<uint32_t, 2>& Parents(uint32_t node) const { return parents_[node]; }

  // Returns all ancestors of `node`, sorted, by a walk over the parent indices.
  std::vector<uint32_t> Ancestors(uint32_t node) const;
  // Returns the number of nodes below `node` plus one.
  uint32_t SubtreeSize(uint32_t node) const;
  // Returns an ancestor of `node` on `level` (< LevelOf(node)), picking a random parent at each
  // step up.
  uint32_t RandomAncestorAtLevel(uint32_t node, int level, std::mt19937_64& rng) const;
  // Returns a random node of level 9.
  uint32_t RandomLeaf(std::mt19937_64& rng) const;

 private:
  bool dag_;
  std::array<uint32_t, kLevels> level_size_{};
  std::array<uint32_t, kLevels> level_start_{};
  std::vector<std::array<uint32_t, 2>> parents_;
};

}  // namespace metagate::bench
