// A cursor over the tokens of one Cedar source text, with helpers for lookahead and for
// building located parse errors. Shared by the expression and policy parsers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "parser/lexer.h"

namespace metagate::cedar::internal {

class TokenStream {
 public:
  // REQUIRES: `tokens` comes from Lex(text) (so it ends with kEof).
  TokenStream(std::string_view text, std::vector<Token> tokens)
      : text_(text), tokens_(std::move(tokens)) {}

  // The token `k` positions ahead (kEof when past the end).
  const Token& Peek(size_t k = 0) const {
    const size_t i = pos_ + k;
    return i < tokens_.size() ? tokens_[i] : tokens_.back();
  }
  // Returns the current token and moves past it (stays on kEof).
  const Token& Next() {
    const Token& t = Peek();
    if (pos_ + 1 < tokens_.size()) ++pos_;
    return t;
  }
  bool At(Tok kind) const { return Peek().kind == kind; }
  // Whether the current token is the identifier `word`.
  bool AtWord(std::string_view word) const {
    return Peek().kind == Tok::kIdent && Peek().text == word;
  }
  // Consumes the current token if it has this kind.
  bool Accept(Tok kind) {
    if (!At(kind)) return false;
    Next();
    return true;
  }
  // Consumes a token of this kind, or fails with "expected <what>, found <token>".
  Status Expect(Tok kind, std::string_view what);
  // Consumes the identifier `word`, or fails like Expect.
  Status ExpectWord(std::string_view word, std::string_view what);

  // An error at the current token.
  Status ErrorHere(std::string message) const {
    return Status::Invalid(std::move(message), Peek().loc);
  }
  // "unexpected token `x`" (or "unexpected end of input") at the current token.
  Status Unexpected() const;
  // An error at `tok`.
  static Status ErrorAt(const Token& tok, std::string message) {
    return Status::Invalid(std::move(message), tok.loc);
  }

  // The location of byte `offset` of the source text.
  SourceLoc LocAt(size_t offset) const;

 private:
  std::string_view text_;
  std::vector<Token> tokens_;
  size_t pos_ = 0;
};

}  // namespace metagate::cedar::internal
