// Fuzzes the PDP's entity API through PdpService::Handle (no sockets): a selector byte, then a
// body sent as PUT or PATCH /entities/v1/TYPE/ID, POST /entities/v1/batch or DELETE. The service
// is built once from a small config written to a temporary folder (a schema with attributes,
// parents and tags; an entities token; no data_dir, so nothing is written). Every answer must be
// a JSON object with a 2xx or 4xx status (traps otherwise); after each input the store is put
// back to its initial entities so that inputs do not pile up.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "metagate/common/json.h"
#include "metagate/pdp/pdp.h"
#include "metagate/pdp/pdp_config.h"
#include "metagate/pdp/pdp_service.h"

namespace {

namespace json = metagate::json;
namespace pdp = metagate::pdp;
namespace cedar = metagate::cedar;

constexpr char kToken[] = "fuzz-entities-token-0123456789";

constexpr char kSchema[] = R"(
entity Group;
entity User in [Group] = { name: String, age?: Long, nicknames?: Set<String>, manager?: User };
entity Doc in [Group] = { owner: User, public: Bool, meta?: { size: Long } } tags String;
action read appliesTo { principal: [User], resource: [Doc] };
)";

constexpr char kEntities[] = R"([
  {"uid": {"type": "Group", "id": "g"}, "attrs": {}, "parents": []},
  {"uid": {"type": "User", "id": "alice"}, "attrs": {"name": "Alice"},
   "parents": [{"type": "Group", "id": "g"}]},
  {"uid": {"type": "Doc", "id": "d1"},
   "attrs": {"owner": {"__entity": {"type": "User", "id": "alice"}}, "public": false},
   "parents": [{"type": "Group", "id": "g"}], "tags": {"k": "v"}}
])";

constexpr char kPolicies[] = R"(permit (principal, action, resource in Group::"g");)";

void Check(bool ok) {
  if (!ok) __builtin_trap();
}

void Write(const std::filesystem::path& p, const std::string& text) { std::ofstream(p) << text; }

struct Fixture {
  std::unique_ptr<pdp::PdpService> service;
  std::vector<pdp::EntityOp> initial;  // puts of the initial entities
  std::set<cedar::EntityUid> initial_uids;
};

Fixture* Build() {
  char tmpl[] = "/tmp/entity_api_fuzz.XXXXXX";
  Check(mkdtemp(tmpl) != nullptr);
  std::filesystem::path dir(tmpl);
  Write(dir / "schema.cedarschema", kSchema);
  Write(dir / "entities.json", kEntities);
  Write(dir / "policies.cedar", kPolicies);
  Write(dir / "token", kToken);
  Write(dir / "metagate.yaml",
        "pdp:\n  policies: [policies.cedar]\n  schema: schema.cedarschema\n"
        "  entities: [entities.json]\n  entities_api:\n    token: file:token\n");
  auto config = pdp::LoadPdpConfig((dir / "metagate.yaml").string());
  Check(config.ok() && config->has_value());
  auto opened = pdp::Pdp::Open(**config, "");
  Check(opened.ok());
  auto service = pdp::PdpService::Create(std::move(*opened), false);
  Check(service.ok());
  std::filesystem::remove_all(dir);

  auto* f = new Fixture;
  f->service = std::move(*service);
  auto view = f->service->pdp().entities().Read();
  // The schema's action entities cannot be changed through the API (no schema declares the
  // Action type), so only the others are put back.
  for (const char* type : {"Group", "User", "Doc"}) {
    view.ForEachOfType(type, [&](const cedar::Entity& e) {
      pdp::EntityOp op;
      op.entity = e;
      f->initial.push_back(std::move(op));
      f->initial_uids.insert(e.uid);
    });
  }
  return f;
}

// Puts the initial entities back and deletes every other one.
void Reset(Fixture& f) {
  pdp::Pdp& p = f.service->pdp();
  std::vector<pdp::EntityOp> ops = f.initial;
  {
    auto view = p.entities().Read();
    for (const char* type : {"Group", "User", "Doc", "Action"}) {
      view.ForEachOfType(type, [&](const cedar::Entity& e) {
        if (f.initial_uids.count(e.uid) > 0 || e.uid.type() == "Action") return;
        pdp::EntityOp del;
        del.kind = pdp::EntityOp::Kind::kDelete;
        del.entity.uid = e.uid;
        ops.push_back(std::move(del));
      });
    }
  }
  Check(p.ApplyEntityOps(ops, std::nullopt).ok());
  Check(p.entities().size() == f.initial_uids.size() + 1);  // and Action::"read"
}

metagate::net::HttpRequest Request(uint8_t selector, std::string body) {
  static const char* const kTargets[] = {"/entities/v1/User/alice", "/entities/v1/Doc/d1",
                                         "/entities/v1/Group/new", "/entities/v1/Nope/x"};
  metagate::net::HttpRequest req;
  req.target = kTargets[(selector >> 2) & 3];
  switch (selector & 3) {
    case 0:
      req.method = "PUT";
      break;
    case 1:
      req.method = "PATCH";
      break;
    case 2:
      req.method = "POST";
      req.target = "/entities/v1/batch";
      break;
    default:
      req.method = (selector & 0x10) ? "DELETE" : "GET";
      break;
  }
  req.headers.emplace_back("Authorization", std::string("Bearer ") + kToken);
  req.headers.emplace_back("Content-Type", "application/json");
  if (selector & 0x20) req.headers.emplace_back("If-Match", (selector & 0x40) ? "1" : "\"0\"");
  req.body = std::move(body);
  return req;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static Fixture* fixture = Build();
  if (size == 0) return 0;
  metagate::net::HttpRequest req =
      Request(data[0], std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  metagate::net::HttpResponse resp;
  Check(fixture->service->Handle(req, resp));
  Check((resp.status >= 200 && resp.status < 300) || (resp.status >= 400 && resp.status < 500));
  auto body = json::Parse(resp.body);
  Check(body.ok() && body->is_object());
  if (resp.status == 200 && req.method != "GET") {
    const json::Value* version = body->Find("version");
    Check(version != nullptr && version->is_int());
    Check(static_cast<uint64_t>(version->as_int()) == fixture->service->pdp().entities().version());
  }
  Reset(*fixture);
  return 0;
}
