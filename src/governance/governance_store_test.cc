#include "metagate/governance/governance_store.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

namespace metagate::governance {
namespace {

namespace fs = std::filesystem;

using Strings = std::vector<std::string>;

class GovernanceStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("metagate_govstore_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    Reopen();
  }
  void TearDown() override {
    store_.reset();
    fs::remove_all(dir_);
  }
  void Reopen() {
    store_.reset();
    auto s = GovernanceStore::Open(dir_.string());
    ASSERT_TRUE(s.ok()) << s.status().ToString();
    store_ = std::move(*s);
  }

  static FlowRow Row(std::string field, uint64_t count, int64_t first, int64_t last) {
    return FlowRow{"svc", "seg", "E", std::move(field), "email", "pseudonymized", "allowed",
                   count, first, last};
  }
  static ApprovalSighting Field(std::string path, std::string vendor, uint64_t count, int64_t first,
                                int64_t last) {
    return ApprovalSighting{"field",         "svc",     std::move(vendor), "E",
                            std::move(path), {"email"}, "xxx@xxx",         count,
                            first,           last};
  }
  static ApprovalSighting Event(std::string event) {
    return ApprovalSighting{"event", "svc", "seg", std::move(event), "", {}, "", 1, 10, 10};
  }
  int64_t Note(const ApprovalSighting& s) {
    auto ids = store_->NoteApprovals({s});
    EXPECT_TRUE(ids.ok()) << ids.status().ToString();
    return ids.ok() ? (*ids)[0] : -1;
  }
  int64_t HoldWaiting(std::vector<int64_t> waits, std::string sealed = "sealed") {
    HeldEvents h{0, "svc", "seg", "/v1/batch", std::move(waits), 1, std::move(sealed), 100};
    auto id = store_->Hold(h);
    EXPECT_TRUE(id.ok()) << id.status().ToString();
    return id.ok() ? *id : -1;
  }
  std::vector<int64_t> ReadyIds(size_t limit = 100) {
    auto ready = store_->ReadyToReplay(limit);
    EXPECT_TRUE(ready.ok()) << ready.status().ToString();
    std::vector<int64_t> ids;
    if (ready.ok()) {
      for (const HeldEvents& h : *ready) ids.push_back(h.id);
    }
    return ids;
  }

  fs::path dir_;
  std::unique_ptr<GovernanceStore> store_;
};

TEST_F(GovernanceStoreTest, FlowsSumCountsAndWidenFirstAndLastSeen) {
  ASSERT_TRUE(store_->AddFlows({Row("properties.email", 3, 100, 200)}).ok());
  ASSERT_TRUE(
      store_->AddFlows({Row("properties.email", 4, 50, 150), Row("properties.email", 1, 120, 300)})
          .ok());
  // Another form is another row.
  FlowRow dropped = Row("properties.email", 2, 10, 20);
  dropped.form = "dropped";
  ASSERT_TRUE(store_->AddFlows({dropped}).ok());
  auto rows = store_->Flows();
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 2u);
  const FlowRow& r = (*rows)[1];  // "pseudonymized" sorts after "dropped"
  EXPECT_EQ(r.form, "pseudonymized");
  EXPECT_EQ(r.count, 8u);
  EXPECT_EQ(r.first_seen_ms, 50);
  EXPECT_EQ(r.last_seen_ms, 300);
  EXPECT_EQ((*rows)[0].form, "dropped");
  EXPECT_EQ((*rows)[0].count, 2u);
}

TEST_F(GovernanceStoreTest, FlowsSinceKeepsRowsLastSeenAtOrAfterIt) {
  ASSERT_TRUE(
      store_->AddFlows({Row("a", 1, 10, 100), Row("b", 1, 10, 200), Row("c", 1, 150, 300)}).ok());
  auto since = store_->Flows(200);
  ASSERT_TRUE(since.ok());
  ASSERT_EQ(since->size(), 2u);
  EXPECT_EQ((*since)[0].field, "b");
  EXPECT_EQ((*since)[1].field, "c");
  EXPECT_EQ(store_->Flows(301)->size(), 0u);
  EXPECT_EQ(store_->Flows()->size(), 3u);
}

