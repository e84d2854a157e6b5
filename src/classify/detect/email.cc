#include "detect/email.h"

#include "detect/chars.h"

namespace metagate::classify::detect {
namespace {

// RFC 5322 atext.
bool IsAtext(char c) {
  if (IsAlnum(c)) return true;
  switch (c) {
    case '!':
    case '#':
    case '$':
    case '%':
    case '&':
    case '\'':
    case '*':
    case '+':
    case '-':
    case '/':
    case '=':
    case '?':
    case '^':
    case '_':
    case '`':
    case '{':
    case '|':
    case '}':
    case '~':
      return true;
    default:
      return false;
  }
}

bool IsDotAtom(std::string_view s) {
  if (s.empty() || s.size() > 64 || s.front() == '.' || s.back() == '.') return false;
  char prev = 0;
  for (char c : s) {
    if (c == '.') {
      if (prev == '.') return false;
    } else if (!IsAtext(c)) {
      return false;
    }
    prev = c;
  }
  return true;
}

bool IsLabel(std::string_view label) {
  if (label.empty() || label.size() > 63 || label.front() == '-' || label.back() == '-') {
    return false;
  }
  for (char c : label) {
    if (!IsAlnum(c) && c != '-') return false;
  }
  return true;
}

bool IsTld(std::string_view label) {
  if (label.size() >= 4 && StartsWithIgnoreCase(label, "xn--")) return IsLabel(label);
  return label.size() >= 2 && label.size() <= 63 && AllOf(label, IsAlpha);
}

}  // namespace

bool IsEmailDomain(std::string_view s) {
  if (s.empty() || s.size() > 253) return false;
  size_t dot = s.rfind('.');
  if (dot == std::string_view::npos || !IsTld(s.substr(dot + 1))) return false;
  std::string_view rest = s.substr(0, dot);
  while (true) {
    size_t next = rest.find('.');
    if (!IsLabel(rest.substr(0, next))) return false;
    if (next == std::string_view::npos) return true;
    rest.remove_prefix(next + 1);
  }
}

bool IsEmail(std::string_view s) {
  if (s.size() > 254) return false;
  size_t at = s.find('@');
  if (at == std::string_view::npos || s.find('@', at + 1) != std::string_view::npos) return false;
  return IsDotAtom(s.substr(0, at)) && IsEmailDomain(s.substr(at + 1));
}

}  // namespace metagate::classify::detect
