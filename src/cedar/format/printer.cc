// AST -> Cedar text with minimal parentheses (precedence climbing in reverse).
#include <string>
#include <vector>

#include "ast_names.h"
#include "est/ast_shapes.h"
#include "metagate/cedar/formatter.h"
#include "metagate/common/utf8.h"
#include "parser/names.h"

namespace metagate::cedar {
namespace {

// Precedence levels, loosest first.
enum Level : int {
  kIfLevel = 0,
  kOrLevel,
  kAndLevel,
  kRelLevel,
  kAddLevel,
  kMulLevel,
  kUnaryLevel,
  kMemberLevel
};

bool IsPlainIdent(const std::string& s) {
  if (s.empty()) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (!alpha(s[0])) return false;
  for (char c : s) {
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  return !internal::IsReservedWord(s) && !internal::IsReservedCedarPrefix(s);
}

int LevelOf(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kIf:
      return kIfLevel;
    case ExprKind::kOr:
      return kOrLevel;
    case ExprKind::kAnd:
      return internal::IsInRhs(e) != nullptr ? kRelLevel : kAndLevel;
    case ExprKind::kHasAttr:
    case ExprKind::kLike:
    case ExprKind::kIs:
      return kRelLevel;
    case ExprKind::kBinary:
      switch (e.op) {
        case BinaryOp::kAdd:
        case BinaryOp::kSub:
          return kAddLevel;
        case BinaryOp::kMul:
          return kMulLevel;
        case BinaryOp::kContains:
        case BinaryOp::kContainsAll:
        case BinaryOp::kContainsAny:
        case BinaryOp::kGetTag:
        case BinaryOp::kHasTag:
          return kMemberLevel;
        default:
          return kRelLevel;
      }
    case ExprKind::kNot:
    case ExprKind::kNeg:
      return kUnaryLevel;
    case ExprKind::kLiteral:
      return e.literal.is_long() && e.literal.as_long() < 0 ? kUnaryLevel : kMemberLevel;
    default:
      return kMemberLevel;
  }
}

class Printer {
 public:
  std::string out;

  void Print(const Expr& e, int min_level) {
    if (LevelOf(e) < min_level) {
      out += '(';
      PrintBare(e);
      out += ')';
    } else {
      PrintBare(e);
    }
  }

