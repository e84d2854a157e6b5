#include "text/given_names.h"

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <vector>

#include "metagate/common/utf8.h"
#include "text/given_name_table.h"
#include "text/script.h"

namespace metagate::classify::text {
namespace {

struct Tables {
  std::vector<std::string_view> names;      // lower case, sorted, unique
  std::vector<std::string_view> folded;     // ASCII-folded lower case, sorted
  std::vector<std::string_view> ambiguous;  // lower case, sorted
  std::vector<std::string> folded_storage;
};

std::vector<std::string_view> Split(std::initializer_list<std::string_view> texts) {
  std::vector<std::string_view> out;
  for (std::string_view text : texts) {
    size_t i = 0;
    while (i < text.size()) {
      while (i < text.size() && (text[i] == ' ' || text[i] == '\n')) ++i;
      size_t start = i;
      while (i < text.size() && text[i] != ' ' && text[i] != '\n') ++i;
      if (i > start) out.push_back(text.substr(start, i - start));
    }
  }
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

const Tables& GetTables() {
  static const Tables* tables = [] {
    auto* t = new Tables;
    t->names = Split({kGivenNameText, kGivenNameWorldText});
    t->ambiguous = Split({kAmbiguousGivenNameText, kAmbiguousGivenNameWorldText});
    t->folded_storage.reserve(t->names.size() + t->ambiguous.size());
    for (const auto* list : {&t->names, &t->ambiguous}) {
      for (std::string_view n : *list) {
        char buf[64];
        std::string_view f = FoldInto(n, buf, sizeof buf);
        if (!f.empty()) t->folded_storage.emplace_back(f);
      }
    }
    for (const std::string& s : t->folded_storage) t->folded.push_back(s);
    std::sort(t->folded.begin(), t->folded.end());
    return t;
  }();
  return *tables;
}

bool Contains(const std::vector<std::string_view>& v, std::string_view key) {
  return std::binary_search(v.begin(), v.end(), key);
}

// ASCII replacement for a lower-case Latin letter with a diacritic; empty when there is none.
std::string_view FoldCp(uint32_t cp) {
  static constexpr std::string_view kLatin1[] = {
      "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",
      "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y"};
  // One letter per code point of U+0100..U+017F.
  static constexpr std::string_view kExtA =
      "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiijjjjkkkllllllllllnnnnnnnnnoooooooorrrrrrss"
      "ssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";
  if (cp >= 0xE0 && cp <= 0xFF) return kLatin1[cp - 0xE0];
  if (cp == 0xDF) return "ss";
  if (cp == 0x152 || cp == 0x153) return "oe";
  if (cp == 0x132 || cp == 0x133) return "ij";
  if (cp >= 0x100 && cp <= 0x17F) return kExtA.substr(cp - 0x100, 1);
  if (cp == 0x1A1) return "o";         // ơ
  if (cp == 0x1B0) return "u";         // ư
  if (cp >= 0x1EA0 && cp <= 0x1EF9) {  // Vietnamese letters with tone marks
    if (cp <= 0x1EB7) return "a";
    if (cp <= 0x1EC7) return "e";
    if (cp <= 0x1ECB) return "i";
    if (cp <= 0x1EE3) return "o";
    if (cp <= 0x1EF1) return "u";
    return "y";
  }
  if (cp == 0x218 || cp == 0x219) return "s";
  if (cp == 0x21A || cp == 0x21B) return "t";
  return {};
}

}  // namespace

std::string_view LowerInto(std::string_view token, char* buf, size_t cap) {
  size_t n = 0;
  size_t i = 0;
  while (i < token.size()) {
    uint32_t cp = ToLowerCp(utf8::Decode(token, &i));
    char enc[4];
    size_t len;
    if (cp < 0x80) {
      enc[0] = static_cast<char>(cp);
      len = 1;
    } else if (cp < 0x800) {
      enc[0] = static_cast<char>(0xC0 | (cp >> 6));
      enc[1] = static_cast<char>(0x80 | (cp & 0x3F));
      len = 2;
    } else if (cp < 0x10000) {
      enc[0] = static_cast<char>(0xE0 | (cp >> 12));
      enc[1] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      enc[2] = static_cast<char>(0x80 | (cp & 0x3F));
      len = 3;
    } else {
      enc[0] = static_cast<char>(0xF0 | (cp >> 18));
      enc[1] = static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
      enc[2] = static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
      enc[3] = static_cast<char>(0x80 | (cp & 0x3F));
      len = 4;
    }
    if (n + len > cap) return {};
    for (size_t k = 0; k < len; ++k) buf[n++] = enc[k];
  }
  return {buf, n};
}

std::string_view FoldInto(std::string_view lower, char* buf, size_t cap) {
  size_t n = 0;
  size_t i = 0;
  while (i < lower.size()) {
    size_t start = i;
    uint32_t cp = utf8::Decode(lower, &i);
    std::string_view rep = cp >= 0x80 ? FoldCp(cp) : std::string_view();
    std::string_view piece = rep.empty() ? lower.substr(start, i - start) : rep;
    if (n + piece.size() > cap) return {};
    for (char c : piece) buf[n++] = c;
  }
  return {buf, n};
}

GivenNameKind LookupGivenName(std::string_view token) {
  if (token.empty() || token.size() > 60) return GivenNameKind::kNone;
  const Tables& t = GetTables();
  char lower_buf[128];
  std::string_view lower = LowerInto(token, lower_buf, sizeof lower_buf);
  if (lower.empty()) return GivenNameKind::kNone;
  if (Contains(t.ambiguous, lower)) return GivenNameKind::kAmbiguous;
  if (Contains(t.names, lower)) return GivenNameKind::kName;
  char fold_buf[128];
  std::string_view folded = FoldInto(lower, fold_buf, sizeof fold_buf);
  if (!folded.empty() && folded != lower && Contains(t.folded, folded)) {
    return Contains(t.ambiguous, folded) ? GivenNameKind::kAmbiguous : GivenNameKind::kName;
  }
  size_t hyphen = token.find('-');
  if (hyphen != std::string_view::npos && hyphen > 0) {
    return LookupGivenName(token.substr(0, hyphen));
  }
  return GivenNameKind::kNone;
}

size_t GivenNameCount() {
  const Tables& t = GetTables();
  return t.names.size() + t.ambiguous.size();
}

}  // namespace metagate::classify::text
