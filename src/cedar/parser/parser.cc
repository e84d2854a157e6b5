#include "metagate/cedar/parser.h"

#include <utility>

#include "parser/expr_parser.h"
#include "parser/lexer.h"
#include "parser/policy_parser.h"
#include "parser/token_stream.h"

namespace metagate::cedar {
namespace {

using internal::ExprParser;
using internal::Tok;
using internal::TokenStream;

Status ExpectEnd(const TokenStream& ts, std::string_view after) {
  if (ts.At(Tok::kEof)) return Status::Ok();
  return ts.ErrorHere("unexpected " + internal::DescribeToken(ts.Peek()) + " after " +
                      std::string(after));
}

}  // namespace

Result<std::vector<PolicyPtr>> ParsePolicies(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<internal::Token> tokens, internal::Lex(text));
  TokenStream ts(text, std::move(tokens));
  return internal::ParsePolicySet(ts);
}

Result<ExprPtr> ParseExpression(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<internal::Token> tokens, internal::Lex(text));
  TokenStream ts(text, std::move(tokens));
  ExprParser parser(ts);
  ASSIGN_OR_RETURN(ExprPtr e, parser.ParseExpr());
  RETURN_IF_ERROR(ExpectEnd(ts, "the expression"));
  return e;
}

Result<EntityUid> ParseEntityUid(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<internal::Token> tokens, internal::Lex(text));
  TokenStream ts(text, std::move(tokens));
  ExprParser parser(ts);
  ASSIGN_OR_RETURN(EntityUid uid, parser.ParseEntityUid("an entity UID such as `User::\"alice\"`"));
  RETURN_IF_ERROR(ExpectEnd(ts, "the entity UID"));
  return uid;
}

Result<std::string> ParseName(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<internal::Token> tokens, internal::Lex(text));
  TokenStream ts(text, std::move(tokens));
  ExprParser parser(ts);
  ASSIGN_OR_RETURN(std::string name, parser.ParseName("a name such as `Ns::User`"));
  RETURN_IF_ERROR(ExpectEnd(ts, "the name"));
  if (name != text) {
    // As in Cedar, names given as data (JSON entity types) must be in normalized form.
    return Status::Invalid("name `" + std::string(text) +
                               "` must be written in normalized form, without whitespace or "
                               "comments (for example `Ns::User`)",
                           SourceLoc{1, 1, 0});
  }
  return name;
}

}  // namespace metagate::cedar
