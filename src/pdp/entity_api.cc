// PdpService: the entity API. Entities in Cedar's entity JSON; every change is one atomic batch
// that bumps the store's version.
//   GET    /entities/v1                 {"version": N, "entities": COUNT}
//   GET    /entities/v1/TYPE/ID         {"version": N, "entity": {...}}
//   PUT    /entities/v1/TYPE/ID         body {"attrs": {..}, "parents": [..], "tags": {..}}
//   PATCH  /entities/v1/TYPE/ID         body {"attrs": {k: v | null}, "tags": {k: v | null},
//                                              "add_parents": [..], "remove_parents": [..]}
//   DELETE /entities/v1/TYPE/ID
//   POST   /entities/v1/batch           body {"if_version": N, "operations": [
//              {"op": "put", "entity": {"uid": .., "attrs": .., "parents": .., "tags": ..}},
//              {"op": "patch", "uid": .., ...patch fields},  {"op": "delete", "uid": ..}]}
// Changes answer {"version": N}. `If-Match: N` makes a single change conditional.
#include <charconv>

#include "http_util.h"
#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/parser.h"
#include "metagate/common/utf8.h"
#include "metagate/pdp/pdp_service.h"

namespace metagate::pdp {

namespace {

constexpr size_t kMaxOperations = 10000;
using json::Value;

std::string VersionBody(uint64_t version) {
  return "{\"version\":" + std::to_string(version) + "}";
}

Result<cedar::EntityUid> UidFromPath(std::string_view rest) {
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0 || slash + 1 == rest.size() ||
      rest.find('/', slash + 1) != std::string_view::npos) {
    return Status::Invalid("the path must be /entities/v1/TYPE/ID (percent-encode '/' in an id)");
  }
  std::optional<std::string> type = PercentDecode(rest.substr(0, slash));
  std::optional<std::string> id = PercentDecode(rest.substr(slash + 1));
  if (!type || !id) return Status::Invalid("the path has a malformed %-escape");
  // Cedar strings are UTF-8: an id that is not would be stored but could not be read back.
  if (utf8::FindInvalid(*id) != id->size()) {
    return Status::Invalid("the entity id in the path is not valid UTF-8 once %-decoded");
  }
  Result<std::string> name = cedar::ParseName(*type);
  if (!name.ok() || *name != *type) {
    return Status::Invalid("the entity type in the path is not a Cedar type name");
  }
  return cedar::EntityUid(*type, *id);
}

// Reads one entity of Cedar's entity JSON (with `uid` given), checked against the schema.
Result<cedar::Entity> EntityFromJson(const Value& object, const cedar::Schema* schema) {
  Result<cedar::Entities> one = cedar::EntitiesFromJsonValue(Value::Array({object}), schema);
  if (!one.ok()) return one.status();
  const Value* uid_json = object.Find("uid");
  ASSIGN_OR_RETURN(cedar::EntityUid uid, cedar::EntityUidFromJson(*uid_json));
  const cedar::Entity* e = one->Find(uid);
  if (e == nullptr) return Status::Invalid("the entity could not be read");
  cedar::Entity copy = *e;
  copy.ancestors.clear();
  return copy;
}

// A PUT body: the entity without its uid, which the path gives.
Result<EntityOp> PutOp(const cedar::EntityUid& uid, const Value& body,
                       const cedar::Schema* schema) {
  if (!body.is_object()) return Status::Invalid("the body must be a JSON object");
  std::vector<Value::Member> members = {{"uid", Value::Object({{"type", Value::String(uid.type())},
                                                               {"id", Value::String(uid.id())}})}};
  for (const auto& [k, v] : body.members()) {
    if (k == "uid") {
      ASSIGN_OR_RETURN(cedar::EntityUid given, cedar::EntityUidFromJson(v));
      if (given != uid) return Status::Invalid("'uid' in the body differs from the path");
      continue;
    }
    if (k != "attrs" && k != "parents" && k != "tags") {
      return Status::Invalid("unknown member '" + k + "' (expected attrs, parents, tags)");
    }
    members.emplace_back(k, v);
  }
  if (body.Find("attrs") == nullptr) members.emplace_back("attrs", Value::Object({}));
  if (body.Find("parents") == nullptr) members.emplace_back("parents", Value::Array({}));
  EntityOp op;
  ASSIGN_OR_RETURN(op.entity, EntityFromJson(Value::Object(std::move(members)), schema));
  return op;
}

Result<std::vector<cedar::EntityUid>> UidList(const Value& v, const std::string& what) {
  if (!v.is_array()) return Status::Invalid(what + " must be an array of entity uids");
  std::vector<cedar::EntityUid> out;
  for (const Value& item : v.items()) {
    Result<cedar::EntityUid> uid = cedar::EntityUidFromJson(item);
    if (!uid.ok()) return Status::Invalid(what + ": " + uid.status().message(), item.loc());
    out.push_back(std::move(*uid));
  }
  return out;
}

// attrs or tags of a PATCH: values to set (typed by the schema when there is one), nulls remove.
Status PatchFields(const Value& v, const cedar::SchemaType* record, const std::string& what,
                   std::vector<std::pair<std::string, cedar::Value>>& set,
                   std::vector<std::string>& remove) {
  if (!v.is_object()) return Status::Invalid(what + " must be an object");
  for (const auto& [k, f] : v.members()) {
    if (f.is_null()) {
      remove.push_back(k);
      continue;
    }
    const cedar::SchemaType* type = nullptr;
    if (record != nullptr) {
      const cedar::SchemaAttribute* attr = record->FindAttribute(k);
      if (attr == nullptr) {
        return Status::Invalid(what + "." + k + " is not declared by the schema");
      }
      type = attr->type.get();
    }
    Result<cedar::Value> value = cedar::ValueFromJson(f, type);
    if (!value.ok()) return Status::Invalid(what + "." + k + ": " + value.status().message());
    set.emplace_back(k, std::move(*value));
  }
  return Status::Ok();
}

Result<EntityOp> PatchOp(const cedar::EntityUid& uid, const Value& body,
                         const cedar::Schema* schema) {
  if (!body.is_object()) return Status::Invalid("the body must be a JSON object");
  EntityOp op;
  op.kind = EntityOp::Kind::kPatch;
  op.entity.uid = uid;
  const cedar::EntityTypeDecl* decl = schema ? schema->FindEntityType(uid.type()) : nullptr;
  if (schema != nullptr && decl == nullptr) {
    return Status::Invalid("the schema declares no entity type " + uid.type());
  }
  for (const auto& [k, v] : body.members()) {
    if (k == "uid" || k == "op") continue;
    if (k == "attrs") {
      RETURN_IF_ERROR(PatchFields(v, decl ? decl->attributes.get() : nullptr, "attrs", op.set_attrs,
                                  op.remove_attrs));
    } else if (k == "tags") {
      if (decl != nullptr && decl->tags == nullptr) {
        return Status::Invalid("the schema declares no tags for " + uid.type());
      }
      // Tags all have one type: check each value against it.
      std::vector<std::pair<std::string, cedar::Value>> set;
      if (!v.is_object()) return Status::Invalid("tags must be an object");
      for (const auto& [tk, tv] : v.members()) {
        if (tv.is_null()) {
          op.remove_tags.push_back(tk);
          continue;
        }
        Result<cedar::Value> value = cedar::ValueFromJson(tv, decl ? decl->tags.get() : nullptr);
        if (!value.ok()) return Status::Invalid("tags." + tk + ": " + value.status().message());
        op.set_tags.emplace_back(tk, std::move(*value));
      }
    } else if (k == "add_parents") {
      ASSIGN_OR_RETURN(op.add_parents, UidList(v, "add_parents"));
    } else if (k == "remove_parents") {
      ASSIGN_OR_RETURN(op.remove_parents, UidList(v, "remove_parents"));
    } else {
      return Status::Invalid("unknown member '" + k +
                             "' (expected attrs, tags, add_parents, remove_parents)");
    }
  }
  return op;
}

Result<std::vector<EntityOp>> BatchOps(const Value& body, const cedar::Schema* schema,
                                       std::optional<uint64_t>& if_version) {
  if (!body.is_object()) return Status::Invalid("the body must be a JSON object");
  if (const Value* v = body.Find("if_version")) {
    if (!v->is_int() || v->as_int() < 0) {
      return Status::Invalid("if_version must be a non-negative integer");
    }
    if_version = static_cast<uint64_t>(v->as_int());
  }
  const Value* ops_json = body.Find("operations");
  if (ops_json == nullptr || !ops_json->is_array()) {
    return Status::Invalid("'operations' must be an array");
  }
  if (ops_json->items().size() > kMaxOperations) {
    return Status::Invalid("a batch holds at most " + std::to_string(kMaxOperations) +
                           " operations");
  }
  std::vector<EntityOp> ops;
  size_t n = 0;
  for (const Value& item : ops_json->items()) {
    ++n;
    auto where = [&](const Status& s) {
      return Status(s.code(), "operations[" + std::to_string(n - 1) + "]: " + s.ToString());
    };
    const Value* op = item.is_object() ? item.Find("op") : nullptr;
    if (op == nullptr || !op->is_string()) {
      return where(Status::Invalid("needs \"op\": \"put\", \"patch\" or \"delete\""));
    }
    if (op->as_string() == "put") {
      const Value* entity = item.Find("entity");
      if (entity == nullptr || !entity->is_object() || entity->Find("uid") == nullptr) {
        return where(Status::Invalid("a put needs \"entity\" with its \"uid\""));
      }
      EntityOp put;
      Result<cedar::Entity> e = EntityFromJson(*entity, schema);
      if (!e.ok()) return where(e.status());
      put.entity = std::move(*e);
      ops.push_back(std::move(put));
      continue;
    }
    const Value* uid_json = item.Find("uid");
    if (uid_json == nullptr) return where(Status::Invalid("needs \"uid\""));
    Result<cedar::EntityUid> uid = cedar::EntityUidFromJson(*uid_json);
    if (!uid.ok()) return where(uid.status());
    if (op->as_string() == "delete") {
      EntityOp del;
      del.kind = EntityOp::Kind::kDelete;
      del.entity.uid = *uid;
      ops.push_back(std::move(del));
    } else if (op->as_string() == "patch") {
      Result<EntityOp> patch = PatchOp(*uid, item, schema);
      if (!patch.ok()) return where(patch.status());
      ops.push_back(std::move(*patch));
    } else {
      return where(Status::Invalid("\"op\" must be \"put\", \"patch\" or \"delete\""));
    }
  }
  return ops;
}

Result<std::optional<uint64_t>> IfMatch(const net::HttpRequest& req) {
  const std::string* h = req.Header("if-match");
  if (h == nullptr) return std::optional<uint64_t>();
  std::string_view v = *h;
  if (v.size() >= 2 && v.front() == '"' && v.back() == '"') v = v.substr(1, v.size() - 2);
  uint64_t version = 0;
  auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), version);
  if (ec != std::errc() || end != v.data() + v.size()) {
    return Status::Invalid("If-Match must be a version number");
  }
  return std::optional<uint64_t>(version);
}

}  // namespace

