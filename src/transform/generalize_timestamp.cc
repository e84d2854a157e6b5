// Timestamps → truncated to the hour, keeping their notation.
#include <cstdint>
#include <string>

#include "metagate/transform/generalize.h"
#include "text_util.h"

namespace metagate::transform {
namespace {

using internal::IsDigit;

// Reads exactly `n` digits at s[*i].
bool Digits(std::string_view s, size_t* i, int n, int* out) {
  if (*i + n > s.size()) return false;
  int v = 0;
  for (int k = 0; k < n; ++k) {
    char c = s[*i + k];
    if (!IsDigit(c)) return false;
    v = v * 10 + (c - '0');
  }
  *i += n;
  *out = v;
  return true;
}

bool Expect(std::string_view s, size_t* i, char c) {
  if (*i >= s.size() || s[*i] != c) return false;
  ++*i;
  return true;
}

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return m == 2 && leap ? 29 : kDays[m - 1];
}

Result<std::string> Iso8601(std::string_view s) {
  const Status bad = Status::Invalid("timestamp: not an ISO-8601 date-time");
  size_t i = 0;
  int year, month, day, hour, minute = 0, second = 0;
  if (!Digits(s, &i, 4, &year) || !Expect(s, &i, '-') || !Digits(s, &i, 2, &month) ||
      !Expect(s, &i, '-') || !Digits(s, &i, 2, &day)) {
    return bad;
  }
  if (i >= s.size() || (s[i] != 'T' && s[i] != 't' && s[i] != ' ')) return bad;
  ++i;
  if (!Digits(s, &i, 2, &hour)) return bad;
  if (Expect(s, &i, ':')) {
    if (!Digits(s, &i, 2, &minute)) return bad;
    if (Expect(s, &i, ':')) {
      if (!Digits(s, &i, 2, &second)) return bad;
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        size_t start = i;
        while (i < s.size() && IsDigit(s[i])) ++i;
        if (i == start) return bad;
      }
    }
  }
  if (month < 1 || month > 12 || day < 1 || day > DaysInMonth(year, month) || hour > 23 ||
      minute > 59 || second > 60) {
    return Status::Invalid("timestamp: date or time field out of range");
  }
  std::string zone;
  if (i < s.size()) {
    if (s[i] == 'Z' || s[i] == 'z') {
      zone = "Z";
      ++i;
    } else if (s[i] == '+' || s[i] == '-') {
      size_t start = i++;
      int oh, om;
      if (!Digits(s, &i, 2, &oh)) return bad;
      bool colon = Expect(s, &i, ':');
      if (!Digits(s, &i, 2, &om)) {
        if (colon) return bad;
        om = 0;  // "+02"
      }
      if (oh > 23 || om > 59) return Status::Invalid("timestamp: offset out of range");
      zone = std::string(s.substr(start, i - start));
    } else {
      return bad;
    }
  }
  if (i != s.size()) return bad;
  return std::string(s.substr(0, 13)) + ":00:00" + zone;
}

Result<std::string> Epoch(std::string_view s) {
  const Status bad = Status::Invalid("timestamp: not an epoch number");
  std::string_view digits = s;
  std::string_view frac;
  size_t dot = s.find('.');
  if (dot != std::string_view::npos) {
    digits = s.substr(0, dot);
    frac = s.substr(dot + 1);
    if (!internal::AllDigits(frac)) return bad;
  }
  if (!internal::AllDigits(digits) || digits.size() > 15) return bad;
  uint64_t v = 0;
  for (char c : digits) v = v * 10 + static_cast<uint64_t>(c - '0');
  uint64_t unit;
  if (v < 100'000'000'000ull) {
    unit = 3600;  // seconds (before year 5138)
  } else if (v < 100'000'000'000'000ull) {
    unit = 3'600'000;  // milliseconds
  } else {
    return Status::Invalid("timestamp: epoch number too large for seconds or milliseconds");
  }
  return std::to_string(v - v % unit);
}

}  // namespace

Result<std::string> GeneralizeTimestamp(std::string_view value) {
  std::string_view s = internal::Trim(value);
  if (s.empty()) return Status::Invalid("timestamp: empty value");
  if (s.size() > 4 && s[4] == '-') return Iso8601(s);
  return Epoch(s);
}

}  // namespace metagate::transform
