#include "metagate/common/json.h"

#include <charconv>
#include <cstdint>
#include <cstring>

#include "metagate/common/utf8.h"

namespace metagate::json {

const char* KindName(Kind kind) {
  switch (kind) {
    case Kind::kNull:
      return "null";
    case Kind::kBool:
      return "boolean";
    case Kind::kInt:
      return "integer";
    case Kind::kNumber:
      return "number";
    case Kind::kString:
      return "string";
    case Kind::kArray:
      return "array";
    case Kind::kObject:
      return "object";
  }
  return "?";
}

Value Value::Null(SourceLoc loc) {
  Value v;
  v.loc_ = loc;
  return v;
}
Value Value::Bool(bool b, SourceLoc loc) {
  Value v;
  v.kind_ = Kind::kBool;
  v.bool_ = b;
  v.loc_ = loc;
  return v;
}
Value Value::Int(int64_t i, SourceLoc loc) {
  Value v;
  v.kind_ = Kind::kInt;
  v.int_ = i;
  v.loc_ = loc;
  return v;
}
Value Value::Number(std::string text, SourceLoc loc) {
  Value v;
  v.kind_ = Kind::kNumber;
  v.str_ = std::move(text);
  v.loc_ = loc;
  return v;
}
Value Value::String(std::string s, SourceLoc loc) {
  Value v;
  v.kind_ = Kind::kString;
  v.str_ = std::move(s);
  v.loc_ = loc;
  return v;
}
Value Value::Array(std::vector<Value> items, SourceLoc loc) {
  Value v;
  v.kind_ = Kind::kArray;
  v.items_ = std::move(items);
  v.loc_ = loc;
  return v;
}
Value Value::Object(std::vector<Member> members, SourceLoc loc) {
  Value v;
  v.kind_ = Kind::kObject;
  v.members_ = std::move(members);
  v.loc_ = loc;
  return v;
}

const Value* Value::Find(std::string_view key) const {
  if (kind_ != Kind::kObject) return nullptr;
  for (const auto& m : members_) {
    if (m.first == key) return &m.second;
  }
  return nullptr;
}

void AppendMember(std::string& out, std::string_view name, std::string_view value) {
  if (!out.empty() && out.back() != '{' && out.back() != '[' && out.back() != ',') {
    out.push_back(',');
  }
  AppendQuoted(out, name);
  out.push_back(':');
  AppendQuoted(out, value);
}

void AppendStringArray(std::string& out, const std::vector<std::string>& items) {
  out.push_back('[');
  for (size_t i = 0; i < items.size(); ++i) {
    if (i) out.push_back(',');
    AppendQuoted(out, items[i]);
  }
  out.push_back(']');
}

namespace {

// Whether any of the eight bytes of `w` is below 0x20, '"' or '\\' (the bytes JSON escapes).
// Each test is the exact "has a byte less than n" bit trick over the whole word.
inline bool AnyNeedsEscape(uint64_t w) {
  constexpr uint64_t kOnes = 0x0101010101010101ULL, kHigh = 0x8080808080808080ULL;
  uint64_t quote = w ^ (kOnes * '"'), backslash = w ^ (kOnes * '\\');
  uint64_t control = (w - kOnes * 0x20) & ~w;
  uint64_t is_quote = (quote - kOnes) & ~quote;
  uint64_t is_backslash = (backslash - kOnes) & ~backslash;
  return ((control | is_quote | is_backslash) & kHigh) != 0;
}

}  // namespace

void AppendQuoted(std::string& out, std::string_view s) {
  static const char kHex[] = "0123456789abcdef";
  out.push_back('"');
  size_t run = 0;  // start of the bytes not yet copied; runs without escapes go in one append
  for (size_t i = 0; i < s.size(); ++i) {
    // Eight bytes at a time while none needs escaping.
    while (i + 8 <= s.size()) {
      uint64_t w;
      std::memcpy(&w, s.data() + i, 8);
      if (AnyNeedsEscape(w)) break;
      i += 8;
    }
    if (i >= s.size()) break;
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x20 && c != '"' && c != '\\') continue;
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      default: {
        const char esc[6] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 15]};
        out.append(esc, 6);
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out.push_back('"');
}

void AppendPointerToken(std::string& pointer, std::string_view key) {
  pointer.push_back('/');
  for (char c : key) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer.push_back(c);
    }
  }
}

bool PathMatches(std::span<const std::string_view> path,
                 std::initializer_list<std::string_view> pattern) {
  if (path.size() != pattern.size()) return false;
  size_t i = 0;
  for (std::string_view want : pattern) {
    if (want != "*" && want != path[i]) return false;
    ++i;
  }
  return true;
}

