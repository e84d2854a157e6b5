#include "detect/uuid.h"

#include <gtest/gtest.h>

namespace metagate::classify::detect {
namespace {

TEST(UuidDetect, Forms) {
  EXPECT_TRUE(IsUuid("34b2b899-cb43-42d6-92e5-7810dd9de79f"));
  EXPECT_TRUE(IsUuid("34B2B899-CB43-42D6-92E5-7810DD9DE79F"));
  EXPECT_FALSE(IsUuid("34b2b899cb4342d692e57810dd9de79f"));
  EXPECT_FALSE(IsUuid("34b2b899-cb43-42d6-92e5-7810dd9de79"));
  EXPECT_FALSE(IsUuid("34b2b899-cb43-42d6-92e5-7810dd9de79g"));
  EXPECT_FALSE(IsUuid("{34b2b899-cb43-42d6-92e5-7810dd9de79f}"));
  EXPECT_FALSE(IsUuid("34b2b899-cb4342d6-92e5-7810dd9de79f0"));
}

}  // namespace
}  // namespace metagate::classify::detect
