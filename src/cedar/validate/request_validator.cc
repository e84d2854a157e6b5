// ValidateRequest: a request against the schema's declaration of its action.
#include <algorithm>
#include <string>

#include "metagate/cedar/validator.h"

namespace metagate::cedar {

namespace {

bool Listed(const std::vector<std::string>& types, const std::string& type) {
  return std::find(types.begin(), types.end(), type) != types.end();
}

Status CheckEnumId(const Schema& schema, const EntityUid& uid, const char* role) {
  const EntityTypeDecl* decl = schema.FindEntityType(uid.type());
  if (decl == nullptr || !decl->enum_ids) return Status::Ok();
  if (std::find(decl->enum_ids->begin(), decl->enum_ids->end(), uid.id()) !=
      decl->enum_ids->end()) {
    return Status::Ok();
  }
  return Status::Invalid(std::string("the request's ") + role + " of enumerated type `" +
                         uid.type() + "` has an id the schema does not list");
}

}  // namespace

Status ValidateRequest(const Schema& schema, const Request& request) {
  const ActionDecl* action = schema.FindAction(request.action);
  if (action == nullptr) {
    // The id comes from request data, so only its type is named.
    return Status::Invalid("the request's action (of type `" + request.action.type() +
                           "`) is not declared in the schema");
  }
  if (!Listed(action->principal_types, request.principal.type())) {
    return Status::Invalid("principal type `" + request.principal.type() +
                           "` is not valid for action " + action->uid.ToString() +
                           "; check its `appliesTo` principal types");
  }
  if (!Listed(action->resource_types, request.resource.type())) {
    return Status::Invalid("resource type `" + request.resource.type() +
                           "` is not valid for action " + action->uid.ToString() +
                           "; check its `appliesTo` resource types");
  }
  RETURN_IF_ERROR(CheckEnumId(schema, request.principal, "principal"));
  RETURN_IF_ERROR(CheckEnumId(schema, request.resource, "resource"));
  return CheckValueType(schema, request.context, *action->context,
                        "the context for " + action->uid.ToString());
}

}  // namespace metagate::cedar
