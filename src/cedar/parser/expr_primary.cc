// Member access, method and function calls, and primary expressions of the expression parser.
#include <set>
#include <utility>

#include "parser/expr_nodes.h"
#include "parser/expr_parser.h"
#include "parser/names.h"

namespace metagate::cedar::internal {

Result<ExprPtr> ExprParser::ParseMember() {
  ASSIGN_OR_RETURN(ExprPtr e, ParsePrimary());
  while (true) {
    if (ts_.Accept(Tok::kDot)) {
      if (!ts_.At(Tok::kIdent)) {
        return ts_.ErrorHere("expected an attribute or method name after `.`, found " +
                             DescribeToken(ts_.Peek()));
      }
      const Token& name = ts_.Next();
      if (ts_.At(Tok::kLParen)) {
        ASSIGN_OR_RETURN(e, ParseMethodCall(e, name));
      } else {
        RETURN_IF_ERROR(CheckAttrIdent(name));
        const SourceLoc loc = e->loc;
        ASSIGN_OR_RETURN(e,
                         MakeNamed(ExprKind::kGetAttr, loc, std::move(e), std::string(name.text)));
      }
    } else if (ts_.Accept(Tok::kLBracket)) {
      if (!ts_.At(Tok::kString)) {
        return ts_.ErrorHere("expected a string literal inside `[...]`, found " +
                             DescribeToken(ts_.Peek()));
      }
      ASSIGN_OR_RETURN(std::string attr, StringValue(ts_.Next()));
      RETURN_IF_ERROR(ts_.Expect(Tok::kRBracket, "`]` after the attribute name"));
      const SourceLoc loc = e->loc;
      ASSIGN_OR_RETURN(e, MakeNamed(ExprKind::kGetAttr, loc, std::move(e), std::move(attr)));
    } else {
      return e;
    }
  }
}

Result<ExprPtr> ExprParser::ParseMethodCall(const ExprPtr& receiver, const Token& name) {
  ts_.Next();  // '('
  std::vector<ExprPtr> args;
  RETURN_IF_ERROR(ParseExprList(Tok::kRParen, "`)` after the method arguments", &args));
  const std::string method(name.text);
  if (std::optional<BuiltinMethod> b = FindBuiltinMethod(method)) {
    if (static_cast<int>(args.size()) != b->arity) {
      return TokenStream::ErrorAt(
          name, "call to `" + method + "` requires exactly " + std::to_string(b->arity) +
                    (b->arity == 1 ? " argument" : " arguments") + ", but got " +
                    std::to_string(args.size()) + (args.size() == 1 ? " argument" : " arguments"));
    }
    if (b->kind == ExprKind::kIsEmpty) {
      return MakeNode(ExprKind::kIsEmpty, receiver->loc, {receiver});
    }
    return MakeBinary(b->op, receiver->loc, receiver, std::move(args[0]));
  }
  switch (ExtensionCallStyle(method)) {
    case ExtCallStyle::kMethod: {
      auto n = NewNode(ExprKind::kExtCall, receiver->loc);
      n->name = method;
      n->args.push_back(receiver);
      for (ExprPtr& a : args) n->args.push_back(std::move(a));
      return Finish(std::move(n));
    }
    case ExtCallStyle::kFunction:
      return TokenStream::ErrorAt(name, "`" + method + "` is a function, not a method; use a " +
                                            "function-style call `" + method + "(..)`");
    case ExtCallStyle::kNone:
      break;
  }
  return TokenStream::ErrorAt(name, "`" + method + "` is not a valid method");
}

Status ExprParser::ParseExprList(Tok close, std::string_view what, std::vector<ExprPtr>* out) {
  while (!ts_.Accept(close)) {
    ASSIGN_OR_RETURN(ExprPtr e, ParseExpr());
    out->push_back(std::move(e));
    if (ts_.Accept(Tok::kComma)) continue;
    return ts_.Expect(close, what);
  }
  return Status::Ok();
}

Result<ExprPtr> ExprParser::ParsePrimary() {
  const Token& t = ts_.Peek();
  switch (t.kind) {
    case Tok::kInt: {
      ts_.Next();
      ASSIGN_OR_RETURN(int64_t v, IntValue(t, /*negated=*/false));
      return MakeLiteral(t.loc, Value::Long(v));
    }
    case Tok::kString: {
      ts_.Next();
      ASSIGN_OR_RETURN(std::string s, StringValue(t));
      return MakeLiteral(t.loc, Value::String(std::move(s)));
    }
    case Tok::kSlot:
      return ts_.ErrorHere("found template slot " + std::string(t.text) + " in a `" +
                           std::string(clause_) +
                           "` clause; slots may only appear in the policy scope");
    case Tok::kIdent:
      return ParseNamePrimary();
    case Tok::kLParen: {
      ts_.Next();
      ASSIGN_OR_RETURN(ExprPtr e, ParseExpr());
      RETURN_IF_ERROR(ts_.Expect(Tok::kRParen, "`)`"));
      return e;
    }
    case Tok::kLBracket: {
      ts_.Next();
      auto n = NewNode(ExprKind::kSet, t.loc);
      RETURN_IF_ERROR(ParseExprList(Tok::kRBracket, "`,` or `]` in set literal", &n->args));
      return Finish(std::move(n));
    }
    case Tok::kLBrace:
      return ParseRecord();
    default:
      return ts_.Unexpected();
  }
}

Result<ExprPtr> ExprParser::ParseNamePrimary() {
  const Token& first = ts_.Peek();
  if (ts_.Peek(1).kind != Tok::kColonColon && ts_.Peek(1).kind != Tok::kLParen) {
    ts_.Next();
    if (first.text == "true" || first.text == "false") {
      return MakeLiteral(first.loc, Value::Bool(first.text == "true"));
    }
    if (std::optional<Var> v = VarFromName(first.text)) {
      auto n = NewNode(ExprKind::kVar, first.loc);
      n->var = *v;
      return ExprPtr(std::move(n));
    }
    if (IsReservedWord(first.text))
      return TokenStream::ErrorAt(first, "unexpected token " + DescribeToken(first));
    return TokenStream::ErrorAt(
        first, "invalid variable: " + std::string(first.text) +
                   "; the valid Cedar variables are `principal`, `action`, `resource`, and "
                   "`context` (did you mean to enclose it in quotes to make a string?)");
  }
  ASSIGN_OR_RETURN(Path path, ParsePath());
  if (path.id != nullptr) {
    RETURN_IF_ERROR(CheckNameComponents(path));
    ASSIGN_OR_RETURN(std::string id, StringValue(*path.id));
    return MakeLiteral(first.loc, Value::Entity(EntityUid(JoinPath(path), std::move(id))));
  }
  if (ts_.At(Tok::kLParen)) return ParseFunctionCall(path);
  return TokenStream::ErrorAt(
      first, "invalid variable: " + JoinPath(path) +
                 "; the valid Cedar variables are `principal`, `action`, `resource`, and "
                 "`context` (an entity UID needs an id string, as in `" +
                 JoinPath(path) + "::\"id\"`)");
}

Result<ExprPtr> ExprParser::ParseFunctionCall(const Path& path) {
  const Token& first = path.components.front();
  const std::string name = JoinPath(path);
  if (path.components.size() > 1) {
    return TokenStream::ErrorAt(first, "`" + name + "` is not a valid function");
  }
  if (ExtensionCallStyle(name) != ExtCallStyle::kFunction) {
    if (ExtensionCallStyle(name) == ExtCallStyle::kMethod || FindBuiltinMethod(name)) {
      return TokenStream::ErrorAt(first, "`" + name + "` is a method, not a function; use a " +
                                             "method-style call `e." + name + "(..)`");
    }
    return TokenStream::ErrorAt(first, "unknown extension function `" + name + "`");
  }
  ts_.Next();  // '('
  auto n = NewNode(ExprKind::kExtCall, first.loc);
  n->name = name;
  RETURN_IF_ERROR(ParseExprList(Tok::kRParen, "`,` or `)` after function arguments", &n->args));
  return Finish(std::move(n));
}

Result<ExprPtr> ExprParser::ParseRecord() {
  const Token& open = ts_.Next();
  auto n = NewNode(ExprKind::kRecord, open.loc);
  std::set<std::string, std::less<>> keys;
  while (!ts_.Accept(Tok::kRBrace)) {
    const Token& key_tok = ts_.Peek();
    std::string key;
    if (key_tok.kind == Tok::kString) {
      ASSIGN_OR_RETURN(key, StringValue(key_tok));
    } else if (key_tok.kind == Tok::kIdent) {
      RETURN_IF_ERROR(CheckAttrIdent(key_tok));
      key = std::string(key_tok.text);
    } else {
      return ts_.ErrorHere("invalid attribute name " + DescribeToken(key_tok) +
                           ": attribute names are identifiers or string literals");
    }
    ts_.Next();
    if (!keys.insert(key).second) {
      return TokenStream::ErrorAt(key_tok, "duplicate key `" + key + "` in record literal");
    }
    RETURN_IF_ERROR(ts_.Expect(Tok::kColon, "`:` after the attribute name"));
    ASSIGN_OR_RETURN(ExprPtr value, ParseExpr());
    n->fields.emplace_back(std::move(key), std::move(value));
    if (ts_.Accept(Tok::kComma)) continue;
    RETURN_IF_ERROR(ts_.Expect(Tok::kRBrace, "`,` or `}` in record literal"));
    break;
  }
  return Finish(std::move(n));
}

}  // namespace metagate::cedar::internal
