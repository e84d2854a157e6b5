#include "parser/expr_parser.h"

#include <algorithm>
#include <set>
#include <utility>

#include "parser/names.h"
#include "parser/unescape.h"

namespace metagate::cedar::internal {
namespace {

// Every node the parser creates records its depth, so that tree depth can be bounded while
// building (deep trees would overflow the stack in recursive consumers and destructors).
struct ParsedExpr : Expr {
  uint32_t depth = 1;
};

uint32_t DepthOf(const ExprPtr& e) { return static_cast<const ParsedExpr&>(*e).depth; }

std::shared_ptr<ParsedExpr> NewNode(ExprKind kind, SourceLoc loc) {
  auto n = std::make_shared<ParsedExpr>();
  n->kind = kind;
  n->loc = loc;
  return n;
}

Result<ExprPtr> Finish(std::shared_ptr<ParsedExpr> n) {
  uint32_t d = 0;
  for (const ExprPtr& a : n->args) d = std::max(d, DepthOf(a));
  for (const auto& f : n->fields) d = std::max(d, DepthOf(f.second));
  n->depth = d + 1;
  if (n->depth > kMaxExprDepth) {
    return Status::Invalid(
        "expression is nested too deeply (more than " + std::to_string(kMaxExprDepth) + " levels)",
        n->loc);
  }
  return ExprPtr(std::move(n));
}

Result<ExprPtr> MakeNode(ExprKind kind, SourceLoc loc, std::vector<ExprPtr> args) {
  auto n = NewNode(kind, loc);
  n->args = std::move(args);
  return Finish(std::move(n));
}

Result<ExprPtr> MakeBinary(BinaryOp op, SourceLoc loc, ExprPtr a, ExprPtr b) {
  auto n = NewNode(ExprKind::kBinary, loc);
  n->op = op;
  n->args = {std::move(a), std::move(b)};
  return Finish(std::move(n));
}

Result<ExprPtr> MakeNamed(ExprKind kind, SourceLoc loc, ExprPtr arg, std::string name) {
  auto n = NewNode(kind, loc);
  n->name = std::move(name);
  n->args = {std::move(arg)};
  return Finish(std::move(n));
}

ExprPtr MakeLiteral(SourceLoc loc, Value v) {
  auto n = NewNode(ExprKind::kLiteral, loc);
  n->literal = std::move(v);
  return n;
}

std::optional<BinaryOp> RelOp(const Token& t) {
  switch (t.kind) {
    case Tok::kEq:
      return BinaryOp::kEq;
    case Tok::kNotEq:
      return BinaryOp::kNotEq;
    case Tok::kLess:
      return BinaryOp::kLess;
    case Tok::kLessEq:
      return BinaryOp::kLessEq;
    case Tok::kGreater:
      return BinaryOp::kGreater;
    case Tok::kGreaterEq:
      return BinaryOp::kGreaterEq;
    case Tok::kIdent:
      if (t.text == "in") return BinaryOp::kIn;
      return std::nullopt;
    default:
      return std::nullopt;
  }
}

bool IsRelationKeyword(const Token& t) {
  return t.kind == Tok::kIdent && (t.text == "has" || t.text == "like" || t.text == "is");
}

// Increments a nesting counter for the lifetime of the guard.
class NestingGuard {
 public:
  explicit NestingGuard(int* n) : n_(n) { ++*n_; }
  ~NestingGuard() { --*n_; }
  NestingGuard(const NestingGuard&) = delete;
  NestingGuard& operator=(const NestingGuard&) = delete;

