#include "metagate/governance/governance.h"

#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "hold_cipher.h"
#include "metagate/store/sqlite.h"

namespace metagate::governance {
namespace {

namespace fs = std::filesystem;

constexpr char kHoldKey[] = "8f1e6a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7";
constexpr char kPolicies[] =
    R"(@id("events") permit (principal, action == Action::"send_event", resource) when { context.event != "Secret" };
@id("not-raw") permit (principal, action == Action::"send_field", resource) when { context.form != "raw" };
@id("raw-unclassified") permit (principal, action == Action::"send_field", resource) when { context.form == "raw" && context.class == DataClass::"unclassified" };
)";
constexpr char kCatalog[] = R"(catalog:
  - { source: "*", event: Known, fields: { userId: user_id, "properties.plan": [], "properties.email": email } }
  - { source: "*", event: Secret, fields: { userId: user_id } }
unknown_fields: block
unknown_events: block
)";
// Every value the tests send starts with this: no record may hold it.
constexpr char kRaw[] = "rawv";

// Records what Governance writes to the decision log.
class Recorder : public AuditSink {
 public:
  void Record(std::string_view kind, std::string_view members) override {
    records.emplace_back(std::string(kind), std::string(members));
  }
  std::vector<std::string> Of(std::string_view kind) const {
    std::vector<std::string> out;
    for (const auto& [k, m] : records) {
      if (k == kind) out.push_back(m);
    }
    return out;
  }
  std::vector<std::pair<std::string, std::string>> records;
};

class GovernanceTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("metagate_governance_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    std::ofstream(dir_ / "k1.key") << "unit-test-pseudonym-key-0123456789\n";
    pipeline_ = MakePipeline(kPolicies);
    ASSERT_TRUE(pipeline_);
    OpenGovernance();
  }
  void TearDown() override {
    // No decision-log record holds a value the test sent.
    for (const auto& [kind, members] : audit_.records) {
      EXPECT_EQ(members.find(kRaw), std::string::npos) << kind << ": " << members;
    }
    gov_.reset();
    fs::remove_all(dir_);
  }

  std::shared_ptr<const egress::Pipeline> MakePipeline(const std::string& policies) {
    std::ofstream(dir_ / "policies.cedar", std::ios::trunc) << policies;
    std::ofstream(dir_ / "metagate.yaml", std::ios::trunc)
        << "policies: [policies.cedar]\n"
           "schema: " METAGATE_SOURCE_DIR
           "/schema/egress.cedarschema\n"
           "keys: { pseudonym: { current: k1, keys: { k1: \"file:k1.key\" } } }\n"
           "integrations:\n"
           "  - { id: svc, kind: service, environment: production, roles: [r] }\n"
           "vendors:\n"
           "  - { id: seg, category: analytics, residency: eu, format: segment }\n"
        << kCatalog;
    auto config = egress::LoadEgressConfig((dir_ / "metagate.yaml").string());
    EXPECT_TRUE(config.ok()) << config.status().ToString();
    if (!config.ok()) return nullptr;
    auto p = egress::Pipeline::Create(*config);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? *p : nullptr;
  }

  void OpenGovernance() {
    gov_.reset();
    GovernanceOptions options;
    options.data_dir = (dir_ / "data").string();
    options.hold_key = kHoldKey;
    auto g = Governance::Open(options, &audit_);
    ASSERT_TRUE(g.ok()) << g.status().ToString();
    gov_ = std::move(*g);
  }

  // Filters `body` as the gateway does and observes it.
  egress::FilterResult Observe(const std::string& body) {
    egress::FilterOptions options;
    options.hold_unknown = true;
    options.add_idempotency_keys = true;
    auto r = pipeline_->Filter("svc", "seg", body, scratch_, options);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    if (!r.ok()) return {};
    ObservedRequest req;
    req.integration = "svc";
    req.vendor = "seg";
    req.ingest_path = "/v1/batch";
    req.body = body;
    req.result = &*r;
    req.pipeline = pipeline_.get();
    Status s = gov_->Observe(req, scratch_);
    EXPECT_TRUE(s.ok()) << s.ToString();
    return *r;
  }

  const FlowRow* FindRow(const std::vector<FlowRow>& rows, std::string_view event,
                         std::string_view field, std::string_view decision) {
    for (const FlowRow& r : rows) {
      if (r.event == event && r.field == field && r.decision == decision) return &r;
    }
    return nullptr;
  }

  int64_t ApprovalOf(std::string_view kind, std::string_view event, std::string_view path) {
    auto id = gov_->store().FindApproval(kind, "svc", event, path);
    EXPECT_TRUE(id.ok() && id->has_value()) << kind << " " << event << " " << path;
    return id.ok() && id->has_value() ? **id : -1;
  }

  std::vector<HeldEvents> Held() {
    auto all = gov_->store().AllHeld(100);
    EXPECT_TRUE(all.ok());
    return all.ok() ? *all : std::vector<HeldEvents>{};
  }

  fs::path dir_;
  Recorder audit_;
  std::shared_ptr<const egress::Pipeline> pipeline_;
  std::unique_ptr<Governance> gov_;
  egress::PipelineScratch scratch_;
};

