// Cedar JSON (EST) policies and templates -> Policy: effect, scope, conditions, annotations.
#include <memory>
#include <string>
#include <utility>

#include "est/expr_reader.h"
#include "est/json_read_util.h"
#include "metagate/cedar/policy_json.h"

namespace metagate::cedar {
namespace {

using namespace internal;  // NOLINT: the JSON reading helpers

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
  if (op == "All" || op == "all") {
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
  {
    ASSIGN_OR_RETURN(const JValue* conds, Member(v, "conditions"));
    if (!conds->is_array()) return Bad(*conds, "`conditions` must be an array");
    for (const auto& c : conds->items()) {
      if (!c.is_object()) return Bad(c, "a condition must be an object with `kind`, `body`");
      RETURN_IF_ERROR(OnlyFields(c, {"kind", "body"}));
      ASSIGN_OR_RETURN(std::string kind, StringMember(c, "kind"));
      if (kind != "when" && kind != "unless") {
        return Bad(*c.Find("kind"), "`kind` must be \"when\" or \"unless\"");
      }
      ASSIGN_OR_RETURN(const JValue* body, Member(c, "body"));
      ASSIGN_OR_RETURN(ExprPtr e, internal::ExprFromJson(*body));
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
