#include "detect/coordinates.h"

#include <gtest/gtest.h>

#include <limits>

namespace metagate::classify::detect {
namespace {

TEST(CoordinatesDetect, Ranges) {
  EXPECT_TRUE(IsLatitude(48.8566));
  EXPECT_TRUE(IsLatitude(-90));
  EXPECT_FALSE(IsLatitude(90.01));
  EXPECT_FALSE(IsLatitude(std::numeric_limits<double>::quiet_NaN()));
  EXPECT_TRUE(IsLongitude(-180));
  EXPECT_FALSE(IsLongitude(180.5));
}

TEST(CoordinatesDetect, Pairs) {
  EXPECT_TRUE(IsLatLngPair("48.8566, 2.3522"));
  EXPECT_TRUE(IsLatLngPair("-33.868,151.209"));
  EXPECT_FALSE(IsLatLngPair("48.85, 2.35"));      // too few decimals
  EXPECT_FALSE(IsLatLngPair("91.0000, 2.3522"));  // latitude out of range
  EXPECT_FALSE(IsLatLngPair("48.8566 2.3522"));
  EXPECT_FALSE(IsLatLngPair("1,234.567"));
  EXPECT_FALSE(IsLatLngPair("48.8566, 2.3522, 1.000"));
  EXPECT_FALSE(IsLatLngPair(""));
}

}  // namespace
}  // namespace metagate::classify::detect