// A batch of four: allowed, blocked by policy, held for an unknown field, held as unknown.
const std::string kMixed =
    R"({"batch":[)"
    R"({"type":"track","event":"Known","userId":"rawv-user-1","properties":{"plan":"rawv-plan"}},)"
    R"({"type":"track","event":"Secret","userId":"rawv-user-2"},)"
    R"({"type":"track","event":"Known","userId":"rawv-user-3","properties":{"note":"rawv-note mail rawv@example.com"}},)"
    R"({"type":"track","event":"New","userId":"rawv-user-4"}]})";

TEST_F(GovernanceTest, ObserveAndFlushWriteEventAndFieldRows) {
  Observe(kMixed);
  EXPECT_TRUE(gov_->store().Flows()->empty());  // nothing is written per event
  ASSERT_TRUE(gov_->Flush().ok());
  auto rows = gov_->store().Flows();
  ASSERT_TRUE(rows.ok());
  for (const FlowRow& r : *rows) {
    EXPECT_EQ(r.integration, "svc");
    EXPECT_EQ(r.vendor, "seg");
  }
  const FlowRow* allowed = FindRow(*rows, "Known", "", "allowed");
  ASSERT_NE(allowed, nullptr);
  EXPECT_EQ(allowed->count, 1u);
  const FlowRow* held = FindRow(*rows, "Known", "", "held");
  ASSERT_NE(held, nullptr);
  EXPECT_EQ(held->count, 1u);
  ASSERT_NE(FindRow(*rows, "New", "", "held"), nullptr);
  ASSERT_NE(FindRow(*rows, "Secret", "", "blocked:policy"), nullptr);
  const FlowRow* user = FindRow(*rows, "Known", "userId", "allowed");
  ASSERT_NE(user, nullptr);
  EXPECT_EQ(user->classes, "user_id");
  EXPECT_EQ(user->form, "pseudonymized");
  const FlowRow* plan = FindRow(*rows, "Known", "properties.plan", "allowed");
  ASSERT_NE(plan, nullptr);
  EXPECT_EQ(plan->form, "raw");

  // A second flush adds to the same rows.
  Observe(kMixed);
  ASSERT_TRUE(gov_->Flush().ok());
  auto again = gov_->store().Flows();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(FindRow(*again, "Known", "", "allowed")->count, 2u);
  EXPECT_EQ(FindRow(*again, "Secret", "", "blocked:policy")->count, 2u);
  EXPECT_EQ(again->size(), rows->size());

  // The decision record names the blocks and the holds, and their causes.
  std::vector<std::string> q = audit_.Of("quarantine");
  ASSERT_EQ(q.size(), 2u);
  EXPECT_NE(q[0].find(R"("event":"Secret","why":"policy")"), std::string::npos) << q[0];
  EXPECT_NE(q[0].find(R"("why":"held:unknown_field")"), std::string::npos) << q[0];
  EXPECT_NE(q[0].find(R"("why":"held:unknown_event")"), std::string::npos) << q[0];
  EXPECT_NE(q[0].find(R"("events":4,"allowed":1)"), std::string::npos) << q[0];
}

