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
    {"1.0", true},
    {"-0.5", true},
    {"-0.0", true},
    {"1.2345", true},
    {"0001.5", true},
    {"922337203685477.5807", true},
    {"-922337203685477.5808", true},
    {"922337203685477.5808", false},
    {"-922337203685477.5809", false},
    {"99999999999999999999.0", false},
    {"1", false},
    {"1.", false},
    {".5", false},
    {"-.5", false},
    {"+1.0", false},
    {"1.00000", false},
    {"1.5e2", false},
    {" 1.5", false},
    {"1,5", false},
    {"--1.5", false},
    {"1.-5", false},
    {"\xd9\xa1.5", false},  // an Arabic-Indic digit
    {"", false},
};

TEST(DecimalTest, ConstructorAcceptsExactlyCedarSyntax) {
  for (const auto& c : kCtorCases) {
    EXPECT_EQ(ConstructExtensionValue("decimal", c.arg).ok(), c.ok) << c.arg;
  }
}

TEST(DecimalTest, EqualityIsNumeric) {
  EXPECT_EQ(Ext("decimal", "1.0"), Ext("decimal", "1.00"));
  EXPECT_EQ(Ext("decimal", "-0.0"), Ext("decimal", "0.0"));
  EXPECT_EQ(Ext("decimal", "0001.5"), Ext("decimal", "1.5"));
  EXPECT_NE(Ext("decimal", "1.5"), Ext("decimal", "1.4999"));
}

TEST(DecimalTest, Comparisons) {
  auto d = [](const char* s) { return Ext("decimal", s); };
  EXPECT_EQ(InvokeBool("lessThan", {d("-0.5"), d("0.0")}), 1);
  EXPECT_EQ(InvokeBool("lessThan", {d("1.5"), d("1.5")}), 0);
  EXPECT_EQ(InvokeBool("lessThanOrEqual", {d("1.5"), d("1.5")}), 1);
  EXPECT_EQ(InvokeBool("greaterThan", {d("1.5"), d("1.4999")}), 1);
  EXPECT_EQ(InvokeBool("greaterThanOrEqual", {d("1.5"), d("1.6")}), 0);
  EXPECT_EQ(
      InvokeBool("greaterThanOrEqual", {d("-922337203685477.5808"), d("922337203685477.5807")}), 0);
  EXPECT_EQ(InvokeBool("lessThan", {d("1.5"), Value::Long(1)}), -1);
  EXPECT_EQ(InvokeBool("lessThan", {Ext("ip", "1.2.3.4"), d("1.5")}), -1);
}

TEST(DecimalTest, RoundTripsThroughConstructorArg) {
  for (const char* s : {"1.0", "-0.5", "12.3456", "-922337203685477.5808", "0.0001"}) {
    Value v = Ext("decimal", s);
    Value back = Ext("decimal", v.as_extension().ConstructorArg());
    EXPECT_EQ(v, back) << s;
  }
  EXPECT_EQ(Ext("decimal", "12.3400").as_extension().ConstructorArg(), "12.34");
  EXPECT_EQ(Ext("decimal", "-0.5").as_extension().ConstructorArg(), "-0.5");
}

TEST(DecimalTest, ConstructorRejectsNonString) {
  EXPECT_FALSE(Invoke("decimal", {Value::Long(1)}).ok());
}

}  // namespace
}  // namespace metagate::cedar
