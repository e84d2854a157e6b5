#include "text/surname_shapes.h"

#include "metagate/common/utf8.h"
#include "text/given_names.h"

namespace metagate::classify::text {
namespace {

constexpr std::string_view kSuffixes[] = {
    // Latin
    "ov", "ova", "ev", "eva", "enko", "ski", "ska", "sky", "skiy", "skaya", "vić", "vic", "wicz",
    "owicz", "ovich", "evich", "poulos", "opoulou", "akis", "aki", "idis", "idou", "escu", "eanu",
    "oğlu", "oglu", "sson", "dóttir", "dottir", "yan", "yants", "shvili", "dze", "chuk", "czyk",
    "czak",
    // Cyrillic
    "ов", "ова", "ев", "ева", "ин", "ина", "ёв", "ёва", "ский", "ская", "цкий", "цкая", "енко",
    "ук", "юк", "чук", "вич", "ян", "швили", "дзе",
    // Greek
    "ου", "πουλος", "άκης", "ίδης", "ίδου", "όπουλος", "άκη"};

size_t Letters(std::string_view s) {
  size_t i = 0, n = 0;
  while (i < s.size()) {
    utf8::Decode(s, &i);
    ++n;
  }
  return n;
}

}  // namespace

bool HasSurnameSuffix(std::string_view word) {
  char buf[96];
  std::string_view lower = LowerInto(word, buf, sizeof buf);
  if (lower.empty() || Letters(lower) < 6) return false;
  for (std::string_view suffix : kSuffixes) {
    if (lower.ends_with(suffix)) return true;
  }
  return false;
}

}  // namespace metagate::classify::text
