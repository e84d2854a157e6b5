#include <utility>

#include "format/cst.h"

namespace metagate::cedar::format_internal {
namespace {

using internal::Tok;
using internal::Token;

class CstParser {
 public:
  explicit CstParser(const std::vector<Token>& t) : t_(t) {}

  Result<std::vector<CstPtr>> Policies() {
    std::vector<CstPtr> out;
    while (Kind() != Tok::kEof) {
      ASSIGN_OR_RETURN(CstPtr p, Policy());
      out.push_back(std::move(p));
    }
    return out;
  }

 private:
  Tok Kind(int k = 0) const {
    size_t i = static_cast<size_t>(pos_ + k);
    return i < t_.size() ? t_[i].kind : Tok::kEof;
  }
  bool Word(std::string_view w, int k = 0) const {
    size_t i = static_cast<size_t>(pos_ + k);
    return i < t_.size() && t_[i].kind == Tok::kIdent && t_[i].text == w;
  }
  Status Expect(Tok k) {
    if (Kind() != k) {
      return Status::Invalid("formatter: unexpected token", t_[static_cast<size_t>(pos_)].loc);
    }
    ++pos_;
    return Status::Ok();
  }
  static CstPtr New(CstKind k, int first) {
    auto c = std::make_unique<Cst>();
    c->kind = k;
    c->first = first;
    return c;
  }
  CstPtr Finish(CstPtr c) {
    c->last = pos_ - 1;
    return c;
  }
  CstPtr Wrap(CstKind k, CstPtr kid) {
    auto c = New(k, kid->first);
    c->last = kid->last;
    c->kids.push_back(std::move(kid));
    return c;
  }

  Result<CstPtr> Policy() {
    auto p = New(CstKind::kPolicy, pos_);
    while (Kind() == Tok::kAt) {
      auto a = New(CstKind::kAnno, pos_);
      a->tok = pos_;
      pos_ += 2;
      if (Kind() == Tok::kLParen) {
        a->n = 1;
        pos_ += 2;
        RETURN_IF_ERROR(Expect(Tok::kRParen));
      }
      p->kids.push_back(Finish(std::move(a)));
      ++p->n;
    }
    p->tok = pos_++;
    RETURN_IF_ERROR(Expect(Tok::kLParen));
    for (int i = 0; i < 3; ++i) {
      if (i > 0) RETURN_IF_ERROR(Expect(Tok::kComma));
      auto v = New(CstKind::kVarDef, pos_);
      v->tok = pos_++;
      if (Word("is")) {
        ++pos_;
        v->has_is = true;
        ASSIGN_OR_RETURN(CstPtr type, Add());
        v->kids.push_back(std::move(type));
      }
      if (Kind() == Tok::kEq || Word("in")) {
        v->ops.push_back(pos_++);
        ASSIGN_OR_RETURN(CstPtr rhs, Expr());
        v->kids.push_back(std::move(rhs));
      }
      p->kids.push_back(Finish(std::move(v)));
    }
    RETURN_IF_ERROR(Expect(Tok::kRParen));
    while (Word("when") || Word("unless")) {
      auto c = New(CstKind::kCond, pos_);
      c->tok = pos_++;
      RETURN_IF_ERROR(Expect(Tok::kLBrace));
      if (Kind() != Tok::kRBrace) {
        ASSIGN_OR_RETURN(CstPtr e, Expr());
        c->kids.push_back(std::move(e));
      }
      RETURN_IF_ERROR(Expect(Tok::kRBrace));
      p->kids.push_back(Finish(std::move(c)));
    }
    RETURN_IF_ERROR(Expect(Tok::kSemi));
    return Finish(std::move(p));
  }

