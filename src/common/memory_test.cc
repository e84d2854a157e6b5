#include "metagate/common/memory.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

namespace metagate {
namespace {

// Under AddressSanitizer freed memory sits in its quarantine, not in glibc's heap; the release
// build runs this test.
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define METAGATE_UNDER_ASAN 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define METAGATE_UNDER_ASAN 1
#endif

#if defined(__GLIBC__) && !defined(METAGATE_UNDER_ASAN)
TEST(ReleaseFreedHeap, ReturnsFreedSmallBlocksToTheSystem) {
  // 160 MB of small blocks (below the mmap threshold, so they live in the heap), then a block
  // allocated after them so that the heap's top cannot simply shrink when they are freed.
  constexpr size_t kBlock = 200, kCount = 800'000;
  std::vector<char*> blocks;
  blocks.reserve(kCount);
  for (size_t i = 0; i < kCount; ++i) {
    char* p = static_cast<char*>(std::malloc(kBlock));
    ASSERT_NE(p, nullptr);
    for (size_t j = 0; j < kBlock; j += 64) p[j] = static_cast<char>(i);  // make it resident
    blocks.push_back(p);
  }
  std::unique_ptr<char[]> pin(new char[kBlock]);
  pin[0] = 1;
  for (char* p : blocks) std::free(p);
  size_t before = ResidentBytes();
  ReleaseFreedHeap();
  size_t after = ResidentBytes();
  ASSERT_GT(before, 0u);
  EXPECT_LT(after + 100'000'000, before) << "before " << before << " after " << after;
}
#endif

}  // namespace
}  // namespace metagate
