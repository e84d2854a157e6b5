#include "detect/iban.h"

#include <gtest/gtest.h>

namespace metagate::classify::detect {
namespace {

TEST(IbanDetect, AcceptsCompactAndPrintForms) {
  EXPECT_TRUE(IsIban("DE89370400440532013000"));
  EXPECT_TRUE(IsIban("DE89 3704 0044 0532 0130 00"));
  EXPECT_TRUE(IsIban("GB82WEST12345698765432"));
  EXPECT_TRUE(IsIban("GB82 WEST 1234 5698 7654 32"));
  EXPECT_TRUE(IsIban("FR1420041010050500013M02606"));
  EXPECT_TRUE(IsIban("NL91ABNA0417164300"));
  EXPECT_TRUE(IsIban("NO9386011117947"));
  EXPECT_TRUE(IsIban("BE68539007547034"));
  EXPECT_EQ(IbanLength("FR"), 27);
  EXPECT_EQ(IbanLength("US"), 0);
}

TEST(IbanDetect, RejectsNearMisses) {
  EXPECT_FALSE(IsIban("DE88370400440532013000"));   // wrong check digits
  EXPECT_FALSE(IsIban("DE8937040044053201300"));    // one short for DE
  EXPECT_FALSE(IsIban("DE893704004405320130000"));  // one too long
  EXPECT_FALSE(IsIban("DEUTDEFF"));                 // a BIC
  EXPECT_FALSE(IsIban("DEUTDEFF500"));
  EXPECT_FALSE(IsIban("DE89 3704 0044 0532 0130 0 0"));  // bad grouping
  EXPECT_FALSE(IsIban("DE89  3704 0044 0532 0130 00"));
  EXPECT_FALSE(IsIban("DE89 37040 044 0532 0130 00"));
  EXPECT_FALSE(IsIban("de89370400440532013000"));  // lowercase
  EXPECT_FALSE(IsIban("US89370400440532013000"));  // no IBAN in the US
  EXPECT_FALSE(IsIban("XX00"));
}

}  // namespace
}  // namespace metagate::classify::detect
