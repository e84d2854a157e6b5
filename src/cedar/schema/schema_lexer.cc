#include "schema/schema_lexer.h"

#include <cstdint>

namespace metagate::cedar::schema_internal {
namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Result<std::vector<Token>> Run() {
    std::vector<Token> out;
    while (true) {
      SkipSpaceAndComments();
      Token tok;
      tok.loc = Loc();
      if (pos_ >= text_.size()) {
        out.push_back(std::move(tok));
        return out;
      }
      char c = text_[pos_];
      if (IsIdentStart(c)) {
        size_t start = pos_;
        while (pos_ < text_.size() && IsIdentChar(text_[pos_])) Advance();
        tok.kind = TokKind::kIdent;
        tok.text = std::string(text_.substr(start, pos_ - start));
      } else if (c == '"') {
        tok.kind = TokKind::kString;
        Status st = LexString(tok.text);
        if (!st.ok()) return st;
      } else if (c == ':' && pos_ + 1 < text_.size() && text_[pos_ + 1] == ':') {
        tok.kind = TokKind::kPunct;
        tok.text = "::";
        Advance();
        Advance();
      } else if (std::string_view("{}[]()<>,;:=?@").find(c) != std::string_view::npos) {
        tok.kind = TokKind::kPunct;
        tok.text = std::string(1, c);
        Advance();
      } else {
        return Status::Invalid("schema: unexpected character", tok.loc);
      }
      out.push_back(std::move(tok));
    }
  }

 private:
  SourceLoc Loc() const {
    SourceLoc loc;
    loc.line = line_;
    loc.column = static_cast<uint32_t>(pos_ - line_start_ + 1);
    loc.offset = static_cast<uint32_t>(pos_);
    return loc;
  }

  void Advance() {
    if (text_[pos_] == '\n') {
      ++line_;
      line_start_ = pos_ + 1;
    }
    ++pos_;
  }

  void SkipSpaceAndComments() {
    while (pos_ < text_.size()) {
      char c = text_[pos_];
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
        Advance();
      } else if (c == '/' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '/') {
        while (pos_ < text_.size() && text_[pos_] != '\n') Advance();
      } else {
        return;
      }
    }
  }

  // Reads a string literal at pos_ (on the opening quote), decoding Cedar's escapes.
  Status LexString(std::string& out) {
    SourceLoc start = Loc();
    Advance();
    while (true) {
      if (pos_ >= text_.size()) return Status::Invalid("schema: unterminated string", start);
      char c = text_[pos_];
      if (c == '"') {
        Advance();
        return Status::Ok();
      }
      if (c != '\\') {
        out += c;
        Advance();
        continue;
      }
      SourceLoc esc = Loc();
      Advance();
      if (pos_ >= text_.size()) return Status::Invalid("schema: unterminated string", start);
      char e = text_[pos_];
      Advance();
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 'r':
          out += '\r';
          break;
        case 't':
          out += '\t';
          break;
        case '0':
          out += '\0';
          break;
        case '\\':
          out += '\\';
          break;
        case '\'':
          out += '\'';
          break;
        case '"':
          out += '"';
          break;
        case 'x': {
          uint32_t v = 0;
          for (int i = 0; i < 2; ++i) {
            if (pos_ >= text_.size() || !isxdigit(static_cast<unsigned char>(text_[pos_]))) {
              return Status::Invalid("schema: bad \\x escape in string", esc);
            }
            v = v * 16 + HexVal(text_[pos_]);
            Advance();
          }
          if (v > 0x7F) return Status::Invalid("schema: bad \\x escape in string", esc);
          out += static_cast<char>(v);
          break;
        }
        case 'u': {
          if (pos_ >= text_.size() || text_[pos_] != '{') {
            return Status::Invalid("schema: bad \\u escape in string", esc);
          }
          Advance();
          uint32_t v = 0;
          int digits = 0;
          while (pos_ < text_.size() && isxdigit(static_cast<unsigned char>(text_[pos_]))) {
            v = v * 16 + HexVal(text_[pos_]);
            ++digits;
            Advance();
            if (digits > 6) return Status::Invalid("schema: bad \\u escape in string", esc);
          }
          if (digits == 0 || pos_ >= text_.size() || text_[pos_] != '}' || v > 0x10FFFF ||
              (v >= 0xD800 && v <= 0xDFFF)) {
            return Status::Invalid("schema: bad \\u escape in string", esc);
          }
          Advance();
          AppendUtf8(out, v);
          break;
        }
        default:
          return Status::Invalid("schema: unknown escape in string", esc);
      }
    }
  }

  static uint32_t HexVal(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return c - 'A' + 10;
  }

  std::string_view text_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
};

}  // namespace

Result<std::vector<Token>> LexSchema(std::string_view text) { return Lexer(text).Run(); }

}  // namespace metagate::cedar::schema_internal
