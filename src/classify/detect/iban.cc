#include "detect/iban.h"

#include <string>

#include "detect/chars.h"

namespace metagate::classify::detect {
namespace {

struct CountryLength {
  char code[3];
  int length;
};

// IBAN lengths from the SWIFT IBAN registry.
constexpr CountryLength kLengths[] = {
    {"AD", 24}, {"AE", 23}, {"AL", 28}, {"AT", 20}, {"AZ", 28}, {"BA", 20}, {"BE", 16}, {"BG", 22},
    {"BH", 22}, {"BI", 27}, {"BR", 29}, {"BY", 28}, {"CH", 21}, {"CR", 22}, {"CY", 28}, {"CZ", 24},
    {"DE", 22}, {"DJ", 27}, {"DK", 18}, {"DO", 28}, {"EE", 20}, {"EG", 29}, {"ES", 24}, {"FI", 18},
    {"FK", 18}, {"FO", 18}, {"FR", 27}, {"GB", 22}, {"GE", 22}, {"GI", 23}, {"GL", 18}, {"GR", 27},
    {"GT", 28}, {"HN", 28}, {"HR", 21}, {"HU", 28}, {"IE", 22}, {"IL", 23}, {"IQ", 23}, {"IS", 26},
    {"IT", 27}, {"JO", 30}, {"KW", 30}, {"KZ", 20}, {"LB", 28}, {"LC", 32}, {"LI", 21}, {"LT", 20},
    {"LU", 20}, {"LV", 21}, {"LY", 25}, {"MC", 27}, {"MD", 24}, {"ME", 22}, {"MK", 19}, {"MN", 20},
    {"MR", 27}, {"MT", 31}, {"MU", 30}, {"NI", 28}, {"NL", 18}, {"NO", 15}, {"OM", 23}, {"PK", 24},
    {"PL", 28}, {"PS", 29}, {"PT", 25}, {"QA", 29}, {"RO", 24}, {"RS", 22}, {"RU", 33}, {"SA", 24},
    {"SC", 31}, {"SD", 18}, {"SE", 24}, {"SI", 19}, {"SK", 24}, {"SM", 27}, {"SO", 23}, {"ST", 25},
    {"SV", 28}, {"TL", 23}, {"TN", 24}, {"TR", 26}, {"UA", 29}, {"VA", 22}, {"VG", 24}, {"XK", 20},
    {"YE", 30},
};

bool Mod97IsOne(std::string_view iban) {
  // Move the first four characters to the end, letters become 10..35, reduce piecewise.
  unsigned rem = 0;
  auto feed = [&rem](char c) {
    if (IsDigit(c)) {
      rem = (rem * 10 + static_cast<unsigned>(c - '0')) % 97;
    } else {
      rem = (rem * 100 + static_cast<unsigned>(c - 'A' + 10)) % 97;
    }
  };
  for (char c : iban.substr(4)) feed(c);
  for (char c : iban.substr(0, 4)) feed(c);
  return rem == 1;
}

}  // namespace

int IbanLength(std::string_view country) {
  for (const auto& entry : kLengths) {
    if (country == entry.code) return entry.length;
  }
  return 0;
}

bool IsIban(std::string_view s) {
  if (s.size() < 15 || s.size() > 42) return false;
  std::string compact;
  size_t group = 0;
  bool spaced = false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    if (c == ' ') {
      if (group != 4) return false;  // print form groups are exactly four, only the last shorter
      spaced = true;
      group = 0;
      continue;
    }
    if (!IsUpper(c) && !IsDigit(c)) return false;
    if (++group > 4 && spaced) return false;
    compact.push_back(c);
  }
  if (spaced && group > 4) return false;
  if (!IsUpper(compact[0]) || !IsUpper(compact[1]) || !IsDigit(compact[2]) ||
      !IsDigit(compact[3])) {
    return false;
  }
  int len = IbanLength(std::string_view(compact).substr(0, 2));
  return len != 0 && static_cast<int>(compact.size()) == len && Mod97IsOne(compact);
}

}  // namespace metagate::classify::detect
