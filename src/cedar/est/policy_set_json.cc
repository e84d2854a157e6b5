// Policy sets <-> Cedar's policy-set JSON, pretty JSON output, and the `translate` helpers.
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "metagate/cedar/formatter.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/policy_json.h"

namespace metagate::cedar {
namespace {

using JValue = json::Value;

JValue UidValue(const EntityUid& uid) {
  return JValue::Object({{"type", JValue::String(uid.type())}, {"id", JValue::String(uid.id())}});
}

void AppendPretty(std::string& out, const JValue& v, int indent) {
  auto newline = [&](int n) {
    out += '\n';
    out.append(static_cast<size_t>(n), ' ');
  };
  if (v.is_array() && !v.items().empty()) {
    out += '[';
    bool first = true;
    for (const auto& item : v.items()) {
      if (!first) out += ',';
      first = false;
      newline(indent + 2);
      AppendPretty(out, item, indent + 2);
    }
    newline(indent);
    out += ']';
  } else if (v.is_object() && !v.members().empty()) {
    out += '{';
    bool first = true;
    for (const auto& [k, item] : v.members()) {
      if (!first) out += ',';
      first = false;
      newline(indent + 2);
      json::AppendQuoted(out, k);
      out += ": ";
      AppendPretty(out, item, indent + 2);
    }
    newline(indent);
    out += '}';
  } else {
    out += v.Dump();
  }
}

Result<EntityUid> LinkValue(const JValue& v) {
  if (!v.is_object())
    return Status::Invalid("expected an entity {\"type\": .., \"id\": ..}", v.loc());
  const JValue* inner = v.Find("__entity");
  const JValue& e = inner != nullptr ? *inner : v;
  const JValue* type = e.Find("type");
  const JValue* id = e.Find("id");
  if (type == nullptr || id == nullptr || !type->is_string() || !id->is_string()) {
    return Status::Invalid("expected an entity {\"type\": .., \"id\": ..}", v.loc());
  }
  return EntityUid(type->as_string(), id->as_string());
}

// Ids "policy0", "policy1", ... are the order of policy text; such policies go back in it.
void SortByTextOrder(std::vector<PolicyPtr>& policies) {
  auto number = [](const std::string& id) -> long {
    if (id.size() <= 6 || id.compare(0, 6, "policy") != 0 || id.size() > 15) return -1;
    long n = 0;
    for (size_t i = 6; i < id.size(); ++i) {
      if (id[i] < '0' || id[i] > '9') return -1;
      n = n * 10 + (id[i] - '0');
    }
    return n;
  };
  for (const auto& p : policies) {
    if (number(p->id) < 0) return;
  }
  std::stable_sort(policies.begin(), policies.end(), [&](const PolicyPtr& a, const PolicyPtr& b) {
    return number(a->id) < number(b->id);
  });
}

}  // namespace

std::string DumpJsonPretty(const JValue& value) {
  std::string out;
  AppendPretty(out, value, 0);
  return out;
}

JValue PolicySetToJsonValue(const PolicySet& policies) {
  std::vector<JValue::Member> statics, templates;
  std::vector<JValue> links;
  for (const auto& p : policies.policies()) {
    if (!p->template_id.empty()) {
      std::vector<JValue::Member> values;
      if (p->principal_slot_value)
        values.emplace_back("?principal", UidValue(*p->principal_slot_value));
      if (p->resource_slot_value)
        values.emplace_back("?resource", UidValue(*p->resource_slot_value));
      links.push_back(JValue::Object({{"templateId", JValue::String(p->template_id)},
                                      {"newId", JValue::String(p->id)},
                                      {"values", JValue::Object(std::move(values))}}));
    } else {
      statics.emplace_back(p->id, PolicyToJsonValue(*p));
    }
  }
  for (const auto& t : policies.templates()) templates.emplace_back(t->id, PolicyToJsonValue(*t));
  return JValue::Object({{"staticPolicies", JValue::Object(std::move(statics))},
                         {"templates", JValue::Object(std::move(templates))},
                         {"templateLinks", JValue::Array(std::move(links))}});
}

std::string PolicySetToJson(const PolicySet& policies) {
  return PolicySetToJsonValue(policies).Dump();
}

Result<PolicySet> PolicySetFromJsonValue(const JValue& v) {
  if (!v.is_object()) return Status::Invalid("a policy set must be a JSON object", v.loc());
  for (const auto& [k, item] : v.members()) {
    if (k != "staticPolicies" && k != "templates" && k != "templateLinks") {
      return Status::Invalid("unknown field `" + k + "` in a policy set", item.loc());
    }
  }
  PolicySet set;
  for (const char* field : {"templates", "staticPolicies"}) {
    const JValue* group = v.Find(field);
    if (group == nullptr) continue;
    if (!group->is_object()) {
      return Status::Invalid(std::string("`") + field + "` must be an object of policies by id",
                             group->loc());
    }
    const bool want_template = std::string(field) == "templates";
    for (const auto& [id, pj] : group->members()) {
      ASSIGN_OR_RETURN(PolicyPtr p, PolicyFromJsonValue(pj, id));
      if (p->is_template != want_template) {
        return Status::Invalid(want_template ? "template `" + id + "` has no slot"
                                             : "static policy `" + id + "` has a slot",
                               pj.loc());
      }
      Status st = set.Add(std::move(p));
      if (!st.ok()) return Status::Invalid(st.message(), pj.loc());
    }
  }
  if (const JValue* links = v.Find("templateLinks")) {
    if (!links->is_array())
      return Status::Invalid("`templateLinks` must be an array", links->loc());
    for (const auto& link : links->items()) {
      const JValue* tid = link.Find("templateId");
      const JValue* nid = link.Find("newId");
      const JValue* values = link.Find("values");
      if (tid == nullptr || nid == nullptr || !tid->is_string() || !nid->is_string() ||
          (values != nullptr && !values->is_object())) {
        return Status::Invalid(
            "a template link needs `templateId`, `newId` (strings) and `values` (an object)",
            link.loc());
      }
      std::optional<EntityUid> principal, resource;
      if (values != nullptr) {
        for (const auto& [slot, uid] : values->members()) {
          ASSIGN_OR_RETURN(EntityUid u, LinkValue(uid));
          if (slot == "?principal") {
            principal = std::move(u);
          } else if (slot == "?resource") {
            resource = std::move(u);
          } else {
            return Status::Invalid("unknown slot `" + slot + "`", uid.loc());
          }
        }
      }
      Status st = set.Link(tid->as_string(), nid->as_string(), principal, resource);
      if (!st.ok()) return Status::Invalid(st.message(), link.loc());
    }
  }
  return set;
}

Result<PolicySet> PolicySetFromJson(std::string_view text) {
  ASSIGN_OR_RETURN(JValue doc, json::Parse(text));
  return PolicySetFromJsonValue(doc);
}

Result<std::string> PolicyTextToJson(std::string_view text) {
  ASSIGN_OR_RETURN(PolicySet set, PolicySet::FromText(text));
  return DumpJsonPretty(PolicySetToJsonValue(set));
}

Result<std::string> PolicyJsonToText(std::string_view json_text) {
  ASSIGN_OR_RETURN(JValue doc, json::Parse(json_text));
  std::vector<PolicyPtr> policies;
  // Template links have no Cedar text form; they are listed as comments after the policies.
  std::string links;
  if (doc.is_object() && doc.Find("effect") != nullptr) {
    ASSIGN_OR_RETURN(PolicyPtr p, PolicyFromJsonValue(doc, "policy0"));
    policies.push_back(std::move(p));
  } else {
    ASSIGN_OR_RETURN(PolicySet set, PolicySetFromJsonValue(doc));
    for (const auto& p : set.policies()) {
      if (p->template_id.empty()) {
        policies.push_back(p);
        continue;
      }
      links += "// template link `" + p->id + "`: template `" + p->template_id + "`";
      if (p->principal_slot_value) links += ", ?principal = " + p->principal_slot_value->ToString();
      if (p->resource_slot_value) links += ", ?resource = " + p->resource_slot_value->ToString();
      links += '\n';
    }
    for (const auto& t : set.templates()) policies.push_back(t);
    SortByTextOrder(policies);
  }
  ASSIGN_OR_RETURN(std::string text, PoliciesToText(policies));
  return text + links;
}

}  // namespace metagate::cedar
