#include "detect/card.h"

#include <gtest/gtest.h>

namespace metagate::classify::detect {
namespace {

TEST(CardDetect, AcceptsIssuersAndGroupings) {
  EXPECT_TRUE(IsCreditCard("4111111111111111"));  // Visa
  EXPECT_TRUE(IsCreditCard("4111 1111 1111 1111"));
  EXPECT_TRUE(IsCreditCard("4111-1111-1111-1111"));
  EXPECT_TRUE(IsCreditCard("5500 0000 0000 0004"));  // Mastercard 51-55
  EXPECT_TRUE(IsCreditCard("2221000000000009"));     // Mastercard 2-series
  EXPECT_TRUE(IsCreditCard("3782 822463 10005"));    // Amex 4-6-5
  EXPECT_TRUE(IsCreditCard("378282246310005"));
  EXPECT_TRUE(IsCreditCard("6011 1111 1111 1117"));  // Discover
  EXPECT_TRUE(IsCreditCard("3530111333300000"));     // JCB
  EXPECT_TRUE(IsCreditCard("3056 930902 5904"));     // Diners 4-6-4
  EXPECT_TRUE(IsCreditCard("6200000000000005"));     // UnionPay
  EXPECT_TRUE(IsCreditCard("4222222222222"));        // 13-digit Visa
  EXPECT_TRUE(IsCreditCard("6759 6498 2643 8453"));  // Maestro
}

TEST(CardDetect, RejectsNearMisses) {
  EXPECT_FALSE(IsCreditCard("4111 1111 1111 1112"));   // Luhn fails
  EXPECT_FALSE(IsCreditCard("2427-1569-3133-3837"));   // tracking number look-alike
  EXPECT_FALSE(IsCreditCard("4111 1111-1111 1111"));   // mixed separators
  EXPECT_FALSE(IsCreditCard("4111  1111 1111 1111"));  // double space
  EXPECT_FALSE(IsCreditCard("41111 111 1111 1111"));   // odd grouping
  EXPECT_FALSE(IsCreditCard("378282246310005 "));
  EXPECT_FALSE(IsCreditCard("5500000000000004000"));  // Mastercard is 16 digits only
  EXPECT_FALSE(IsCreditCard("37828224631000"));       // Amex is 15 digits
  EXPECT_FALSE(IsCreditCard("1234567812345670"));     // Luhn ok, no issuer
  EXPECT_FALSE(IsCreditCard("0000000000000000"));
  EXPECT_FALSE(IsCreditCard("4242"));  // last 4
  EXPECT_FALSE(IsCreditCard("4111x1111x1111x1111"));
}

}  // namespace
}  // namespace metagate::classify::detect
