#include <gtest/gtest.h>

#include "metagate/transform/generalize.h"

namespace metagate::transform {
namespace {

std::string Ok(std::string_view v) {
  Result<std::string> r = GeneralizeCoordinate(v);
  EXPECT_TRUE(r.ok()) << v << ": " << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

TEST(GeneralizeCoordinate, RoundsToOneDecimal) {
  EXPECT_EQ(Ok("48.8566"), "48.9");
  EXPECT_EQ(Ok("2.3522"), "2.4");
  EXPECT_EQ(Ok("-122.4194"), "-122.4");
  EXPECT_EQ(Ok("37.75"), "37.8");
  EXPECT_EQ(Ok("10"), "10.0");
  EXPECT_EQ(Ok("-0.04"), "0.0");
  EXPECT_EQ(Ok("+51.5074"), "51.5");
  EXPECT_EQ(Ok(" 180 "), "180.0");
  EXPECT_EQ(Ok(".5"), "0.5");
}

TEST(GeneralizeCoordinate, Pairs) {
  EXPECT_EQ(Ok("48.8566,2.3522"), "48.9,2.4");
  EXPECT_EQ(Ok("40.7128, -74.0060"), "40.7,-74.0");
  EXPECT_FALSE(GeneralizeCoordinate("91.0,2.0").ok());
  EXPECT_FALSE(GeneralizeCoordinate("1.0,").ok());
  EXPECT_FALSE(GeneralizeCoordinate("1,2,3").ok());
}

TEST(GeneralizeCoordinate, RejectsInvalid) {
  for (std::string_view bad : {"", " ", "abc", "1.2.3", "nan", "inf", "-", ".", "1e5", "0x10",
                               "180.1", "-200", "12a", "1 2", "--1", "+-1"}) {
    EXPECT_FALSE(GeneralizeCoordinate(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace metagate::transform
