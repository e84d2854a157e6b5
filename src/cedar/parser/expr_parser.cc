#include "parser/expr_parser.h"

#include <utility>

#include "parser/expr_nodes.h"
#include "parser/unescape.h"

namespace metagate::cedar::internal {
namespace {

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

}  // namespace metagate::cedar::internal
