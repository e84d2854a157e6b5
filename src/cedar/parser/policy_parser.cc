#include "parser/policy_parser.h"

#include <memory>
#include <string>

#include "parser/expr_parser.h"

namespace metagate::cedar::internal {
namespace {

bool IsActionType(const std::string& type) {
  constexpr std::string_view kAction = "Action";
  constexpr std::string_view kSuffix = "::Action";
  return type == kAction ||
         (type.size() > kSuffix.size() &&
          std::string_view(type).substr(type.size() - kSuffix.size()) == kSuffix);
}

bool IsScopeVar(std::string_view s) { return s == "principal" || s == "action" || s == "resource"; }

class PolicyParser {
 public:
  explicit PolicyParser(TokenStream& ts) : ts_(ts), expr_(ts) {}

  Result<std::vector<PolicyPtr>> ParseAll() {
    std::vector<PolicyPtr> policies;
    while (!ts_.At(Tok::kEof)) {
      auto policy = std::make_shared<Policy>();
      policy->id = "policy" + std::to_string(policies.size());
      RETURN_IF_ERROR(ParsePolicy(policy.get()));
      policies.push_back(std::move(policy));
    }
    return policies;
  }

 private:
  Status ParsePolicy(Policy* p) {
    p->loc = ts_.Peek().loc;
    RETURN_IF_ERROR(ParseAnnotations(p));
    const Token& effect = ts_.Peek();
    if (effect.kind == Tok::kIdent && effect.text == "permit") {
      p->effect = Effect::kPermit;
    } else if (effect.kind == Tok::kIdent && effect.text == "forbid") {
      p->effect = Effect::kForbid;
    } else {
      return ts_.ErrorHere("invalid policy effect " + DescribeToken(effect) +
                           ": expected `permit` or `forbid`");
    }
    ts_.Next();
    RETURN_IF_ERROR(ts_.Expect(Tok::kLParen, "`(` after the policy effect"));
    RETURN_IF_ERROR(ParseScope(p));
    while (ts_.At(Tok::kIdent)) RETURN_IF_ERROR(ParseCondition(p));
    return ts_.Expect(Tok::kSemi, "`;` after policy");
  }

  Status ParseAnnotations(Policy* p) {
    while (ts_.At(Tok::kAt)) {
      Annotation a;
      a.loc = ts_.Next().loc;
      if (!ts_.At(Tok::kIdent)) {
        return ts_.ErrorHere("expected an annotation name after `@`, found " +
                             DescribeToken(ts_.Peek()));
      }
      a.key = std::string(ts_.Next().text);
      if (ts_.Accept(Tok::kLParen)) {
        if (!ts_.At(Tok::kString)) {
          return ts_.ErrorHere("expected a string literal as the annotation value, found " +
                               DescribeToken(ts_.Peek()));
        }
        ASSIGN_OR_RETURN(a.value, expr_.StringValue(ts_.Next()));
        RETURN_IF_ERROR(ts_.Expect(Tok::kRParen, "`)` after the annotation value"));
      }
      for (const Annotation& other : p->annotations) {
        if (other.key == a.key) {
          return Status::Invalid("duplicate annotation: @" + a.key, a.loc);
        }
      }
      p->annotations.push_back(std::move(a));
    }
    return Status::Ok();
  }

  Status ParseScope(Policy* p) {
    static constexpr const char* kVars[3] = {"principal", "action", "resource"};
    ScopeConstraint* scopes[3] = {&p->principal, &p->action, &p->resource};
    for (int i = 0; i < 3; ++i) {
      if (ts_.At(Tok::kRParen)) {
        return ts_.ErrorHere(std::string("this policy is missing the `") + kVars[i] +
                             "` variable in the scope; a scope lists `principal`, `action` and "
                             "`resource` in that order");
      }
      const Token& var = ts_.Peek();
      if (var.kind != Tok::kIdent || var.text != kVars[i]) {
        if (var.kind == Tok::kIdent && IsScopeVar(var.text)) {
          return ts_.ErrorHere("found the variable `" + std::string(var.text) +
                               "` where the variable `" + kVars[i] +
                               "` must be used; a scope lists `principal`, `action` and "
                               "`resource` in that order");
        }
        return ts_.ErrorHere(std::string("expected `") + kVars[i] +
                             "` in the policy scope, found " + DescribeToken(var));
      }
      ts_.Next();
      if (i == 1) {
        RETURN_IF_ERROR(ParseActionConstraint(scopes[i]));
      } else {
        RETURN_IF_ERROR(ParseEntityConstraint(
            scopes[i], i == 0 ? SlotId::kPrincipal : SlotId::kResource, &p->is_template));
      }
      if (i < 2 && !ts_.At(Tok::kComma) && !ts_.At(Tok::kRParen)) {
        return ts_.ErrorHere(std::string("expected `,` after the ") + kVars[i] + " scope, found " +
                             DescribeToken(ts_.Peek()));
      }
      ts_.Accept(Tok::kComma);
    }
    if (ts_.At(Tok::kIdent)) {
      return ts_.ErrorHere("this policy has an extra element in the scope: " +
                           std::string(ts_.Peek().text));
    }
    return ts_.Expect(Tok::kRParen, "`)` after the policy scope");
  }

