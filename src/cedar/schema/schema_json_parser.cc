// Reads Cedar's JSON schema format into the unresolved RawSchema, then resolves it with the same
// resolver as the text format. Unknown and duplicate keys are errors, as are values of the wrong
// JSON kind; every error names the line:column of the offending value.
#include <initializer_list>
#include <memory>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "metagate/cedar/schema_json.h"
#include "metagate/common/json.h"
#include "schema/schema_ast.h"

namespace metagate::cedar {
namespace {

using json::Kind;
using schema_internal::RawAction;
using schema_internal::RawActionRef;
using schema_internal::RawAttr;
using schema_internal::RawCommonType;
using schema_internal::RawEntity;
using schema_internal::RawName;
using schema_internal::RawNamespace;
using schema_internal::RawPath;
using schema_internal::RawSchema;
using schema_internal::RawType;
using schema_internal::RawTypePtr;

bool IsIdentChar(char c, bool first) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
         (!first && c >= '0' && c <= '9');
}

bool IsIdentifier(std::string_view s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (!IsIdentChar(s[i], i == 0)) return false;
  }
  return true;
}

bool IsReserved(std::string_view s) {
  return s == "true" || s == "false" || s == "if" || s == "then" || s == "else" || s == "in" ||
         s == "is" || s == "like" || s == "has";
}

bool IsReservedTypeName(std::string_view s) {
  return s == "Bool" || s == "Boolean" || s == "Entity" || s == "Extension" || s == "Long" ||
         s == "Record" || s == "Set" || s == "String";
}

Status Invalid(const std::string& message, const json::Value& at) {
  return Status::Invalid("schema JSON: " + message, at.loc());
}

Status ExpectKind(const json::Value& v, Kind kind, const std::string& what) {
  if (v.kind() == kind) return Status::Ok();
  return Invalid(what + " must be " +
                     (kind == Kind::kObject  ? "an object"
                      : kind == Kind::kArray ? "an array"
                                             : std::string("a ") + json::KindName(kind)) +
                     ", not " + json::KindName(v.kind()),
                 v);
}

// Checks that `obj` (an object) has no duplicate keys and only keys from `allowed`.
Status CheckKeys(const json::Value& obj, std::initializer_list<std::string_view> allowed,
                 const std::string& what) {
  std::set<std::string_view> seen;
  for (const auto& [key, value] : obj.members()) {
    bool known = false;
    for (std::string_view a : allowed) known = known || a == key;
    if (!known) return Invalid("unknown field `" + key + "` in " + what, value);
    if (!seen.insert(key).second) return Invalid("duplicate field `" + key + "` in " + what, value);
  }
  return Status::Ok();
}

// Checks that the members of a map-like object have distinct keys.
Status CheckUniqueKeys(const json::Value& obj, const std::string& what) {
  std::set<std::string_view> seen;
  for (const auto& [key, value] : obj.members()) {
    if (!seen.insert(key).second) return Invalid("duplicate " + what + " `" + key + "`", value);
  }
  return Status::Ok();
}

Result<std::string> ReadIdent(const std::string& s, const json::Value& at,
                              const std::string& what) {
  if (!IsIdentifier(s) || IsReserved(s)) return Invalid("invalid " + what + " `" + s + "`", at);
  return s;
}

// A `::`-separated name, each part an identifier.
Result<RawPath> ReadPath(const std::string& s, const json::Value& at, const std::string& what) {
  RawPath path;
  path.loc = at.loc();
  size_t pos = 0;
  while (true) {
    size_t end = s.find("::", pos);
    std::string part = s.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!IsIdentifier(part) || IsReserved(part)) {
      return Invalid("invalid " + what + " `" + s + "`", at);
    }
    path.parts.push_back(std::move(part));
    if (end == std::string::npos) break;
    pos = end + 2;
  }
  return path;
}

Result<RawPath> ReadPathValue(const json::Value& v, const std::string& what) {
  RETURN_IF_ERROR(ExpectKind(v, Kind::kString, what));
  return ReadPath(v.as_string(), v, what);
}

