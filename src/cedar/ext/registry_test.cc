#include <gtest/gtest.h>

#include "ext/ext_test_util.h"

namespace metagate::cedar {
namespace {

using ext_testing::Ext;

TEST(ExtensionRegistryTest, Lookup) {
  EXPECT_NE(FindExtensionFunction("lessThan"), nullptr);
  EXPECT_TRUE(FindExtensionFunction("isInRange")->is_method);
  EXPECT_EQ(FindExtensionFunction("isInRange")->arity, 2);
  EXPECT_FALSE(FindExtensionFunction("ip")->is_method);
  EXPECT_EQ(FindExtensionFunction("nope"), nullptr);
  EXPECT_EQ(FindExtensionFunction("ipaddr"), nullptr);
}

// Checked against Cedar 4.12: the `__extn` escape calls the named function with one string.
TEST(ExtensionRegistryTest, ConstructExtensionValue) {
  EXPECT_TRUE(ConstructExtensionValue("ip", "1.2.3.4").ok());
  EXPECT_TRUE(ConstructExtensionValue("decimal", "1.0").ok());
  EXPECT_TRUE(ConstructExtensionValue("datetime", "2024-01-01").ok());
  EXPECT_TRUE(ConstructExtensionValue("duration", "1h").ok());
  EXPECT_FALSE(ConstructExtensionValue("ipaddr", "1.2.3.4").ok());  // not a function
  EXPECT_FALSE(ConstructExtensionValue("isIpv4", "1.2.3.4").ok());  // type error
  EXPECT_FALSE(ConstructExtensionValue("offset", "1h").ok());       // arity
  EXPECT_FALSE(ConstructExtensionValue("ip", "1.2.3").ok());
}

// Checked against Cedar 4.12: `{"__extn": {"fn": ..., "args": [...]}}` calls any function.
TEST(ExtensionRegistryTest, CallExtensionFunction) {
  const Value offset_args[] = {Ext("datetime", "1970-01-01"), Ext("duration", "-5ms")};
  auto dt = CallExtensionFunction("offset", offset_args);
  ASSERT_TRUE(dt.ok());
  EXPECT_EQ(dt->as_extension().ConstructorArg(), "1969-12-31T23:59:59.995Z");
  const Value ip_args[] = {Ext("ip", "1.2.3.4")};
  EXPECT_EQ(*CallExtensionFunction("isIpv4", ip_args), Value::Bool(true));
  EXPECT_FALSE(CallExtensionFunction("ip", ip_args).ok());  // expects a string
  const Value one_arg[] = {Ext("datetime", "1970-01-01")};
  EXPECT_FALSE(CallExtensionFunction("offset", one_arg).ok());
  const Value str_args[] = {Value::String("1.0")};
  EXPECT_EQ(*CallExtensionFunction("decimal", str_args), Ext("decimal", "1.0"));
  EXPECT_FALSE(CallExtensionFunction("nope", str_args).ok());
}

}  // namespace
}  // namespace metagate::cedar
