// Processing of escapes in Cedar string literals and `like` patterns
// (\n \r \t \\ \0 \' \" \xHH (ASCII) \u{H..HHHHHH}, plus \* in patterns).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "metagate/cedar/ast.h"

namespace metagate::cedar::internal {

// Why unescaping failed: `message` describes the bad escape, which starts at byte `offset` of
// the literal's body.
struct UnescapeError {
  std::string message;
  size_t offset = 0;
};

// Unescapes `body` (a string literal without its quotes). Returns false and fills `err` on an
// invalid escape.
bool UnescapeString(std::string_view body, std::string* out, UnescapeError* err);

// Unescapes a `like` pattern body: unescaped `*` is a wildcard, `\*` a literal star.
bool UnescapePattern(std::string_view body, Pattern* out, UnescapeError* err);

}  // namespace metagate::cedar::internal
