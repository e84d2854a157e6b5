// Decoders for AuthZEN request bodies (see metagate/pdp/authzen.h). Every error names the field
// at fault by its path and never quotes a value from the body.
#include <string>
#include <utility>

#include "metagate/pdp/authzen.h"

namespace metagate::pdp {
namespace {

std::string Path(std::string_view prefix, std::string_view key) {
  std::string out(prefix);
  if (!out.empty()) out += '.';
  out += key;
  return out;
}

// Returns the member `key` of `obj`, or nullptr when it is absent or null. Two members of the same
// name are an error: readers that take the first and readers that take the last would disagree
// about what was asked.
Result<const json::Value*> Member(const json::Value& obj, std::string_view key,
                                  std::string_view prefix) {
  const json::Value* found = nullptr;
  for (const auto& [name, value] : obj.members()) {
    if (name != key) continue;
    if (found != nullptr) {
      return Status::Invalid(Path(prefix, key) + " appears more than once", value.loc());
    }
    found = &value;
  }
  if (found != nullptr && found->is_null()) return static_cast<const json::Value*>(nullptr);
  return found;
}

// Reads an optional string member that must not be empty when present.
Result<std::optional<std::string>> ReadString(const json::Value& obj, std::string_view key,
                                              std::string_view prefix) {
  ASSIGN_OR_RETURN(const json::Value* v, Member(obj, key, prefix));
  if (v == nullptr) return std::optional<std::string>();
  if (!v->is_string()) {
    return Status::Invalid(
        Path(prefix, key) + " must be a string, not " + json::KindName(v->kind()), v->loc());
  }
  if (v->as_string().empty()) {
    return Status::Invalid(Path(prefix, key) + " must not be empty", v->loc());
  }
  return std::optional<std::string>(v->as_string());
}

// Reads an optional member that must be a JSON object when present.
Result<std::optional<json::Value>> ReadObject(const json::Value& obj, std::string_view key,
                                              std::string_view prefix) {
  ASSIGN_OR_RETURN(const json::Value* v, Member(obj, key, prefix));
  if (v == nullptr) return std::optional<json::Value>();
  if (!v->is_object()) {
    return Status::Invalid(
        Path(prefix, key) + " must be an object, not " + json::KindName(v->kind()), v->loc());
  }
  return std::optional<json::Value>(*v);
}

Result<std::optional<AzEntity>> ReadEntity(const json::Value& obj, std::string_view key,
                                           std::string_view prefix) {
  ASSIGN_OR_RETURN(std::optional<json::Value> v, ReadObject(obj, key, prefix));
  if (!v) return std::optional<AzEntity>();
  const std::string path = Path(prefix, key);
  AzEntity e;
  ASSIGN_OR_RETURN(std::optional<std::string> type, ReadString(*v, "type", path));
  ASSIGN_OR_RETURN(e.id, ReadString(*v, "id", path));
  ASSIGN_OR_RETURN(e.properties, ReadObject(*v, "properties", path));
  e.type = type.value_or("");
  return std::optional<AzEntity>(std::move(e));
}

Result<std::optional<AzAction>> ReadAction(const json::Value& obj, std::string_view prefix) {
  ASSIGN_OR_RETURN(std::optional<json::Value> v, ReadObject(obj, "action", prefix));
  if (!v) return std::optional<AzAction>();
  const std::string path = Path(prefix, "action");
  AzAction a;
  ASSIGN_OR_RETURN(std::optional<std::string> name, ReadString(*v, "name", path));
  ASSIGN_OR_RETURN(a.properties, ReadObject(*v, "properties", path));
  a.name = name.value_or("");
  return std::optional<AzAction>(std::move(a));
}

// Reads the 4-tuple members of `obj`, checking only their types. `prefix` is the path of `obj`
// in the body ("" for the top level).
Result<AzRequest> ReadTuple(const json::Value& obj, std::string_view prefix) {
  AzRequest r;
  ASSIGN_OR_RETURN(r.subject, ReadEntity(obj, "subject", prefix));
  ASSIGN_OR_RETURN(r.action, ReadAction(obj, prefix));
  ASSIGN_OR_RETURN(r.resource, ReadEntity(obj, "resource", prefix));
  ASSIGN_OR_RETURN(r.context, ReadObject(obj, "context", prefix));
  return r;
}

Result<json::Value> ParseBody(std::string_view body) {
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::Invalid("the request body is empty; expected a JSON object");
  }
  auto doc = json::Parse(body, kMaxJsonDepth);
  if (!doc.ok()) {
    return Status::Invalid("the request body is not valid JSON: " + doc.status().message(),
                           doc.status().loc());
  }
  if (!doc->is_object()) {
    return Status::Invalid(
        std::string("the request body must be a JSON object, not ") + json::KindName(doc->kind()),
        doc->loc());
  }
  return std::move(doc).value();
}

Status RequireEntity(const std::optional<AzEntity>& e, const char* name, bool need_id) {
  const std::string n(name);
  if (!e) return Status::Invalid(n + " is required");
  if (e->type.empty()) return Status::Invalid(n + ".type is required");
  if (need_id && !e->id) return Status::Invalid(n + ".id is required");
  return Status::Ok();
}

Status RequireAction(const std::optional<AzAction>& a) {
  if (!a) return Status::Invalid("action is required");
  if (a->name.empty()) return Status::Invalid("action.name is required");
  return Status::Ok();
}

Result<EvaluationsSemantic> ReadSemantic(const json::Value& doc) {
  ASSIGN_OR_RETURN(std::optional<json::Value> options, ReadObject(doc, "options", ""));
  if (!options) return EvaluationsSemantic::kExecuteAll;
  ASSIGN_OR_RETURN(const json::Value* v, Member(*options, "evaluations_semantic", "options"));
  if (v == nullptr) return EvaluationsSemantic::kExecuteAll;
  if (v->is_string()) {
    const std::string& s = v->as_string();
    if (s == "execute_all") return EvaluationsSemantic::kExecuteAll;
    if (s == "deny_on_first_deny") return EvaluationsSemantic::kDenyOnFirstDeny;
    if (s == "permit_on_first_permit") return EvaluationsSemantic::kPermitOnFirstPermit;
  }
  return Status::Invalid(
      "options.evaluations_semantic must be one of execute_all, deny_on_first_deny, "
      "permit_on_first_permit",
      v->loc());
}

Status ReadPage(const json::Value& doc, AzSearchRequest& out) {
  ASSIGN_OR_RETURN(std::optional<json::Value> page, ReadObject(doc, "page", ""));
  if (!page) return Status::Ok();
  ASSIGN_OR_RETURN(const json::Value* limit, Member(*page, "limit", "page"));
  if (limit != nullptr) {
    if (!limit->is_int() || limit->as_int() <= 0) {
      return Status::Invalid("page.limit must be a positive integer", limit->loc());
    }
    out.page_limit = limit->as_int();
  }
  for (const char* key : {"token", "next_token"}) {
    ASSIGN_OR_RETURN(const json::Value* token, Member(*page, key, "page"));
    if (token == nullptr) continue;
    if (!token->is_string()) {
      return Status::Invalid(Path("page", key) + " must be a string", token->loc());
    }
    out.page_token = token->as_string();
    break;
  }
  return Status::Ok();
}

}  // namespace

