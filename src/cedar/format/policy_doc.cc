#include "format/policy_doc.h"

#include <string>

namespace metagate::cedar::format_internal {
namespace {

class DocBuilder {
 public:
  DocBuilder(const std::vector<internal::Token>& t, Comments& c, int indent)
      : t_(t), c_(c), indent_(indent) {}

  Doc Policy(const Cst& p);

 private:
  std::string TokText(int i) const { return std::string(t_[static_cast<size_t>(i)].text); }
  // The token's text with the comments still attached to it.
  Doc Tok(int i) { return AddComment(Text(TokText(i)), c_.Take(i), Nil()); }

  Doc Anno(const Cst& a);
  Doc VarDef(const Cst& v);
  Doc Cond(const Cst& c);
  Doc Expr(const Cst& e);
  Doc Chain(const Cst& e, const char* op);
  Doc Relation(const Cst& e);
  Doc Arith(const Cst& e);
  Doc Unary(const Cst& e);
  Doc Member(const Cst& e);
  Doc Primary(const Cst& e);
  Doc Access(const Cst& e);
  // e0 "," line e1 "," line ... (commas carry the comments of the comma tokens)
  Doc CommaList(const std::vector<std::unique_ptr<Cst>>& items);

  const std::vector<internal::Token>& t_;
  Comments& c_;
  int indent_;
};

Doc DocBuilder::Anno(const Cst& a) {
  Doc id = Tok(a.tok + 1);
  Doc at = AddComment(Text("@"), c_.Take(a.tok), Nil());
  Doc val = Hardline();
  if (a.n == 1) {
    Doc lp = AddComment(Text("("), c_.Take(c_.After(a.tok + 1)), Nil());
    Doc v = Tok(a.tok + 3);
    Doc rp = AddComment(Text(")"), c_.Take(a.last), Hardline());
    val = Append(Append(lp, v), rp);
  }
  return Append(Append(at, id), val);
}

Doc DocBuilder::VarDef(const Cst& v) {
  Comment start = c_.Take(v.first);
  Doc var = Text(TokText(v.tok));
  Doc is_doc = Nil();
  size_t k = 0;
  int after_type = v.tok;
  if (v.has_is) {
    const Cst& type = *v.kids[k++];
    Doc is_kw = AddComment(Text("is"), c_.Take(c_.After(v.tok)), Nil());
    Doc type_doc = Arith(type);
    Doc typed = AddComment(type_doc, c_.Take(type.first), Nil());
    is_doc = Group(Nest(Append(Group(Append(Line(), is_kw)), Append(Line(), typed)), indent_));
    after_type = type.last;
  }
  if (v.ops.empty()) return Append(AddComment(var, start, Nil()), is_doc);
  Comment op_comment = c_.Take(c_.After(after_type));
  Doc head =
      Group(Append(Append(Append(Append(var, TrailingDoc(start.trailing, Nil())), is_doc), Line()),
                   AddComment(Text(TokText(v.ops[0])), op_comment, Nil())));
  Doc rhs = Nest(Append(Line(), Expr(*v.kids[k])), indent_);
  return Append(LeadingDoc(start.leading), Group(Append(head, rhs)));
}

Doc DocBuilder::Cond(const Cst& c) {
  Comment lb = c_.Take(c_.After(c.tok));
  Comment rb = c_.Take(c.last);
  Comment kw = c_.Take(c.tok);
  Doc rb_doc = AddComment(Text("}"), rb, Nil());
  Doc kw_doc = Tok(c.tok);
  if (!c.kids.empty()) {
    std::vector<std::string> expr_leading = c_.TakeLeading(c.kids[0]->first);
    Doc expr = Expr(*c.kids[0]);
    Doc inner = Group(Append(Append(Nest(Append(TrailingDoc(lb.trailing, Line()),
                                                Append(LeadingDoc(expr_leading), Group(expr))),
                                         indent_),
                                    Line()),
                             rb_doc));
    Doc outer = Group(Append(Append(kw_doc, TrailingDoc(kw.trailing, Line())),
                             Append(LeadingDoc(lb.leading), Append(Text("{"), inner))));
    return Append(LeadingDoc(kw.leading), outer);
  }
  Doc inner = Group(Append(Append(Text("{"), TrailingDoc(lb.trailing, Line())), rb_doc));
  Doc outer = Group(Append(Append(kw_doc, TrailingDoc(kw.trailing, Line())),
                           Append(LeadingDoc(lb.leading), inner)));
  return Append(LeadingDoc(kw.leading), outer);
}

Doc DocBuilder::Expr(const Cst& e) {
  if (e.kind == CstKind::kIf) {
    Comment if_c = c_.Take(e.first);
    Comment then_c = c_.Take(c_.After(e.kids[0]->last));
    Comment else_c = c_.Take(c_.After(e.kids[1]->last));
    auto part = [&](const char* kw, const Comment& c, const Cst& sub) {
      Doc head = AddComment(Text(kw), c, Nil());
      return Append(head, Nest(Append(Line(), Expr(sub)), indent_));
    };
    Doc a = part("if", if_c, *e.kids[0]);
    Doc b = part("then", then_c, *e.kids[1]);
    Doc d = part("else", else_c, *e.kids[2]);
    return Group(Append(Append(Append(Append(a, Line()), b), Line()), d));
  }
  return Chain(e, "||");
}

Doc DocBuilder::Chain(const Cst& e, const char* op) {
  Doc d = Nil();
  for (size_t i = 0; i + 1 < e.kids.size(); ++i) {
    Comment opc = c_.Take(c_.After(e.kids[i]->last));
    Doc kid = e.kind == CstKind::kOr ? Chain(*e.kids[i], "&&") : Relation(*e.kids[i]);
    d = Append(Append(Append(d, kid), Space()), AddComment(Text(op), opc, Line()));
  }
  const Cst& last = *e.kids.back();
  return Append(d, e.kind == CstKind::kOr ? Chain(last, "&&") : Relation(last));
}

Doc DocBuilder::Relation(const Cst& e) {
  switch (e.kind) {
    case CstKind::kRel: {
      if (e.kids.size() == 1) return Arith(*e.kids[0]);
      Doc l = Arith(*e.kids[0]);
      Doc op = AddComment(Text(TokText(e.ops[0])), c_.Take(c_.After(e.kids[0]->last)), Nil());
      Doc r = Arith(*e.kids[1]);
      return Append(Append(Append(Append(l, Space()), op), Space()), r);
    }
    case CstKind::kHas:
    case CstKind::kLike: {
      Doc l = Arith(*e.kids[0]);
      Doc kw = AddComment(Text(e.kind == CstKind::kHas ? "has" : "like"),
                          c_.Take(c_.After(e.kids[0]->last)), Nil());
      Doc r = Nest(Arith(*e.kids[1]), indent_);
      return Group(Append(Append(Append(Append(l, Line()), kw), Line()), r));
    }
    case CstKind::kIsIn: {
      Doc l = Arith(*e.kids[0]);
      Doc is = AddComment(Text("is"), c_.Take(c_.After(e.kids[0]->last)), Nil());
      Doc type = Nest(Arith(*e.kids[1]), indent_);
      Doc d = Append(Append(Append(Append(l, Space()), is), Space()), type);
      if (e.kids.size() == 3) {
        Doc in = AddComment(Text("in"), c_.Take(c_.After(e.kids[1]->last)), Nil());
        Doc rhs = Nest(Arith(*e.kids[2]), indent_);
        d = Append(Append(Append(Append(d, Line()), in), Space()), rhs);
      }
      return Group(d);
    }
    default:
      return Arith(e);
  }
}

Doc DocBuilder::Arith(const Cst& e) {
  if (e.kind == CstKind::kUnary) return Unary(e);
  Doc d = e.kind == CstKind::kAdd ? Arith(*e.kids[0]) : Unary(*e.kids[0]);
  for (size_t i = 1; i < e.kids.size(); ++i) {
    Doc op = AddComment(Text(TokText(e.ops[i - 1])), c_.Take(c_.After(e.kids[i - 1]->last)), Nil());
    Doc r = e.kind == CstKind::kAdd ? Arith(*e.kids[i]) : Unary(*e.kids[i]);
    d = Append(Append(Append(Append(d, Space()), op), Line()), r);
  }
  return Group(d);
}

Doc DocBuilder::Unary(const Cst& e) {
  if (e.n == 0) return Member(*e.kids[0]);
  Doc ops = Nil();
  for (int i = 0; i < e.n; ++i) {
    ops = Append(ops, AddComment(Text(e.bang ? "!" : "-"), c_.Take(e.first + i), Nil()));
  }
  return Append(ops, Member(*e.kids[0]));
}

Doc DocBuilder::Member(const Cst& e) {
  Doc item = Primary(*e.kids[0]);
  Doc acc = Nil();
  for (size_t i = 1; i < e.kids.size(); ++i) {
    if (i > 1) acc = Append(acc, Line_());
    acc = Append(acc, Access(*e.kids[i]));
  }
  return Group(Append(item, Nest(acc, indent_)));
}

Doc DocBuilder::CommaList(const std::vector<std::unique_ptr<Cst>>& items) {
  Doc d = Nil();
  for (size_t i = 0; i < items.size(); ++i) {
    if (i == 0) {
      d = Expr(*items[0]);
      continue;
    }
    Doc comma = AddComment(Text(","), c_.Take(c_.After(items[i - 1]->last)), Nil());
    Doc item = Expr(*items[i]);
    d = Append(Append(Append(d, comma), Line()), item);
  }
  return d;
}

Doc DocBuilder::Primary(const Cst& e) {
  switch (e.kind) {
    case CstKind::kToken:
      return Tok(e.tok);
    case CstKind::kName: {
      Doc d = Nil();
      for (int i = e.first; i <= e.last; ++i) d = Append(d, Tok(i));
      return d;
    }
    case CstKind::kParen: {
      Doc open = AddComment(Text("("), c_.Take(e.first), Nil());
      Doc inner = Nest(Expr(*e.kids[0]), 1);
      Doc close = AddComment(Text(")"), c_.Take(e.last), Nil());
      return Group(Append(Append(open, inner), close));
    }
    case CstKind::kList: {
      Doc items = CommaList(e.kids);
      Doc open = AddComment(Text("["), c_.Take(e.first), Nil());
      Doc close = AddComment(Text("]"), c_.Take(e.last), Nil());
      return Append(Append(open, Nest(items, 1)), close);
    }
    case CstKind::kRecord: {
      Doc inits = Nil();
      for (size_t i = 0; i < e.kids.size(); ++i) {
        const Cst& init = *e.kids[i];
        Doc key = Expr(*init.kids[0]);
        Doc value = Expr(*init.kids[1]);
        Doc colon = AddComment(Text(":"), c_.Take(c_.After(init.kids[0]->last)), Nil());
        Doc one = Append(Append(Append(key, colon), Space()), value);
        if (i == 0) {
          inits = one;
        } else {
          Doc comma = AddComment(Text(","), c_.Take(c_.After(e.kids[i - 1]->last)), Nil());
          inits = Append(Append(Append(inits, comma), Line()), one);
        }
      }
      Doc body = e.kids.empty() ? Nil() : Group(Append(Append(Line(), inits), Line()));
      Doc open = AddComment(Text("{"), c_.Take(e.first), Nil());
      Doc close = AddComment(Text("}"), c_.Take(e.last), Nil());
      return Append(Append(open, Nest(body, indent_)), close);
    }
    default:
      return Nil();
  }
}

Doc DocBuilder::Access(const Cst& e) {
  switch (e.kind) {
    case CstKind::kField: {
      Doc dot = AddComment(Text("."), c_.Take(e.first), Nil());
      return Append(dot, Tok(e.tok + 1));
    }
    case CstKind::kCall: {
      Doc open = AddComment(Text("("), c_.Take(e.first), Nil());
      Doc args = Nil();
      if (!e.kids.empty()) {
        args = Append(Nest(Append(Line_(), CommaList(e.kids)), indent_), Line_());
      }
      Doc close = AddComment(Text(")"), c_.Take(e.last), Nil());
      return Append(Append(open, args), close);
    }
    case CstKind::kIndex: {
      Doc open = AddComment(Text("["), c_.Take(e.first), Nil());
      Doc idx = Expr(*e.kids[0]);
      Doc close = AddComment(Text("]"), c_.Take(e.last), Nil());
      return Append(Append(open, idx), close);
    }
    default:
      return Nil();
  }
}

Doc DocBuilder::Policy(const Cst& p) {
  Doc annos = Nil();
  for (int i = 0; i < p.n; ++i) annos = Append(annos, Anno(*p.kids[static_cast<size_t>(i)]));
  std::vector<std::string> eff_leading = c_.TakeLeading(p.tok);
  Doc eff = Tok(p.tok);
  const Cst& v0 = *p.kids[static_cast<size_t>(p.n)];
  const Cst& v1 = *p.kids[static_cast<size_t>(p.n) + 1];
  const Cst& v2 = *p.kids[static_cast<size_t>(p.n) + 2];
  Doc d0 = VarDef(v0);
  Doc d1 = VarDef(v1);
  Doc d2 = VarDef(v2);
  bool simple = true;
  for (const Cst* v : {&v0, &v1, &v2}) simple = simple && v->ops.empty() && !v->has_is;
  Doc vars;
  if (simple) {
    Doc c0 = AddComment(Text(","), c_.Take(c_.After(v0.last)), Space());
    Doc c1 = AddComment(Text(","), c_.Take(c_.After(v1.last)), Space());
    vars = Group(Nest(Append(Append(Append(Append(d0, c0), d1), c1), d2), indent_));
  } else {
    Doc c0 = AddComment(Text(","), c_.Take(c_.After(v0.last)), Hardline());
    Doc c1 = AddComment(Text(","), c_.Take(c_.After(v1.last)), Hardline());
    vars = Append(
        Nest(Append(Hardline(), Append(Append(Append(Append(d0, c0), d1), c1), d2)), indent_),
        Hardline());
  }
  const size_t first_cond = static_cast<size_t>(p.n) + 3;
  Doc conds = Nil();
  for (size_t i = first_cond; i < p.kids.size(); ++i) {
    if (i > first_cond) conds = Append(conds, Hardline());
    conds = Append(conds, Cond(*p.kids[i]));
  }
  Doc open = AddComment(Text("("), c_.Take(c_.After(p.tok)), Nil());
  Doc head = Append(LeadingDoc(eff_leading), Group(Append(Append(eff, Line()), open)));
  Doc close = AddComment(Text(")"), c_.Take(c_.After(v2.last)),
                         p.kids.size() > first_cond ? Hardline() : Nil());
  Doc semi = AddComment(Text(";"), c_.Take(p.last), Nil());
  return Append(Append(Append(Append(Append(annos, head), vars), close), conds), semi);
}

}  // namespace

Doc PolicyDoc(const Cst& policy, const std::vector<internal::Token>& tokens, Comments& comments,
              int indent) {
  return DocBuilder(tokens, comments, indent).Policy(policy);
}

}  // namespace metagate::cedar::format_internal