TEST_F(GovernanceTest, HeldEventsAreSealedAndWaitOnTheirOwnApprovals) {
  const std::string body =
      R"({"batch":[)"
      R"({"type":"track","event":"Known","properties":{"note":"rawv-secret-note"}},)"
      R"({"type":"track","event":"Known","properties":{"extra":"rawv-secret-extra"}},)"
      R"({"type":"track","event":"New","userId":"rawv-secret-user"}]})";
  egress::FilterResult r = Observe(body);
  ASSERT_EQ(r.held_bodies.size(), 3u);
  int64_t note = ApprovalOf("field", "Known", "properties.note");
  int64_t extra = ApprovalOf("field", "Known", "properties.extra");
  int64_t event = ApprovalOf("event", "New", "");
  EXPECT_EQ(gov_->store().Approvals("pending")->size(), 3u);
  std::vector<HeldEvents> held = Held();
  ASSERT_EQ(held.size(), 3u);
  EXPECT_EQ(held[0].waits_on, std::vector<int64_t>{note});
  EXPECT_EQ(held[1].waits_on, std::vector<int64_t>{extra});
  EXPECT_EQ(held[2].waits_on, std::vector<int64_t>{event});
  auto cipher = HoldCipher::Create(kHoldKey);
  ASSERT_TRUE(cipher.ok());
  for (size_t i = 0; i < held.size(); ++i) {
    EXPECT_EQ(held[i].ingest_path, "/v1/batch");
    EXPECT_EQ(held[i].events, 1);
    EXPECT_EQ(held[i].sealed.find(kRaw), std::string::npos);
    auto opened = cipher->Open(held[i].sealed, HeldAssociatedData("svc", "seg", "/v1/batch"));
    ASSERT_TRUE(opened.ok());
    EXPECT_EQ(*opened, r.held_bodies[i]);
  }
  EXPECT_NE(r.held_bodies[0].find("rawv-secret-note"), std::string::npos);
  // No file of the data folder (database, journal) holds a raw value.
  gov_.reset();
  for (const fs::directory_entry& f : fs::recursive_directory_iterator(dir_ / "data")) {
    if (!f.is_regular_file()) continue;
    std::ifstream in(f.path(), std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    EXPECT_EQ(bytes.str().find(kRaw), std::string::npos) << f.path();
  }
}

TEST_F(GovernanceTest, AnEventBlockedAlsoByTheEnvelopeWaitsOnBoth) {
  const std::string body =
      R"({"batch":[{"type":"track","event":"Known","properties":{"note":"rawv-n"}}],"tag":"rawv-env"})";
  Observe(body);
  int64_t note = ApprovalOf("field", "Known", "properties.note");
  int64_t tag = ApprovalOf("field", std::string(egress::kEnvelopeEvent), "tag");
  std::vector<HeldEvents> held = Held();
  ASSERT_EQ(held.size(), 1u);
  std::vector<int64_t> both{note, tag};
  std::sort(both.begin(), both.end());
  EXPECT_EQ(held[0].waits_on, both);
  ASSERT_TRUE(gov_->Decide(note, true, {}, "ann").ok());
  EXPECT_TRUE(gov_->store().ReadyToReplay(10)->empty());  // the envelope's field still waits
  ASSERT_TRUE(gov_->Decide(tag, true, {}, "ann").ok());
  EXPECT_EQ(gov_->store().ReadyToReplay(10)->size(), 1u);
}

TEST_F(GovernanceTest, NewApprovalsAreRecordedOnceAndCountsAccumulate) {
  const std::string body =
      R"({"batch":[{"type":"track","event":"Known","properties":{"note":"rawv-a@example.com"}},)"
      R"({"type":"track","event":"New"}]})";
  Observe(body);
  Observe(body);
  ASSERT_TRUE(gov_->Flush().ok());
  Observe(body);
  ASSERT_TRUE(gov_->Flush().ok());
  std::vector<std::string> requested = audit_.Of("approval_requested");
  ASSERT_EQ(requested.size(), 2u);
  int64_t note = ApprovalOf("field", "Known", "properties.note");
  int64_t event = ApprovalOf("event", "New", "");
  EXPECT_NE(requested[0].find(R"("approval":)" + std::to_string(event)), std::string::npos);
  EXPECT_NE(requested[1].find(R"("approval":)" + std::to_string(note)), std::string::npos);
  EXPECT_NE(requested[1].find(R"("field":"properties.note")"), std::string::npos);
  EXPECT_NE(requested[1].find(R"("classes":["email"])"), std::string::npos) << requested[1];
  auto a = gov_->store().GetApproval(note);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->count, 3u);
  EXPECT_EQ(a->vendors, std::vector<std::string>{"seg"});
  EXPECT_EQ(a->classes, std::vector<std::string>{"email"});
  EXPECT_EQ(a->example.find(kRaw), std::string::npos);
  EXPECT_EQ(a->example.substr(0, 5), "xxxx-");
  EXPECT_EQ(gov_->store().GetApproval(event)->count, 3u);
  // After a restart the store knows them: nothing new to request.
  OpenGovernance();
  Observe(body);
  ASSERT_TRUE(gov_->Flush().ok());
  EXPECT_EQ(audit_.Of("approval_requested").size(), 2u);
  EXPECT_EQ(gov_->store().GetApproval(note)->count, 4u);
}