Result<SchemaAnnotations> ReadAnnotations(const json::Value& v) {
  RETURN_IF_ERROR(ExpectKind(v, Kind::kObject, "`annotations`"));
  RETURN_IF_ERROR(CheckUniqueKeys(v, "annotation"));
  SchemaAnnotations out;
  for (const auto& [key, value] : v.members()) {
    if (!IsIdentifier(key)) return Invalid("invalid annotation name `" + key + "`", value);
    if (value.is_null()) {
      out[key] = "";
      continue;
    }
    RETURN_IF_ERROR(ExpectKind(value, Kind::kString, "an annotation value"));
    out[key] = value.as_string();
  }
  return out;
}

// Where a type appears decides which extra keys its object may have.
struct TypeExtras {
  bool allow_required = false;
  bool allow_annotations = false;
  bool required = true;
  SchemaAnnotations annotations;
};

class Reader {
 public:
  Result<RawSchema> Read(const json::Value& root) {
    RETURN_IF_ERROR(ExpectKind(root, Kind::kObject, "a schema"));
    RETURN_IF_ERROR(CheckUniqueKeys(root, "namespace"));
    RawSchema schema;
    schema.namespaces.emplace_back();
    for (const auto& [name, value] : root.members()) {
      if (name.empty()) {
        schema.namespaces[0].loc = value.loc();
        RETURN_IF_ERROR(ReadNamespace(value, schema.namespaces[0]));
        continue;
      }
      RawNamespace ns;
      ASSIGN_OR_RETURN(RawPath path, ReadPath(name, value, "namespace name"));
      ns.name = path.Joined();
      ns.loc = value.loc();
      RETURN_IF_ERROR(ReadNamespace(value, ns));
      schema.namespaces.push_back(std::move(ns));
    }
    return schema;
  }

 private:
  Status ReadNamespace(const json::Value& v, RawNamespace& ns) {
    RETURN_IF_ERROR(ExpectKind(v, Kind::kObject, "a namespace"));
    RETURN_IF_ERROR(
        CheckKeys(v, {"commonTypes", "entityTypes", "actions", "annotations"}, "a namespace"));
    const json::Value* entities = v.Find("entityTypes");
    const json::Value* actions = v.Find("actions");
    if (entities == nullptr) return Invalid("a namespace needs `entityTypes`", v);
    if (actions == nullptr) return Invalid("a namespace needs `actions`", v);
    if (const json::Value* a = v.Find("annotations")) {
      if (ns.name.empty()) return Invalid("the empty namespace cannot have annotations", *a);
      ASSIGN_OR_RETURN(ns.annotations, ReadAnnotations(*a));
    }
    if (const json::Value* common = v.Find("commonTypes")) {
      RETURN_IF_ERROR(ExpectKind(*common, Kind::kObject, "`commonTypes`"));
      RETURN_IF_ERROR(CheckUniqueKeys(*common, "common type"));
      for (const auto& [name, value] : common->members()) {
        RETURN_IF_ERROR(ReadCommonType(name, value, ns));
      }
    }
    RETURN_IF_ERROR(ExpectKind(*entities, Kind::kObject, "`entityTypes`"));
    RETURN_IF_ERROR(CheckUniqueKeys(*entities, "entity type"));
    for (const auto& [name, value] : entities->members()) {
      RETURN_IF_ERROR(ReadEntity(name, value, ns));
    }
    RETURN_IF_ERROR(ExpectKind(*actions, Kind::kObject, "`actions`"));
    RETURN_IF_ERROR(CheckUniqueKeys(*actions, "action"));
    for (const auto& [name, value] : actions->members()) {
      RETURN_IF_ERROR(ReadAction(name, value, ns));
    }
    return Status::Ok();
  }

