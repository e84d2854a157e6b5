#include "parser/lexer.h"

#include <string>

#include "metagate/common/utf8.h"
#include "parser/utf8.h"

namespace metagate::cedar::internal {
namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

class Lexer {
 public:
  explicit Lexer(std::string_view text) : text_(text) {}

  Result<std::vector<Token>> Run() {
    const size_t bad = utf8::FindInvalid(text_);
    if (bad != text_.size()) {
      Advance(bad);
      return Status::Invalid("text is not valid UTF-8", Loc());
    }
    pos_ = 0;
    line_ = 1;
    line_start_ = 0;
    std::vector<Token> tokens;
    while (true) {
      SkipSpaceAndComments();
      Token tok;
      tok.loc = Loc();
      const size_t start = pos_;
      if (pos_ >= text_.size()) {
        tok.kind = Tok::kEof;
        tokens.push_back(tok);
        return tokens;
      }
      Status st = LexOne(&tok.kind);
      if (!st.ok()) return st;
      tok.text = text_.substr(start, pos_ - start);
      tokens.push_back(tok);
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

  // Moves to byte `target` (>= pos_), tracking lines.
  void Advance(size_t target) {
    for (; pos_ < target; ++pos_) {
      if (text_[pos_] == '\n') {
        ++line_;
        line_start_ = pos_ + 1;
      }
    }
  }

  char At(size_t i) const { return i < text_.size() ? text_[i] : '\0'; }

  void SkipSpaceAndComments() {
    while (pos_ < text_.size()) {
      const size_t ws = WhitespaceLength(text_, pos_);
      if (ws > 0) {
        Advance(pos_ + ws);
      } else if (text_[pos_] == '/' && At(pos_ + 1) == '/') {
        size_t end = text_.find('\n', pos_);
        Advance(end == std::string_view::npos ? text_.size() : end);
      } else {
        return;
      }
    }
  }

  Status LexOne(Tok* kind) {
    const char c = text_[pos_];
    if (IsIdentStart(c)) {
      size_t end = pos_ + 1;
      while (IsIdentChar(At(end))) ++end;
      pos_ = end;
      *kind = Tok::kIdent;
      return Status::Ok();
    }
    if (IsDigit(c)) {
      size_t end = pos_ + 1;
      while (IsDigit(At(end))) ++end;
      pos_ = end;
      *kind = Tok::kInt;
      return Status::Ok();
    }
    if (c == '"') return LexString(kind);
    if (c == '?') {
      if (!IsIdentStart(At(pos_ + 1))) {
        return Status::Invalid("invalid token `?`: expected a slot such as `?principal`", Loc());
      }
      size_t end = pos_ + 2;
      while (IsIdentChar(At(end))) ++end;
      pos_ = end;
      *kind = Tok::kSlot;
      return Status::Ok();
    }
    const char n = At(pos_ + 1);
    size_t len = 1;
    switch (c) {
      case '@':
        *kind = Tok::kAt;
        break;
      case '(':
        *kind = Tok::kLParen;
        break;
      case ')':
        *kind = Tok::kRParen;
        break;
      case '[':
        *kind = Tok::kLBracket;
        break;
      case ']':
        *kind = Tok::kRBracket;
        break;
      case '{':
        *kind = Tok::kLBrace;
        break;
      case '}':
        *kind = Tok::kRBrace;
        break;
      case ',':
        *kind = Tok::kComma;
        break;
      case ';':
        *kind = Tok::kSemi;
        break;
      case '.':
        *kind = Tok::kDot;
        break;
      case '+':
        *kind = Tok::kPlus;
        break;
      case '-':
        *kind = Tok::kMinus;
        break;
      case '*':
        *kind = Tok::kStar;
        break;
      case ':':
        *kind = n == ':' ? Tok::kColonColon : Tok::kColon;
        len = n == ':' ? 2 : 1;
        break;
      case '!':
        *kind = n == '=' ? Tok::kNotEq : Tok::kBang;
        len = n == '=' ? 2 : 1;
        break;
      case '<':
        *kind = n == '=' ? Tok::kLessEq : Tok::kLess;
        len = n == '=' ? 2 : 1;
        break;
      case '>':
        *kind = n == '=' ? Tok::kGreaterEq : Tok::kGreater;
        len = n == '=' ? 2 : 1;
        break;
      case '=':
        if (n != '=') {
          return Status::Invalid("'=' is not a valid operator in Cedar; use '==' for equality",
                                 Loc());
        }
        *kind = Tok::kEq;
        len = 2;
        break;
      case '&':
        if (n != '&') return Status::Invalid("invalid token `&`; use `&&` for and", Loc());
        *kind = Tok::kAndAnd;
        len = 2;
        break;
      case '|':
        if (n != '|') return Status::Invalid("invalid token `|`; use `||` for or", Loc());
        *kind = Tok::kOrOr;
        len = 2;
        break;
      default:
        return InvalidChar();
    }
    pos_ += len;
    return Status::Ok();
  }

  Status InvalidChar() {
    std::string msg = "invalid character";
    const auto b = static_cast<unsigned char>(text_[pos_]);
    if (b >= 0x21 && b < 0x7F) {
      msg += " `";
      msg += text_[pos_];
      msg += "`";
    } else if (b >= 0x80) {
      size_t end = pos_;
      utf8::Decode(text_, &end);
      msg += " `" + std::string(text_.substr(pos_, end - pos_)) + "`";
    }
    return Status::Invalid(msg, Loc());
  }

  Status LexString(Tok* kind) {
    const SourceLoc start = Loc();
    size_t i = pos_ + 1;
    while (i < text_.size()) {
      const char c = text_[i];
      if (c == '"') {
        Advance(i + 1);
        *kind = Tok::kString;
        return Status::Ok();
      }
      if (c == '\\') {
        if (i + 1 >= text_.size()) break;
        if (text_[i + 1] == '\n') {
          Advance(i);
          return Status::Invalid("invalid escape in string literal: `\\` at end of line", Loc());
        }
        i += 2;
        continue;
      }
      ++i;
    }
    return Status::Invalid("unterminated string literal", start);
  }

  std::string_view text_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
};

}  // namespace

Result<std::vector<Token>> Lex(std::string_view text) {
  if (text.size() > UINT32_MAX) return Status::Invalid("policy text is too large (over 4 GiB)");
  return Lexer(text).Run();
}

std::string DescribeToken(const Token& tok) {
  if (tok.kind == Tok::kEof) return "end of input";
  constexpr size_t kMaxShown = 40;
  if (tok.text.size() <= kMaxShown) return "`" + std::string(tok.text) + "`";
  size_t end = kMaxShown;
  while (end > 0 && (static_cast<uint8_t>(tok.text[end]) & 0xC0) == 0x80) --end;  // whole chars
  return "`" + std::string(tok.text.substr(0, end)) + "...`";
}

}  // namespace metagate::cedar::internal
