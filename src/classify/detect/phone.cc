#include "detect/phone.h"

#include <phonenumbers/phonenumberutil.h>

#include <string>

#include "detect/card.h"
#include "detect/chars.h"
#include "detect/ip.h"
#include "detect/national_id.h"

namespace metagate::classify::detect {
namespace {

namespace pn = i18n::phonenumbers;

constexpr const char* kRegions[] = {"US", "GB", "DE", "FR", "BR", "IN", "ES", "IT", "NL", "CA",
                                    "AU", "JP", "MX", "PL", "SE", "CH", "BE", "AT", "IE", "PT"};

// Checks the characters and the shape; counts digits.
bool WrittenLikePhone(std::string_view s) {
  if (s.size() < 7 || s.size() > 24) return false;
  int digits = 0;
  int open = 0;
  int parens = 0;
  bool separator = false;
  char prev = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (IsDigit(c)) {
      ++digits;
    } else if (c == '+') {
      if (i != 0) return false;
    } else if (c == '(') {
      if (open != 0 || parens != 0) return false;
      open = 1;
      separator = true;
    } else if (c == ')') {
      if (open != 1 || !IsDigit(prev)) return false;
      open = 0;
      parens = 1;
    } else if (c == ' ' || c == '-' || c == '.') {
      if (prev == ' ' || prev == '-' || prev == '.' || prev == '+' || i == 0) return false;
      separator = true;
    } else {
      return false;
    }
    prev = c;
  }
  // Eight digits at least: a seven-digit local number has no area code to tell it from a
  // postal code (`4000-447`, `530-0001`) or a short id.
  if (open != 0 || !IsDigit(s.back()) || digits < 8 || digits > 15) return false;
  return separator || s[0] == '+' || s[0] == '0';
}

bool IsDateLike(std::string_view s) {
  // YYYY-MM-DD, YYYY.MM.DD, DD-MM-YYYY, DD.MM.YYYY (one or two digit day/month).
  auto group_lengths = [&](size_t* out, size_t max) -> size_t {
    size_t n = 0;
    size_t len = 0;
    for (char c : s) {
      if (IsDigit(c)) {
        ++len;
      } else if (c == '-' || c == '.' || c == ' ') {
        if (n < max) out[n] = len;
        ++n;
        len = 0;
      } else {
        return 0;
      }
    }
    if (n < max) out[n] = len;
    return n + 1;
  };
  size_t g[3];
  if (group_lengths(g, 3) != 3) return false;
  bool ymd = g[0] == 4 && g[1] <= 2 && g[2] <= 2;
  bool dmy = g[0] <= 2 && g[1] <= 2 && g[2] == 4;
  return ymd || dmy;
}

// `1.81.222.35`, `7.8.1.38`: dotted runs with one-digit groups are versions, not phones.
bool IsVersionLike(std::string_view s) {
  if (s.find('.') == std::string_view::npos || s[0] == '+' || s[0] == '0') return false;
  size_t len = 0;
  for (char c : s) {
    if (c == '.' || c == ' ' || c == '-') {
      if (len == 1) return true;
      len = 0;
    } else {
      ++len;
    }
  }
  return len == 1;
}

// Postal codes written with a dash: Brazilian CEP `01045-189`, US ZIP+4 `94105-1234`.
bool IsPostalCodeLike(std::string_view s) {
  if ((s.size() != 9 && s.size() != 10) || s[5] != '-') return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (i != 5 && !IsDigit(s[i])) return false;
  }
  return true;
}

// `international`: the text starts with `+`, which is a strong sign on its own, so a number of a
// possible length for its country code is accepted even when the metadata does not list its
// range as allocated (numbering plans change faster than the metadata).
bool ValidIn(const pn::PhoneNumberUtil& util, const std::string& text, const char* region,
             bool international) {
  pn::PhoneNumber number;
  if (util.Parse(text, region, &number) != pn::PhoneNumberUtil::NO_PARSING_ERROR) return false;
  if (util.IsValidNumber(number)) return true;
  return international &&
         util.IsPossibleNumberWithReason(number) == pn::PhoneNumberUtil::IS_POSSIBLE;
}

}  // namespace

// A space-separated piece is a date: `2024-11-29 10`, `29.11.2024 12`.
bool HasDatePiece(std::string_view s) {
  while (!s.empty()) {
    size_t sp = s.find(' ');
    if (IsDateLike(s.substr(0, sp))) return true;
    if (sp == std::string_view::npos) break;
    s.remove_prefix(sp + 1);
  }
  return false;
}

bool IsPhone(std::string_view s) {
  if (!WrittenLikePhone(s) || HasDatePiece(s) || IsPostalCodeLike(s) || IsVersionLike(s) ||
      IsIp(s) || IsCreditCard(s))
    return false;
  if (IsUsSsn(s) && (s[3] == '-' || s[0] != '0')) return false;
  const pn::PhoneNumberUtil& util = *pn::PhoneNumberUtil::GetInstance();
  const std::string text(s);
  if (s[0] == '+') return ValidIn(util, text, "ZZ", true);
  for (const char* region : kRegions) {
    if (ValidIn(util, text, region, false)) return true;
  }
  return false;
}

}  // namespace metagate::classify::detect