namespace {

void DumpTo(const Value& v, std::string& out) {
  switch (v.kind()) {
    case Kind::kNull:
      out += "null";
      break;
    case Kind::kBool:
      out += v.as_bool() ? "true" : "false";
      break;
    case Kind::kInt:
      out += std::to_string(v.as_int());
      break;
    case Kind::kNumber:
      out += v.as_string();
      break;
    case Kind::kString:
      AppendQuoted(out, v.as_string());
      break;
    case Kind::kArray: {
      out.push_back('[');
      bool first = true;
      for (const auto& item : v.items()) {
        if (!first) out.push_back(',');
        first = false;
        DumpTo(item, out);
      }
      out.push_back(']');
      break;
    }
    case Kind::kObject: {
      out.push_back('{');
      bool first = true;
      for (const auto& [k, item] : v.members()) {
        if (!first) out.push_back(',');
        first = false;
        AppendQuoted(out, k);
        out.push_back(':');
        DumpTo(item, out);
      }
      out.push_back('}');
      break;
    }
  }
}

class Parser {
 public:
  Parser(std::string_view text, int max_depth) : text_(text), max_depth_(max_depth) {}

  Result<Value> ParseDocument() {
    SkipWs();
    Value v;
    RETURN_IF_ERROR(ParseValue(v, 0));
    SkipWs();
    if (pos_ != text_.size()) return Error("unexpected text after the JSON value");
    return v;
  }

 private:
  SourceLoc Here() const { return loc_at(pos_); }
  SourceLoc loc_at(size_t offset) const {
    // Incremental line tracking: positions only move forward, so cache the last answer.
    if (offset < cache_offset_) {
      cache_offset_ = 0;
      cache_line_ = 1;
      cache_line_start_ = 0;
    }
    for (size_t i = cache_offset_; i < offset; ++i) {
      if (text_[i] == '\n') {
        ++cache_line_;
        cache_line_start_ = i + 1;
      }
    }
    cache_offset_ = offset;
    SourceLoc loc;
    loc.line = cache_line_;
    loc.column = static_cast<uint32_t>(offset - cache_line_start_ + 1);
    loc.offset = static_cast<uint32_t>(offset);
    return loc;
  }

  Status Error(const std::string& msg) const { return Status::Invalid(msg, Here()); }

