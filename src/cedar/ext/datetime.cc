// The `datetime` and `duration` extension types: constructors with Cedar's accepted formats and
// the methods offset, durationSince, toDate, toTime, toMilliseconds ... toDays.
#include "ext/datetime.h"

#include <fmt/format.h>

#include <memory>

#include "ext/ext_util.h"

namespace metagate::cedar::ext {
namespace {

constexpr int64_t kMsPerDay = 86400000;

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Parses exactly `n` ASCII digits at `s[pos]`; returns -1 if they are not all digits.
int Digits(std::string_view s, size_t pos, size_t n) {
  if (pos + n > s.size()) return -1;
  int v = 0;
  for (size_t i = pos; i < pos + n; ++i) {
    if (!IsDigit(s[i])) return -1;
    v = v * 10 + (s[i] - '0');
  }
  return v;
}

bool IsLeap(int64_t y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int64_t y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm).
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  int64_t era = (y >= 0 ? y : y - 399) / 400;
  int64_t yoe = y - era * 400;
  int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

void CivilFromDays(int64_t z, int64_t& y, int& m, int& d) {
  z += 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  y = yoe + era * 400 + (m <= 2);
}

int64_t FloorDiv(int64_t a, int64_t b) { return a / b - ((a % b != 0) && ((a < 0) != (b < 0))); }

Status Bad(std::string_view fn, std::string_view what) { return MalformedArg(fn, what); }

Result<Value> Datetime(int64_t ms) { return Value::Extension(std::make_shared<DatetimeValue>(ms)); }
Result<Value> Duration(int64_t ms) { return Value::Extension(std::make_shared<DurationValue>(ms)); }

#define DT_ARG(var, val)                                \
  const DatetimeValue* var = AsExt<DatetimeValue>(val); \
  if (var == nullptr) return TypeError("datetime", val)
#define DUR_ARG(var, val)                               \
  const DurationValue* var = AsExt<DurationValue>(val); \
  if (var == nullptr) return TypeError("duration", val)

Result<Value> CallDatetime(std::span<const Value> args) {
  if (!args[0].is_string()) return TypeError("string", args[0]);
  return MakeDatetime(args[0].as_string());
}
Result<Value> CallDuration(std::span<const Value> args) {
  if (!args[0].is_string()) return TypeError("string", args[0]);
  return MakeDuration(args[0].as_string());
}
Result<Value> CallOffset(std::span<const Value> args) {
  DT_ARG(dt, args[0]);
  DUR_ARG(dur, args[1]);
  int64_t out;
  if (__builtin_add_overflow(dt->millis(), dur->millis(), &out)) {
    return Status::Invalid("overflow in extension function `offset`");
  }
  return Datetime(out);
}
Result<Value> CallDurationSince(std::span<const Value> args) {
  DT_ARG(a, args[0]);
  DT_ARG(b, args[1]);
  int64_t out;
  if (__builtin_sub_overflow(a->millis(), b->millis(), &out)) {
    return Status::Invalid("overflow in extension function `durationSince`");
  }
  return Duration(out);
}
Result<Value> CallToDate(std::span<const Value> args) {
  DT_ARG(dt, args[0]);
  int64_t out;
  if (__builtin_mul_overflow(FloorDiv(dt->millis(), kMsPerDay), kMsPerDay, &out)) {
    return Status::Invalid("overflow in extension function `toDate`");
  }
  return Datetime(out);
}
Result<Value> CallToTime(std::span<const Value> args) {
  DT_ARG(dt, args[0]);
  int64_t r = dt->millis() % kMsPerDay;
  return Duration(r < 0 ? r + kMsPerDay : r);
}

template <int64_t kUnit>
Result<Value> ToUnit(std::span<const Value> args) {
  DUR_ARG(dur, args[0]);
  return Value::Long(dur->millis() / kUnit);
}

#undef DT_ARG
#undef DUR_ARG

constexpr ExtensionFunction kFunctions[] = {
    {"datetime", false, 1, CallDatetime},   {"duration", false, 1, CallDuration},
    {"offset", true, 2, CallOffset},        {"durationSince", true, 2, CallDurationSince},
    {"toDate", true, 1, CallToDate},        {"toTime", true, 1, CallToTime},
    {"toMilliseconds", true, 1, ToUnit<1>}, {"toSeconds", true, 1, ToUnit<1000>},
    {"toMinutes", true, 1, ToUnit<60000>},  {"toHours", true, 1, ToUnit<3600000>},
    {"toDays", true, 1, ToUnit<kMsPerDay>},
};

}  // namespace

bool DatetimeValue::Equals(const ExtensionValue& other) const {
  return std::strcmp(other.type_name(), kTypeName) == 0 &&
         static_cast<const DatetimeValue&>(other).ms_ == ms_;
}
size_t DatetimeValue::Hash() const { return std::hash<int64_t>()(ms_) ^ 0x5bd1e995; }
std::string DatetimeValue::ConstructorArg() const {
  int64_t days = FloorDiv(ms_, kMsPerDay);
  int64_t rem = ms_ - days * kMsPerDay;
  int64_t y;
  int m, d;
  CivilFromDays(days, y, m, d);
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}:{:02}.{:03}Z", y, m, d, rem / 3600000,
                     rem / 60000 % 60, rem / 1000 % 60, rem % 1000);
}

