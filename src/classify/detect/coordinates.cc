#include "detect/coordinates.h"

#include <charconv>
#include <cmath>

#include "detect/chars.h"

namespace metagate::classify::detect {
namespace {

// A decimal `-?d{1,3}.d{3,}`; parsed without exceptions or locale.
bool ParseDecimal(std::string_view s, double& out) {
  std::string_view body = s.starts_with('-') ? s.substr(1) : s;
  size_t dot = body.find('.');
  if (dot == std::string_view::npos || dot == 0 || dot > 3 || body.size() - dot - 1 < 3 ||
      body.size() - dot - 1 > 15) {
    return false;
  }
  if (!AllOf(body.substr(0, dot), IsDigit) || !AllOf(body.substr(dot + 1), IsDigit)) return false;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && ptr == s.data() + s.size();
}

}  // namespace

bool IsLatitude(double v) { return std::isfinite(v) && v >= -90.0 && v <= 90.0; }
bool IsLongitude(double v) { return std::isfinite(v) && v >= -180.0 && v <= 180.0; }

bool IsLatLngPair(std::string_view s) {
  size_t comma = s.find(',');
  if (comma == std::string_view::npos) return false;
  std::string_view lat = s.substr(0, comma);
  std::string_view lng = s.substr(comma + 1);
  while (lng.starts_with(' ')) lng.remove_prefix(1);
  double a = 0;
  double b = 0;
  return ParseDecimal(lat, a) && ParseDecimal(lng, b) && IsLatitude(a) && IsLongitude(b);
}

}  // namespace metagate::classify::detect
