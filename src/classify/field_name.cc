#include "field_name.h"

namespace metagate::classify {
namespace {

enum class CharKind { kSep, kLower, kUpper, kDigit, kOther };

CharKind KindOf(unsigned char c) {
  if (c >= 'a' && c <= 'z') return CharKind::kLower;
  if (c >= 'A' && c <= 'Z') return CharKind::kUpper;
  if (c >= '0' && c <= '9') return CharKind::kDigit;
  if (c >= 0x80) return CharKind::kOther;  // part of a UTF-8 letter: stays in the token
  return CharKind::kSep;
}

}  // namespace

void AppendFieldTokens(std::string_view name, std::vector<std::string>& out) {
  std::string token;
  auto flush = [&] {
    if (!token.empty()) out.push_back(std::move(token));
    token.clear();
  };
  CharKind prev = CharKind::kSep;
  for (size_t i = 0; i < name.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(name[i]);
    CharKind k = KindOf(c);
    if (k == CharKind::kSep) {
      flush();
      prev = k;
      continue;
    }
    bool split = false;
    if (k == CharKind::kUpper && (prev == CharKind::kLower || prev == CharKind::kDigit)) {
      split = true;  // userId, line1Street
    } else if (k == CharKind::kUpper && prev == CharKind::kUpper && i + 1 < name.size() &&
               KindOf(static_cast<unsigned char>(name[i + 1])) == CharKind::kLower) {
      split = true;  // IPAddress → IP | Address
    } else if (k == CharKind::kDigit && (prev == CharKind::kLower || prev == CharKind::kUpper)) {
      split = true;  // line1 → line | 1
    } else if ((k == CharKind::kLower || k == CharKind::kUpper) && prev == CharKind::kDigit) {
      split = true;  // 1st stays split too: rules never need it joined
    }
    if (split) flush();
    token.push_back(k == CharKind::kUpper ? static_cast<char>(c - 'A' + 'a')
                                          : static_cast<char>(c));
    prev = k;
  }
  flush();
}

std::string CanonicalFieldName(std::string_view name) {
  std::vector<std::string> tokens;
  AppendFieldTokens(name, tokens);
  std::string out;
  for (const std::string& t : tokens) {
    if (!out.empty()) out.push_back('_');
    out += t;
  }
  return out;
}

}  // namespace metagate::classify
