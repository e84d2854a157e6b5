#include "value_checks.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "detect/card.h"
#include "detect/coordinates.h"
#include "detect/email.h"
#include "detect/iban.h"
#include "detect/ip.h"
#include "detect/phone.h"
#include "detect/secret.h"
#include "detect/url.h"
#include "detect/user_agent.h"
#include "text/person_name.h"

namespace metagate::classify {
namespace {

std::string_view Trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

bool HasLetter(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) {
    return std::isalpha(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80;
  });
}

bool HasDigit(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool HasSpace(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return c == ' ' || c == '\t'; });
}

// A host name: dot-separated labels of letters, digits and hyphens.
bool IsHostName(std::string_view s) {
  if (s.size() < 3 || s.size() > 253 || s.find('.') == std::string_view::npos) return false;
  if (s.front() == '.' || s.back() == '.') return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.';
  });
}

// `scheme://…` with an RFC 3986 scheme (android-app://, ios-app://, chrome-extension://).
bool HasScheme(std::string_view s) {
  size_t colon = s.find("://");
  if (colon == std::string_view::npos || colon == 0 || colon > 32 || HasSpace(s)) return false;
  if (!std::isalpha(static_cast<unsigned char>(s[0]))) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = s[i];
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.') {
      return false;
    }
  }
  return s.size() > colon + 3;
}

std::optional<double> ParseNumber(std::string_view s) {
  double v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
  return v;
}

bool IsCountryLike(std::string_view s) {
  if (s.size() < 2 || s.size() > 60 || HasDigit(s)) return false;
  return HasLetter(s);
}

}  // namespace

bool IsPlaceholder(std::string_view raw) {
  std::string_view s = Trim(raw);
  if (s.empty()) return true;
  if (s.front() == '$' && s.find_first_of(" :/") == std::string_view::npos) {
    return true;  // vendor markers: $direct, $remote
  }
  if (s.size() > 11) return false;  // longer than every placeholder below
  for (std::string_view p :
       {"null", "nil", "none", "undefined", "unknown", "n/a", "na", "-", "--", "*", "***",
        "[redacted]", "redacted", "[filtered]", "anonymous", "(not set)", "not set", "0"}) {
    if (EqualsIgnoreCase(s, p)) return true;
  }
  return false;
}

bool PassesCheck(ValueCheck check, std::string_view value) {
  if (IsPlaceholder(value)) return false;
  std::string_view v = Trim(value);
  switch (check) {
    case ValueCheck::kNonEmpty:
      return true;
    case ValueCheck::kText:
      return HasLetter(v) && v.find('@') == std::string_view::npos;
    case ValueCheck::kDigits:
      return HasDigit(v);
    case ValueCheck::kEmail:
      return detect::IsEmail(v);
    case ValueCheck::kIp:
      return detect::IsIp(v);
    case ValueCheck::kPhone: {
      if (detect::IsPhone(v)) return true;
      size_t digits =
          std::count_if(v.begin(), v.end(), [](char c) { return c >= '0' && c <= '9'; });
      bool phone_chars = std::all_of(v.begin(), v.end(), [](char c) {
        return (c >= '0' && c <= '9') || c == ' ' || c == '+' || c == '-' || c == '(' || c == ')' ||
               c == '.';
      });
      return phone_chars && digits >= 7 && digits <= 15;
    }
    case ValueCheck::kPersonName:
      return text::LooksLikePersonName(v);
    case ValueCheck::kUrl:
      return detect::IsUrl(v) || HasScheme(v) || (v.front() == '/' && !HasSpace(v));
    case ValueCheck::kReferrer:
      return detect::IsUrl(v) || HasScheme(v) || IsHostName(v) ||
             (v.front() == '/' && !HasSpace(v));
    case ValueCheck::kCard:
      return detect::IsCreditCard(v);
    case ValueCheck::kIban:
      return detect::IsIban(v);
    case ValueCheck::kSecret:
      if (detect::IsSecret(v)) return true;
      return v.size() >= 6 && !HasSpace(v);
    case ValueCheck::kUserAgent:
      return detect::IsUserAgent(v) || (HasLetter(v) && v.size() >= 8);
    case ValueCheck::kLatitude: {
      std::optional<double> d = ParseNumber(v);
      return d && detect::IsLatitude(*d);
    }
    case ValueCheck::kLongitude: {
      std::optional<double> d = ParseNumber(v);
      return d && detect::IsLongitude(*d);
    }
    case ValueCheck::kCountry:
      return IsCountryLike(v);
    case ValueCheck::kRegionLike: {
      if (HasDigit(v) || v.size() > 60 || !HasLetter(v)) return false;
      unsigned char first = static_cast<unsigned char>(v.front());
      return (first >= 'A' && first <= 'Z') || first >= 0x80;  // status words are lowercase
    }
  }
  return false;
}

bool PassesNumberCheck(ValueCheck check, double value) {
  switch (check) {
    case ValueCheck::kNonEmpty:
    case ValueCheck::kDigits:
      return true;
    case ValueCheck::kLatitude:
      return detect::IsLatitude(value);
    case ValueCheck::kLongitude:
      return detect::IsLongitude(value);
    default:
      return false;
  }
}

}  // namespace metagate::classify
