#include "ext/datetime.h"

#include <gtest/gtest.h>

#include "ext/ext_test_util.h"
#include "ext/ext_util.h"

namespace metagate::cedar {
namespace {

using ext_testing::Ext;
using ext_testing::Invoke;

struct CtorCase {
  const char* arg;
  bool ok;
};

// Every row was checked against Cedar 4.12 (cedar-wasm).
constexpr CtorCase kDatetimeCases[] = {
    {"2024-02-29", true},
    {"2000-02-29", true},
    {"0000-01-01", true},
    {"9999-12-31T23:59:59.999Z", true},
    {"2024-01-01T00:00:00.000Z", true},
    {"2024-01-01T01:00:00+0100", true},
    {"2024-01-01T00:00:00+2359", true},
    {"2024-01-01T00:00:00.123+0100", true},
    {"2024-01-01T00:00:00-0130", true},
    {"2023-02-29", false},
    {"1900-02-29", false},
    {"2024-02-30", false},
    {"2024-13-01", false},
    {"2024-00-01", false},
    {"2024-01-00", false},
    {"2024-1-01", false},
    {"20240-01-01", false},
    {"+2024-01-01", false},
    {"-2024-01-01", false},
    {"2024-01-01Z", false},
    {"2024-01-01T", false},
    {"2024-01-01T24:00:00Z", false},
    {"2024-01-01T23:60:00Z", false},
    {"2024-01-01T23:59:60Z", false},
    {"2024-01-01T00:00:00z", false},
    {"2024-01-01t00:00:00Z", false},
    {"2024-01-01 00:00:00Z", false},
    {"2024-01-01T00:00:00", false},
    {"2024-01-01T00:00Z", false},
    {"2024-01-01T00:00:00.1Z", false},
    {"2024-01-01T00:00:00.0000Z", false},
    {"2024-01-01T00:00:00+01:00", false},
    {"2024-01-01T00:00:00+01", false},
    {"2024-01-01T00:00:00+2400", false},
    {"2024-01-01T00:00:00+1260", false},
    {"2024-01-01T00:00:00.123Z+0100", false},
    {"", false},
};

constexpr CtorCase kDurationCases[] = {
    {"1d2h3m4s5ms", true},
    {"-1d", true},
    {"01h", true},
    {"0ms", true},
    {"-0ms", true},
    {"9223372036854775807ms", true},
    {"-9223372036854775808ms", true},
    {"106751991167d", true},
    {"106751991167d7h12m55s807ms", true},
    {"-106751991167d7h12m55s808ms", true},
    {"106751991167d7h12m55s808ms", false},
    {"106751991168d", false},
    {"9223372036854775808ms", false},
    {"2h1d", false},
    {"", false},
    {"-", false},
    {"1d-2h", false},
    {"+1d", false},
    {"1D", false},
    {"1h1h", false},
    {"1ms1s", false},
    {"1", false},
    {"1d 2h", false},
};

TEST(DatetimeTest, DatetimeConstructorAcceptsExactlyCedarSyntax) {
  for (const auto& c : kDatetimeCases) {
    EXPECT_EQ(ConstructExtensionValue("datetime", c.arg).ok(), c.ok) << c.arg;
  }
}

TEST(DatetimeTest, DurationConstructorAcceptsExactlyCedarSyntax) {
  for (const auto& c : kDurationCases) {
    EXPECT_EQ(ConstructExtensionValue("duration", c.arg).ok(), c.ok) << c.arg;
  }
}

int64_t Millis(const Value& v) {
  if (const auto* d = ext::AsExt<ext::DatetimeValue>(v)) return d->millis();
  if (const auto* d = ext::AsExt<ext::DurationValue>(v)) return d->millis();
  ADD_FAILURE() << "not a datetime or duration";
  return 0;
}

int64_t Dt(const char* s) { return Millis(Ext("datetime", s)); }
int64_t Dur(const char* s) { return Millis(Ext("duration", s)); }

TEST(DatetimeTest, Values) {
  EXPECT_EQ(Dt("1970-01-01"), 0);
  EXPECT_EQ(Dt("2024-01-01"), 1704067200000);
  EXPECT_EQ(Dt("2024-01-01T01:00:00+0100"), Dt("2024-01-01"));
  EXPECT_EQ(Dt("2024-01-01T00:00:00+2359"), Dt("2023-12-31T00:01:00Z"));
  EXPECT_EQ(Dt("2024-01-01T00:00:00-0130"), 1704067200000 + 5400000);
  EXPECT_EQ(Dt("2024-01-01T00:00:00.123+0100"), Dt("2023-12-31T23:00:00.123Z"));
  EXPECT_EQ(Dt("0000-01-01"), -719528 * int64_t{86400000});
  EXPECT_EQ(Dt("9999-12-31T23:59:59.999Z"), 253402300799999);
  EXPECT_EQ(Dur("1d2h3m4s5ms"), 93784005);
  EXPECT_EQ(Dur("-1d"), -86400000);
  EXPECT_EQ(Dur("106751991167d7h12m55s807ms"), INT64_MAX);
  EXPECT_EQ(Dur("-106751991167d7h12m55s808ms"), INT64_MIN);
}

TEST(DatetimeTest, Methods) {
  Value before_epoch = Ext("datetime", "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(Millis(*Invoke("toDate", {before_epoch})), Dt("1969-12-31"));
  EXPECT_EQ(Millis(*Invoke("toTime", {before_epoch})), Dur("23h59m59s999ms"));
  EXPECT_EQ(
      Millis(*Invoke("offset", {Ext("datetime", "2024-01-01T10:00:00Z"), Ext("duration", "-1h")})),
      Dt("2024-01-01T09:00:00Z"));
  EXPECT_EQ(Millis(*Invoke("durationSince",
                           {Ext("datetime", "2024-01-01"), Ext("datetime", "2024-01-02")})),
            Dur("-1d"));
  EXPECT_EQ(Invoke("toDays", {Ext("duration", "25h")})->as_long(), 1);
  EXPECT_EQ(Invoke("toDays", {Ext("duration", "-25h")})->as_long(), -1);
  EXPECT_EQ(Invoke("toSeconds", {Ext("duration", "-1ms")})->as_long(), 0);
  EXPECT_EQ(Invoke("toSeconds", {Ext("duration", "1500ms")})->as_long(), 1);
  EXPECT_EQ(Invoke("toMinutes", {Ext("duration", "90s")})->as_long(), 1);
  EXPECT_EQ(Invoke("toHours", {Ext("duration", "90m")})->as_long(), 1);
  EXPECT_EQ(Invoke("toMilliseconds", {Ext("duration", "1h")})->as_long(), 3600000);
}

TEST(DatetimeTest, MethodErrors) {
  Value epoch = Ext("datetime", "1970-01-01");
  // offset, durationSince and toDate overflow are errors (confirmed with Cedar).
  EXPECT_FALSE(
      Invoke("offset", {Ext("datetime", "9999-12-31"), Ext("duration", "106751991167d")}).ok());
  auto far_past = Invoke("offset", {epoch, Ext("duration", "-9223372036854775808ms")});
  ASSERT_TRUE(far_past.ok());
  EXPECT_FALSE(Invoke("toDate", {*far_past}).ok());
  EXPECT_TRUE(Invoke("toTime", {*far_past}).ok());
  EXPECT_FALSE(Invoke("durationSince", {*far_past, Ext("datetime", "1970-01-02")}).ok());
  // Type errors.
  EXPECT_FALSE(Invoke("offset", {epoch, epoch}).ok());
  EXPECT_FALSE(Invoke("offset", {Ext("duration", "1h"), Ext("duration", "1h")}).ok());
  EXPECT_FALSE(Invoke("toMilliseconds", {epoch}).ok());
  EXPECT_FALSE(Invoke("datetime", {Value::Long(1)}).ok());
}

TEST(DatetimeTest, EqualityAndRoundTrip) {
  EXPECT_EQ(Ext("datetime", "2020-01-01"), Ext("datetime", "2020-01-01T00:00:00Z"));
  EXPECT_EQ(Ext("duration", "1d"), Ext("duration", "24h"));
  EXPECT_NE(Ext("duration", "0ms"), Ext("datetime", "1970-01-01"));
  Value dt = Ext("datetime", "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(dt.as_extension().ConstructorArg(), "1969-12-31T23:59:59.999Z");
  EXPECT_EQ(Ext("datetime", dt.as_extension().ConstructorArg()), dt);
  EXPECT_EQ(Ext("duration", "-1d").as_extension().ConstructorArg(), "-86400000ms");
}

}  // namespace
}  // namespace metagate::cedar