  Status ReadCommonType(const std::string& name, const json::Value& v, RawNamespace& ns) {
    RawCommonType t;
    t.loc = v.loc();
    ASSIGN_OR_RETURN(t.name.name, ReadIdent(name, v, "common type name"));
    t.name.loc = v.loc();
    if (IsReservedTypeName(name)) {
      return Invalid("`" + name + "` is reserved and cannot name a common type", v);
    }
    TypeExtras extras;
    extras.allow_annotations = true;
    ASSIGN_OR_RETURN(t.type, ReadType(v, &extras));
    t.annotations = std::move(extras.annotations);
    ns.common_types.push_back(std::move(t));
    return Status::Ok();
  }

  Status ReadEntity(const std::string& name, const json::Value& v, RawNamespace& ns) {
    RETURN_IF_ERROR(ExpectKind(v, Kind::kObject, "an entity type declaration"));
    RETURN_IF_ERROR(CheckKeys(v, {"memberOfTypes", "shape", "tags", "enum", "annotations"},
                              "an entity type declaration"));
    RawEntity e;
    e.loc = v.loc();
    RawName n;
    ASSIGN_OR_RETURN(n.name, ReadIdent(name, v, "entity type name"));
    n.loc = v.loc();
    e.names.push_back(std::move(n));
    if (const json::Value* a = v.Find("annotations")) {
      ASSIGN_OR_RETURN(e.annotations, ReadAnnotations(*a));
    }
    if (const json::Value* en = v.Find("enum")) {
      for (const auto& [key, value] : v.members()) {
        if (key != "enum" && key != "annotations") {
          return Invalid("`" + key + "` is not allowed beside `enum`", value);
        }
      }
      RETURN_IF_ERROR(ExpectKind(*en, Kind::kArray, "`enum`"));
      if (en->items().empty()) return Invalid("`enum` must not be empty", *en);
      std::vector<std::string> ids;
      for (const json::Value& id : en->items()) {
        RETURN_IF_ERROR(ExpectKind(id, Kind::kString, "an enum value"));
        ids.push_back(id.as_string());
      }
      e.enum_ids = std::move(ids);
    }
    if (const json::Value* m = v.Find("memberOfTypes")) {
      RETURN_IF_ERROR(ExpectKind(*m, Kind::kArray, "`memberOfTypes`"));
      for (const json::Value& p : m->items()) {
        ASSIGN_OR_RETURN(RawPath path, ReadPathValue(p, "an entity type name"));
        e.parents.push_back(std::move(path));
      }
    }
    if (const json::Value* s = v.Find("shape")) {
      ASSIGN_OR_RETURN(e.shape, ReadType(*s, nullptr));
    }
    if (const json::Value* t = v.Find("tags")) {
      ASSIGN_OR_RETURN(e.tags, ReadType(*t, nullptr));
    }
    ns.entities.push_back(std::move(e));
    return Status::Ok();
  }

  Status ReadAction(const std::string& name, const json::Value& v, RawNamespace& ns) {
    RETURN_IF_ERROR(ExpectKind(v, Kind::kObject, "an action declaration"));
    RETURN_IF_ERROR(CheckKeys(v, {"appliesTo", "memberOf", "annotations", "attributes"},
                              "an action declaration"));
    RawAction a;
    a.loc = v.loc();
    a.names.push_back(RawName{name, v.loc()});
    if (const json::Value* at = v.Find("attributes")) {
      return Invalid("action attributes are not supported", *at);
    }
    if (const json::Value* an = v.Find("annotations")) {
      ASSIGN_OR_RETURN(a.annotations, ReadAnnotations(*an));
    }
    const json::Value* m = v.Find("memberOf");
    if (m != nullptr && !m->is_null()) {
      RETURN_IF_ERROR(ExpectKind(*m, Kind::kArray, "`memberOf`"));
      for (const json::Value& p : m->items()) {
        ASSIGN_OR_RETURN(RawActionRef ref, ReadActionRef(p));
        a.parents.push_back(std::move(ref));
      }
    }
    const json::Value* at = v.Find("appliesTo");
    if (at != nullptr && !at->is_null()) RETURN_IF_ERROR(ReadAppliesTo(*at, a));
    ns.actions.push_back(std::move(a));
    return Status::Ok();
  }