TEST_F(GovernanceStoreTest, NoteApprovalsCreatesPendingEntriesAndMergesSightings) {
  std::vector<bool> created;
  auto ids = store_->NoteApprovals({Field("properties.email", "seg", 2, 100, 110), Event("New")},
                                   &created);
  ASSERT_TRUE(ids.ok());
  ASSERT_EQ(ids->size(), 2u);
  EXPECT_NE((*ids)[0], (*ids)[1]);
  EXPECT_EQ(created, (std::vector<bool>{true, true}));
  // The same field from two other vendors (one listed twice), plus a new one.
  auto again = store_->NoteApprovals(
      {Field("properties.email", "mp", 3, 90, 120), Field("properties.email", "amp", 1, 130, 130),
       Field("properties.email", "mp", 1, 140, 140), Field("properties.name", "seg", 1, 5, 5)},
      &created);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ((*again)[0], (*ids)[0]);
  EXPECT_EQ((*again)[1], (*ids)[0]);
  EXPECT_EQ((*again)[2], (*ids)[0]);
  EXPECT_EQ(created, (std::vector<bool>{false, false, false, true}));
  auto a = store_->GetApproval((*ids)[0]);
  ASSERT_TRUE(a.ok());
  EXPECT_EQ(a->status, "pending");
  EXPECT_EQ(a->kind, "field");
  EXPECT_EQ(a->path, "properties.email");
  EXPECT_EQ(a->vendors, (Strings{"amp", "mp", "seg"}));
  EXPECT_EQ(a->count, 7u);
  EXPECT_EQ(a->first_seen_ms, 90);
  EXPECT_EQ(a->last_seen_ms, 140);
  EXPECT_EQ(a->classes, Strings{"email"});
  EXPECT_EQ(a->example, "xxx@xxx");
  auto found = store_->FindApproval("event", "svc", "New", "");
  ASSERT_TRUE(found.ok());
  EXPECT_EQ(*found, std::optional<int64_t>((*ids)[1]));
  EXPECT_FALSE(store_->FindApproval("event", "stg", "New", "")->has_value());
  EXPECT_EQ(store_->Approvals("pending")->size(), 3u);
  EXPECT_EQ(store_->Approvals("approved")->size(), 0u);
  auto bad = store_->Approvals("maybe");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().code(), StatusCode::kInvalidArgument);
}

TEST_F(GovernanceStoreTest, DecideOnceBumpsTheVersionAndKeepsTheClasses) {
  int64_t field = Note(Field("properties.email", "seg", 1, 1, 1));
  int64_t event = Note(Event("New"));
  EXPECT_EQ(*store_->DecisionsVersion(), 0);
  auto missing = store_->Decide(9999, true, {}, "ann", 5);
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(*store_->DecisionsVersion(), 0);

  auto approved = store_->Decide(field, true, {"email", "user_id"}, "ann", 500);
  ASSERT_TRUE(approved.ok()) << approved.status().ToString();
  EXPECT_EQ(approved->status, "approved");
  EXPECT_EQ(approved->decided_classes, (Strings{"email", "user_id"}));
  EXPECT_EQ(approved->classes, Strings{"email"});  // the detected ones stay
  EXPECT_EQ(approved->decided_by, "ann");
  EXPECT_EQ(approved->decided_ms, 500);
  EXPECT_EQ(*store_->DecisionsVersion(), 1);

  auto twice = store_->Decide(field, false, {}, "bob", 600);
  ASSERT_FALSE(twice.ok());
  EXPECT_EQ(twice.status().code(), StatusCode::kConflict);
  EXPECT_NE(twice.status().message().find("already approved"), std::string::npos);
  EXPECT_EQ(store_->GetApproval(field)->decided_by, "ann");
  EXPECT_EQ(*store_->DecisionsVersion(), 1);

  ASSERT_TRUE(store_->Decide(event, false, {}, "bob", 700).ok());
  EXPECT_EQ(*store_->DecisionsVersion(), 2);
  EXPECT_EQ(store_->Approvals("denied")->size(), 1u);
  EXPECT_EQ(store_->Approvals("pending")->size(), 0u);
  EXPECT_EQ(store_->Approvals("all")->size(), 2u);
}

