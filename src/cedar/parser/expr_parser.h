// Recursive-descent parser for Cedar expressions (and the names, entity UIDs and string
// literals they contain), producing metagate::cedar::Expr trees. Nesting is bounded so that
// deep input yields an error instead of exhausting the stack.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metagate/cedar/ast.h"
#include "parser/token_stream.h"

namespace metagate::cedar::internal {

// The maximum nesting of parentheses, sets, records, calls and `if` (bounds parser recursion).
inline constexpr int kMaxNesting = 200;

// Implemented in expr_parser.cc (operators), expr_primary.cc (member access, calls, primary
// expressions) and expr_names.cc (literals, names, entity UIDs).
class ExprParser {
 public:
  explicit ExprParser(TokenStream& ts) : ts_(ts) {}

  // Names the clause being parsed ("when", "unless"), for the error about slots in conditions.
  void set_clause(std::string_view clause) { clause_ = clause; }

  // Expr ::= 'if' Expr 'then' Expr 'else' Expr | Or
  Result<ExprPtr> ParseExpr();

  // A name `A::B::C` (each component checked against reserved words).
  Result<std::string> ParseName(std::string_view what);
  // An entity UID `A::B::"id"`. `what` names the expected thing in messages.
  Result<EntityUid> ParseEntityUid(std::string_view what);
  // The unescaped value of string literal token `tok`.
  Result<std::string> StringValue(const Token& tok) const;

 private:
  struct Path {
    std::vector<Token> components;
    const Token* id = nullptr;  // the string of `A::"id"`, if present
  };

  Result<ExprPtr> ParseOr();
  Result<ExprPtr> ParseAnd();
  Result<ExprPtr> ParseRelation();
  Result<ExprPtr> ParseHas(const ExprPtr& lhs);
  Result<ExprPtr> ParseLike(const ExprPtr& lhs);
  Result<ExprPtr> ParseIs(const ExprPtr& lhs);
  Result<ExprPtr> ParseAdd();
  Result<ExprPtr> ParseMult();
  Result<ExprPtr> ParseUnary();
  Result<ExprPtr> ParseMember();
  Result<ExprPtr> ParseMethodCall(const ExprPtr& receiver, const Token& name);
  Result<ExprPtr> ParsePrimary();
  Result<ExprPtr> ParseNamePrimary();
  Result<ExprPtr> ParseFunctionCall(const Path& path);
  Result<ExprPtr> ParseRecord();
  Result<int64_t> IntValue(const Token& tok, bool negated) const;
  // Parses `Expr, Expr, ...` up to the closing token (a trailing comma is allowed).
  Status ParseExprList(Tok close, std::string_view what, std::vector<ExprPtr>* out);

  // IDENT ('::' IDENT)* ['::' STR], the first token being an identifier.
  Result<Path> ParsePath();
  static Status CheckNameComponents(const Path& path);
  static Status CheckAttrIdent(const Token& tok);
  static std::string JoinPath(const Path& path);

  TokenStream& ts_;
  std::string_view clause_ = "expression";
  int nesting_ = 0;
};

}  // namespace metagate::cedar::internal
