#include "detect/ip.h"

#include <gtest/gtest.h>

namespace metagate::classify::detect {
namespace {

TEST(IpDetect, Ipv4) {
  EXPECT_EQ(ParseIp("81.222.235.81"), IpScope::kPublic);
  EXPECT_EQ(ParseIp("10.1.2.3"), IpScope::kPrivate);
  EXPECT_EQ(ParseIp("172.31.255.1"), IpScope::kPrivate);
  EXPECT_EQ(ParseIp("172.32.0.1"), IpScope::kPublic);
  EXPECT_EQ(ParseIp("192.168.0.10"), IpScope::kPrivate);
  EXPECT_EQ(ParseIp("127.0.0.1"), IpScope::kLoopback);
  EXPECT_EQ(ParseIp("169.254.10.1"), IpScope::kLinkLocal);
  EXPECT_EQ(ParseIp("0.0.0.0"), IpScope::kOther);
  EXPECT_EQ(ParseIp("255.255.255.255"), IpScope::kOther);
}

TEST(IpDetect, Ipv4NearMisses) {
  EXPECT_FALSE(IsIp("256.1.1.1"));
  EXPECT_FALSE(IsIp("01.2.3.4"));
  EXPECT_FALSE(IsIp("1.2.3"));
  EXPECT_FALSE(IsIp("1.2.3.4.5"));
  EXPECT_FALSE(IsIp("1.2.3.4."));
  EXPECT_FALSE(IsIp("1..3.4"));
  EXPECT_FALSE(IsIp("1.2.3.a"));
  EXPECT_FALSE(IsIp("1234.2.3.4"));
  EXPECT_FALSE(IsIp(" 1.2.3.4"));
  EXPECT_FALSE(IsIp(""));
}

TEST(IpDetect, Ipv6Forms) {
  EXPECT_EQ(ParseIp("2001:4860:440e:0:2ac6:6074:9c5f:8eda"), IpScope::kPublic);
  EXPECT_EQ(ParseIp("2600:bfa::3a8a:a288:5ede:73c3"), IpScope::kPublic);
  EXPECT_EQ(ParseIp("::ffff:151.176.157.219"), IpScope::kPublic);
  EXPECT_EQ(ParseIp("::ffff:10.0.0.1"), IpScope::kPrivate);
  EXPECT_EQ(ParseIp("::1"), IpScope::kLoopback);
  EXPECT_EQ(ParseIp("::"), IpScope::kOther);
  EXPECT_EQ(ParseIp("fe80::1"), IpScope::kLinkLocal);
  EXPECT_EQ(ParseIp("fd12:3456:789a::1"), IpScope::kPrivate);
  EXPECT_EQ(ParseIp("2001:db8::"), IpScope::kOther);
  EXPECT_EQ(ParseIp("ff02::1"), IpScope::kOther);
  EXPECT_TRUE(IsIp("1:2:3:4:5:6:7::"));
  EXPECT_TRUE(IsIp("::2:3:4:5:6:7:8"));
  EXPECT_TRUE(IsIp("1:2:3:4:5:6:1.2.3.4"));
  EXPECT_TRUE(IsIp("64:ff9b::192.0.2.33"));
  EXPECT_TRUE(IsIp("ABCD:EF01:2345:6789:ABCD:EF01:2345:6789"));
}

TEST(IpDetect, Ipv6NearMisses) {
  EXPECT_FALSE(IsIp("1:2:3:4:5:6:7"));      // too few groups
  EXPECT_FALSE(IsIp("1:2:3:4:5:6:7:8:9"));  // too many
  EXPECT_FALSE(IsIp("1::2::3"));            // two compressions
  EXPECT_FALSE(IsIp("1:2:3:4:5:6:7::8"));   // compression of nothing
  EXPECT_FALSE(IsIp("12345::1"));           // group too long
  EXPECT_FALSE(IsIp("g::1"));
  EXPECT_FALSE(IsIp(":1:2:3:4:5:6:7"));
  EXPECT_FALSE(IsIp("1:2:3:4:5:6:7:"));
  EXPECT_FALSE(IsIp("::1.2.3.4:1"));
  EXPECT_FALSE(IsIp("::ffff:1.2.3.256"));
  EXPECT_FALSE(IsIp("12:30:45"));           // a time
  EXPECT_FALSE(IsIp("00:1a:2b:3c:4d:5e"));  // a MAC address
  EXPECT_FALSE(IsIp("[::1]"));
  EXPECT_FALSE(IsIp("fe80::1%eth0"));
}

}  // namespace
}  // namespace metagate::classify::detect