  Result<RawActionRef> ReadActionRef(const json::Value& v) {
    RETURN_IF_ERROR(ExpectKind(v, Kind::kObject, "an action reference"));
    RETURN_IF_ERROR(CheckKeys(v, {"id", "type"}, "an action reference"));
    RawActionRef ref;
    ref.loc = v.loc();
    const json::Value* id = v.Find("id");
    if (id == nullptr) return Invalid("an action reference needs `id`", v);
    RETURN_IF_ERROR(ExpectKind(*id, Kind::kString, "`id`"));
    ref.id = id->as_string();
    // `"type": null` is the same as no type.
    if (const json::Value* t = v.Find("type"); t != nullptr && !t->is_null()) {
      ASSIGN_OR_RETURN(ref.type, ReadPathValue(*t, "an action type"));
    }
    return ref;
  }

  Status ReadAppliesTo(const json::Value& v, RawAction& a) {
    RETURN_IF_ERROR(ExpectKind(v, Kind::kObject, "`appliesTo`"));
    RETURN_IF_ERROR(CheckKeys(v, {"principalTypes", "resourceTypes", "context"}, "`appliesTo`"));
    const json::Value* p = v.Find("principalTypes");
    const json::Value* r = v.Find("resourceTypes");
    if (p == nullptr) return Invalid("`appliesTo` needs `principalTypes`", v);
    if (r == nullptr) return Invalid("`appliesTo` needs `resourceTypes`", v);
    ASSIGN_OR_RETURN(std::vector<RawPath> principals, ReadPathList(*p, "`principalTypes`"));
    ASSIGN_OR_RETURN(std::vector<RawPath> resources, ReadPathList(*r, "`resourceTypes`"));
    RawTypePtr context;
    if (const json::Value* c = v.Find("context")) {
      ASSIGN_OR_RETURN(context, ReadType(*c, nullptr));
    }
    // With no principal or no resource type the action applies to nothing (the resolver
    // still checks the names and the context).
    a.has_applies_to = true;
    a.empty_lists_allowed = true;
    a.principal_loc = p->loc();
    a.resource_loc = r->loc();
    a.principals = std::move(principals);
    a.resources = std::move(resources);
    a.context = std::move(context);
    return Status::Ok();
  }

  Result<std::vector<RawPath>> ReadPathList(const json::Value& v, const std::string& what) {
    RETURN_IF_ERROR(ExpectKind(v, Kind::kArray, what));
    std::vector<RawPath> out;
    for (const json::Value& item : v.items()) {
      ASSIGN_OR_RETURN(RawPath path, ReadPathValue(item, "an entity type name"));
      out.push_back(std::move(path));
    }
    return out;
  }

