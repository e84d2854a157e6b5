#include "metagate/common/utf8.h"

#include <gtest/gtest.h>

namespace metagate::utf8 {
namespace {

TEST(Utf8Test, FindInvalidAcceptsWellFormedText) {
  EXPECT_EQ(FindInvalid("plain ascii"), 11u);
  EXPECT_EQ(FindInvalid("caf\xc3\xa9 \xe2\x82\xac \xf0\x9f\x98\x80"), 14u);
}

TEST(Utf8Test, FindInvalidPointsAtTheBadSequence) {
  EXPECT_EQ(FindInvalid("ab\xff"), 2u);             // never valid
  EXPECT_EQ(FindInvalid("a\xc0\xaf"), 1u);          // overlong '/'
  EXPECT_EQ(FindInvalid("a\xed\xa0\x80"), 1u);      // surrogate U+D800
  EXPECT_EQ(FindInvalid("a\xf4\x90\x80\x80"), 1u);  // above U+10FFFF
  EXPECT_EQ(FindInvalid("abc\xe2\x82"), 3u);        // truncated
}

TEST(Utf8Test, DecodeAndAppendRoundTrip) {
  for (uint32_t cp : {0x41u, 0xE9u, 0x20ACu, 0x1F600u, 0x10FFFFu}) {
    std::string s;
    Append(s, cp);
    size_t i = 0;
    EXPECT_EQ(Decode(s, &i), cp);
    EXPECT_EQ(i, s.size());
  }
}

TEST(Utf8Test, DecodeIsLenientOnInvalidBytes) {
  std::string s =
      "\xff"
      "a";
  size_t i = 0;
  EXPECT_EQ(Decode(s, &i), 0xFFu);
  EXPECT_EQ(i, 1u);
  EXPECT_EQ(Decode(s, &i), static_cast<uint32_t>('a'));
}

}  // namespace
}  // namespace metagate::utf8