 private:
  void Infix(const Expr& l, const char* op, const Expr& r, int ll, int rl) {
    Print(l, ll);
    out += ' ';
    out += op;
    out += ' ';
    Print(r, rl);
  }
  void Method(const Expr& recv, const std::string& name, size_t first_arg, const Expr& e) {
    Print(recv, kMemberLevel);
    out += '.';
    out += name;
    out += '(';
    for (size_t i = first_arg; i < e.args.size(); ++i) {
      if (i > first_arg) out += ", ";
      Print(*e.args[i], kIfLevel);
    }
    out += ')';
  }
  // Nested unary operators and `-` on a non-negative integer literal (which would fold into
  // the literal) are parenthesized; so is `!` on a negative literal (`!-1` does not parse).
  void Unary(const Expr& e, char op) {
    out += op;
    const Expr& arg = *e.args[0];
    const bool folds = op == '-' && arg.kind == ExprKind::kLiteral && arg.literal.is_long() &&
                       arg.literal.as_long() >= 0;
    if (folds || arg.kind == ExprKind::kNot || arg.kind == ExprKind::kNeg ||
        (arg.kind == ExprKind::kLiteral && arg.literal.is_long() && arg.literal.as_long() < 0 &&
         op == '!')) {
      out += '(';
      PrintBare(arg);
      out += ')';
    } else {
      Print(arg, kUnaryLevel);
    }
  }
  void PrintBare(const Expr& e);
};

void Printer::PrintBare(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      out += e.literal.ToCedar();
      return;
    case ExprKind::kVar:
      out += internal::VarName(e.var);
      return;
    case ExprKind::kSlot:
      out += e.slot == SlotId::kPrincipal ? "?principal" : "?resource";
      return;
    case ExprKind::kIf:
      out += "if ";
      Print(*e.args[0], kIfLevel);
      out += " then ";
      Print(*e.args[1], kIfLevel);
      out += " else ";
      Print(*e.args[2], kIfLevel);
      return;
    case ExprKind::kAnd:
      if (const Expr* in = internal::IsInRhs(e)) {
        Print(*e.args[0]->args[0], kAddLevel);
        out += " is " + e.args[0]->name + " in ";
        Print(*in, kAddLevel);
        return;
      }
      Infix(*e.args[0], "&&", *e.args[1], kAndLevel, kRelLevel);
      return;
    case ExprKind::kOr:
      Infix(*e.args[0], "||", *e.args[1], kOrLevel, kAndLevel);
      return;
    case ExprKind::kNot:
      Unary(e, '!');
      return;
    case ExprKind::kNeg:
      Unary(e, '-');
      return;
    case ExprKind::kBinary:
      switch (LevelOf(e)) {
        case kAddLevel:
          Infix(*e.args[0], internal::BinaryOpName(e.op), *e.args[1], kAddLevel, kMulLevel);
          return;
        case kMulLevel:
          Infix(*e.args[0], internal::BinaryOpName(e.op), *e.args[1], kMulLevel, kUnaryLevel);
          return;
        case kRelLevel:
          Infix(*e.args[0], internal::BinaryOpName(e.op), *e.args[1], kAddLevel, kAddLevel);
          return;
        default:
          Method(*e.args[0], internal::BinaryOpName(e.op), 1, e);
          return;
      }
    case ExprKind::kIsEmpty:
      Method(*e.args[0], "isEmpty", 1, e);
      return;
    case ExprKind::kGetAttr:
      Print(*e.args[0], kMemberLevel);
      if (IsPlainIdent(e.name)) {
        out += '.' + e.name;
      } else {
        out += '[';
        AppendCedarQuoted(out, e.name);
        out += ']';
      }
      return;
    case ExprKind::kHasAttr:
      Print(*e.args[0], kAddLevel);
      out += " has ";
      if (IsPlainIdent(e.name)) {
        out += e.name;
      } else {
        AppendCedarQuoted(out, e.name);
      }
      return;
    case ExprKind::kLike: {
      Print(*e.args[0], kAddLevel);
      out += " like \"";
      for (const PatternElem& p : e.pattern.elems) {
        if (p.wildcard) {
          out += '*';
        } else if (p.ch == '*') {
          out += "\\*";
        } else {
          std::string ch;
          utf8::Append(ch, p.ch);
          std::string quoted;
          AppendCedarQuoted(quoted, ch);
          out += quoted.substr(1, quoted.size() - 2);
        }
      }
      out += '"';
      return;
    }
    case ExprKind::kIs:
      Print(*e.args[0], kAddLevel);
      out += " is " + e.name;
      return;
    case ExprKind::kSet:
      out += '[';
      for (size_t i = 0; i < e.args.size(); ++i) {
        if (i > 0) out += ", ";
        Print(*e.args[i], kIfLevel);
      }
      out += ']';
      return;
    case ExprKind::kRecord:
      out += '{';
      for (size_t i = 0; i < e.fields.size(); ++i) {
        if (i > 0) out += ", ";
        if (IsPlainIdent(e.fields[i].first)) {
          out += e.fields[i].first;
        } else {
          AppendCedarQuoted(out, e.fields[i].first);
        }
        out += ": ";
        Print(*e.fields[i].second, kIfLevel);
      }
      out += '}';
      return;
    case ExprKind::kExtCall:
      if (internal::ExtensionCallStyle(e.name) == internal::ExtCallStyle::kMethod &&
          !e.args.empty()) {
        Method(*e.args[0], e.name, 1, e);
        return;
      }
      out += e.name + '(';
      for (size_t i = 0; i < e.args.size(); ++i) {
        if (i > 0) out += ", ";
        Print(*e.args[i], kIfLevel);
      }
      out += ')';
      return;
  }
}

void PrintScope(std::string& out, const char* var, const ScopeConstraint& s,
                const std::optional<EntityUid>& slot_value) {
  out += var;
  auto target = [&]() {
    if (s.slot) {
      out += slot_value ? slot_value->ToString()
                        : (*s.slot == SlotId::kPrincipal ? "?principal" : "?resource");
    } else if (s.entity) {
      out += s.entity->ToString();
    }
  };
  switch (s.op) {
    case ScopeConstraint::Op::kAny:
      return;
    case ScopeConstraint::Op::kEq:
      out += " == ";
      target();
      return;
    case ScopeConstraint::Op::kIn:
      out += " in ";
      if (s.is_list) {
        out += '[';
        for (size_t i = 0; i < s.entity_list.size(); ++i) {
          if (i > 0) out += ", ";
          out += s.entity_list[i].ToString();
        }
        out += ']';
      } else {
        target();
      }
      return;
    case ScopeConstraint::Op::kIs:
      out += " is " + s.entity_type;
      return;
    case ScopeConstraint::Op::kIsIn:
      out += " is " + s.entity_type + " in ";
      target();
      return;
  }
}

}  // namespace

std::string PolicyToText(const Policy& policy) {
  std::string out;
  for (const Annotation& a : policy.annotations) {
    out += '@' + a.key;
    if (a.value) {
      out += '(';
      AppendCedarQuoted(out, *a.value);
      out += ')';
    }
    out += '\n';
  }
  out += policy.effect == Effect::kPermit ? "permit (" : "forbid (";
  PrintScope(out, "principal", policy.principal, policy.principal_slot_value);
  out += ", ";
  PrintScope(out, "action", policy.action, std::nullopt);
  out += ", ";
  PrintScope(out, "resource", policy.resource, policy.resource_slot_value);
  out += ')';
  for (const Condition& c : policy.conditions) {
    out += c.is_when ? " when { " : " unless { ";
    Printer p;
    p.Print(*c.expr, kIfLevel);
    out += p.out;
    out += " }";
  }
  out += ';';
  return out;
}

Result<std::string> PoliciesToText(const std::vector<PolicyPtr>& policies,
                                   const FormatOptions& options) {
  std::string text;
  for (const auto& p : policies) {
    text += PolicyToText(*p);
    text += '\n';
  }
  if (text.empty()) return std::string();
  return FormatPolicies(text, options);
}

}  // namespace metagate::cedar
