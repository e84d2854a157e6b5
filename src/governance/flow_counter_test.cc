#include "metagate/governance/flow_counter.h"

#include <gtest/gtest.h>

namespace metagate::governance {
namespace {

using egress::ClassSource;
using Strings = std::vector<std::string>;

egress::FieldDecision Field(std::string field, uint32_t event, Strings classes, std::string form,
                            ClassSource source = ClassSource::kCatalog) {
  egress::FieldDecision f;
  f.path = "/" + field;
  f.field = std::move(field);
  f.event = event;
  f.classes = std::move(classes);
  f.form = std::move(form);
  f.source = source;
  return f;
}

// Two events: A allowed, B blocked for an unknown field; fields of both and of the envelope.
egress::FilterResult TwoEvents() {
  egress::FilterResult r;
  r.forwarded = true;
  r.events = {{"A", true, "", {}}, {"B", false, "unknown_field", {}}};
  r.fields = {Field("userId", 0, {"user_id", "email"}, "pseudonymized"),
              Field("type", 0, {}, "raw", ClassSource::kStructural),
              Field("writeKey", UINT32_MAX, {}, "replaced", ClassSource::kCredential),
              Field("sentAt", UINT32_MAX, {"timestamp"}, "raw"),
              Field("note", 1, {}, "dropped", ClassSource::kUnknown)};
  return r;
}

TEST(FlowCounterTest, EventDecisionsNameTheModeTheHoldAndTheCause) {
  egress::FilterResult r = TwoEvents();
  r.events.push_back({"C", false, "policy", {"p"}});
  EXPECT_EQ(EventDecisions(r, egress::Mode::kEnforce, {}),
            (Strings{"allowed", "blocked:unknown_field", "blocked:policy"}));
  EXPECT_EQ(EventDecisions(r, egress::Mode::kEnforce, {false, true, false}),
            (Strings{"allowed", "held", "blocked:policy"}));
  EXPECT_EQ(EventDecisions(r, egress::Mode::kObserve, {})[0], "observed");
  EXPECT_EQ(EventDecisions(r, egress::Mode::kDiscover, {})[0], "discovered");
}

TEST(FlowCounterTest, CountsEventsAndFieldsButNotStructureOrCredentials) {
  FlowCounter c;
  EXPECT_TRUE(c.empty());
  egress::FilterResult r = TwoEvents();
  std::vector<std::string> decisions = {"allowed", "held"};
  c.Add("svc", "seg", r, decisions, egress::Mode::kEnforce, 100);
  c.Add("svc", "seg", r, decisions, egress::Mode::kEnforce, 250);
  EXPECT_FALSE(c.empty());
  std::vector<FlowRow> rows = c.Take();
  EXPECT_TRUE(c.empty());
  EXPECT_TRUE(c.Take().empty());
  // Sorted by event then field: (envelope) sentAt, A, A userId, B, B note.
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].event, std::string(egress::kEnvelopeEvent));
  EXPECT_EQ(rows[0].field, "sentAt");
  EXPECT_EQ(rows[0].decision, "allowed");  // the envelope follows the request
  EXPECT_EQ(rows[1].event, "A");
  EXPECT_EQ(rows[1].field, "");
  EXPECT_EQ(rows[1].decision, "allowed");
  EXPECT_EQ(rows[1].count, 2u);
  EXPECT_EQ(rows[1].first_seen_ms, 100);
  EXPECT_EQ(rows[1].last_seen_ms, 250);
  EXPECT_EQ(rows[2].field, "userId");
  EXPECT_EQ(rows[2].classes, "email,user_id");  // sorted
  EXPECT_EQ(rows[2].form, "pseudonymized");
  EXPECT_EQ(rows[3].event, "B");
  EXPECT_EQ(rows[3].decision, "held");
  EXPECT_EQ(rows[4].field, "note");
  EXPECT_EQ(rows[4].form, "dropped");
  EXPECT_EQ(rows[4].decision, "held");
  for (const FlowRow& row : rows) {
    EXPECT_NE(row.field, "type");
    EXPECT_NE(row.field, "writeKey");
    EXPECT_EQ(row.integration, "svc");
  }

  // Nothing forwarded: the envelope's fields are blocked.
  r.forwarded = false;
  c.Add("svc", "seg", r, decisions, egress::Mode::kEnforce, 300);
  EXPECT_EQ(c.Take()[0].decision, "blocked");
}

TEST(FlowCounterTest, MergeAddsCountsAndWidensTimes) {
  FlowCounter c;
  FlowRow row{"svc", "seg", "A", "", "", "", "allowed", 3, 100, 200};
  FlowRow other = row;
  other.count = 4;
  other.first_seen_ms = 50;
  other.last_seen_ms = 150;
  FlowRow later = row;
  later.count = 1;
  later.first_seen_ms = 300;
  later.last_seen_ms = 400;
  c.Merge({row, other, later});
  std::vector<FlowRow> rows = c.Take();
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].count, 8u);
  EXPECT_EQ(rows[0].first_seen_ms, 50);
  EXPECT_EQ(rows[0].last_seen_ms, 400);
}

}  // namespace
}  // namespace metagate::governance
