// Tokenizer for the `.cedarschema` syntax: identifiers, string literals (Cedar escapes decoded),
// punctuation; skips whitespace and `//` comments.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metagate/common/source_loc.h"
#include "metagate/common/status.h"

namespace metagate::cedar::schema_internal {

enum class TokKind { kIdent, kString, kPunct, kEnd };

struct Token {
  TokKind kind = TokKind::kEnd;
  std::string text;  // identifier, decoded string, or punctuation ("::", "{", ...)
  SourceLoc loc;
};

// Splits `text` into tokens, ending with a kEnd token.
Result<std::vector<Token>> LexSchema(std::string_view text);

}  // namespace metagate::cedar::schema_internal
