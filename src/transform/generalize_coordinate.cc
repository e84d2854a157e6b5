// Geographic coordinates → one decimal (about 11 km of latitude).
#include <charconv>
#include <cmath>
#include <cstdio>

#include "metagate/transform/generalize.h"
#include "text_util.h"

namespace metagate::transform {
namespace {

Result<double> RoundOne(std::string_view s) {
  s = internal::Trim(s);
  if (s.empty()) return Status::Invalid("coordinate: empty value");
  if (s.front() == '+') {
    s.remove_prefix(1);
    if (s.empty() || s.front() == '-') return Status::Invalid("coordinate: not a decimal number");
  }
  // Only plain decimal notation: digits, one '.', an optional leading '-'.
  size_t dots = 0, digits = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == '-' && i == 0) continue;
    if (c == '.') {
      ++dots;
    } else if (internal::IsDigit(c)) {
      ++digits;
    } else {
      return Status::Invalid("coordinate: not a decimal number");
    }
  }
  if (dots > 1 || digits == 0) return Status::Invalid("coordinate: not a decimal number");
  double v = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || ptr != s.data() + s.size() || !std::isfinite(v)) {
    return Status::Invalid("coordinate: not a decimal number");
  }
  if (std::fabs(v) > 180.0) return Status::Invalid("coordinate: out of range [-180, 180]");
  double r = std::round(v * 10.0) / 10.0;
  return r == 0.0 ? 0.0 : r;  // no "-0.0"
}

std::string Format(double r) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%.1f", r);
  return buf;
}

}  // namespace

Result<std::string> GeneralizeCoordinate(std::string_view value) {
  size_t comma = value.find(',');
  if (comma == std::string_view::npos) {
    ASSIGN_OR_RETURN(double v, RoundOne(value));
    return Format(v);
  }
  ASSIGN_OR_RETURN(double lat, RoundOne(value.substr(0, comma)));
  ASSIGN_OR_RETURN(double lon, RoundOne(value.substr(comma + 1)));
  if (std::fabs(lat) > 90.0) return Status::Invalid("coordinate: latitude out of range");
  return Format(lat) + "," + Format(lon);
}

}  // namespace metagate::transform
