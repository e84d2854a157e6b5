// AuthZEN to Cedar: uids, properties over stored attributes, the context, the schema's verdict.
#include "request_mapping.h"

#include <map>

#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/validator.h"

namespace metagate::pdp {

namespace {

using cedar::Value;

// Reads the members of a JSON object as Cedar values: typed by `record` when given (undeclared
// members ignored), else untyped (members that are not Cedar values ignored). The first of
// duplicate members wins.
Result<std::map<std::string, Value>> ReadMembers(const json::Value& object,
                                                 const cedar::SchemaType* record,
                                                 const std::string& what) {
  std::map<std::string, Value> out;
  for (const auto& [key, v] : object.members()) {
    if (v.is_null() || out.count(key) > 0) continue;
    if (record != nullptr) {
      const cedar::SchemaAttribute* attr = record->FindAttribute(key);
      if (attr == nullptr) continue;
      Result<Value> value = cedar::ValueFromJson(v, attr->type.get());
      if (!value.ok()) {
        return Status::Invalid(what + "." + key + " does not have the schema's type " +
                               attr->type->ToString() + ": " + value.status().message());
      }
      out.emplace(key, std::move(*value));
    } else {
      Result<Value> value = cedar::ValueFromJson(v, nullptr);
      if (value.ok()) out.emplace(key, std::move(*value));
    }
  }
  return out;
}

// The stored entity (or a new one) with `properties` laid over its attributes.
Result<std::optional<cedar::Entity>> WithProperties(const cedar::EntityUid& uid,
                                                    const std::optional<json::Value>& properties,
                                                    const cedar::SchemaType* attrs_type,
                                                    const cedar::EntityLookup& store,
                                                    const std::string& what) {
  if (!properties || properties->members().empty()) return std::optional<cedar::Entity>();
  ASSIGN_OR_RETURN(auto props, ReadMembers(*properties, attrs_type, what));
  cedar::Entity e;
  if (const cedar::Entity* stored = store.Find(uid)) {
    e.uid = stored->uid;
    e.tags = stored->tags;
    e.parents = stored->parents;
    for (const auto& [k, v] : stored->attrs.record_fields()) props.emplace(k, v);
  } else {
    e.uid = uid;
  }
  std::vector<std::pair<std::string, Value>> fields(props.begin(), props.end());
  e.attrs = Value::Record(std::move(fields));
  return std::optional<cedar::Entity>(std::move(e));
}

}  // namespace

std::string Namespaced(const std::string& ns, const std::string& name) {
  return ns.empty() ? name : ns + "::" + name;
}

Result<std::string> MapType(const std::string& type, const std::string& ns, const char* what) {
  std::string full = Namespaced(ns, type);
  Result<std::string> name = cedar::ParseName(full);
  if (!name.ok() || *name != full) {
    return Status::Invalid(std::string(what) +
                           " is not a valid Cedar type name (letters, digits and _, "
                           "namespaces joined by ::)");
  }
  return full;
}

Result<MappedRequest> MapRequest(const AzRequest& r, const std::string& ns,
                                 const cedar::Schema* schema, const cedar::EntityLookup& store) {
  MappedRequest m;
  ASSIGN_OR_RETURN(std::string principal_type, MapType(r.subject->type, ns, "subject.type"));
  ASSIGN_OR_RETURN(std::string resource_type, MapType(r.resource->type, ns, "resource.type"));
  const cedar::EntityTypeDecl* principal_decl = nullptr;
  const cedar::EntityTypeDecl* resource_decl = nullptr;
  if (schema != nullptr) {
    principal_decl = schema->FindEntityType(principal_type);
    if (principal_decl == nullptr) {
      return Status::Invalid("subject.type '" + r.subject->type +
                             "' is not an entity type of the PDP's schema");
    }
    resource_decl = schema->FindEntityType(resource_type);
    if (resource_decl == nullptr) {
      return Status::Invalid("resource.type '" + r.resource->type +
                             "' is not an entity type of the PDP's schema");
    }
  }
  m.request.principal = cedar::EntityUid(principal_type, *r.subject->id);
  m.request.resource = cedar::EntityUid(resource_type, *r.resource->id);
  m.request.action = cedar::EntityUid(Namespaced(ns, "Action"), r.action->name);

  ASSIGN_OR_RETURN(std::optional<cedar::Entity> principal,
                   WithProperties(m.request.principal, r.subject->properties,
                                  principal_decl ? principal_decl->attributes.get() : nullptr,
                                  store, "subject.properties"));
  ASSIGN_OR_RETURN(std::optional<cedar::Entity> resource,
                   WithProperties(m.request.resource, r.resource->properties,
                                  resource_decl ? resource_decl->attributes.get() : nullptr, store,
                                  "resource.properties"));
  // A schema declares no action attributes: action properties are always read untyped.
  ASSIGN_OR_RETURN(
      std::optional<cedar::Entity> action,
      WithProperties(m.request.action, r.action->properties, nullptr, store, "action.properties"));
  for (auto* e : {&principal, &resource, &action}) {
    if (*e) m.overlay.push_back(std::move(**e));
  }

  const cedar::SchemaType* context_type = nullptr;
  if (schema != nullptr) {
    context_type = schema->ActionContextType(m.request.action);
    // An undeclared action reads its context untyped; the schema check below denies it.
  }
  if (r.context) {
    ASSIGN_OR_RETURN(auto members, ReadMembers(*r.context, context_type, "context"));
    std::vector<std::pair<std::string, Value>> fields(members.begin(), members.end());
    m.request.context = Value::Record(std::move(fields));
  }
  if (schema != nullptr) {
    Status fits = cedar::ValidateRequest(*schema, m.request);
    if (!fits.ok()) m.schema_note = "the request does not fit the schema: " + fits.message();
  }
  return m;
}

}  // namespace metagate::pdp
