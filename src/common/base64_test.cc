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

TEST(Base64Url, KnownValuesRoundTripAndNoPadding) {
  EXPECT_EQ(EncodeUrl(std::string("\x1f\x8b\xff", 3)), "H4v_");
  EXPECT_EQ(EncodeUrl(std::string("\xfb\xff", 2)), "-_8");
  EXPECT_EQ(EncodeUrl("wk-123:"), "d2stMTIzOg");
  EXPECT_EQ(DecodeUrl("d2stMTIzOg").value(), "wk-123:");
  EXPECT_EQ(DecodeUrl("-_8").value(), std::string("\xfb\xff", 2));
  EXPECT_EQ(DecodeUrl("").value(), "");
  std::string bytes;
  for (int i = 0; i < 40; ++i) {
    std::optional<std::string> back = DecodeUrl(EncodeUrl(bytes));
    ASSERT_TRUE(back.has_value());
    EXPECT_EQ(*back, bytes);
    bytes.push_back(static_cast<char>(i * 53 + 7));
  }
}

TEST(Base64Url, RejectsWhatIsNotStrictBase64Url) {
  EXPECT_FALSE(DecodeUrl("d2stMTIzOg==").has_value());  // padding
  EXPECT_FALSE(DecodeUrl("H4v/").has_value());          // standard alphabet
  EXPECT_FALSE(DecodeUrl("H4v+").has_value());
  EXPECT_FALSE(DecodeUrl("d2st\nMTIz").has_value());  // line break
  EXPECT_FALSE(DecodeUrl("abcde").has_value());       // 4n + 1 characters
  EXPECT_FALSE(DecodeUrl("-_9").has_value());         // low bits of the last character set
  EXPECT_FALSE(DecodeUrl("QR").has_value());          // "Q" alone is canonical, "QR" is not
  EXPECT_TRUE(DecodeUrl("QQ").has_value());
}

}  // namespace
}  // namespace metagate::base64
