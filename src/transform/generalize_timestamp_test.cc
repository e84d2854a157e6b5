#include <gtest/gtest.h>

#include "metagate/transform/generalize.h"

namespace metagate::transform {
namespace {

std::string Ok(std::string_view v) {
  Result<std::string> r = GeneralizeTimestamp(v);
  EXPECT_TRUE(r.ok()) << v << ": " << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

TEST(GeneralizeTimestamp, Iso8601) {
  EXPECT_EQ(Ok("2024-11-29T05:29:34.246Z"), "2024-11-29T05:00:00Z");
  EXPECT_EQ(Ok("2024-11-29T05:29:34Z"), "2024-11-29T05:00:00Z");
  EXPECT_EQ(Ok("2024-11-29T05:29:34+02:00"), "2024-11-29T05:00:00+02:00");
  EXPECT_EQ(Ok("2024-11-29T23:59:59.999999-05:30"), "2024-11-29T23:00:00-05:30");
  EXPECT_EQ(Ok("2024-11-29T05:29:34+0200"), "2024-11-29T05:00:00+0200");
  EXPECT_EQ(Ok("2024-11-29T05:29"), "2024-11-29T05:00:00");
  EXPECT_EQ(Ok("2024-11-29 05:29:34"), "2024-11-29 05:00:00");
  EXPECT_EQ(Ok("2024-02-29T00:00:00Z"), "2024-02-29T00:00:00Z");
  EXPECT_EQ(Ok("2024-11-29t05:29:34z"), "2024-11-29t05:00:00Z");
}

TEST(GeneralizeTimestamp, EpochKeepsUnit) {
  EXPECT_EQ(Ok("1732858174"), "1732856400");        // seconds
  EXPECT_EQ(Ok("1732858174246"), "1732856400000");  // milliseconds
  EXPECT_EQ(Ok("1732858174.5"), "1732856400");
  EXPECT_EQ(Ok("0"), "0");
  EXPECT_EQ(Ok("3599"), "0");
}

TEST(GeneralizeTimestamp, RejectsInvalid) {
  for (std::string_view bad : {"",
                               " ",
                               "yesterday",
                               "2024-13-01T00:00:00Z",
                               "2024-02-30T00:00:00Z",
                               "2023-02-29T00:00:00Z",
                               "2024-11-29T24:00:00Z",
                               "2024-11-29T05:60:00Z",
                               "2024-11-29",
                               "2024-11-29T5:29:34Z",
                               "2024-11-29T05:29:34.Z",
                               "2024-11-29T05:29:34+2",
                               "2024-11-29T05:29:34+25:00",
                               "2024-11-29T05:29:34Zjunk",
                               "2024/11/29T05:29:34Z",
                               "-1732858174",
                               "1732858174246000",
                               "17e8",
                               "1732858174.",
                               "12:00"}) {
    EXPECT_FALSE(GeneralizeTimestamp(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace metagate::transform