TEST_F(GovernanceTest, AFailedFlushKeepsItsCountsForTheNext) {
  const std::string body = R"({"batch":[{"type":"track","event":"New","userId":"rawv-u"}]})";
  Observe(body);  // creates the approval (counted as it is written)
  Observe(body);  // counted in memory
  int64_t event = ApprovalOf("event", "New", "");
  // Another connection makes the store refuse writes to one table at a time.
  auto other = store::SqliteDb::Open(gov_->store().file());
  ASSERT_TRUE(other.ok());
  auto count_of = [&] { return gov_->store().GetApproval(event)->count; };
  auto held_rows = [&] {
    auto rows = gov_->store().Flows();
    const FlowRow* r = rows.ok() ? FindRow(*rows, "New", "", "held") : nullptr;
    return r == nullptr ? uint64_t{0} : r->count;
  };
  ASSERT_TRUE((*other)
                  ->Exec("CREATE TRIGGER no_update BEFORE UPDATE ON approvals "
                         "BEGIN SELECT RAISE(ABORT, 'refused'); END")
                  .ok());
  EXPECT_FALSE(gov_->Flush().ok());
  EXPECT_EQ(held_rows(), 2u);  // the map's rows were written
  EXPECT_EQ(count_of(), 1u);
  ASSERT_TRUE((*other)->Exec("DROP TRIGGER no_update").ok());
  ASSERT_TRUE(gov_->Flush().ok());
  EXPECT_EQ(count_of(), 2u);
  EXPECT_EQ(held_rows(), 2u);  // not written twice

  Observe(body);
  ASSERT_TRUE((*other)
                  ->Exec("CREATE TRIGGER no_flows BEFORE INSERT ON flows "
                         "BEGIN SELECT RAISE(ABORT, 'refused'); END")
                  .ok());
  EXPECT_FALSE(gov_->Flush().ok());
  EXPECT_EQ(held_rows(), 2u);
  EXPECT_EQ(count_of(), 2u);
  ASSERT_TRUE((*other)->Exec("DROP TRIGGER no_flows").ok());
  ASSERT_TRUE(gov_->Flush().ok());
  EXPECT_EQ(held_rows(), 3u);
  EXPECT_EQ(count_of(), 3u);
}