bool DurationValue::Equals(const ExtensionValue& other) const {
  return std::strcmp(other.type_name(), kTypeName) == 0 &&
         static_cast<const DurationValue&>(other).ms_ == ms_;
}
size_t DurationValue::Hash() const { return std::hash<int64_t>()(ms_) ^ 0x27d4eb2d; }

// Accepted: YYYY-MM-DD, then optionally Thh:mm:ss, then Z | .sssZ | (+|-)hhmm | .sss(+|-)hhmm.
Result<Value> MakeDatetime(std::string_view s) {
  constexpr std::string_view kFn = "datetime";
  int y = Digits(s, 0, 4), mo = Digits(s, 5, 2), d = Digits(s, 8, 2);
  if (y < 0 || mo < 0 || d < 0 || s[4] != '-' || s[7] != '-') return Bad(kFn, "invalid date");
  if (mo < 1 || mo > 12 || d < 1 || d > DaysInMonth(y, mo)) return Bad(kFn, "invalid date");
  int64_t ms = DaysFromCivil(y, mo, d) * kMsPerDay;
  if (s.size() == 10) return Datetime(ms);
  int hh = Digits(s, 11, 2), mi = Digits(s, 14, 2), ss = Digits(s, 17, 2);
  if (s[10] != 'T' || hh < 0 || mi < 0 || ss < 0 || s[13] != ':' || s[16] != ':') {
    return Bad(kFn, "invalid time");
  }
  if (hh > 23 || mi > 59 || ss > 59) return Bad(kFn, "invalid time");
  ms += ((hh * 60 + mi) * 60 + ss) * int64_t{1000};
  std::string_view rest = s.substr(19);
  if (!rest.empty() && rest[0] == '.') {
    int frac = Digits(rest, 1, 3);
    if (frac < 0) return Bad(kFn, "invalid milliseconds");
    ms += frac;
    rest = rest.substr(4);
  }
  if (rest == "Z") return Datetime(ms);
  if (rest.size() != 5 || (rest[0] != '+' && rest[0] != '-')) return Bad(kFn, "invalid offset");
  int oh = Digits(rest, 1, 2), om = Digits(rest, 3, 2);
  if (oh < 0 || om < 0 || oh > 23 || om > 59) return Bad(kFn, "invalid offset");
  int64_t off = (oh * 60 + om) * int64_t{60000};
  return Datetime(rest[0] == '+' ? ms - off : ms + off);
}

// Accepted: -?(N d)?(N h)?(N m)?(N s)?(N ms)? with at least one component, units in this order.
Result<Value> MakeDuration(std::string_view s) {
  constexpr std::string_view kFn = "duration";
  static constexpr struct {
    std::string_view unit;
    int64_t ms;
  } kUnits[] = {{"d", kMsPerDay}, {"h", 3600000}, {"m", 60000}, {"s", 1000}, {"ms", 1}};
  size_t pos = 0;
  bool neg = !s.empty() && s[0] == '-';
  if (neg) ++pos;
  int64_t total = 0;
  size_t next_unit = 0;
  int components = 0;
  while (pos < s.size()) {
    int64_t v = 0;
    size_t start = pos;
    for (; pos < s.size() && IsDigit(s[pos]); ++pos) {
      int dg = s[pos] - '0';
      if (__builtin_mul_overflow(v, 10, &v) ||
          (neg ? __builtin_sub_overflow(v, dg, &v) : __builtin_add_overflow(v, dg, &v))) {
        return Bad(kFn, "overflow");
      }
    }
    if (pos == start) return Bad(kFn, "invalid duration");
    std::string_view unit = s.substr(pos, 2) == "ms" ? s.substr(pos, 2) : s.substr(pos, 1);
    size_t u = next_unit;
    while (u < std::size(kUnits) && kUnits[u].unit != unit) ++u;
    if (u == std::size(kUnits)) return Bad(kFn, "invalid duration");
    next_unit = u + 1;
    pos += unit.size();
    ++components;
    if (__builtin_mul_overflow(v, kUnits[u].ms, &v) || __builtin_add_overflow(total, v, &total)) {
      return Bad(kFn, "overflow");
    }
  }
  if (components == 0) return Bad(kFn, "invalid duration");
  return Duration(total);
}

std::span<const ExtensionFunction> DatetimeFunctions() { return kFunctions; }

}  // namespace metagate::cedar::ext