  Result<CstPtr> Expr() {
    if (Word("if")) {
      auto c = New(CstKind::kIf, pos_++);
      ASSIGN_OR_RETURN(CstPtr a, Expr());
      ++pos_;  // then
      ASSIGN_OR_RETURN(CstPtr b, Expr());
      ++pos_;  // else
      ASSIGN_OR_RETURN(CstPtr e, Expr());
      c->kids.push_back(std::move(a));
      c->kids.push_back(std::move(b));
      c->kids.push_back(std::move(e));
      return Finish(std::move(c));
    }
    return Chain(CstKind::kOr);
  }

  // Or / And chains.
  Result<CstPtr> Chain(CstKind kind) {
    const Tok op = kind == CstKind::kOr ? Tok::kOrOr : Tok::kAndAnd;
    auto c = New(kind, pos_);
    while (true) {
      Result<CstPtr> kid = kind == CstKind::kOr ? Chain(CstKind::kAnd) : Relation();
      if (!kid.ok()) return kid.status();
      c->kids.push_back(std::move(kid).value());
      if (Kind() != op) break;
      c->ops.push_back(pos_++);
    }
    return Finish(std::move(c));
  }

  Result<CstPtr> Relation() {
    const int first = pos_;
    ASSIGN_OR_RETURN(CstPtr lhs, Add());
    const Tok k = Kind();
    if (k == Tok::kEq || k == Tok::kNotEq || k == Tok::kLess || k == Tok::kLessEq ||
        k == Tok::kGreater || k == Tok::kGreaterEq || Word("in")) {
      auto c = New(CstKind::kRel, first);
      c->ops.push_back(pos_++);
      ASSIGN_OR_RETURN(CstPtr rhs, Add());
      c->kids.push_back(std::move(lhs));
      c->kids.push_back(std::move(rhs));
      return Finish(std::move(c));
    }
    if (Word("has") || Word("like")) {
      auto c = New(Word("has") ? CstKind::kHas : CstKind::kLike, first);
      c->ops.push_back(pos_++);
      ASSIGN_OR_RETURN(CstPtr rhs, Add());
      c->kids.push_back(std::move(lhs));
      c->kids.push_back(std::move(rhs));
      return Finish(std::move(c));
    }
    if (Word("is")) {
      auto c = New(CstKind::kIsIn, first);
      c->ops.push_back(pos_++);
      ASSIGN_OR_RETURN(CstPtr type, Add());
      c->kids.push_back(std::move(lhs));
      c->kids.push_back(std::move(type));
      if (Word("in")) {
        c->ops.push_back(pos_++);
        ASSIGN_OR_RETURN(CstPtr in, Add());
        c->kids.push_back(std::move(in));
      }
      return Finish(std::move(c));
    }
    auto c = Wrap(CstKind::kRel, std::move(lhs));
    return c;
  }

  Result<CstPtr> Add() {
    auto c = New(CstKind::kAdd, pos_);
    while (true) {
      ASSIGN_OR_RETURN(CstPtr kid, Mult());
      c->kids.push_back(std::move(kid));
      if (Kind() != Tok::kPlus && Kind() != Tok::kMinus) break;
      c->ops.push_back(pos_++);
    }
    return Finish(std::move(c));
  }

  Result<CstPtr> Mult() {
    auto c = New(CstKind::kMult, pos_);
    while (true) {
      ASSIGN_OR_RETURN(CstPtr kid, Unary());
      c->kids.push_back(std::move(kid));
      if (Kind() != Tok::kStar) break;
      c->ops.push_back(pos_++);
    }
    return Finish(std::move(c));
  }

  Result<CstPtr> Unary() {
    auto c = New(CstKind::kUnary, pos_);
    if (Kind() == Tok::kBang || Kind() == Tok::kMinus) {
      const Tok op = Kind();
      c->bang = op == Tok::kBang;
      while (Kind() == op) {
        ++pos_;
        ++c->n;
      }
    }
    ASSIGN_OR_RETURN(CstPtr m, Member());
    c->kids.push_back(std::move(m));
    return Finish(std::move(c));
  }

