#include "detect/card.h"

#include <string>
#include <vector>

#include "detect/chars.h"

namespace metagate::classify::detect {
namespace {

bool LuhnOk(std::string_view digits) {
  int sum = 0;
  bool twice = false;
  for (size_t i = digits.size(); i-- > 0;) {
    int d = digits[i] - '0';
    if (twice) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    twice = !twice;
  }
  return sum % 10 == 0;
}

int Prefix(std::string_view digits, size_t n) {
  int v = 0;
  for (size_t i = 0; i < n; ++i) v = v * 10 + (digits[i] - '0');
  return v;
}

bool IssuerAllowsLength(std::string_view d) {
  const size_t len = d.size();
  const int p1 = Prefix(d, 1);
  const int p2 = Prefix(d, 2);
  const int p3 = Prefix(d, 3);
  const int p4 = Prefix(d, 4);
  auto in = [](int v, int lo, int hi) { return v >= lo && v <= hi; };
  if (p1 == 4) return len == 13 || len == 16 || len == 19;                     // Visa
  if ((in(p2, 51, 55) || in(p4, 2221, 2720)) && len == 16) return true;        // Mastercard
  if ((p2 == 34 || p2 == 37) && len == 15) return true;                        // Amex
  if ((p4 == 6011 || in(p3, 644, 649) || p2 == 65) && len >= 16) return true;  // Discover
  if (in(p4, 3528, 3589) && len >= 16) return true;                            // JCB
  if ((p2 == 36 || in(p3, 300, 305) || p2 == 38 || p2 == 39) && len >= 14) return true;  // Diners
  if (p2 == 62 && len >= 16) return true;                                                // UnionPay
  if ((p2 == 50 || in(p2, 56, 69)) && len >= 13) return true;                            // Maestro
  return false;
}

bool GroupingOk(const std::vector<size_t>& g) {
  if (g.size() == 1) return true;
  if (g.size() == 3 && g[0] == 4 && g[1] == 6 && (g[2] == 5 || g[2] == 4)) return true;
  if (g.size() < 3 || g.back() < 1 || g.back() > 4) return false;
  for (size_t i = 0; i + 1 < g.size(); ++i) {
    if (g[i] != 4) return false;
  }
  return true;
}

}  // namespace

bool IsCardDigits(std::string_view digits) {
  if (digits.size() < 13 || digits.size() > 19 || !AllOf(digits, IsDigit)) return false;
  return IssuerAllowsLength(digits) && LuhnOk(digits);
}

bool IsCreditCard(std::string_view s) {
  if (s.size() < 13 || s.size() > 23) return false;
  char sep = 0;
  std::string digits;
  std::vector<size_t> groups{0};
  for (char c : s) {
    if (IsDigit(c)) {
      digits.push_back(c);
      ++groups.back();
    } else if (c == ' ' || c == '-') {
      if (sep != 0 && sep != c) return false;
      if (groups.back() == 0) return false;  // leading or doubled separator
      sep = c;
      groups.push_back(0);
    } else {
      return false;
    }
  }
  return groups.back() != 0 && GroupingOk(groups) && IsCardDigits(digits);
}

}  // namespace metagate::classify::detect