TEST_F(GovernanceTest, ReplayReadyDeliversTheOriginalBodyOnceDecided) {
  egress::FilterResult r = Observe(
      R"({"batch":[{"type":"track","event":"Known","userId":"rawv-u","properties":{"note":"rawv-note"}}]})");
  ASSERT_EQ(r.held_bodies.size(), 1u);
  int64_t note = ApprovalOf("field", "Known", "properties.note");
  std::vector<std::pair<HeldEvents, std::string>> replayed;
  auto replayer = [&](const HeldEvents& h, const std::string& body) {
    replayed.emplace_back(h, body);
    return Status::Ok();
  };
  auto none = gov_->ReplayReady(replayer);
  ASSERT_TRUE(none.ok());
  EXPECT_EQ(*none, 0u);
  EXPECT_TRUE(replayed.empty());

  ASSERT_TRUE(gov_->Decide(note, true, {"email"}, "ann").ok());
  ASSERT_TRUE(gov_->LogDecisions().ok());
  std::vector<std::string> decided = audit_.Of("approval_decided");
  ASSERT_EQ(decided.size(), 1u);
  EXPECT_NE(decided[0].find(R"("decision":"approved")"), std::string::npos) << decided[0];
  EXPECT_NE(decided[0].find(R"("classes":["email"])"), std::string::npos) << decided[0];
  EXPECT_NE(decided[0].find(R"("by":"ann")"), std::string::npos) << decided[0];
  ASSERT_TRUE(gov_->LogDecisions().ok());
  EXPECT_EQ(audit_.Of("approval_decided").size(), 1u);  // logged once

  auto one = gov_->ReplayReady(replayer);
  ASSERT_TRUE(one.ok());
  EXPECT_EQ(*one, 1u);
  ASSERT_EQ(replayed.size(), 1u);
  EXPECT_EQ(replayed[0].second, r.held_bodies[0]);
  EXPECT_EQ(replayed[0].first.integration, "svc");
  EXPECT_EQ(replayed[0].first.vendor, "seg");
  EXPECT_EQ(replayed[0].first.ingest_path, "/v1/batch");
  EXPECT_EQ(*gov_->store().HeldCount(), 0);
  EXPECT_EQ(audit_.Of("replayed").size(), 1u);
  EXPECT_EQ(*gov_->ReplayReady(replayer), 0u);
  EXPECT_EQ(replayed.size(), 1u);
}

TEST_F(GovernanceTest, AFailingReplayerKeepsTheEntry) {
  Observe(R"({"batch":[{"type":"track","event":"New","userId":"rawv-u"}]})");
  ASSERT_TRUE(gov_->Decide(ApprovalOf("event", "New", ""), true, {}, "ann").ok());
  auto failed = gov_->ReplayReady([](const HeldEvents&, const std::string&) {
    return Status::Unavailable("the spool is full");
  });
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(*gov_->store().HeldCount(), 1);
  EXPECT_TRUE(audit_.Of("replayed").empty());
  size_t calls = 0;
  auto ok = gov_->ReplayReady([&](const HeldEvents&, const std::string& body) {
    ++calls;
    EXPECT_NE(body.find("rawv-u"), std::string::npos);
    return Status::Ok();
  });
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(calls, 1u);
  EXPECT_EQ(*gov_->store().HeldCount(), 0);
}

TEST_F(GovernanceTest, AReplayHeldAgainWaitsForTheNextCall) {
  // The decision is not applied to the pipeline (a rebuild failed): the replay is held again,
  // waiting on the decided approval, so it is ready at once. One call must not loop on it.
  Observe(R"({"batch":[{"type":"track","event":"New","userId":"rawv-u"}]})");
  ASSERT_TRUE(gov_->Decide(ApprovalOf("event", "New", ""), true, {}, "ann").ok());
  size_t calls = 0;
  auto replay_through_old_pipeline = [&](const HeldEvents&, const std::string& body) {
    if (++calls > 5) return Status::Internal("looping");  // keeps a broken build finite
    Observe(body);
    return Status::Ok();
  };
  auto replayed = gov_->ReplayReady(replay_through_old_pipeline);
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(*replayed, 1u);
  EXPECT_EQ(calls, 1u);
  EXPECT_EQ(*gov_->store().HeldCount(), 1);
  // The next call replays the entry held meanwhile.
  EXPECT_EQ(*gov_->ReplayReady(replay_through_old_pipeline), 1u);
  EXPECT_EQ(calls, 2u);
}

