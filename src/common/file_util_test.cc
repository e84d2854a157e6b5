#include "metagate/common/file_util.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace metagate {
namespace {

std::string TempPath(const char* name) {
  return ::testing::TempDir() + name + std::to_string(::getpid());
}

TEST(ReadFileTest, ReadsEveryByteOfSmallEmptyAndLargeFiles) {
  // Larger than the read block, not a multiple of it, with NUL and high bytes.
  std::string large;
  for (size_t i = 0; i < 200'003; ++i) large += static_cast<char>((i * 7919) % 256);
  for (const std::string& contents : {std::string(), std::string("a\0b", 3), large}) {
    const std::string path = TempPath("read_file_test");
    ASSERT_TRUE(WriteFileAtomic(path, contents).ok());
    auto read = ReadFile(path);
    ASSERT_TRUE(read.ok()) << read.status().ToString();
    EXPECT_EQ(read->size(), contents.size());
    EXPECT_TRUE(*read == contents);
    std::remove(path.c_str());
  }
}

TEST(ReadFileTest, MissingFileNamesThePath) {
  const std::string path = TempPath("no_such_file_");
  auto read = ReadFile(path);
  ASSERT_FALSE(read.ok());
  EXPECT_NE(read.status().message().find(path), std::string::npos);
}

}  // namespace
}  // namespace metagate