 private:
  int* n_;
};

}  // namespace

Result<ExprPtr> ExprParser::ParseExpr() {
  NestingGuard guard(&nesting_);
  if (nesting_ > kMaxNesting) {
    return ts_.ErrorHere("expression is nested too deeply (more than " +
                         std::to_string(kMaxNesting) + " levels)");
  }
  if (!ts_.AtWord("if")) return ParseOr();
  const SourceLoc loc = ts_.Next().loc;
  ASSIGN_OR_RETURN(ExprPtr cond, ParseExpr());
  RETURN_IF_ERROR(ts_.ExpectWord("then", "`then` after the `if` condition"));
  ASSIGN_OR_RETURN(ExprPtr then_expr, ParseExpr());
  RETURN_IF_ERROR(ts_.ExpectWord("else", "`else` after the `then` branch"));
  ASSIGN_OR_RETURN(ExprPtr else_expr, ParseExpr());
  return MakeNode(ExprKind::kIf, loc,
                  {std::move(cond), std::move(then_expr), std::move(else_expr)});
}

Result<ExprPtr> ExprParser::ParseOr() {
  ASSIGN_OR_RETURN(ExprPtr lhs, ParseAnd());
  while (ts_.Accept(Tok::kOrOr)) {
    ASSIGN_OR_RETURN(ExprPtr rhs, ParseAnd());
    const SourceLoc loc = lhs->loc;
    ASSIGN_OR_RETURN(lhs, MakeNode(ExprKind::kOr, loc, {std::move(lhs), std::move(rhs)}));
  }
  return lhs;
}

Result<ExprPtr> ExprParser::ParseAnd() {
  ASSIGN_OR_RETURN(ExprPtr lhs, ParseRelation());
  while (ts_.Accept(Tok::kAndAnd)) {
    ASSIGN_OR_RETURN(ExprPtr rhs, ParseRelation());
    const SourceLoc loc = lhs->loc;
    ASSIGN_OR_RETURN(lhs, MakeNode(ExprKind::kAnd, loc, {std::move(lhs), std::move(rhs)}));
  }
  return lhs;
}

Result<ExprPtr> ExprParser::ParseRelation() {
  ASSIGN_OR_RETURN(ExprPtr lhs, ParseAdd());
  const Token& t = ts_.Peek();
  ExprPtr result;
  if (std::optional<BinaryOp> op = RelOp(t)) {
    ts_.Next();
    ASSIGN_OR_RETURN(ExprPtr rhs, ParseAdd());
    ASSIGN_OR_RETURN(result, MakeBinary(*op, lhs->loc, lhs, std::move(rhs)));
    if (RelOp(ts_.Peek())) {
      return ts_.ErrorHere(
          "multiple relational operators (>, ==, in, etc.) must be used with parentheses to "
          "make ordering explicit");
    }
  } else if (t.kind == Tok::kIdent && t.text == "has") {
    ts_.Next();
    ASSIGN_OR_RETURN(result, ParseHas(lhs));
  } else if (t.kind == Tok::kIdent && t.text == "like") {
    ts_.Next();
    ASSIGN_OR_RETURN(result, ParseLike(lhs));
  } else if (t.kind == Tok::kIdent && t.text == "is") {
    ts_.Next();
    ASSIGN_OR_RETURN(result, ParseIs(lhs));
  } else {
    return lhs;
  }
  if (RelOp(ts_.Peek()) || IsRelationKeyword(ts_.Peek())) {
    return ts_.ErrorHere("unexpected token " + DescribeToken(ts_.Peek()) +
                         ": relational operators cannot be chained; use parentheses");
  }
  return result;
}

Result<ExprPtr> ExprParser::ParseHas(const ExprPtr& lhs) {
  const SourceLoc loc = lhs->loc;
  const char* kInvalidRhs =
      "invalid right-hand side of `has`: expected an attribute name, a sequence of identifiers "
      "separated by `.`, or a string literal";
  if (ts_.At(Tok::kString)) {
    ASSIGN_OR_RETURN(std::string attr, StringValue(ts_.Next()));
    if (ts_.At(Tok::kDot) || ts_.At(Tok::kLBracket)) return ts_.ErrorHere(kInvalidRhs);
    return MakeNamed(ExprKind::kHasAttr, loc, lhs, std::move(attr));
  }
  if (!ts_.At(Tok::kIdent)) return ts_.ErrorHere(kInvalidRhs);
  std::vector<std::string> path;
  while (true) {
    const Token& id = ts_.Next();
    RETURN_IF_ERROR(CheckAttrIdent(id));
    path.emplace_back(id.text);
    if (!(ts_.At(Tok::kDot) && ts_.Peek(1).kind == Tok::kIdent)) break;
    ts_.Next();
  }
  if (ts_.At(Tok::kDot) || ts_.At(Tok::kLBracket) || ts_.At(Tok::kLParen) ||
      ts_.At(Tok::kColonColon)) {
    return ts_.ErrorHere(kInvalidRhs);
  }
  // `e has a.b.c` is `e has a && e.a has b && e.a.b has c`.
  ExprPtr target = lhs;
  ExprPtr result;
  for (size_t i = 0; i < path.size(); ++i) {
    if (i > 0) {
      ASSIGN_OR_RETURN(target, MakeNamed(ExprKind::kGetAttr, loc, target, path[i - 1]));
    }
    ASSIGN_OR_RETURN(ExprPtr has, MakeNamed(ExprKind::kHasAttr, loc, target, path[i]));
    if (result == nullptr) {
      result = std::move(has);
    } else {
      ASSIGN_OR_RETURN(result, MakeNode(ExprKind::kAnd, loc, {std::move(result), std::move(has)}));
    }
  }
  return result;
}

Result<ExprPtr> ExprParser::ParseLike(const ExprPtr& lhs) {
  if (!ts_.At(Tok::kString)) {
    return ts_.ErrorHere("right-hand side of `like` must be a pattern string literal, found " +
                         DescribeToken(ts_.Peek()));
  }
  const Token& tok = ts_.Next();
  auto n = NewNode(ExprKind::kLike, lhs->loc);
  UnescapeError err;
  if (!UnescapePattern(tok.text.substr(1, tok.text.size() - 2), &n->pattern, &err)) {
    return Status::Invalid(err.message, ts_.LocAt(tok.loc.offset + 1 + err.offset));
  }
  n->args = {lhs};
  return Finish(std::move(n));
}

Result<ExprPtr> ExprParser::ParseIs(const ExprPtr& lhs) {
  if (!ts_.At(Tok::kIdent)) {
    return ts_.ErrorHere("right-hand side of `is` must be an entity type name, found " +
                         DescribeToken(ts_.Peek()));
  }
  const Token& first = ts_.Peek();
  ASSIGN_OR_RETURN(Path path, ParsePath());
  if (path.id != nullptr) {
    return TokenStream::ErrorAt(
        first,
        "right-hand side of `is` must be an entity type name, not an entity UID; use "
        "`==` to compare with an entity");
  }
  RETURN_IF_ERROR(CheckNameComponents(path));
  ASSIGN_OR_RETURN(ExprPtr is, MakeNamed(ExprKind::kIs, lhs->loc, lhs, JoinPath(path)));
  if (!ts_.AtWord("in")) return is;
  ts_.Next();
  // `e is T in E` is `e is T && e in E`.
  ASSIGN_OR_RETURN(ExprPtr rhs, ParseAdd());
  ASSIGN_OR_RETURN(ExprPtr in, MakeBinary(BinaryOp::kIn, lhs->loc, lhs, std::move(rhs)));
  return MakeNode(ExprKind::kAnd, lhs->loc, {std::move(is), std::move(in)});
}

Result<ExprPtr> ExprParser::ParseAdd() {
  ASSIGN_OR_RETURN(ExprPtr lhs, ParseMult());
  while (ts_.At(Tok::kPlus) || ts_.At(Tok::kMinus)) {
    const BinaryOp op = ts_.Next().kind == Tok::kPlus ? BinaryOp::kAdd : BinaryOp::kSub;
    ASSIGN_OR_RETURN(ExprPtr rhs, ParseMult());
    const SourceLoc loc = lhs->loc;
    ASSIGN_OR_RETURN(lhs, MakeBinary(op, loc, std::move(lhs), std::move(rhs)));
  }
  return lhs;
}

Result<ExprPtr> ExprParser::ParseMult() {
  ASSIGN_OR_RETURN(ExprPtr lhs, ParseUnary());
  while (ts_.Accept(Tok::kStar)) {
    ASSIGN_OR_RETURN(ExprPtr rhs, ParseUnary());
    const SourceLoc loc = lhs->loc;
    ASSIGN_OR_RETURN(lhs, MakeBinary(BinaryOp::kMul, loc, std::move(lhs), std::move(rhs)));
  }
  return lhs;
}

Result<ExprPtr> ExprParser::ParseUnary() {
  if (!ts_.At(Tok::kBang) && !ts_.At(Tok::kMinus)) return ParseMember();
  const Tok op = ts_.Peek().kind;
  std::vector<SourceLoc> ops;
  while (ts_.At(op)) ops.push_back(ts_.Next().loc);
  if (ops.size() > 4) {
    return Status::Invalid(std::string("too many occurrences of `") +
                               (op == Tok::kBang ? "!" : "-") +
                               "`: a unary operator can be applied at most 4 times in a row",
                           ops[4]);
  }
  ExprPtr e;
  const Token& next = ts_.Peek();
  const Tok after = ts_.Peek(1).kind;
  if (op == Tok::kMinus && next.kind == Tok::kInt && after != Tok::kDot &&
      after != Tok::kLBracket) {
    // As in Cedar, the innermost `-` is folded into an integer literal, so that
    // -9223372036854775808 is a valid literal.
    ASSIGN_OR_RETURN(int64_t v, IntValue(ts_.Next(), /*negated=*/true));
    e = MakeLiteral(ops.back(), Value::Long(v));
    ops.pop_back();
  } else {
    ASSIGN_OR_RETURN(e, ParseMember());
  }
  const ExprKind kind = op == Tok::kBang ? ExprKind::kNot : ExprKind::kNeg;
  for (size_t i = ops.size(); i-- > 0;) {
    ASSIGN_OR_RETURN(e, MakeNode(kind, ops[i], {std::move(e)}));
  }
  return e;
}

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
    if (b->kind == ExprKind::kIsEmpty)
      return MakeNode(ExprKind::kIsEmpty, receiver->loc, {receiver});
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

Result<int64_t> ExprParser::IntValue(const Token& tok, bool negated) const {
  constexpr uint64_t kLimit = uint64_t{1} << 63;  // |INT64_MIN|
  uint64_t v = 0;
  bool too_large = false;
  for (char c : tok.text) {
    const auto d = static_cast<uint64_t>(c - '0');
    if (v > (kLimit - d) / 10) {
      too_large = true;
      break;
    }
    v = v * 10 + d;
  }
  if (too_large || v > (negated ? kLimit : kLimit - 1)) {
    return TokenStream::ErrorAt(tok, "integer literal `" + std::string(tok.text) +
                                         "` is too large (the maximum is 9223372036854775807)");
  }
  if (negated) return v == kLimit ? INT64_MIN : -static_cast<int64_t>(v);
  return static_cast<int64_t>(v);
}

Result<std::string> ExprParser::StringValue(const Token& tok) const {
  std::string out;
  UnescapeError err;
  if (!UnescapeString(tok.text.substr(1, tok.text.size() - 2), &out, &err)) {
    return Status::Invalid(err.message, ts_.LocAt(tok.loc.offset + 1 + err.offset));
  }
  return out;
}

Result<ExprParser::Path> ExprParser::ParsePath() {
  Path path;
  path.components.push_back(ts_.Next());
  while (ts_.At(Tok::kColonColon)) {
    const Tok after = ts_.Peek(1).kind;
    if (after == Tok::kIdent) {
      ts_.Next();
      path.components.push_back(ts_.Next());
    } else if (after == Tok::kString) {
      ts_.Next();
      path.id = &ts_.Next();
      break;
    } else {
      ts_.Next();
      return ts_.ErrorHere("expected an identifier or an entity id string after `::`, found " +
                           DescribeToken(ts_.Peek()));
    }
  }
  return path;
}

Status ExprParser::CheckNameComponents(const Path& path) {
  for (const Token& c : path.components) {
    if (IsReservedWord(c.text)) {
      return TokenStream::ErrorAt(
          c, "this identifier is reserved and cannot be used: " + std::string(c.text));
    }
  }
  for (const Token& c : path.components) {
    if (IsReservedCedarPrefix(c.text)) {
      return TokenStream::ErrorAt(
          path.components.front(),
          "the name `" + JoinPath(path) + "` contains `__cedar`, which is reserved");
    }
  }
  return Status::Ok();
}

Status ExprParser::CheckAttrIdent(const Token& tok) {
  if (IsReservedWord(tok.text)) {
    return TokenStream::ErrorAt(
        tok, "this identifier is reserved and cannot be used: " + std::string(tok.text));
  }
  if (IsReservedCedarPrefix(tok.text)) {
    return TokenStream::ErrorAt(tok, "the name `__cedar` is reserved");
  }
  return Status::Ok();
}

std::string ExprParser::JoinPath(const Path& path) {
  std::string out;
  for (const Token& c : path.components) {
    if (!out.empty()) out += "::";
    out += c.text;
  }
  return out;
}

Result<std::string> ExprParser::ParseName(std::string_view what) {
  if (!ts_.At(Tok::kIdent)) {
    return ts_.ErrorHere("expected " + std::string(what) + ", found " + DescribeToken(ts_.Peek()));
  }
  const Token& first = ts_.Peek();
  ASSIGN_OR_RETURN(Path path, ParsePath());
  if (path.id != nullptr) {
    return TokenStream::ErrorAt(
        first, "expected " + std::string(what) + ", found an entity UID; remove the id string");
  }
  RETURN_IF_ERROR(CheckNameComponents(path));
  return JoinPath(path);
}

Result<EntityUid> ExprParser::ParseEntityUid(std::string_view what) {
  if (!ts_.At(Tok::kIdent)) {
    return ts_.ErrorHere("expected " + std::string(what) + ", found " + DescribeToken(ts_.Peek()));
  }
  const Token& first = ts_.Peek();
  ASSIGN_OR_RETURN(Path path, ParsePath());
  if (path.id == nullptr) {
    return TokenStream::ErrorAt(first, "expected " + std::string(what) + ", found name `" +
                                           JoinPath(path) + "`; an entity UID needs an id " +
                                           "string, as in `" + JoinPath(path) + "::\"id\"`");
  }
  RETURN_IF_ERROR(CheckNameComponents(path));
  ASSIGN_OR_RETURN(std::string id, StringValue(*path.id));
  return EntityUid(JoinPath(path), std::move(id));
}

}  // namespace metagate::cedar::internal