TEST_F(GovernanceTest, AnEntryThatNoLongerOpensDoesNotStopTheOthers) {
  // Two held events, the first sealed with another key (a hold key changed by hand).
  GovernanceOptions other;
  other.data_dir = (dir_ / "data").string();
  other.hold_key = std::string(64, 'e');
  {
    gov_.reset();
    auto g = Governance::Open(other, &audit_);
    ASSERT_TRUE(g.ok());
    gov_ = std::move(*g);
  }
  Observe(R"({"batch":[{"type":"track","event":"New","userId":"rawv-u"}]})");
  OpenGovernance();  // back to the key the second event is sealed with
  Observe(R"({"batch":[{"type":"track","event":"New","userId":"rawv-w"}]})");
  ASSERT_TRUE(gov_->Decide(ApprovalOf("event", "New", ""), true, {}, "ann").ok());
  std::vector<std::string> bodies;
  auto replayed = gov_->ReplayReady([&](const HeldEvents&, const std::string& body) {
    bodies.push_back(body);
    return Status::Ok();
  });
  ASSERT_TRUE(replayed.ok()) << replayed.status().ToString();
  EXPECT_EQ(*replayed, 1u);
  ASSERT_EQ(bodies.size(), 1u);
  EXPECT_NE(bodies[0].find("rawv-w"), std::string::npos);
  EXPECT_EQ(*gov_->store().HeldCount(), 1);  // the unreadable one stays, reported
  EXPECT_EQ(audit_.Of("held_unreadable").size(), 1u);
}

TEST_F(GovernanceTest, ExportHeldOpensEveryEntry) {
  egress::FilterResult r = Observe(
      R"({"batch":[{"type":"track","event":"New","userId":"rawv-1"},{"type":"track","event":"Other","userId":"rawv-2"}]})");
  ASSERT_EQ(r.held_bodies.size(), 2u);
  auto out = gov_->ExportHeld(10);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  std::istringstream lines(*out);
  std::string line;
  simdjson::dom::parser parser;
  size_t n = 0;
  while (std::getline(lines, line)) {
    ASSERT_LT(n, 2u);
    simdjson::dom::element e = parser.parse(line);
    EXPECT_EQ(std::string_view(e["integration"].get_string()), "svc");
    EXPECT_EQ(std::string_view(e["path"].get_string()), "/v1/batch");
    EXPECT_EQ(simdjson::to_string(e["body"]), r.held_bodies[n]);
    ++n;
  }
  EXPECT_EQ(n, 2u);
  auto first = gov_->ExportHeld(1);
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(std::count(first->begin(), first->end(), '\n'), 1);
}

TEST_F(GovernanceTest, RecordPoliciesLogsTheLoadThenOnlyChanges) {
  gov_->RecordPolicies(*pipeline_, "start");
  std::vector<std::string> loaded = audit_.Of("policies_loaded");
  ASSERT_EQ(loaded.size(), 1u);
  EXPECT_NE(loaded[0].find(R"("why":"start")"), std::string::npos) << loaded[0];
  EXPECT_NE(loaded[0].find(R"("policies":3)"), std::string::npos) << loaded[0];
  EXPECT_NE(loaded[0].find(R"("added":["events","not-raw","raw-unclassified"])"), std::string::npos)
      << loaded[0];
  gov_->RecordPolicies(*pipeline_, "reload");  // nothing changed: nothing logged
  EXPECT_EQ(audit_.records.size(), 1u);

  auto next = MakePipeline(
      R"(@id("events") permit (principal, action == Action::"send_event", resource);
@id("not-raw") permit (principal, action == Action::"send_field", resource) when { context.form != "raw" };
@id("raw-all") permit (principal, action == Action::"send_field", resource);
)");
  ASSERT_TRUE(next);
  gov_->RecordPolicies(*next, "reload");
  std::vector<std::string> change = audit_.Of("policy_change");
  ASSERT_EQ(change.size(), 1u);
  EXPECT_NE(
      change[0].find(R"("added":["raw-all"],"removed":["raw-unclassified"],"changed":["events"])"),
      std::string::npos)
      << change[0];
  // The set digest differs from the first one.
  auto digest = [](const std::string& m) {
    size_t at = m.find(R"("digest":")");
    return at == std::string::npos ? std::string() : m.substr(at + 10, 64);
  };
  EXPECT_EQ(digest(loaded[0]).size(), 64u);
  EXPECT_NE(digest(loaded[0]), digest(change[0]));
}

}  // namespace
}  // namespace metagate::governance