TEST_F(GovernanceStoreTest, CatalogOverlayHoldsTheDecidedEntriesOnly) {
  int64_t detected = Note(Field("properties.email", "seg", 1, 1, 1));
  int64_t overridden = Note(Field("properties.contact.mail", "seg", 1, 1, 1));
  ApprovalSighting plain = Field("properties.plan", "seg", 1, 1, 1);
  plain.classes = {"unclassified"};
  int64_t unclassified = Note(plain);
  int64_t denied_field = Note(Field("properties.ssn", "seg", 1, 1, 1));
  int64_t approved_event = Note(Event("Signup"));
  int64_t denied_event = Note(Event("Spam"));
  Note(Field("properties.pending", "seg", 1, 1, 1));
  ASSERT_TRUE(store_->Decide(detected, true, {}, "a", 1).ok());
  ASSERT_TRUE(store_->Decide(overridden, true, {"user_id"}, "a", 1).ok());
  ASSERT_TRUE(store_->Decide(unclassified, true, {}, "a", 1).ok());
  ASSERT_TRUE(store_->Decide(denied_field, false, {}, "a", 1).ok());
  ASSERT_TRUE(store_->Decide(approved_event, true, {}, "a", 1).ok());
  ASSERT_TRUE(store_->Decide(denied_event, false, {}, "a", 1).ok());

  auto overlay = store_->CatalogOverlay();
  ASSERT_TRUE(overlay.ok());
  ASSERT_EQ(overlay->size(), 6u);  // the pending field is absent
  const auto& o = *overlay;
  for (const egress::CatalogEntry& e : o) EXPECT_EQ(e.source, "svc");
  ASSERT_EQ(o[0].fields.size(), 1u);
  EXPECT_EQ(o[0].event, "E");
  EXPECT_EQ(o[0].fields[0].path, "properties.email");
  EXPECT_EQ(o[0].fields[0].pointer, (Strings{"properties", "email"}));
  EXPECT_EQ(o[0].fields[0].classes, Strings{"email"});
  EXPECT_FALSE(o[0].fields[0].denied);
  EXPECT_FALSE(o[0].denied);
  EXPECT_EQ(o[1].fields[0].pointer, (Strings{"properties", "contact", "mail"}));
  EXPECT_EQ(o[1].fields[0].classes, Strings{"user_id"});
  EXPECT_TRUE(o[2].fields[0].classes.empty());
  EXPECT_TRUE(o[3].fields[0].denied);
  EXPECT_TRUE(o[3].fields[0].classes.empty());
  EXPECT_FALSE(o[3].denied);  // the event itself stays known
  EXPECT_EQ(o[4].event, "Signup");
  EXPECT_TRUE(o[4].fields.empty());
  EXPECT_FALSE(o[4].denied);
  EXPECT_EQ(o[5].event, "Spam");
  EXPECT_TRUE(o[5].denied);
}

TEST_F(GovernanceStoreTest, ReadyToReplayWaitsForEveryApproval) {
  int64_t a = Note(Field("properties.a", "seg", 1, 1, 1));
  int64_t b = Note(Field("properties.b", "seg", 1, 1, 1));
  int64_t c = Note(Event("C"));
  int64_t on_a = HoldWaiting({a});
  int64_t on_ab = HoldWaiting({a, b});
  int64_t on_c = HoldWaiting({c});
  int64_t on_none = HoldWaiting({});
  EXPECT_EQ(ReadyIds(), std::vector<int64_t>{on_none});
  ASSERT_TRUE(store_->Decide(a, true, {}, "x", 1).ok());
  EXPECT_EQ(ReadyIds(), (std::vector<int64_t>{on_a, on_none}));
  ASSERT_TRUE(store_->Decide(b, false, {}, "x", 1).ok());  // denied counts as decided
  EXPECT_EQ(ReadyIds(), (std::vector<int64_t>{on_a, on_ab, on_none}));
  EXPECT_EQ(ReadyIds(2), (std::vector<int64_t>{on_a, on_ab}));
  ASSERT_TRUE(store_->Decide(c, true, {}, "x", 1).ok());
  EXPECT_EQ(ReadyIds(), (std::vector<int64_t>{on_a, on_ab, on_c, on_none}));
  ASSERT_TRUE(store_->DeleteHeld(on_ab).ok());
  EXPECT_EQ(ReadyIds(), (std::vector<int64_t>{on_a, on_c, on_none}));
  EXPECT_EQ(*store_->HeldCount(), 3);
}

