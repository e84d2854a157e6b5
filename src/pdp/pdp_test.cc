#include "metagate/pdp/pdp.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <regex>
#include <string>
#include <vector>

#include "pdp_test_util.h"

namespace metagate::pdp {
namespace {

using cedar::EntityUid;
using testing::TempDir;

constexpr char kSchema[] = R"(
entity Team;
entity User in [Team] = { name?: String };
entity Doc = { owner: User, public: Bool };
entity Robot;
action view, edit appliesTo { principal: [User], resource: [Doc] };
action manage appliesTo { principal: [User], resource: [Robot] };
)";

constexpr char kPolicies[] = R"(
@id("public-view")
permit (principal, action == Action::"view", resource) when { resource.public };

@id("owner-all")
permit (principal, action in [Action::"view", Action::"edit"], resource)
when { resource.owner == principal };

@id("no-interns-edit")
forbid (principal in Team::"interns", action == Action::"edit", resource);

@id("manage-robots")
permit (principal, action == Action::"manage", resource);
)";

constexpr char kEntities[] = R"([
  {"uid": {"type": "Team", "id": "eng"}, "attrs": {}, "parents": []},
  {"uid": {"type": "Team", "id": "interns"}, "attrs": {}, "parents": []},
  {"uid": {"type": "User", "id": "alice"}, "attrs": {}, "parents": [{"type": "Team", "id": "eng"}]},
  {"uid": {"type": "User", "id": "bob"}, "attrs": {}, "parents": [{"type": "Team", "id": "eng"}]},
  {"uid": {"type": "User", "id": "carol"}, "attrs": {},
   "parents": [{"type": "Team", "id": "interns"}]},
  {"uid": {"type": "Doc", "id": "d1"},
   "attrs": {"owner": {"__entity": {"type": "User", "id": "alice"}}, "public": false},
   "parents": []},
  {"uid": {"type": "Doc", "id": "d2"},
   "attrs": {"owner": {"__entity": {"type": "User", "id": "bob"}}, "public": true},
   "parents": []},
  {"uid": {"type": "Doc", "id": "d3"},
   "attrs": {"owner": {"__entity": {"type": "User", "id": "carol"}}, "public": false},
   "parents": []}
])";

AzRequest Req(const std::string& subject_type, std::optional<std::string> subject_id,
              const std::string& action, const std::string& resource_type,
              std::optional<std::string> resource_id) {
  AzRequest r;
  r.subject = AzEntity{subject_type, std::move(subject_id), std::nullopt};
  r.action = AzAction{action, std::nullopt};
  r.resource = AzEntity{resource_type, std::move(resource_id), std::nullopt};
  return r;
}

std::vector<std::string> Ids(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const SearchHit& h : hits) out.push_back(h.id);
  return out;
}

std::vector<std::string> Names(const std::vector<SearchHit>& hits) {
  std::vector<std::string> out;
  for (const SearchHit& h : hits) out.push_back(h.name);
  return out;
}

EntityOp Put(const std::string& type, const std::string& id,
             std::vector<std::pair<std::string, cedar::Value>> attrs = {}) {
  EntityOp op;
  op.entity.uid = EntityUid(type, id);
  op.entity.attrs = cedar::Value::Record(std::move(attrs));
  return op;
}

EntityOp Delete(const std::string& type, const std::string& id) {
  EntityOp op;
  op.kind = EntityOp::Kind::kDelete;
  op.entity.uid = EntityUid(type, id);
  return op;
}

class PdpTest : public ::testing::Test {
 protected:
  PdpConfig Config() const {
    PdpConfig c;
    c.file = dir_.path() / "metagate.yaml";
    c.base_dir = dir_.path();
    c.policies = {dir_.Write("policies.cedar", kPolicies)};
    c.schema = dir_.Write("schema.cedarschema", kSchema);
    c.entities = {dir_.Write("entities.json", kEntities)};
    return c;
  }

  std::unique_ptr<Pdp> Open(const std::string& data_dir = "") const {
    Result<std::unique_ptr<Pdp>> p = Pdp::Open(Config(), data_dir);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? std::move(*p) : nullptr;
  }

  TempDir dir_;
};

TEST_F(PdpTest, OpenLoadsPoliciesSchemaAndEntities) {
  std::unique_ptr<Pdp> pdp = Open();
  ASSERT_NE(pdp, nullptr);
  EXPECT_EQ(pdp->rules()->policy_count, 4u);
  ASSERT_NE(pdp->rules()->schema_ptr(), nullptr);
  // 8 entities from the file plus the schema's three action entities.
  EXPECT_EQ(pdp->entities().size(), 11u);
  EXPECT_NE(pdp->entities().Read().Find(EntityUid("Action", "manage")), nullptr);
}

