#include "detect/national_id.h"

#include <gtest/gtest.h>

namespace metagate::classify::detect {
namespace {

TEST(SsnDetect, AcceptsValidNumbers) {
  EXPECT_TRUE(IsUsSsn("846-29-3176"));
  EXPECT_TRUE(IsUsSsn("001-01-0001"));
  EXPECT_TRUE(IsUsSsn("832 06 3442"));
}

TEST(SsnDetect, RejectsNearMisses) {
  EXPECT_FALSE(IsUsSsn("625-201-7938"));  // a US phone number
  EXPECT_FALSE(IsUsSsn("2024-11-29"));    // a date
  EXPECT_FALSE(IsUsSsn("000-12-3456"));
  EXPECT_FALSE(IsUsSsn("666-12-3456"));
  EXPECT_FALSE(IsUsSsn("912-12-3456"));
  EXPECT_FALSE(IsUsSsn("123-00-3456"));
  EXPECT_FALSE(IsUsSsn("123-45-0000"));
  EXPECT_FALSE(IsUsSsn("123-45 6789"));  // mixed separators
  EXPECT_FALSE(IsUsSsn("123456789"));    // no separators
  EXPECT_FALSE(IsUsSsn("123-45-67890"));
  EXPECT_FALSE(IsUsSsn("12a-45-6789"));
}

}  // namespace
}  // namespace metagate::classify::detect