  void SkipWs() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        ++pos_;
      } else {
        break;
      }
    }
  }

  Status ParseValue(Value& out, int depth) {
    if (depth > max_depth_) return Error("JSON nested too deeply");
    if (pos_ >= text_.size()) return Error("unexpected end of JSON input");
    SourceLoc loc = Here();
    char c = text_[pos_];
    switch (c) {
      case '{':
        return ParseObject(out, depth, loc);
      case '[':
        return ParseArray(out, depth, loc);
      case '"': {
        std::string s;
        RETURN_IF_ERROR(ParseString(s));
        out = Value::String(std::move(s), loc);
        return Status::Ok();
      }
      case 't':
        return ParseLiteral("true", Value::Bool(true, loc), out);
      case 'f':
        return ParseLiteral("false", Value::Bool(false, loc), out);
      case 'n':
        return ParseLiteral("null", Value::Null(loc), out);
      default:
        if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber(out, loc);
        return Error(std::string("unexpected character '") + Printable(c) + "' in JSON");
    }
  }

  static std::string Printable(char c) {
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) {
      char buf[8];
      snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(c));
      return buf;
    }
    return std::string(1, c);
  }

  Status ParseLiteral(std::string_view word, Value v, Value& out) {
    if (text_.substr(pos_, word.size()) != word) return Error("invalid JSON literal");
    pos_ += word.size();
    out = std::move(v);
    return Status::Ok();
  }

  Status ParseNumber(Value& out, SourceLoc loc) {
    size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    if (pos_ >= text_.size() || !isdigit(static_cast<unsigned char>(text_[pos_]))) {
      return Error("invalid JSON number");
    }
    if (text_[pos_] == '0') {
      ++pos_;
    } else {
      while (pos_ < text_.size() && isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    bool is_integer = true;
    if (pos_ < text_.size() && text_[pos_] == '.') {
      is_integer = false;
      ++pos_;
      if (pos_ >= text_.size() || !isdigit(static_cast<unsigned char>(text_[pos_]))) {
        return Error("invalid JSON number: digits expected after '.'");
      }
      while (pos_ < text_.size() && isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      is_integer = false;
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      if (pos_ >= text_.size() || !isdigit(static_cast<unsigned char>(text_[pos_]))) {
        return Error("invalid JSON number: digits expected in exponent");
      }
      while (pos_ < text_.size() && isdigit(static_cast<unsigned char>(text_[pos_]))) ++pos_;
    }
    std::string_view num = text_.substr(start, pos_ - start);
    if (is_integer) {
      int64_t v = 0;
      auto [p, ec] = std::from_chars(num.data(), num.data() + num.size(), v);
      if (ec == std::errc() && p == num.data() + num.size()) {
        out = Value::Int(v, loc);
        return Status::Ok();
      }
    }
    out = Value::Number(std::string(num), loc);
    return Status::Ok();
  }

  bool ReadHex4(uint32_t& out) {
    if (pos_ + 4 > text_.size()) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_ + i];
      out <<= 4;
      if (c >= '0' && c <= '9') {
        out |= c - '0';
      } else if (c >= 'a' && c <= 'f') {
        out |= c - 'a' + 10;
      } else if (c >= 'A' && c <= 'F') {
        out |= c - 'A' + 10;
      } else {
        return false;
      }
    }
    pos_ += 4;
    return true;
  }

  Status ParseString(std::string& s) {
    ++pos_;  // opening quote
    while (true) {
      if (pos_ >= text_.size()) return Error("unterminated JSON string");
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return Status::Ok();
      }
      if (static_cast<unsigned char>(c) < 0x20) return Error("control character in JSON string");
      if (c == '\\') {
        ++pos_;
        if (pos_ >= text_.size()) return Error("unterminated JSON string");
        char e = text_[pos_++];
        switch (e) {
          case '"':
            s.push_back('"');
            break;
          case '\\':
            s.push_back('\\');
            break;
          case '/':
            s.push_back('/');
            break;
          case 'b':
            s.push_back('\b');
            break;
          case 'f':
            s.push_back('\f');
            break;
          case 'n':
            s.push_back('\n');
            break;
          case 'r':
            s.push_back('\r');
            break;
          case 't':
            s.push_back('\t');
            break;
          case 'u': {
            uint32_t cp;
            if (!ReadHex4(cp)) return Error("invalid \\u escape in JSON string");
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              uint32_t lo;
              if (pos_ + 2 <= text_.size() && text_[pos_] == '\\' && text_[pos_ + 1] == 'u') {
                pos_ += 2;
                if (!ReadHex4(lo) || lo < 0xDC00 || lo > 0xDFFF) {
                  return Error("invalid surrogate pair in JSON string");
                }
                cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
              } else {
                return Error("unpaired surrogate in JSON string");
              }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
              return Error("unpaired surrogate in JSON string");
            }
            utf8::Append(s, cp);
            break;
          }
          default:
            return Error("invalid escape in JSON string");
        }
        continue;
      }
      // A run of plain bytes up to the next quote, escape or control character.
      size_t end = pos_;
      while (end < text_.size() && text_[end] != '"' && text_[end] != '\\' &&
             static_cast<unsigned char>(text_[end]) >= 0x20) {
        ++end;
      }
      std::string_view run = text_.substr(pos_, end - pos_);
      size_t bad = utf8::FindInvalid(run);
      if (bad != run.size()) {
        pos_ += bad;
        return Error("invalid UTF-8 in JSON string");
      }
      s.append(run);
      pos_ = end;
    }
  }

  Status ParseArray(Value& out, int depth, SourceLoc loc) {
    ++pos_;
    std::vector<Value> items;
    SkipWs();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      out = Value::Array(std::move(items), loc);
      return Status::Ok();
    }
    while (true) {
      SkipWs();
      Value item;
      RETURN_IF_ERROR(ParseValue(item, depth + 1));
      items.push_back(std::move(item));
      SkipWs();
      if (pos_ >= text_.size()) return Error("unterminated JSON array");
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (text_[pos_] == ']') {
        ++pos_;
        break;
      }
      return Error("expected ',' or ']' in JSON array");
    }
    out = Value::Array(std::move(items), loc);
    return Status::Ok();
  }

  Status ParseObject(Value& out, int depth, SourceLoc loc) {
    ++pos_;
    std::vector<Value::Member> members;
    SkipWs();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      out = Value::Object(std::move(members), loc);
      return Status::Ok();
    }
    while (true) {
      SkipWs();
      if (pos_ >= text_.size() || text_[pos_] != '"') return Error("expected a string key");
      std::string key;
      RETURN_IF_ERROR(ParseString(key));
      SkipWs();
      if (pos_ >= text_.size() || text_[pos_] != ':') return Error("expected ':' after key");
      ++pos_;
      SkipWs();
      Value item;
      RETURN_IF_ERROR(ParseValue(item, depth + 1));
      members.emplace_back(std::move(key), std::move(item));
      SkipWs();
      if (pos_ >= text_.size()) return Error("unterminated JSON object");
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (text_[pos_] == '}') {
        ++pos_;
        break;
      }
      return Error("expected ',' or '}' in JSON object");
    }
    out = Value::Object(std::move(members), loc);
    return Status::Ok();
  }

  std::string_view text_;
  int max_depth_;
  size_t pos_ = 0;
  mutable size_t cache_offset_ = 0;
  mutable uint32_t cache_line_ = 1;
  mutable size_t cache_line_start_ = 0;
};

}  // namespace

std::string Value::Dump() const {
  std::string out;
  DumpTo(*this, out);
  return out;
}

Result<Value> Parse(std::string_view text, int max_depth) {
  Parser p(text, max_depth);
  return p.ParseDocument();
}

}  // namespace metagate::json
