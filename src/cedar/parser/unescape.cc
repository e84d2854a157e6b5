#include "parser/unescape.h"

#include <cstdint>

#include "metagate/common/hex.h"
#include "metagate/common/utf8.h"
#include "parser/utf8.h"

namespace metagate::cedar::internal {
namespace {

// Decodes the escape at body[*i] (a backslash). On success stores the code point, advances *i
// `\*` is accepted only in patterns.
bool DecodeEscape(std::string_view body, size_t* i, bool in_pattern, uint32_t* cp,
                  UnescapeError* err) {
  const size_t start = *i;
  auto fail = [&](size_t end) {
    if (end > body.size()) end = body.size();
    err->message =
        "the input `" + std::string(body.substr(start, end - start)) + "` is not a valid escape";
    err->offset = start;
    return false;
  };
  if (start + 1 >= body.size()) return fail(start + 1);
  const char c = body[start + 1];
  *i = start + 2;
  switch (c) {
    case 'n':
      *cp = '\n';
      return true;
    case 'r':
      *cp = '\r';
      return true;
    case 't':
      *cp = '\t';
      return true;
    case '\\':
      *cp = '\\';
      return true;
    case '0':
      *cp = 0;
      return true;
    case '\'':
      *cp = '\'';
      return true;
    case '"':
      *cp = '"';
      return true;
    case '*':
      if (!in_pattern) return fail(start + 2);
      *cp = '*';
      return true;
    case 'x': {
      const int h1 = start + 2 < body.size() ? HexDigitValue(body[start + 2]) : -1;
      if (h1 < 0) return fail(start + 3);
      const int h2 = start + 3 < body.size() ? HexDigitValue(body[start + 3]) : -1;
      if (h2 < 0) return fail(start + 4);
      const uint32_t v = static_cast<uint32_t>(h1 * 16 + h2);
      if (v > 0x7F) return fail(start + 4);
      *cp = v;
      *i = start + 4;
      return true;
    }
    case 'u': {
      if (start + 2 >= body.size() || body[start + 2] != '{') return fail(start + 3);
      size_t j = start + 3;
      uint32_t v = 0;
      int digits = 0;
      while (j < body.size() && HexDigitValue(body[j]) >= 0) {
        if (digits < 7) v = v * 16 + static_cast<uint32_t>(HexDigitValue(body[j]));
        ++digits;
        ++j;
      }
      const bool closed = j < body.size() && body[j] == '}';
      if (!closed || digits == 0 || digits > 6 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
        return fail(closed ? j + 1 : j);
      }
      *cp = v;
      *i = j + 1;
      return true;
    }
    default: {
      size_t end = start + 1;
      utf8::Decode(body, &end);
      return fail(end);
    }
  }
}

}  // namespace

bool UnescapeString(std::string_view body, std::string* out, UnescapeError* err) {
  out->clear();
  out->reserve(body.size());
  size_t i = 0;
  while (i < body.size()) {
    const size_t next = body.find('\\', i);
    if (next == std::string_view::npos) {
      out->append(body.substr(i));
      break;
    }
    out->append(body.substr(i, next - i));
    i = next;
    uint32_t cp = 0;
    if (!DecodeEscape(body, &i, /*in_pattern=*/false, &cp, err)) return false;
    utf8::Append(*out, cp);
  }
  return true;
}

bool UnescapePattern(std::string_view body, Pattern* out, UnescapeError* err) {
  out->elems.clear();
  size_t i = 0;
  while (i < body.size()) {
    PatternElem elem;
    if (body[i] == '\\') {
      const bool literal_star = i + 1 < body.size() && body[i + 1] == '*';
      uint32_t cp = 0;
      if (!DecodeEscape(body, &i, /*in_pattern=*/true, &cp, err)) return false;
      // As in Cedar, only `\*` is a literal star; a star produced by another escape such as
      // `\u{2a}` is a wildcard.
      elem.wildcard = cp == '*' && !literal_star;
      elem.ch = elem.wildcard ? 0 : cp;
    } else if (body[i] == '*') {
      elem.wildcard = true;
      ++i;
    } else {
      elem.ch = utf8::Decode(body, &i);
    }
    out->elems.push_back(elem);
  }
  return true;
}

}  // namespace metagate::cedar::internal