TEST_F(GovernanceStoreTest, ReadyToReplayLooksPastAPageOfWaitingEntries) {
  int64_t a = Note(Field("properties.a", "seg", 1, 1, 1));
  for (int i = 0; i < 300; ++i) HoldWaiting({a});
  int64_t last = HoldWaiting({});
  EXPECT_EQ(ReadyIds(), std::vector<int64_t>{last});
}

TEST_F(GovernanceStoreTest, HeldEntriesKeepTheirFields) {
  EXPECT_EQ(*store_->LastHeldId(), 0);
  std::string sealed("\x00\x01\xff sealed", 10);
  int64_t id = HoldWaiting({7, 3}, sealed);
  EXPECT_EQ(*store_->LastHeldId(), id);
  auto all = store_->AllHeld(10);
  ASSERT_TRUE(all.ok());
  ASSERT_EQ(all->size(), 1u);
  const HeldEvents& h = (*all)[0];
  EXPECT_EQ(h.id, id);
  EXPECT_EQ(h.sealed, sealed);
  EXPECT_EQ(h.waits_on, (std::vector<int64_t>{7, 3}));
  EXPECT_EQ(h.ingest_path, "/v1/batch");
  EXPECT_EQ(h.held_ms, 100);
  HoldWaiting({});
  EXPECT_EQ(store_->AllHeld(1)->size(), 1u);
}

TEST_F(GovernanceStoreTest, TakeUnloggedDecisionsReturnsEachDecisionOnce) {
  int64_t a = Note(Field("properties.a", "seg", 1, 1, 1));
  int64_t b = Note(Field("properties.b", "seg", 1, 1, 1));
  EXPECT_TRUE(store_->TakeUnloggedDecisions()->empty());  // pending ones are not decisions
  ASSERT_TRUE(store_->Decide(b, false, {}, "x", 10).ok());
  auto first = store_->TakeUnloggedDecisions();
  ASSERT_TRUE(first.ok());
  ASSERT_EQ(first->size(), 1u);
  EXPECT_EQ((*first)[0].id, b);
  EXPECT_EQ((*first)[0].status, "denied");
  EXPECT_TRUE(store_->TakeUnloggedDecisions()->empty());
  ASSERT_TRUE(store_->Decide(a, true, {}, "x", 20).ok());
  Reopen();  // the marks persist
  auto second = store_->TakeUnloggedDecisions();
  ASSERT_TRUE(second.ok());
  ASSERT_EQ(second->size(), 1u);
  EXPECT_EQ((*second)[0].id, a);
  EXPECT_TRUE(store_->TakeUnloggedDecisions()->empty());
}

TEST_F(GovernanceStoreTest, ReopenedStoreHasItsData) {
  ASSERT_TRUE(store_->AddFlows({Row("properties.email", 3, 100, 200)}).ok());
  int64_t a = Note(Field("properties.a", "seg", 2, 1, 1));
  ASSERT_TRUE(store_->Decide(a, true, {"email"}, "x", 1).ok());
  int64_t held = HoldWaiting({a});
  Reopen();
  EXPECT_EQ(store_->Flows()->at(0).count, 3u);
  auto approval = store_->GetApproval(a);
  ASSERT_TRUE(approval.ok());
  EXPECT_EQ(approval->status, "approved");
  EXPECT_EQ(approval->count, 2u);
  EXPECT_EQ(*store_->DecisionsVersion(), 1);
  EXPECT_EQ(ReadyIds(), std::vector<int64_t>{held});
  EXPECT_EQ(store_->file(), (dir_ / "governance.db").string());
  EXPECT_EQ(fs::status(dir_).permissions() & fs::perms::all, fs::perms::owner_all);
}

}  // namespace
}  // namespace metagate::governance