  Result<CstPtr> Member() {
    auto c = New(CstKind::kMember, pos_);
    ASSIGN_OR_RETURN(CstPtr prim, Primary());
    c->kids.push_back(std::move(prim));
    while (true) {
      if (Kind() == Tok::kDot) {
        auto f = New(CstKind::kField, pos_);
        f->tok = pos_;
        pos_ += 2;
        c->kids.push_back(Finish(std::move(f)));
      } else if (Kind() == Tok::kLParen) {
        auto call = New(CstKind::kCall, pos_++);
        RETURN_IF_ERROR(List(Tok::kRParen, call.get()));
        c->kids.push_back(Finish(std::move(call)));
      } else if (Kind() == Tok::kLBracket) {
        auto idx = New(CstKind::kIndex, pos_++);
        ASSIGN_OR_RETURN(CstPtr e, Expr());
        idx->kids.push_back(std::move(e));
        RETURN_IF_ERROR(Expect(Tok::kRBracket));
        c->kids.push_back(Finish(std::move(idx)));
      } else {
        break;
      }
    }
    return Finish(std::move(c));
  }

  Status List(Tok close, Cst* into) {
    while (Kind() != close) {
      ASSIGN_OR_RETURN(CstPtr e, Expr());
      into->kids.push_back(std::move(e));
      if (Kind() == Tok::kComma) {
        ++pos_;
      } else {
        break;
      }
    }
    return Expect(close);
  }

  Result<CstPtr> Primary() {
    switch (Kind()) {
      case Tok::kInt:
      case Tok::kString:
      case Tok::kSlot: {
        auto c = New(CstKind::kToken, pos_);
        c->tok = pos_++;
        return Finish(std::move(c));
      }
      case Tok::kIdent: {
        auto c = New(CstKind::kName, pos_);
        ++pos_;
        while (Kind() == Tok::kColonColon && (Kind(1) == Tok::kIdent || Kind(1) == Tok::kString)) {
          const bool str = Kind(1) == Tok::kString;
          pos_ += 2;
          if (str) break;
        }
        if (c->first + 1 == pos_ && (Word("true", -1) || Word("false", -1))) {
          c->kind = CstKind::kToken;
          c->tok = c->first;
        }
        return Finish(std::move(c));
      }
      case Tok::kLParen: {
        auto c = New(CstKind::kParen, pos_++);
        ASSIGN_OR_RETURN(CstPtr e, Expr());
        c->kids.push_back(std::move(e));
        RETURN_IF_ERROR(Expect(Tok::kRParen));
        return Finish(std::move(c));
      }
      case Tok::kLBracket: {
        auto c = New(CstKind::kList, pos_++);
        RETURN_IF_ERROR(List(Tok::kRBracket, c.get()));
        return Finish(std::move(c));
      }
      case Tok::kLBrace: {
        auto c = New(CstKind::kRecord, pos_++);
        while (Kind() != Tok::kRBrace) {
          auto init = New(CstKind::kRecInit, pos_);
          ASSIGN_OR_RETURN(CstPtr key, Expr());
          RETURN_IF_ERROR(Expect(Tok::kColon));
          ASSIGN_OR_RETURN(CstPtr value, Expr());
          init->kids.push_back(std::move(key));
          init->kids.push_back(std::move(value));
          c->kids.push_back(Finish(std::move(init)));
          if (Kind() != Tok::kComma) break;
          ++pos_;
        }
        RETURN_IF_ERROR(Expect(Tok::kRBrace));
        return Finish(std::move(c));
      }
      default:
        return Status::Invalid("formatter: unexpected token", t_[static_cast<size_t>(pos_)].loc);
    }
  }

  const std::vector<Token>& t_;
  int pos_ = 0;
};

}  // namespace

Result<std::vector<CstPtr>> ParseCst(const std::vector<internal::Token>& tokens) {
  return CstParser(tokens).Policies();
}

}  // namespace metagate::cedar::format_internal