void PdpService::EntityApi(const net::HttpRequest& req, std::string_view path,
                           net::HttpResponse& resp) const {
  if (!entities_token_sha256_) {
    return Fail(resp, 403, "the entity API is off: set pdp.entities_api.token in the config");
  }
  if (!BearerMatches(req, *entities_token_sha256_)) {
    resp.headers.emplace_back("WWW-Authenticate", "Bearer");
    return Fail(resp, 401, "the entity API needs its bearer token");
  }
  const EntityStore& store = pdp_->entities();
  std::string_view rest = path.substr(std::string_view("/entities/v1").size());
  if (rest.empty() || rest == "/") {
    if (req.method != "GET") return Fail(resp, 405, "use GET");
    EntityStore::View view = store.Read();
    resp.body = "{\"version\":" + std::to_string(view.version()) +
                ",\"entities\":" + std::to_string(view.size()) + "}";
    return;
  }
  rest.remove_prefix(1);
  auto finish = [&](const Result<uint64_t>& applied) {
    if (!applied.ok())
      return Fail(resp, HttpStatusOf(applied.status()), applied.status().message());
    resp.body = VersionBody(*applied);
  };
  auto parse_body = [&]() -> Result<Value> {
    if (!IsJsonContent(req)) return Status::Invalid("the body must be JSON");
    Result<Value> body = json::Parse(req.body, 64);
    if (!body.ok()) return Status::Invalid("the body is not JSON: " + body.status().ToString());
    return body;
  };
  if (rest == "batch") {
    if (req.method != "POST") return Fail(resp, 405, "use POST");
    Result<Value> body = parse_body();
    if (!body.ok()) return Fail(resp, 400, body.status().message());
    std::optional<uint64_t> if_version;
    Result<std::vector<EntityOp>> ops = BatchOps(*body, pdp_->rules()->schema_ptr(), if_version);
    if (!ops.ok()) return Fail(resp, 400, ops.status().message());
    return finish(pdp_->ApplyEntityOps(*ops, if_version));
  }
  Result<cedar::EntityUid> uid = UidFromPath(rest);
  if (!uid.ok()) return Fail(resp, 400, uid.status().message());
  if (req.method == "GET") {
    EntityStore::View view = store.Read();
    const cedar::Entity* e = view.Find(*uid);
    if (e == nullptr) return Fail(resp, 404, "no such " + uid->type() + " entity");
    resp.body = "{\"version\":" + std::to_string(view.version()) +
                ",\"entity\":" + cedar::EntityToJson(*e).Dump() + "}";
    return;
  }
  Result<std::optional<uint64_t>> if_match = IfMatch(req);
  if (!if_match.ok()) return Fail(resp, 400, if_match.status().message());
  Result<EntityOp> op = Status::Invalid("");
  if (req.method == "DELETE") {
    EntityOp del;
    del.kind = EntityOp::Kind::kDelete;
    del.entity.uid = *uid;
    op = std::move(del);
  } else if (req.method == "PUT" || req.method == "PATCH") {
    Result<Value> body = parse_body();
    if (!body.ok()) return Fail(resp, 400, body.status().message());
    std::shared_ptr<const Pdp::Rules> rules = pdp_->rules();
    op = req.method == "PUT" ? PutOp(*uid, *body, rules->schema_ptr())
                             : PatchOp(*uid, *body, rules->schema_ptr());
    if (!op.ok()) return Fail(resp, 400, op.status().ToString());
  } else {
    resp.headers.emplace_back("Allow", "GET, PUT, PATCH, DELETE");
    return Fail(resp, 405, "use GET, PUT, PATCH or DELETE");
  }
  std::vector<EntityOp> ops;
  ops.push_back(std::move(*op));
  finish(pdp_->ApplyEntityOps(ops, *if_match));
}

}  // namespace metagate::pdp
