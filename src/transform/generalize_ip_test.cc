#include <gtest/gtest.h>

#include "metagate/transform/generalize.h"

namespace metagate::transform {
namespace {

std::string Ok(std::string_view v) {
  Result<std::string> r = GeneralizeIp(v);
  EXPECT_TRUE(r.ok()) << v << ": " << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

TEST(GeneralizeIp, Ipv4To24) {
  EXPECT_EQ(Ok("192.168.1.77"), "192.168.1.0");
  EXPECT_EQ(Ok("8.8.8.8"), "8.8.8.0");
  EXPECT_EQ(Ok("0.0.0.0"), "0.0.0.0");
  EXPECT_EQ(Ok("255.255.255.255"), "255.255.255.0");
  EXPECT_EQ(Ok(" 10.1.2.3\n"), "10.1.2.0");
}

TEST(GeneralizeIp, Ipv6To48) {
  EXPECT_EQ(Ok("2001:0db8:85a3:0000:0000:8a2e:0370:7334"), "2001:db8:85a3::");
  EXPECT_EQ(Ok("2001:db8:85a3::8a2e:370:7334"), "2001:db8:85a3::");
  EXPECT_EQ(Ok("2001:DB8:0:1::1"), "2001:db8::");
  EXPECT_EQ(Ok("fe80::1"), "fe80::");
  EXPECT_EQ(Ok("::1"), "::");
  EXPECT_EQ(Ok("::"), "::");
  EXPECT_EQ(Ok("0:0:1::5"), "0:0:1::");
  EXPECT_EQ(Ok("2a00:1450:4001:82a::200e"), "2a00:1450:4001::");
}

TEST(GeneralizeIp, MappedIpv4) {
  EXPECT_EQ(Ok("::ffff:192.168.1.77"), "192.168.1.0");
  EXPECT_EQ(Ok("::FFFF:c0a8:014d"), "192.168.1.0");
  // Near miss: IPv4-compatible (deprecated, no ffff) is treated as plain IPv6.
  EXPECT_EQ(Ok("::c0a8:14d"), "::");
  // Near miss: ffff in the wrong group.
  EXPECT_EQ(Ok("ffff::c0a8:14d"), "ffff::");
}

TEST(GeneralizeIp, RejectsInvalid) {
  for (std::string_view bad : {"",
                               "   ",
                               "256.1.1.1",
                               "1.2.3",
                               "1.2.3.4.5",
                               "01.2.3.4",
                               "1.2.3.04",
                               "1.2.3.4/24",
                               "-1.2.3.4",
                               "1..2.3",
                               "1.2.3.4 5",
                               "a.b.c.d",
                               "1234.1.1.1",
                               "2001:db8::g",
                               "2001:db8:::1",
                               "1:2:3:4:5:6:7:8:9",
                               "fe80::1%eth0",
                               "[2001:db8::1]",
                               ":",
                               "example.com",
                               "::ffff:1.2.3.256",
                               "1.2.3.4\xff"}) {
    EXPECT_FALSE(GeneralizeIp(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace metagate::transform
