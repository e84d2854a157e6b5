// Comments of Cedar policy text attached to tokens the way Cedar's formatter attaches them:
// text after a token up to the end of its line is the token's trailing comment, other comment
// lines before a token are its leading comment. Each comment is handed out once.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "format/doc.h"
#include "parser/lexer.h"

namespace metagate::cedar::format_internal {

struct Comment {
  std::vector<std::string> leading;
  std::string trailing;
};

class Comments {
 public:
  // `tokens` ends with kEof (ignored).
  Comments(std::string_view text, const std::vector<internal::Token>& tokens);

  // Takes the comments of token `i` (both kinds), or only its leading comment.
  Comment Take(int i);
  std::vector<std::string> TakeLeading(int i);
  // The token after `last` (Cedar falls back to the first token at the end).
  int After(int last) const { return last + 1 < static_cast<int>(c_.size()) ? last + 1 : 0; }
  const std::vector<std::string>& end_of_file() const { return eof_; }

 private:
  std::vector<Comment> c_;
  std::vector<std::string> eof_;
};

// The `//` comments in `text`, each trimmed.
std::vector<std::string> FindComments(std::string_view text);

Doc LeadingDoc(const std::vector<std::string>& leading);
Doc TrailingDoc(const std::string& trailing, Doc next);
Doc AddComment(Doc d, const Comment& c, Doc next);

}  // namespace metagate::cedar::format_internal
