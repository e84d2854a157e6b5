#include "metagate/common/base64.h"

#include <gtest/gtest.h>

namespace metagate::base64 {
namespace {

TEST(Base64, RoundTripsEveryLength) {
  std::string bytes;
  for (int i = 0; i < 40; ++i) {
    std::optional<std::string> back = Decode(Encode(bytes));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, bytes);
    bytes.push_back(static_cast<char>(i * 37 + 250));
  }
}

TEST(Base64, KnownValuesAndAlphabets) {
  EXPECT_EQ(Encode("wk-123:"), "d2stMTIzOg==");
  EXPECT_EQ(Encode(std::string("\x1f\x8b\xff", 3)), "H4v/");
  EXPECT_EQ(Decode("H4v_").value(), std::string("\x1f\x8b\xff", 3));  // URL-safe alphabet
  EXPECT_EQ(Decode("d2stMTIzOg").value(), "wk-123:");                 // no padding
  EXPECT_FALSE(Decode("not base64!").has_value());
}

}  // namespace
}  // namespace metagate::base64