Result<AzRequest> DecodeEvaluation(std::string_view body) {
  ASSIGN_OR_RETURN(json::Value doc, ParseBody(body));
  ASSIGN_OR_RETURN(AzRequest r, ReadTuple(doc, ""));
  RETURN_IF_ERROR(CheckComplete(r));
  return r;
}

Result<AzEvaluationsRequest> DecodeEvaluations(std::string_view body) {
  ASSIGN_OR_RETURN(json::Value doc, ParseBody(body));
  AzEvaluationsRequest out;
  ASSIGN_OR_RETURN(out.defaults, ReadTuple(doc, ""));
  ASSIGN_OR_RETURN(out.semantic, ReadSemantic(doc));
  ASSIGN_OR_RETURN(const json::Value* items, Member(doc, "evaluations", ""));
  if (items == nullptr) return out;
  if (!items->is_array()) {
    return Status::Invalid(
        std::string("evaluations must be an array, not ") + json::KindName(items->kind()),
        items->loc());
  }
  if (items->items().size() > kMaxEvaluations) {
    return Status::Invalid(
        "evaluations has more than " + std::to_string(kMaxEvaluations) + " items; split the batch",
        items->loc());
  }
  std::vector<AzRequest> list;
  list.reserve(items->items().size());
  for (size_t i = 0; i < items->items().size(); ++i) {
    const json::Value& item = items->items()[i];
    const std::string prefix = "evaluations[" + std::to_string(i) + "]";
    if (!item.is_object()) {
      return Status::Invalid(prefix + " must be an object, not " + json::KindName(item.kind()),
                             item.loc());
    }
    ASSIGN_OR_RETURN(AzRequest r, ReadTuple(item, prefix));
    list.push_back(std::move(r));
  }
  out.evaluations = std::move(list);
  return out;
}

AzRequest Merge(const AzRequest& defaults, const AzRequest& item) {
  AzRequest r;
  r.subject = item.subject ? item.subject : defaults.subject;
  r.action = item.action ? item.action : defaults.action;
  r.resource = item.resource ? item.resource : defaults.resource;
  r.context = item.context ? item.context : defaults.context;
  return r;
}

Status CheckComplete(const AzRequest& r) {
  RETURN_IF_ERROR(RequireEntity(r.subject, "subject", /*need_id=*/true));
  RETURN_IF_ERROR(RequireAction(r.action));
  return RequireEntity(r.resource, "resource", /*need_id=*/true);
}

Result<AzSearchRequest> DecodeSearch(std::string_view body, SearchKind kind) {
  ASSIGN_OR_RETURN(json::Value doc, ParseBody(body));
  AzSearchRequest out;
  ASSIGN_OR_RETURN(out.query, ReadTuple(doc, ""));
  RETURN_IF_ERROR(ReadPage(doc, out));
  AzRequest& q = out.query;
  switch (kind) {
    case SearchKind::kSubject:
      RETURN_IF_ERROR(RequireEntity(q.subject, "subject", /*need_id=*/false));
      RETURN_IF_ERROR(RequireAction(q.action));
      RETURN_IF_ERROR(RequireEntity(q.resource, "resource", /*need_id=*/true));
      q.subject->id.reset();  // the spec: a subject id in a subject search is ignored
      break;
    case SearchKind::kResource:
      RETURN_IF_ERROR(RequireEntity(q.subject, "subject", /*need_id=*/true));
      RETURN_IF_ERROR(RequireAction(q.action));
      RETURN_IF_ERROR(RequireEntity(q.resource, "resource", /*need_id=*/false));
      break;
    case SearchKind::kAction:
      RETURN_IF_ERROR(RequireEntity(q.subject, "subject", /*need_id=*/true));
      RETURN_IF_ERROR(RequireEntity(q.resource, "resource", /*need_id=*/true));
      break;
  }
  return out;
}

}  // namespace metagate::pdp