TEST_F(PdpTest, EvaluateAllowsAndDeniesWithReasons) {
  std::unique_ptr<Pdp> pdp = Open();
  ASSERT_NE(pdp, nullptr);

  Result<PdpAnswer> a = pdp->Evaluate(Req("User", "alice", "edit", "Doc", "d1"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_TRUE(a->allow);
  EXPECT_EQ(a->reasons, std::vector<std::string>{"owner-all"});

  a = pdp->Evaluate(Req("User", "bob", "view", "Doc", "d2"));
  ASSERT_TRUE(a.ok());
  EXPECT_TRUE(a->allow);
  std::vector<std::string> reasons = a->reasons;
  std::sort(reasons.begin(), reasons.end());
  EXPECT_EQ(reasons, (std::vector<std::string>{"owner-all", "public-view"}));

  a = pdp->Evaluate(Req("User", "bob", "view", "Doc", "d1"));
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->allow);
  EXPECT_TRUE(a->reasons.empty());
  EXPECT_TRUE(a->note.empty());

  // carol owns d3 but the forbid wins and is the reason.
  a = pdp->Evaluate(Req("User", "carol", "edit", "Doc", "d3"));
  ASSERT_TRUE(a.ok());
  EXPECT_FALSE(a->allow);
  EXPECT_EQ(a->reasons, std::vector<std::string>{"no-interns-edit"});
}

TEST_F(PdpTest, EvaluateRequestOutsideTheSchema) {
  std::unique_ptr<Pdp> pdp = Open();
  ASSERT_NE(pdp, nullptr);
  // An undeclared action: denied with a note, without evaluating.
  Result<PdpAnswer> a = pdp->Evaluate(Req("User", "alice", "destroy", "Doc", "d1"));
  ASSERT_TRUE(a.ok()) << a.status().ToString();
  EXPECT_FALSE(a->allow);
  EXPECT_FALSE(a->note.empty());
  // An undeclared type: the request's error.
  a = pdp->Evaluate(Req("Ghost", "g", "view", "Doc", "d1"));
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(PdpTest, SubjectSearchIsExact) {
  std::unique_ptr<Pdp> pdp = Open();
  ASSERT_NE(pdp, nullptr);
  Result<std::vector<SearchHit>> hits =
      pdp->Search(SearchKind::kSubject, Req("User", std::nullopt, "view", "Doc", "d2"));
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(Ids(*hits), (std::vector<std::string>{"alice", "bob", "carol"}));
  for (const SearchHit& h : *hits) EXPECT_EQ(h.type, "User");

  hits = pdp->Search(SearchKind::kSubject, Req("User", std::nullopt, "edit", "Doc", "d3"));
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());  // only carol owns d3, and interns may not edit

  hits = pdp->Search(SearchKind::kSubject, Req("User", std::nullopt, "edit", "Doc", "d1"));
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(Ids(*hits), std::vector<std::string>{"alice"});
}

TEST_F(PdpTest, ResourceSearchIsExact) {
  std::unique_ptr<Pdp> pdp = Open();
  ASSERT_NE(pdp, nullptr);
  Result<std::vector<SearchHit>> hits =
      pdp->Search(SearchKind::kResource, Req("User", "alice", "view", "Doc", std::nullopt));
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(Ids(*hits), (std::vector<std::string>{"d1", "d2"}));
  hits = pdp->Search(SearchKind::kResource, Req("User", "carol", "edit", "Doc", std::nullopt));
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
  // Every principal may manage any robot, but there are no robots.
  hits = pdp->Search(SearchKind::kResource, Req("User", "alice", "manage", "Robot", std::nullopt));
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
}

TEST_F(PdpTest, ActionSearchIsExact) {
  std::unique_ptr<Pdp> pdp = Open();
  ASSERT_NE(pdp, nullptr);
  AzRequest q = Req("User", "alice", "", "Doc", "d1");
  q.action.reset();
  Result<std::vector<SearchHit>> hits = pdp->Search(SearchKind::kAction, q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(Names(*hits), (std::vector<std::string>{"edit", "view"}));

  q.subject->id = "carol";
  q.resource->id = "d3";
  hits = pdp->Search(SearchKind::kAction, q);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(Names(*hits), std::vector<std::string>{"view"});

  // `manage` applies to robots only, even though its policy permits any resource.
  q.resource = AzEntity{"Robot", "r1", std::nullopt};
  hits = pdp->Search(SearchKind::kAction, q);
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(Names(*hits), std::vector<std::string>{"manage"});
}

TEST_F(PdpTest, SearchOverUndeclaredTypeIsEmpty) {
  std::unique_ptr<Pdp> pdp = Open();
  ASSERT_NE(pdp, nullptr);
  Result<std::vector<SearchHit>> hits =
      pdp->Search(SearchKind::kResource, Req("User", "alice", "view", "Ghost", std::nullopt));
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_TRUE(hits->empty());
  hits = pdp->Search(SearchKind::kSubject, Req("Ghost", std::nullopt, "view", "Doc", "d2"));
  ASSERT_TRUE(hits.ok());
  EXPECT_TRUE(hits->empty());
  // A type that is not a Cedar name is still the request's error.
  hits = pdp->Search(SearchKind::kResource, Req("User", "alice", "view", "no good", std::nullopt));
  EXPECT_FALSE(hits.ok());
}

TEST_F(PdpTest, SchemaViolationIsRejectedAndStoreUnchanged) {
  std::unique_ptr<Pdp> pdp = Open();
  ASSERT_NE(pdp, nullptr);
  const uint64_t version = pdp->entities().version();
  const size_t size = pdp->entities().size();
  // A Doc without its required attributes, in a batch with a valid put.
  std::vector<EntityOp> ops = {Put("User", "dave"), Put("Doc", "d9")};
  Result<uint64_t> applied = pdp->ApplyEntityOps(ops, std::nullopt);
  ASSERT_FALSE(applied.ok());
  EXPECT_EQ(applied.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(applied.status().message().find("Doc"), std::string::npos);
  EXPECT_EQ(pdp->entities().version(), version);
  EXPECT_EQ(pdp->entities().size(), size);
  EXPECT_EQ(pdp->entities().Read().Find(EntityUid("User", "dave")), nullptr);
  // An undeclared type is a violation too.
  std::vector<EntityOp> ghost = {Put("Ghost", "g")};
  EXPECT_FALSE(pdp->ApplyEntityOps(ghost, std::nullopt).ok());
  EXPECT_EQ(pdp->entities().version(), version);
}

TEST_F(PdpTest, ChangesPersistAcrossOpen) {
  TempDir data;
  uint64_t version = 0;
  {
    std::unique_ptr<Pdp> pdp = Open(data.path().string());
    ASSERT_NE(pdp, nullptr);
    std::vector<EntityOp> ops = {Put("User", "dave", {{"name", cedar::Value::String("Dave")}})};
    Result<uint64_t> v = pdp->ApplyEntityOps(ops, std::nullopt);
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    version = *v;
    EXPECT_TRUE(pdp->Evaluate(Req("User", "dave", "view", "Doc", "d2"))->allow);
  }
  {
    std::unique_ptr<Pdp> pdp = Open(data.path().string());
    ASSERT_NE(pdp, nullptr);
    EXPECT_EQ(pdp->entities().version(), version);
    const cedar::Entity* dave = pdp->entities().Read().Find(EntityUid("User", "dave"));
    ASSERT_NE(dave, nullptr);
    ASSERT_EQ(dave->attrs.record_fields().size(), 1u);
    EXPECT_EQ(dave->attrs.record_fields()[0].second.as_string(), "Dave");
    // Delete dave (an API entity) and bob (an entity from the files).
    std::vector<EntityOp> ops = {Delete("User", "dave"), Delete("User", "bob")};
    Result<uint64_t> v = pdp->ApplyEntityOps(ops, version);
    ASSERT_TRUE(v.ok()) << v.status().ToString();
    EXPECT_EQ(*v, version + 1);
    version = *v;
  }
  {
    std::unique_ptr<Pdp> pdp = Open(data.path().string());
    ASSERT_NE(pdp, nullptr);
    EXPECT_EQ(pdp->entities().version(), version);
    EXPECT_EQ(pdp->entities().Read().Find(EntityUid("User", "dave")), nullptr);
    EXPECT_EQ(pdp->entities().Read().Find(EntityUid("User", "bob")), nullptr);
    EXPECT_NE(pdp->entities().Read().Find(EntityUid("User", "alice")), nullptr);
    Result<std::vector<SearchHit>> hits =
        pdp->Search(SearchKind::kSubject, Req("User", std::nullopt, "view", "Doc", "d2"));
    ASSERT_TRUE(hits.ok());
    EXPECT_EQ(Ids(*hits), (std::vector<std::string>{"alice", "carol"}));
  }
}

TEST_F(PdpTest, WithoutDataDirNothingIsKept) {
  {
    std::unique_ptr<Pdp> pdp = Open();
    ASSERT_NE(pdp, nullptr);
    std::vector<EntityOp> ops = {Put("User", "dave")};
    ASSERT_TRUE(pdp->ApplyEntityOps(ops, std::nullopt).ok());
  }
  std::unique_ptr<Pdp> pdp = Open();
  ASSERT_NE(pdp, nullptr);
  EXPECT_EQ(pdp->entities().Read().Find(EntityUid("User", "dave")), nullptr);
}

TEST_F(PdpTest, BadPolicyFileErrorNamesFileLineAndColumn) {
  PdpConfig c = Config();
  c.policies = {dir_.Write("bad.cedar", "permit (principal, action, resource);\npermit (oops);\n")};
  Result<std::unique_ptr<Pdp>> p = Pdp::Open(c, "");
  ASSERT_FALSE(p.ok());
  const std::string& msg = p.status().message();
  EXPECT_TRUE(std::regex_search(msg, std::regex("bad\\.cedar:2:[0-9]+: "))) << msg;
}

TEST_F(PdpTest, PolicyThatDoesNotFitTheSchemaIsAnError) {
  PdpConfig c = Config();
  c.policies = {dir_.Write("typo.cedar",
                           "permit (principal, action, resource)\n"
                           "when { principal.nmae == \"x\" };\n")};
  Result<std::unique_ptr<Pdp>> p = Pdp::Open(c, "");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("typo.cedar"), std::string::npos) << p.status().message();
}

TEST_F(PdpTest, CycleInEntityFilesIsAnError) {
  PdpConfig c = Config();
  c.entities = {dir_.Write("cycle.json", R"([
    {"uid": {"type": "Team", "id": "a"}, "attrs": {}, "parents": [{"type": "Team", "id": "b"}]},
    {"uid": {"type": "Team", "id": "b"}, "attrs": {}, "parents": [{"type": "Team", "id": "a"}]}
  ])")};
  Result<std::unique_ptr<Pdp>> p = Pdp::Open(c, "");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("cycle"), std::string::npos) << p.status().message();
}

TEST_F(PdpTest, NoPoliciesIsAnError) {
  PdpConfig c = Config();
  c.policies.clear();
  Result<std::unique_ptr<Pdp>> p = Pdp::Open(c, "");
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().message().find("pdp.policies"), std::string::npos);
}

