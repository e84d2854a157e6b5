// Lexer for Cedar policy text: splits UTF-8 source into tokens with source locations,
// skipping whitespace and `//` comments. String literals are kept raw (escapes unprocessed).
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "metagate/common/source_loc.h"
#include "metagate/common/status.h"

namespace metagate::cedar::internal {

enum class Tok : uint8_t {
  kEof,
  kIdent,   // identifier or keyword: [_a-zA-Z][_a-zA-Z0-9]*
  kInt,     // [0-9]+ (range checked by the parser)
  kString,  // "..." including the quotes, escapes unprocessed
  kSlot,    // ?principal, ?resource (any ?identifier)
  kAt,
  kLParen,
  kRParen,
  kLBracket,
  kRBracket,
  kLBrace,
  kRBrace,
  kComma,
  kSemi,
  kColon,
  kColonColon,
  kDot,
  kEq,
  kNotEq,
  kLess,
  kLessEq,
  kGreater,
  kGreaterEq,
  kAndAnd,
  kOrOr,
  kPlus,
  kMinus,
  kStar,
  kBang,
};

struct Token {
  Tok kind = Tok::kEof;
  std::string_view text;  // a view into the source text
  SourceLoc loc;
};

// Splits `text` into tokens; the last token is always kEof. `text` must outlive the tokens.
// Fails on invalid UTF-8, unterminated strings and characters that start no token.
Result<std::vector<Token>> Lex(std::string_view text);

// Returns how a token is shown in messages, e.g. "`;`" or "end of input".
std::string DescribeToken(const Token& tok);

}  // namespace metagate::cedar::internal
