// Policy -> Cedar JSON (EST). Member order and shapes follow Cedar 4.12's output.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "ast_names.h"
#include "est/ast_shapes.h"
#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/policy_json.h"
#include "metagate/common/utf8.h"

namespace metagate::cedar {
namespace {

using JV = json::Value;
using Members = std::vector<JV::Member>;

JV Obj(Members m) { return JV::Object(std::move(m)); }
JV Str(std::string s) { return JV::String(std::move(s)); }

JV UidJson(const EntityUid& uid) { return Obj({{"type", Str(uid.type())}, {"id", Str(uid.id())}}); }

JV ExprJson(const Expr& e);

JV Unary(const char* op, const Expr& arg) { return Obj({{op, Obj({{"arg", ExprJson(arg)}})}}); }

JV Binary(const char* op, const Expr& l, const Expr& r) {
  return Obj({{op, Obj({{"left", ExprJson(l)}, {"right", ExprJson(r)}})}});
}

JV LiteralJson(const cedar::Value& v) { return ValueToJson(v); }

std::string Utf8(uint32_t cp) {
  std::string out;
  utf8::Append(out, cp);
  return out;
}

JV ExprJson(const Expr& e) {
  switch (e.kind) {
    case ExprKind::kLiteral:
      return Obj({{"Value", LiteralJson(e.literal)}});
    case ExprKind::kVar:
      return Obj({{"Var", Str(internal::VarName(e.var))}});
    case ExprKind::kSlot:
      return Obj({{"Slot", Str(e.slot == SlotId::kPrincipal ? "?principal" : "?resource")}});
    case ExprKind::kIf:
      return Obj({{"if-then-else", Obj({{"if", ExprJson(*e.args[0])},
                                        {"then", ExprJson(*e.args[1])},
                                        {"else", ExprJson(*e.args[2])}})}});
    case ExprKind::kAnd:
      if (const Expr* in = internal::IsInRhs(e)) {
        const Expr& is = *e.args[0];
        return Obj({{"is", Obj({{"left", ExprJson(*is.args[0])},
                                {"entity_type", Str(is.name)},
                                {"in", ExprJson(*in)}})}});
      }
      return Binary("&&", *e.args[0], *e.args[1]);
    case ExprKind::kOr:
      return Binary("||", *e.args[0], *e.args[1]);
    case ExprKind::kNot:
      return Unary("!", *e.args[0]);
    case ExprKind::kNeg:
      return Unary("neg", *e.args[0]);
    case ExprKind::kBinary:
      return Binary(internal::BinaryOpName(e.op), *e.args[0], *e.args[1]);
    case ExprKind::kIsEmpty:
      return Unary("isEmpty", *e.args[0]);
    case ExprKind::kGetAttr:
      return Obj({{".", Obj({{"left", ExprJson(*e.args[0])}, {"attr", Str(e.name)}})}});
    case ExprKind::kHasAttr:
      return Obj({{"has", Obj({{"left", ExprJson(*e.args[0])}, {"attr", Str(e.name)}})}});
    case ExprKind::kLike: {
      std::vector<JV> elems;
      for (const PatternElem& p : e.pattern.elems) {
        elems.push_back(p.wildcard ? Str("Wildcard") : Obj({{"Literal", Str(Utf8(p.ch))}}));
      }
      return Obj({{"like", Obj({{"left", ExprJson(*e.args[0])},
                                {"pattern", JV::Array(std::move(elems))}})}});
    }
    case ExprKind::kIs:
      return Obj({{"is", Obj({{"left", ExprJson(*e.args[0])}, {"entity_type", Str(e.name)}})}});
    case ExprKind::kSet: {
      std::vector<JV> items;
      for (const auto& a : e.args) items.push_back(ExprJson(*a));
      return Obj({{"Set", JV::Array(std::move(items))}});
    }
    case ExprKind::kRecord: {
      std::vector<std::pair<std::string, const Expr*>> sorted;
      for (const auto& [k, v] : e.fields) sorted.emplace_back(k, v.get());
      std::sort(sorted.begin(), sorted.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      Members m;
      for (const auto& [k, v] : sorted) m.emplace_back(k, ExprJson(*v));
      return Obj({{"Record", Obj(std::move(m))}});
    }
    case ExprKind::kExtCall: {
      std::vector<JV> items;
      for (const auto& a : e.args) items.push_back(ExprJson(*a));
      return Obj({{e.name, JV::Array(std::move(items))}});
    }
  }
  return JV::Null();
}

JV ScopeJson(const ScopeConstraint& s) {
  auto target = [&](Members& m) {
    if (s.slot) {
      m.emplace_back("slot", Str(*s.slot == SlotId::kPrincipal ? "?principal" : "?resource"));
    } else if (s.entity) {
      m.emplace_back("entity", UidJson(*s.entity));
    }
  };
  Members m;
  switch (s.op) {
    case ScopeConstraint::Op::kAny:
      m.emplace_back("op", Str("All"));
      break;
    case ScopeConstraint::Op::kEq:
      m.emplace_back("op", Str("=="));
      target(m);
      break;
    case ScopeConstraint::Op::kIn:
      m.emplace_back("op", Str("in"));
      if (s.is_list && s.entity_list.size() == 1) {
        m.emplace_back("entity", UidJson(s.entity_list[0]));
      } else if (s.is_list) {
        std::vector<JV> items;
        for (const auto& u : s.entity_list) items.push_back(UidJson(u));
        m.emplace_back("entities", JV::Array(std::move(items)));
      } else {
        target(m);
      }
      break;
    case ScopeConstraint::Op::kIs:
      m.emplace_back("op", Str("is"));
      m.emplace_back("entity_type", Str(s.entity_type));
      break;
    case ScopeConstraint::Op::kIsIn: {
      m.emplace_back("op", Str("is"));
      m.emplace_back("entity_type", Str(s.entity_type));
      Members in;
      target(in);
      m.emplace_back("in", Obj(std::move(in)));
      break;
    }
  }
  return Obj(std::move(m));
}

}  // namespace

json::Value PolicyToJsonValue(const Policy& policy) {
  Members m;
  m.emplace_back("effect", Str(policy.effect == Effect::kPermit ? "permit" : "forbid"));
  m.emplace_back("principal", ScopeJson(policy.principal));
  m.emplace_back("action", ScopeJson(policy.action));
  m.emplace_back("resource", ScopeJson(policy.resource));
  std::vector<JV> conds;
  for (const Condition& c : policy.conditions) {
    conds.push_back(
        Obj({{"kind", Str(c.is_when ? "when" : "unless")}, {"body", ExprJson(*c.expr)}}));
  }
  m.emplace_back("conditions", JV::Array(std::move(conds)));
  if (!policy.annotations.empty()) {
    // Cedar keeps annotations in a sorted map; a repeated key keeps its last value.
    std::vector<const Annotation*> sorted;
    for (const auto& a : policy.annotations) sorted.push_back(&a);
    std::stable_sort(sorted.begin(), sorted.end(),
                     [](const Annotation* a, const Annotation* b) { return a->key < b->key; });
    Members annos;
    for (const Annotation* a : sorted) {
      JV v = a->value ? Str(*a->value) : JV::Null();
      if (!annos.empty() && annos.back().first == a->key) {
        annos.back().second = std::move(v);
      } else {
        annos.emplace_back(a->key, std::move(v));
      }
    }
    m.emplace_back("annotations", Obj(std::move(annos)));
  }
  return Obj(std::move(m));
}

std::string PolicyToJson(const Policy& policy) { return PolicyToJsonValue(policy).Dump(); }

}  // namespace metagate::cedar
