// Prints a schema in Cedar's JSON schema format from its declarations as written: namespaces,
// common types and names are kept; keys are sorted the way Cedar's own printer sorts them.
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "metagate/cedar/schema_json.h"
#include "metagate/common/json.h"
#include "schema/schema_ast.h"
#include "schema/schema_source.h"

namespace metagate::cedar {
namespace {

using json::Value;
using schema_internal::RawAction;
using schema_internal::RawEntity;
using schema_internal::RawNamespace;
using schema_internal::RawPath;
using schema_internal::RawType;

Value Str(std::string s) { return Value::String(std::move(s)); }

Value Annotations(const SchemaAnnotations& annotations) {
  std::vector<Value::Member> members;
  for (const auto& [key, value] : annotations) members.emplace_back(key, Str(value));
  return Value::Object(std::move(members));
}

Value PathList(const std::vector<RawPath>& paths) {
  std::vector<Value> items;
  for (const RawPath& p : paths) items.push_back(Str(p.Joined()));
  return Value::Array(std::move(items));
}

// `context_name`: a name as the context of an action is printed as a common type reference, as
// Cedar does.
Value TypeJson(const RawType& t, bool context_name = false) {
  std::vector<Value::Member> m;
  switch (t.kind) {
    case RawType::Kind::kName:
      if (context_name) {
        m.emplace_back("type", Str(t.name.Joined()));
      } else {
        m.emplace_back("type", Str("EntityOrCommon"));
        m.emplace_back("name", Str(t.name.Joined()));
      }
      break;
    case RawType::Kind::kEntity:
      m.emplace_back("type", Str("Entity"));
      m.emplace_back("name", Str(t.name.Joined()));
      break;
    case RawType::Kind::kCommon:
      m.emplace_back("type", Str(t.name.Joined()));
      break;
    case RawType::Kind::kBuiltin: {
      std::string name = t.name.Joined();
      if (name == "Bool" || name == "Long" || name == "String") {
        m.emplace_back("type", Str(name == "Bool" ? "Boolean" : name));
      } else {
        m.emplace_back("type", Str("Extension"));
        m.emplace_back("name", Str(name));
      }
      break;
    }
    case RawType::Kind::kSet:
      m.emplace_back("type", Str("Set"));
      m.emplace_back("element", TypeJson(*t.element));
      break;
    case RawType::Kind::kRecord: {
      m.emplace_back("type", Str("Record"));
      std::vector<Value::Member> attrs;
      for (const auto& [name, a] : schema_internal::LastAttributes(t)) {
        Value v = TypeJson(*a->type);
        if (!a->annotations.empty()) {
          v.mutable_members().emplace_back("annotations", Annotations(a->annotations));
        }
        if (!a->required) v.mutable_members().emplace_back("required", Value::Bool(false));
        attrs.emplace_back(name, std::move(v));
      }
      m.emplace_back("attributes", Value::Object(std::move(attrs)));
      break;
    }
  }
  return Value::Object(std::move(m));
}

Value EntityJson(const RawEntity& e) {
  std::vector<Value::Member> m;
  if (e.enum_ids) {
    std::vector<Value> ids;
    for (const std::string& id : *e.enum_ids) ids.push_back(Str(id));
    m.emplace_back("enum", Value::Array(std::move(ids)));
  } else {
    if (!e.parents.empty()) m.emplace_back("memberOfTypes", PathList(e.parents));
    bool empty_shape = e.shape && e.shape->kind == RawType::Kind::kRecord && e.shape->attrs.empty();
    if (e.shape && !empty_shape) m.emplace_back("shape", TypeJson(*e.shape));
    if (e.tags) m.emplace_back("tags", TypeJson(*e.tags));
  }
  if (!e.annotations.empty()) m.emplace_back("annotations", Annotations(e.annotations));
  return Value::Object(std::move(m));
}

Value ActionJson(const RawAction& a) {
  std::vector<Value::Member> m;
  std::vector<Value::Member> applies;
  if (schema_internal::AppliesToSomething(a)) {
    applies.emplace_back("resourceTypes", PathList(a.resources.value_or(std::vector<RawPath>{})));
    applies.emplace_back("principalTypes", PathList(a.principals.value_or(std::vector<RawPath>{})));
    // An empty record context is left out, as Cedar does.
    bool empty_context =
        a.context && a.context->kind == RawType::Kind::kRecord && a.context->attrs.empty();
    if (a.context && !empty_context) {
      applies.emplace_back("context", TypeJson(*a.context, /*context_name=*/true));
    }
  } else {
    applies.emplace_back("resourceTypes", Value::Array({}));
    applies.emplace_back("principalTypes", Value::Array({}));
  }
  m.emplace_back("appliesTo", Value::Object(std::move(applies)));
  if (!a.parents.empty()) {
    std::vector<Value> parents;
    for (const auto& ref : a.parents) {
      std::vector<Value::Member> r;
      r.emplace_back("id", Str(ref.id));
      if (ref.type) r.emplace_back("type", Str(ref.type->Joined()));
      parents.push_back(Value::Object(std::move(r)));
    }
    m.emplace_back("memberOf", Value::Array(std::move(parents)));
  }
  if (!a.annotations.empty()) m.emplace_back("annotations", Annotations(a.annotations));
  return Value::Object(std::move(m));
}

Value NamespaceJson(const RawNamespace& ns) {
  std::map<std::string, Value> common, entities, actions;
  for (const auto& t : ns.common_types) {
    Value v = TypeJson(*t.type);
    if (!t.annotations.empty()) {
      v.mutable_members().emplace_back("annotations", Annotations(t.annotations));
    }
    common[t.name.name] = std::move(v);
  }
  for (const RawEntity& e : ns.entities) {
    for (const auto& n : e.names) entities[n.name] = EntityJson(e);
  }
  for (const RawAction& a : ns.actions) {
    for (const auto& n : a.names) actions[n.name] = ActionJson(a);
  }
  auto object = [](std::map<std::string, Value>& from) {
    std::vector<Value::Member> members;
    for (auto& [k, v] : from) members.emplace_back(k, std::move(v));
    return Value::Object(std::move(members));
  };
  std::vector<Value::Member> m;
  if (!common.empty()) m.emplace_back("commonTypes", object(common));
  m.emplace_back("entityTypes", object(entities));
  m.emplace_back("actions", object(actions));
  if (!ns.annotations.empty()) m.emplace_back("annotations", Annotations(ns.annotations));
  return Value::Object(std::move(m));
}

void Indent(std::string& out, int depth) {
  out.push_back('\n');
  out.append(static_cast<size_t>(depth) * 2, ' ');
}

void Pretty(const Value& v, int depth, std::string& out) {
  if (v.is_object() && !v.members().empty()) {
    out.push_back('{');
    bool first = true;
    for (const auto& [key, value] : v.members()) {
      if (!first) out.push_back(',');
      first = false;
      Indent(out, depth + 1);
      json::AppendQuoted(out, key);
      out += ": ";
      Pretty(value, depth + 1, out);
    }
    Indent(out, depth);
    out.push_back('}');
  } else if (v.is_array() && !v.items().empty()) {
    out.push_back('[');
    bool first = true;
    for (const Value& item : v.items()) {
      if (!first) out.push_back(',');
      first = false;
      Indent(out, depth + 1);
      Pretty(item, depth + 1, out);
    }
    Indent(out, depth);
    out.push_back(']');
  } else {
    out += v.Dump();
  }
}

}  // namespace

std::string SchemaToJson(const Schema& schema) {
  std::shared_ptr<const schema_internal::RawSchema> raw = schema_internal::SourceOf(schema);
  std::map<std::string, const RawNamespace*> sorted;
  for (const RawNamespace& ns : raw->namespaces) {
    bool empty = ns.common_types.empty() && ns.entities.empty() && ns.actions.empty();
    if (ns.name.empty() && empty && ns.annotations.empty()) continue;
    sorted[ns.name] = &ns;
  }
  std::vector<json::Value::Member> members;
  for (const auto& [name, ns] : sorted) members.emplace_back(name, NamespaceJson(*ns));
  std::string out;
  Pretty(json::Value::Object(std::move(members)), 0, out);
  out.push_back('\n');
  return out;
}

}  // namespace metagate::cedar
