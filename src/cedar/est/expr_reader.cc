// Cedar JSON (EST) expressions -> AST. Accepts everything Cedar 4.12 writes, plus the
// alternatives it reads (`{"__entity": ..}` references, multi-character `Literal` pattern
// elements, `has` with a list of attributes, records and `__extn` values inside `Value`).
#include "est/expr_reader.h"

#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "est/ast_shapes.h"
#include "est/json_read_util.h"
#include "metagate/common/utf8.h"
#include "parser/names.h"

namespace metagate::cedar::internal {
namespace {

using json::Kind;

constexpr int kMaxDepth = 400;

std::shared_ptr<Expr> Node(ExprKind kind, const JValue& at) {
  auto n = std::make_shared<Expr>();
  n->kind = kind;
  n->loc = at.loc();
  return n;
}

class ExprReader {
 public:
  Result<ExprPtr> Read(const JValue& v, int depth);

 private:
  Result<ExprPtr> ReadValue(const JValue& v, int depth);
  Result<ExprPtr> ReadOp(const std::string& op, const JValue& body, const JValue& at, int depth);
  Result<ExprPtr> Arg(const JValue& body, const char* key, int depth) {
    ASSIGN_OR_RETURN(const JValue* v, Member(body, key));
    return Read(*v, depth + 1);
  }
};

Result<ExprPtr> ExprReader::ReadValue(const JValue& v, int depth) {
  if (depth > kMaxDepth) return Bad(v, "JSON expression nested too deeply");
  auto lit = [&](cedar::Value val) {
    auto n = Node(ExprKind::kLiteral, v);
    n->literal = std::move(val);
    return ExprPtr(std::move(n));
  };
  switch (v.kind()) {
    case Kind::kBool:
      return lit(cedar::Value::Bool(v.as_bool()));
    case Kind::kInt:
      return lit(cedar::Value::Long(v.as_int()));
    case Kind::kString:
      return lit(cedar::Value::String(v.as_string()));
    case Kind::kNull:
      return Bad(v, "`null` is not a Cedar value");
    case Kind::kNumber:
      return Bad(v, "`" + v.as_string() + "` is not a Cedar integer (64-bit, no fraction)");
    case Kind::kArray: {
      auto n = Node(ExprKind::kSet, v);
      for (const auto& item : v.items()) {
        ASSIGN_OR_RETURN(ExprPtr e, ReadValue(item, depth + 1));
        n->args.push_back(std::move(e));
      }
      return ExprPtr(std::move(n));
    }
    case Kind::kObject:
      break;
  }
  if (v.members().size() == 1 && v.members()[0].first == "__entity") {
    ASSIGN_OR_RETURN(EntityUid uid, UidFromJson(v.members()[0].second));
    return lit(cedar::Value::Entity(std::move(uid)));
  }
  if (v.members().size() == 1 && v.members()[0].first == "__extn") {
    const JValue& x = v.members()[0].second;
    if (!x.is_object()) return Bad(x, "`__extn` must be an object with `fn` and `arg`");
    ASSIGN_OR_RETURN(std::string fn, StringMember(x, "fn"));
    ASSIGN_OR_RETURN(const JValue* arg, Member(x, "arg"));
    if (internal::ExtensionCallStyle(fn) != internal::ExtCallStyle::kFunction) {
      return Bad(x, "unknown extension function `" + fn + "`");
    }
    auto n = Node(ExprKind::kExtCall, v);
    n->name = fn;
    ASSIGN_OR_RETURN(ExprPtr a, ReadValue(*arg, depth + 1));
    n->args.push_back(std::move(a));
    return ExprPtr(std::move(n));
  }
  auto n = Node(ExprKind::kRecord, v);
  std::set<std::string> seen;
  for (const auto& [k, item] : v.members()) {
    if (!seen.insert(k).second) return Bad(item, "duplicate key `" + k + "` in record");
    ASSIGN_OR_RETURN(ExprPtr e, ReadValue(item, depth + 1));
    n->fields.emplace_back(k, std::move(e));
  }
  return ExprPtr(std::move(n));
}

Result<ExprPtr> ExprReader::Read(const JValue& v, int depth) {
  if (depth > kMaxDepth) return Bad(v, "JSON expression nested too deeply");
  if (!v.is_object() || v.members().size() != 1) {
    return Bad(v,
               "expected an expression: an object with exactly one key such as \"Value\", "
               "\"Var\" or \"==\"");
  }
  const auto& [op, body] = v.members()[0];
  return ReadOp(op, body, v, depth);
}

std::optional<BinaryOp> BinaryFromName(const std::string& op) {
  static const std::pair<const char*, BinaryOp> kOps[] = {{"==", BinaryOp::kEq},
                                                          {"!=", BinaryOp::kNotEq},
                                                          {"<", BinaryOp::kLess},
                                                          {"<=", BinaryOp::kLessEq},
                                                          {">", BinaryOp::kGreater},
                                                          {">=", BinaryOp::kGreaterEq},
                                                          {"+", BinaryOp::kAdd},
                                                          {"-", BinaryOp::kSub},
                                                          {"*", BinaryOp::kMul},
                                                          {"in", BinaryOp::kIn},
                                                          {"contains", BinaryOp::kContains},
                                                          {"containsAll", BinaryOp::kContainsAll},
                                                          {"containsAny", BinaryOp::kContainsAny},
                                                          {"getTag", BinaryOp::kGetTag},
                                                          {"hasTag", BinaryOp::kHasTag}};
  for (const auto& [name, b] : kOps) {
    if (op == name) return b;
  }
  return std::nullopt;
}

Result<ExprPtr> ExprReader::ReadOp(const std::string& op, const JValue& body, const JValue& at,
                                   int depth) {
  if (op == "Value") return ReadValue(body, depth + 1);
  if (op == "Var") {
    if (!body.is_string()) return Bad(body, "`Var` must be a string");
    std::optional<Var> var = internal::VarFromName(body.as_string());
    if (!var) return Bad(body, "unknown variable `" + body.as_string() + "`");
    auto n = Node(ExprKind::kVar, at);
    n->var = *var;
    return ExprPtr(std::move(n));
  }
  if (op == "Slot") {
    return Bad(at, "template slots may only appear in the policy scope");
  }
  if (op == "Set") {
    if (!body.is_array()) return Bad(body, "`Set` must be an array of expressions");
    auto n = Node(ExprKind::kSet, at);
    for (const auto& item : body.items()) {
      ASSIGN_OR_RETURN(ExprPtr e, Read(item, depth + 1));
      n->args.push_back(std::move(e));
    }
    return ExprPtr(std::move(n));
  }
  if (op == "Record") {
    if (!body.is_object()) return Bad(body, "`Record` must be an object of expressions");
    auto n = Node(ExprKind::kRecord, at);
    std::set<std::string> seen;
    for (const auto& [k, item] : body.members()) {
      if (!seen.insert(k).second) return Bad(item, "duplicate key `" + k + "` in record");
      ASSIGN_OR_RETURN(ExprPtr e, Read(item, depth + 1));
      n->fields.emplace_back(k, std::move(e));
    }
    return ExprPtr(std::move(n));
  }
  if (op == "!" || op == "neg" || op == "isEmpty") {
    if (!body.is_object()) return Bad(body, "`" + op + "` must be an object with `arg`");
    RETURN_IF_ERROR(OnlyFields(body, {"arg"}));
    auto n = Node(op == "!"     ? ExprKind::kNot
                  : op == "neg" ? ExprKind::kNeg
                                : ExprKind::kIsEmpty,
                  at);
    ASSIGN_OR_RETURN(ExprPtr a, Arg(body, "arg", depth));
    n->args = {std::move(a)};
    return ExprPtr(std::move(n));
  }
  std::optional<BinaryOp> bin = BinaryFromName(op);
  if (bin || op == "&&" || op == "||") {
    if (!body.is_object()) return Bad(body, "`" + op + "` must be an object with `left`, `right`");
    RETURN_IF_ERROR(OnlyFields(body, {"left", "right"}));
    auto n = Node(op == "&&" ? ExprKind::kAnd : op == "||" ? ExprKind::kOr : ExprKind::kBinary, at);
    if (bin) n->op = *bin;
    ASSIGN_OR_RETURN(ExprPtr l, Arg(body, "left", depth));
    ASSIGN_OR_RETURN(ExprPtr r, Arg(body, "right", depth));
    n->args = {std::move(l), std::move(r)};
    return ExprPtr(std::move(n));
  }
  if (op == "." || op == "has") {
    if (!body.is_object()) return Bad(body, "`" + op + "` must be an object with `left`, `attr`");
    RETURN_IF_ERROR(OnlyFields(body, {"left", "attr"}));
    ASSIGN_OR_RETURN(ExprPtr target, Arg(body, "left", depth));
    ASSIGN_OR_RETURN(const JValue* attr, Member(body, "attr"));
    std::vector<std::string> path;
    if (attr->is_string()) {
      path.push_back(attr->as_string());
    } else if (op == "has" && attr->is_array() && !attr->items().empty()) {
      for (const auto& a : attr->items()) {
        if (!a.is_string()) return Bad(a, "attribute names must be strings");
        path.push_back(a.as_string());
      }
    } else {
      return Bad(*attr, "`attr` must be a string");
    }
    if (op == ".") {
      auto n = Node(ExprKind::kGetAttr, at);
      n->name = path[0];
      n->args = {std::move(target)};
      return ExprPtr(std::move(n));
    }
    // `e has a.b` is `e has a && e.a has b`, as the parser builds it.
    ExprPtr result;
    for (size_t i = 0; i < path.size(); ++i) {
      if (i > 0) {
        auto get = Node(ExprKind::kGetAttr, at);
        get->name = path[i - 1];
        get->args = {target};
        target = std::move(get);
      }
      auto has = Node(ExprKind::kHasAttr, at);
      has->name = path[i];
      has->args = {target};
      if (!result) {
        result = std::move(has);
      } else {
        auto conj = Node(ExprKind::kAnd, at);
        conj->args = {std::move(result), std::move(has)};
        result = std::move(conj);
      }
    }
    return result;
  }
  if (op == "like") {
    if (!body.is_object()) return Bad(body, "`like` must be an object with `left`, `pattern`");
    RETURN_IF_ERROR(OnlyFields(body, {"left", "pattern"}));
    auto n = Node(ExprKind::kLike, at);
    ASSIGN_OR_RETURN(ExprPtr l, Arg(body, "left", depth));
    n->args = {std::move(l)};
    ASSIGN_OR_RETURN(const JValue* pat, Member(body, "pattern"));
    if (!pat->is_array()) return Bad(*pat, "`pattern` must be an array");
    for (const auto& p : pat->items()) {
      if (p.is_string() && p.as_string() == "Wildcard") {
        n->pattern.elems.push_back({true, 0});
        continue;
      }
      const JValue* lit = p.is_object() && p.members().size() == 1 ? p.Find("Literal") : nullptr;
      if (lit == nullptr || !lit->is_string()) {
        return Bad(p, "a pattern element is \"Wildcard\" or {\"Literal\": \"...\"}");
      }
      const std::string& text = lit->as_string();
      if (utf8::FindInvalid(text) != text.size()) return Bad(*lit, "invalid UTF-8");
      for (size_t i = 0; i < text.size();) {
        n->pattern.elems.push_back({false, utf8::Decode(text, &i)});
      }
    }
    return ExprPtr(std::move(n));
  }
  if (op == "is") {
    if (!body.is_object()) return Bad(body, "`is` must be an object with `left`, `entity_type`");
    RETURN_IF_ERROR(OnlyFields(body, {"left", "entity_type", "in"}));
    ASSIGN_OR_RETURN(ExprPtr l, Arg(body, "left", depth));
    ASSIGN_OR_RETURN(const JValue* t, Member(body, "entity_type"));
    ASSIGN_OR_RETURN(std::string type, TypeName(*t));
    if (const JValue* in = body.Find("in")) {
      ASSIGN_OR_RETURN(ExprPtr rhs, Read(*in, depth + 1));
      return internal::MakeIsIn(std::move(l), std::move(type), std::move(rhs), at.loc());
    }
    auto n = Node(ExprKind::kIs, at);
    n->name = std::move(type);
    n->args = {std::move(l)};
    return ExprPtr(std::move(n));
  }
  if (op == "if-then-else") {
    if (!body.is_object()) return Bad(body, "`if-then-else` needs `if`, `then`, `else`");
    RETURN_IF_ERROR(OnlyFields(body, {"if", "then", "else"}));
    auto n = Node(ExprKind::kIf, at);
    ASSIGN_OR_RETURN(ExprPtr c, Arg(body, "if", depth));
    ASSIGN_OR_RETURN(ExprPtr t, Arg(body, "then", depth));
    ASSIGN_OR_RETURN(ExprPtr e, Arg(body, "else", depth));
    n->args = {std::move(c), std::move(t), std::move(e)};
    return ExprPtr(std::move(n));
  }
  if (internal::ExtensionCallStyle(op) != internal::ExtCallStyle::kNone) {
    if (!body.is_array()) return Bad(body, "the arguments of `" + op + "` must be an array");
    auto n = Node(ExprKind::kExtCall, at);
    n->name = op;
    for (const auto& item : body.items()) {
      ASSIGN_OR_RETURN(ExprPtr e, Read(item, depth + 1));
      n->args.push_back(std::move(e));
    }
    return ExprPtr(std::move(n));
  }
  return Bad(at, "unknown expression operator or extension function `" + op + "`");
}

}  // namespace

Result<ExprPtr> ExprFromJson(const json::Value& v) { return ExprReader().Read(v, 0); }

}  // namespace metagate::cedar::internal