TEST_F(PdpTest, NamespacedTypes) {
  PdpConfig c = Config();
  c.schema = dir_.Write("ns.cedarschema", R"(namespace Acme {
    entity User; entity Doc;
    action view appliesTo { principal: [User], resource: [Doc] };
  })");
  c.policies = {dir_.Write("ns.cedar",
                           "permit (principal, action == Acme::Action::\"view\", "
                           "resource == Acme::Doc::\"x\");")};
  c.entities = {dir_.Write("ns.json", R"([{"uid": {"type": "Acme::Doc", "id": "x"}, "attrs": {},
    "parents": []}, {"uid": {"type": "Acme::Doc", "id": "y"}, "attrs": {}, "parents": []}])")};
  c.cedar_namespace = "Acme";
  Result<std::unique_ptr<Pdp>> p = Pdp::Open(c, "");
  ASSERT_TRUE(p.ok()) << p.status().ToString();
  EXPECT_EQ((*p)->CedarType("Doc"), "Acme::Doc");
  EXPECT_TRUE((*p)->Evaluate(Req("User", "u", "view", "Doc", "x"))->allow);
  EXPECT_FALSE((*p)->Evaluate(Req("User", "u", "view", "Doc", "y"))->allow);
  Result<std::vector<SearchHit>> hits =
      (*p)->Search(SearchKind::kResource, Req("User", "u", "view", "Doc", std::nullopt));
  ASSERT_TRUE(hits.ok());
  EXPECT_EQ(Ids(*hits), std::vector<std::string>{"x"});
  ASSERT_EQ(hits->size(), 1u);
  EXPECT_EQ((*hits)[0].type, "Doc");  // the AuthZEN type, without the namespace
  AzRequest q = Req("User", "u", "", "Doc", "x");
  q.action.reset();
  hits = (*p)->Search(SearchKind::kAction, q);
  ASSERT_TRUE(hits.ok()) << hits.status().ToString();
  EXPECT_EQ(Names(*hits), std::vector<std::string>{"view"});
}

TEST_F(PdpTest, SchemaActionsCannotBeChangedThroughEntityOps) {
  std::unique_ptr<Pdp> pdp = Open();
  ASSERT_NE(pdp, nullptr);
  const uint64_t version = pdp->entities().version();
  for (EntityOp op : {Delete("Action", "view"), Put("Action", "view"), Put("Action", "zap")}) {
    std::vector<EntityOp> ops = {op};
    Result<uint64_t> applied = pdp->ApplyEntityOps(ops, std::nullopt);
    EXPECT_FALSE(applied.ok()) << op.entity.uid.id();
  }
  EXPECT_EQ(pdp->entities().version(), version);
  EXPECT_NE(pdp->entities().Read().Find(EntityUid("Action", "view")), nullptr);
  EXPECT_EQ(pdp->entities().Read().Find(EntityUid("Action", "zap")), nullptr);
}

}  // namespace
}  // namespace metagate::pdp
