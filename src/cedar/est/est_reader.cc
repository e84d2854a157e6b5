// Cedar JSON (EST) -> Policy. Accepts everything Cedar 4.12 writes, plus the alternatives it
// reads (`{"__entity": ..}` entity references, multi-character `Literal` pattern elements,
// `has` with a list of attributes, records and `__extn` values inside `Value`).
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "est/ast_shapes.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/policy_json.h"
#include "parser/names.h"
#include "parser/utf8.h"

namespace metagate::cedar {
namespace {

using json::Kind;
using JValue = json::Value;

constexpr int kMaxDepth = 400;

Status Bad(const JValue& at, std::string msg) { return Status::Invalid(std::move(msg), at.loc()); }

Result<const JValue*> Member(const JValue& obj, const char* key) {
  const JValue* v = obj.Find(key);
  if (v == nullptr) return Bad(obj, std::string("missing field `") + key + "`");
  return v;
}

Result<std::string> StringMember(const JValue& obj, const char* key) {
  ASSIGN_OR_RETURN(const JValue* v, Member(obj, key));
  if (!v->is_string()) return Bad(*v, std::string("`") + key + "` must be a string");
  return v->as_string();
}

Status OnlyFields(const JValue& obj, std::initializer_list<const char*> allowed) {
  for (const auto& [k, v] : obj.members()) {
    bool ok = false;
    for (const char* a : allowed) ok = ok || k == a;
    if (!ok) return Bad(v, "unknown field `" + k + "`");
  }
  return Status::Ok();
}

Result<EntityUid> UidFromJson(const JValue& v) {
  if (!v.is_object()) return Bad(v, "expected an entity reference {\"type\": .., \"id\": ..}");
  if (const JValue* inner = v.Find("__entity")) return UidFromJson(*inner);
  ASSIGN_OR_RETURN(std::string type, StringMember(v, "type"));
  ASSIGN_OR_RETURN(std::string id, StringMember(v, "id"));
  RETURN_IF_ERROR(OnlyFields(v, {"type", "id"}));
  Result<std::string> name = ParseName(type);
  if (!name.ok()) return Bad(*v.Find("type"), "invalid entity type `" + type + "`");
  return EntityUid(std::move(type), std::move(id));
}

Result<std::string> TypeName(const JValue& v) {
  if (!v.is_string()) return Bad(v, "an entity type must be a string");
  if (!ParseName(v.as_string()).ok()) return Bad(v, "invalid entity type `" + v.as_string() + "`");
  return v.as_string();
}

bool IsIdentifier(const std::string& s) {
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; };
  if (s.empty() || !alpha(s[0])) return false;
  for (char c : s) {
    if (!alpha(c) && !(c >= '0' && c <= '9')) return false;
  }
  return true;
}

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
      if (internal::FindInvalidUtf8(text) != text.size()) return Bad(*lit, "invalid UTF-8");
      for (size_t i = 0; i < text.size();) {
        n->pattern.elems.push_back({false, internal::DecodeUtf8(text, &i)});
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

Status ReadTarget(const JValue& obj, ScopeConstraint* s, bool allow_slot, SlotId slot_id) {
  if (const JValue* slot = obj.Find("slot")) {
    const char* want = slot_id == SlotId::kPrincipal ? "?principal" : "?resource";
    if (!allow_slot || !slot->is_string() || slot->as_string() != want) {
      return Bad(*slot, allow_slot ? std::string("expected slot `") + want + "`"
                                   : "the action scope cannot use a slot");
    }
    s->slot = slot_id;
    return Status::Ok();
  }
  ASSIGN_OR_RETURN(const JValue* e, Member(obj, "entity"));
  ASSIGN_OR_RETURN(EntityUid uid, UidFromJson(*e));
  s->entity = std::move(uid);
  return Status::Ok();
}

Result<ScopeConstraint> ReadScope(const JValue& v, bool is_action, SlotId slot_id) {
  if (!v.is_object()) return Bad(v, "a scope constraint must be an object with `op`");
  ScopeConstraint s;
  ASSIGN_OR_RETURN(std::string op, StringMember(v, "op"));
  if (op == "All") {
    RETURN_IF_ERROR(OnlyFields(v, {"op"}));
    s.op = ScopeConstraint::Op::kAny;
  } else if (op == "==") {
    RETURN_IF_ERROR(OnlyFields(v, {"op", "entity", "slot"}));
    s.op = ScopeConstraint::Op::kEq;
    RETURN_IF_ERROR(ReadTarget(v, &s, !is_action, slot_id));
  } else if (op == "in") {
    s.op = ScopeConstraint::Op::kIn;
    if (const JValue* list = v.Find("entities"); list != nullptr && is_action) {
      RETURN_IF_ERROR(OnlyFields(v, {"op", "entities"}));
      if (!list->is_array()) return Bad(*list, "`entities` must be an array");
      s.is_list = true;
      for (const auto& item : list->items()) {
        ASSIGN_OR_RETURN(EntityUid uid, UidFromJson(item));
        s.entity_list.push_back(std::move(uid));
      }
    } else {
      RETURN_IF_ERROR(OnlyFields(v, {"op", "entity", "slot"}));
      RETURN_IF_ERROR(ReadTarget(v, &s, !is_action, slot_id));
    }
  } else if (op == "is" && !is_action) {
    RETURN_IF_ERROR(OnlyFields(v, {"op", "entity_type", "in"}));
    ASSIGN_OR_RETURN(const JValue* t, Member(v, "entity_type"));
    ASSIGN_OR_RETURN(s.entity_type, TypeName(*t));
    s.op = ScopeConstraint::Op::kIs;
    if (const JValue* in = v.Find("in")) {
      if (!in->is_object()) return Bad(*in, "`in` must be an object with `entity` or `slot`");
      s.op = ScopeConstraint::Op::kIsIn;
      RETURN_IF_ERROR(ReadTarget(*in, &s, true, slot_id));
    }
  } else {
    return Bad(*v.Find("op"), "invalid scope operator `" + op + "`");
  }
  if (is_action) {
    auto check = [&](const EntityUid& u) -> Status {
      const std::string& t = u.type();
      if (t == "Action" || (t.size() > 8 && t.compare(t.size() - 8, 8, "::Action") == 0)) {
        return Status::Ok();
      }
      return Bad(
          v, "expected an entity of type `Action` in the action scope, got `" + u.ToString() + "`");
    };
    if (s.entity) RETURN_IF_ERROR(check(*s.entity));
    for (const auto& u : s.entity_list) RETURN_IF_ERROR(check(u));
  }
  return s;
}

}  // namespace

Result<PolicyPtr> PolicyFromJsonValue(const JValue& v, std::string id) {
  if (!v.is_object()) return Bad(v, "a policy must be a JSON object");
  RETURN_IF_ERROR(
      OnlyFields(v, {"effect", "principal", "action", "resource", "conditions", "annotations"}));
  auto p = std::make_shared<Policy>();
  p->id = std::move(id);
  p->loc = v.loc();
  ASSIGN_OR_RETURN(std::string effect, StringMember(v, "effect"));
  if (effect != "permit" && effect != "forbid") {
    return Bad(*v.Find("effect"), "`effect` must be \"permit\" or \"forbid\"");
  }
  p->effect = effect == "permit" ? Effect::kPermit : Effect::kForbid;
  ASSIGN_OR_RETURN(const JValue* pj, Member(v, "principal"));
  ASSIGN_OR_RETURN(p->principal, ReadScope(*pj, false, SlotId::kPrincipal));
  ASSIGN_OR_RETURN(const JValue* aj, Member(v, "action"));
  ASSIGN_OR_RETURN(p->action, ReadScope(*aj, true, SlotId::kPrincipal));
  ASSIGN_OR_RETURN(const JValue* rj, Member(v, "resource"));
  ASSIGN_OR_RETURN(p->resource, ReadScope(*rj, false, SlotId::kResource));
  p->is_template = p->principal.slot.has_value() || p->resource.slot.has_value();
  if (const JValue* conds = v.Find("conditions")) {
    if (!conds->is_array()) return Bad(*conds, "`conditions` must be an array");
    for (const auto& c : conds->items()) {
      if (!c.is_object()) return Bad(c, "a condition must be an object with `kind`, `body`");
      RETURN_IF_ERROR(OnlyFields(c, {"kind", "body"}));
      ASSIGN_OR_RETURN(std::string kind, StringMember(c, "kind"));
      if (kind != "when" && kind != "unless") {
        return Bad(*c.Find("kind"), "`kind` must be \"when\" or \"unless\"");
      }
      ASSIGN_OR_RETURN(const JValue* body, Member(c, "body"));
      ExprReader reader;
      ASSIGN_OR_RETURN(ExprPtr e, reader.Read(*body, 0));
      p->conditions.push_back({kind == "when", std::move(e)});
    }
  }
  if (const JValue* annos = v.Find("annotations")) {
    if (!annos->is_object()) return Bad(*annos, "`annotations` must be an object");
    for (const auto& [k, val] : annos->members()) {
      if (!IsIdentifier(k)) return Bad(val, "invalid annotation key `" + k + "`");
      Annotation a;
      a.key = k;
      a.loc = val.loc();
      if (val.is_string()) {
        a.value = val.as_string();
      } else if (!val.is_null()) {
        return Bad(val, "an annotation value must be a string or null");
      }
      p->annotations.push_back(std::move(a));
    }
  }
  return PolicyPtr(std::move(p));
}

Result<PolicyPtr> PolicyFromJson(std::string_view text, std::string id) {
  ASSIGN_OR_RETURN(JValue doc, json::Parse(text));
  return PolicyFromJsonValue(doc, std::move(id));
}

}  // namespace metagate::cedar
