#include "schema/schema_lexer.h"

#include <cstdint>

#include "metagate/common/utf8.h"
#include "parser/unescape.h"

namespace metagate::cedar::schema_internal {
namespace {

bool IsIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool IsIdentChar(char c) { return IsIdentStart(c) || (c >= '0' && c <= '9'); }

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

  // Reads a string literal at pos_ (on the opening quote), decoding Cedar's escapes (the same
  // escapes as in policy text).
  Status LexString(std::string& out) {
    SourceLoc start = Loc();
    Advance();
    size_t body_start = pos_;
    while (true) {
      if (pos_ >= text_.size()) return Status::Invalid("schema: unterminated string", start);
      char c = text_[pos_];
      if (c == '"') break;
      if (c == '\\' && pos_ + 1 < text_.size()) Advance();
      Advance();
    }
    std::string_view body = text_.substr(body_start, pos_ - body_start);
    Advance();  // closing quote
    internal::UnescapeError err;
    if (!internal::UnescapeString(body, &out, &err)) {
      SourceLoc loc = start;
      loc.column += static_cast<uint32_t>(err.offset + 1);
      loc.offset += static_cast<uint32_t>(err.offset + 1);
      return Status::Invalid("schema: " + err.message, loc);
    }
    return Status::Ok();
  }

  std::string_view text_;
  size_t pos_ = 0;
  uint32_t line_ = 1;
  size_t line_start_ = 0;
};

}  // namespace

Result<std::vector<Token>> LexSchema(std::string_view text) {
  // Cedar reads schemas as Unicode text: ill-formed UTF-8 anywhere (even in a comment or a
  // string literal) is an error.
  if (size_t bad = utf8::FindInvalid(text); bad != text.size()) {
    return Status::Invalid("schema: text is not valid UTF-8", LocateOffset(std::string(text), bad));
  }
  return Lexer(text).Run();
}

}  // namespace metagate::cedar::schema_internal