  // The target of `==` / `in` in a principal or resource scope: an entity UID or the slot.
  Status ParseScopeTarget(ScopeConstraint* c, SlotId slot, bool* is_template) {
    const char* slot_name = slot == SlotId::kPrincipal ? "?principal" : "?resource";
    if (ts_.At(Tok::kSlot)) {
      if (ts_.Peek().text != slot_name) {
        return ts_.ErrorHere("expected an entity UID or the template slot " +
                             std::string(slot_name) + ", found " + std::string(ts_.Peek().text));
      }
      ts_.Next();
      c->slot = slot;
      *is_template = true;
      return Status::Ok();
    }
    if (ts_.At(Tok::kLBracket)) {
      return ts_.ErrorHere(
          "expected a single entity UID or template slot, found a set of entity UIDs");
    }
    ASSIGN_OR_RETURN(c->entity, expr_.ParseEntityUid("an entity UID or the template slot " +
                                                     std::string(slot_name)));
    return Status::Ok();
  }

  Status ParseEntityConstraint(ScopeConstraint* c, SlotId slot, bool* is_template) {
    if (ts_.Accept(Tok::kEq)) {
      c->op = ScopeConstraint::Op::kEq;
      return ParseScopeTarget(c, slot, is_template);
    }
    if (ts_.AtWord("in")) {
      ts_.Next();
      c->op = ScopeConstraint::Op::kIn;
      return ParseScopeTarget(c, slot, is_template);
    }
    if (ts_.AtWord("is")) {
      ts_.Next();
      if (ts_.At(Tok::kSlot)) {
        return ts_.ErrorHere("right-hand side of `is` must be an entity type name, found " +
                             DescribeToken(ts_.Peek()));
      }
      ASSIGN_OR_RETURN(c->entity_type, expr_.ParseName("an entity type name after `is`"));
      if (ts_.AtWord("in")) {
        ts_.Next();
        c->op = ScopeConstraint::Op::kIsIn;
        return ParseScopeTarget(c, slot, is_template);
      }
      if (ts_.At(Tok::kEq)) {
        return ts_.ErrorHere(
            "`is` cannot be used together with `==` in the scope; use `is T in E`");
      }
      c->op = ScopeConstraint::Op::kIs;
      return Status::Ok();
    }
    return CheckNoOtherOperator();
  }

  Status CheckNoOtherOperator() {
    const Token& t = ts_.Peek();
    const bool is_op = t.kind == Tok::kNotEq || t.kind == Tok::kLess || t.kind == Tok::kLessEq ||
                       t.kind == Tok::kGreater || t.kind == Tok::kGreaterEq ||
                       (t.kind == Tok::kIdent && (t.text == "has" || t.text == "like"));
    if (is_op) {
      return ts_.ErrorHere("invalid operator in the policy scope: " + std::string(t.text) +
                           "; scope clauses can only use `==`, `in`, `is`, or `is ... in`");
    }
    return Status::Ok();
  }

  Result<EntityUid> ParseActionUid() {
    if (ts_.At(Tok::kSlot)) {
      return ts_.ErrorHere("template slots are not allowed in the action scope");
    }
    const Token& start = ts_.Peek();
    ASSIGN_OR_RETURN(EntityUid uid, expr_.ParseEntityUid("an action entity UID"));
    if (!IsActionType(uid.type())) {
      return TokenStream::ErrorAt(start, "expected an entity uid with type `Action` but got `" +
                                             uid.ToString() +
                                             "`; action entities must have type `Action`, "
                                             "optionally in a namespace");
    }
    return uid;
  }

  Status ParseActionConstraint(ScopeConstraint* c) {
    if (ts_.Accept(Tok::kEq)) {
      c->op = ScopeConstraint::Op::kEq;
      ASSIGN_OR_RETURN(c->entity, ParseActionUid());
      return Status::Ok();
    }
    if (ts_.AtWord("in")) {
      ts_.Next();
      c->op = ScopeConstraint::Op::kIn;
      if (!ts_.Accept(Tok::kLBracket)) {
        ASSIGN_OR_RETURN(c->entity, ParseActionUid());
        return Status::Ok();
      }
      c->is_list = true;
      while (!ts_.Accept(Tok::kRBracket)) {
        ASSIGN_OR_RETURN(EntityUid uid, ParseActionUid());
        c->entity_list.push_back(std::move(uid));
        if (ts_.Accept(Tok::kComma)) continue;
        RETURN_IF_ERROR(ts_.Expect(Tok::kRBracket, "`,` or `]` in the action list"));
        break;
      }
      return Status::Ok();
    }
    if (ts_.AtWord("is")) {
      return ts_.ErrorHere(
          "`is` cannot appear in the action scope; move `action is ..` into a `when` condition");
    }
    return CheckNoOtherOperator();
  }

  Status ParseCondition(Policy* p) {
    const Token& kw = ts_.Peek();
    if (kw.text != "when" && kw.text != "unless") {
      return ts_.ErrorHere("invalid policy condition `" + std::string(kw.text) +
                           "`: expected `when` or `unless`");
    }
    ts_.Next();
    Condition cond;
    cond.is_when = kw.text == "when";
    RETURN_IF_ERROR(ts_.Expect(Tok::kLBrace, "`{` after `" + std::string(kw.text) + "`"));
    if (ts_.At(Tok::kRBrace)) {
      return TokenStream::ErrorAt(
          kw, "`" + std::string(kw.text) + "` condition clause cannot be empty");
    }
    expr_.set_clause(kw.text);
    ASSIGN_OR_RETURN(cond.expr, expr_.ParseExpr());
    RETURN_IF_ERROR(ts_.Expect(Tok::kRBrace, "`}` after the condition"));
    p->conditions.push_back(std::move(cond));
    return Status::Ok();
  }

  TokenStream& ts_;
  ExprParser expr_;
};

}  // namespace

Result<std::vector<PolicyPtr>> ParsePolicySet(TokenStream& ts) {
  return PolicyParser(ts).ParseAll();
}

}  // namespace metagate::cedar::internal