  // Reads a type object. `extras` says whether `required` and `annotations` may appear, and
  // receives them; nullptr allows neither.
  Result<RawTypePtr> ReadType(const json::Value& v, TypeExtras* extras) {
    RETURN_IF_ERROR(ExpectKind(v, Kind::kObject, "a type"));
    const json::Value* type = v.Find("type");
    if (type == nullptr) return Invalid("a type needs `type`", v);
    RETURN_IF_ERROR(ExpectKind(*type, Kind::kString, "`type`"));
    const std::string& kw = type->as_string();
    auto t = std::make_shared<RawType>();
    t->loc = v.loc();
    std::vector<std::string_view> allowed = {"type"};
    if (kw == "Set") {
      allowed.push_back("element");
    } else if (kw == "Record") {
      allowed.push_back("attributes");
      allowed.push_back("additionalAttributes");
    } else if (kw == "Entity" || kw == "EntityOrCommon" || kw == "Extension") {
      allowed.push_back("name");
    }
    if (extras != nullptr && extras->allow_required) allowed.push_back("required");
    if (extras != nullptr && extras->allow_annotations) allowed.push_back("annotations");
    std::set<std::string_view> seen;
    for (const auto& [key, value] : v.members()) {
      bool known = false;
      for (std::string_view a : allowed) known = known || a == key;
      if (!known) return Invalid("unknown field `" + key + "` in a type", value);
      if (!seen.insert(key).second)
        return Invalid("duplicate field `" + key + "` in a type", value);
    }
    if (extras != nullptr) {
      if (const json::Value* req = v.Find("required")) {
        RETURN_IF_ERROR(ExpectKind(*req, Kind::kBool, "`required`"));
        extras->required = req->as_bool();
      }
      if (const json::Value* an = v.Find("annotations")) {
        ASSIGN_OR_RETURN(extras->annotations, ReadAnnotations(*an));
      }
    }
    if (kw == "Set") {
      const json::Value* element = v.Find("element");
      if (element == nullptr) return Invalid("a `Set` type needs `element`", v);
      t->kind = RawType::Kind::kSet;
      ASSIGN_OR_RETURN(t->element, ReadType(*element, nullptr));
    } else if (kw == "Record") {
      RETURN_IF_ERROR(ReadRecord(v, *t));
    } else if (kw == "Entity" || kw == "EntityOrCommon") {
      const json::Value* name = v.Find("name");
      if (name == nullptr) return Invalid("an `" + kw + "` type needs `name`", v);
      t->kind = kw == "Entity" ? RawType::Kind::kEntity : RawType::Kind::kName;
      ASSIGN_OR_RETURN(t->name, ReadPathValue(*name, "a type name"));
    } else if (kw == "Extension") {
      const json::Value* name = v.Find("name");
      if (name == nullptr) return Invalid("an `Extension` type needs `name`", v);
      RETURN_IF_ERROR(ExpectKind(*name, Kind::kString, "`name`"));
      t->kind = RawType::Kind::kBuiltin;
      ASSIGN_OR_RETURN(std::string ext, ReadIdent(name->as_string(), *name, "extension type"));
      t->name.parts = {std::move(ext)};
      t->name.loc = name->loc();
    } else if (kw == "Long" || kw == "String" || kw == "Boolean") {
      t->kind = RawType::Kind::kBuiltin;
      t->name.parts = {kw == "Boolean" ? "Bool" : kw};
      t->name.loc = type->loc();
    } else {
      t->kind = RawType::Kind::kCommon;
      ASSIGN_OR_RETURN(t->name, ReadPath(kw, *type, "type name"));
    }
    return RawTypePtr(std::move(t));
  }

  Status ReadRecord(const json::Value& v, RawType& t) {
    t.kind = RawType::Kind::kRecord;
    if (const json::Value* more = v.Find("additionalAttributes")) {
      RETURN_IF_ERROR(ExpectKind(*more, Kind::kBool, "`additionalAttributes`"));
      if (more->as_bool()) return Invalid("`additionalAttributes` is not supported", *more);
    }
    const json::Value* attrs = v.Find("attributes");
    if (attrs == nullptr) return Invalid("a `Record` type needs `attributes`", v);
    RETURN_IF_ERROR(ExpectKind(*attrs, Kind::kObject, "`attributes`"));
    RETURN_IF_ERROR(CheckUniqueKeys(*attrs, "attribute"));
    for (const auto& [name, value] : attrs->members()) {
      RawAttr attr;
      attr.name = name;
      attr.loc = value.loc();
      TypeExtras extras;
      extras.allow_required = true;
      extras.allow_annotations = true;
      ASSIGN_OR_RETURN(attr.type, ReadType(value, &extras));
      attr.required = extras.required;
      attr.annotations = std::move(extras.annotations);
      t.attrs.push_back(std::move(attr));
    }
    return Status::Ok();
  }
};

}  // namespace

Result<Schema> ParseSchemaJson(std::string_view text) {
  ASSIGN_OR_RETURN(json::Value root, json::Parse(text));
  ASSIGN_OR_RETURN(RawSchema raw, Reader().Read(root));
  auto source = std::make_shared<const RawSchema>(std::move(raw));
  ASSIGN_OR_RETURN(Schema schema, schema_internal::ResolveSchema(*source));
  schema.SetSource(std::move(source));
  return schema;
}

}  // namespace metagate::cedar
