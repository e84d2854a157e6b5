#include <gtest/gtest.h>

#include "ext/ext_test_util.h"

namespace metagate::cedar {
namespace {

using ext_testing::Ext;
using ext_testing::Invoke;
using ext_testing::InvokeBool;

struct CtorCase {
  const char* arg;
  bool ok;
};

// Every row was checked against Cedar 4.12 (cedar-wasm).
constexpr CtorCase kCtorCases[] = {
    {"1.2.3.4", true},
    {"0.0.0.0", true},
    {"1.2.3.0", true},
    {"01.2.3.4", false},
    {"1.2.3.04", false},
    {"256.2.3.4", false},
    {"1.2.3", false},
    {"1.2.3.4/0", true},
    {"1.2.3.4/33", false},
    {"1.2.3.4/032", false},
    {"1.2.3.4/08", false},
    {"1.2.3.4/00", false},
    {"1.2.3.4/99", false},
    {"1.2.3.4/", false},
    {"1.2.3.4/8/8", false},
    {"1.2.3.4/ 8", false},
    {"1.2.3.4/+8", false},
    {" 1.2.3.4", false},
    {"1.2.3.4 ", false},
    {"", false},
    {"/8", false},
    {"::1", true},
    {"::", true},
    {"::/0", true},
    {"::1/128", true},
    {"::1/129", false},
    {"::1/0128", false},
    {"::1/00", false},
    {"::1/000", false},
    {"0:0:0:0:0:0:0:1", true},
    {"0000::1", true},
    {"00000::1", false},
    {"FE80::1", true},
    {"fe80::1%eth0", false},
    {"[::1]", false},
    {"1::2::3", false},
    {"1:2:3:4:5:6:7:8", true},
    {"1:2:3:4:5:6:7:8:9", false},
    {"1:2:3:4:5:6:7::8", false},
    {"1:2:3:4:5:6:7::", true},
    {"::1:2:3:4:5:6:7", true},
    {"::ffff:1.2.3.4", false},
    {"::1.2.3.4", false},
    {"::0.0.0.0", false},
    {"1:2:3:4:5:6:1.2.3.4", false},
};

TEST(IpaddrTest, ConstructorAcceptsExactlyCedarSyntax) {
  for (const auto& c : kCtorCases) {
    EXPECT_EQ(ConstructExtensionValue("ip", c.arg).ok(), c.ok) << c.arg;
  }
}

TEST(IpaddrTest, ErrorMessagesDoNotContainTheArgument) {
  auto r = ConstructExtensionValue("ip", "10.0.0.999");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().message().find("999"), std::string::npos);
}

TEST(IpaddrTest, Equality) {
  EXPECT_NE(Ext("ip", "10.0.0.1/24"), Ext("ip", "10.0.0.0/24"));
  EXPECT_EQ(Ext("ip", "10.0.0.1/24"), Ext("ip", "10.0.0.1/24"));
  EXPECT_EQ(Ext("ip", "1.2.3.4"), Ext("ip", "1.2.3.4/32"));
  EXPECT_EQ(Ext("ip", "0:0:0:0:0:0:0:1"), Ext("ip", "::1"));
  EXPECT_NE(Ext("ip", "::"), Ext("ip", "0.0.0.0"));
}

TEST(IpaddrTest, VersionPredicates) {
  EXPECT_EQ(InvokeBool("isIpv4", {Ext("ip", "1.2.3.4")}), 1);
  EXPECT_EQ(InvokeBool("isIpv6", {Ext("ip", "1.2.3.4")}), 0);
  EXPECT_EQ(InvokeBool("isIpv6", {Ext("ip", "::1")}), 1);
  EXPECT_EQ(InvokeBool("isIpv4", {Value::String("1.2.3.4")}), -1);
}

TEST(IpaddrTest, LoopbackAndMulticastRequireTheWholeRange) {
  EXPECT_EQ(InvokeBool("isLoopback", {Ext("ip", "127.0.0.1")}), 1);
  EXPECT_EQ(InvokeBool("isLoopback", {Ext("ip", "127.255.0.1")}), 1);
  EXPECT_EQ(InvokeBool("isLoopback", {Ext("ip", "127.0.0.0/8")}), 1);
  EXPECT_EQ(InvokeBool("isLoopback", {Ext("ip", "127.0.0.0/7")}), 0);
  EXPECT_EQ(InvokeBool("isLoopback", {Ext("ip", "0.0.0.0/0")}), 0);
  EXPECT_EQ(InvokeBool("isLoopback", {Ext("ip", "::1")}), 1);
  EXPECT_EQ(InvokeBool("isLoopback", {Ext("ip", "::1/127")}), 0);
  EXPECT_EQ(InvokeBool("isLoopback", {Ext("ip", "::2")}), 0);
  EXPECT_EQ(InvokeBool("isLoopback", {Ext("ip", "::ffff:7f00:1")}), 0);
  EXPECT_EQ(InvokeBool("isMulticast", {Ext("ip", "224.0.0.1")}), 1);
  EXPECT_EQ(InvokeBool("isMulticast", {Ext("ip", "239.255.255.255")}), 1);
  EXPECT_EQ(InvokeBool("isMulticast", {Ext("ip", "224.0.0.0/3")}), 0);
  EXPECT_EQ(InvokeBool("isMulticast", {Ext("ip", "224.0.0.0/4")}), 1);
  EXPECT_EQ(InvokeBool("isMulticast", {Ext("ip", "ff00::1")}), 1);
  EXPECT_EQ(InvokeBool("isMulticast", {Ext("ip", "ff00::/7")}), 0);
  EXPECT_EQ(InvokeBool("isMulticast", {Ext("ip", "ff00::/8")}), 1);
}

TEST(IpaddrTest, IsInRangeIsRangeContainment) {
  auto in = [](const char* a, const char* b) {
    return InvokeBool("isInRange", {Ext("ip", a), Ext("ip", b)});
  };
  EXPECT_EQ(in("10.0.0.1", "10.0.0.0/8"), 1);
  EXPECT_EQ(in("10.0.0.0/8", "10.0.0.1/8"), 1);
  EXPECT_EQ(in("10.0.0.0/7", "10.0.0.0/8"), 0);
  EXPECT_EQ(in("10.0.0.0/24", "10.0.0.0/8"), 1);
  EXPECT_EQ(in("::1", "1.0.0.0/0"), 0);
  EXPECT_EQ(in("1.0.0.1", "::/0"), 0);
  EXPECT_EQ(in("10.0.0.1/8", "10.0.0.1"), 0);
  EXPECT_EQ(in("10.0.0.1", "10.0.0.1"), 1);
  EXPECT_EQ(in("10.0.0.0/16", "10.0.0.1/16"), 1);
  EXPECT_EQ(in("2001:db8::1", "2001:db8::/32"), 1);
  EXPECT_EQ(in("2001:db9::1", "2001:db8::/32"), 0);
  EXPECT_FALSE(Invoke("isInRange", {Ext("ip", "1.2.3.4"), Value::String("x")}).ok());
}

TEST(IpaddrTest, ConstructorRejectsNonString) { EXPECT_FALSE(Invoke("ip", {Value::Long(1)}).ok()); }

}  // namespace
}  // namespace metagate::cedar
