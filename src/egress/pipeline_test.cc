#include "metagate/egress/pipeline.h"

#include <gtest/gtest.h>
#include <simdjson.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <numeric>
#include <set>

namespace metagate::egress {
namespace {

namespace fs = std::filesystem;

// A config folder with one policy file, written fresh per test.
class PipelineTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("metagate_pipeline_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("k1.key", "unit-test-pseudonym-key-0123456789\n");
    ::setenv("METAGATE_UNIT_INGEST", "vendor-key-from-config", 1);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  // Builds a pipeline from `policies` and config `extra` (catalog, unknown_*, mode...).
  std::shared_ptr<const Pipeline> Make(const std::string& policies, const std::string& extra,
                                       const std::string& vendor_extra = "") {
    Write("policies.cedar", policies);
    Write("metagate.yaml",
          "policies: [policies.cedar]\n"
          "schema: " METAGATE_SOURCE_DIR
          "/schema/egress.cedarschema\n"
          "keys: { pseudonym: { current: k1, keys: { k1: \"file:k1.key\" } } }\n"
          "integrations:\n"
          "  - { id: svc, kind: service, environment: production, roles: [r] }\n"
          "  - { id: stg, kind: service, environment: staging, roles: [r] }\n"
          "vendors:\n"
          "  - { id: seg, category: analytics, residency: eu, format: segment" +
              vendor_extra +
              " }\n"
              "  - { id: seg2, category: analytics, residency: eu, format: "
              "segment, pseudonym_key: own }\n"
              "  - { id: mp, category: analytics, residency: us, format: "
              "mixpanel, credentials: { ingest_key: \"env:METAGATE_UNIT_INGEST\" "
              "} }\n" +
              extra);
    auto config = LoadEgressConfig((dir_ / "metagate.yaml").string());
    EXPECT_TRUE(config.ok()) << config.status().ToString();
    if (!config.ok()) return nullptr;
    auto p = Pipeline::Create(*config);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? *p : nullptr;
  }

  FilterResult Run(const Pipeline& p, const std::string& body,
                   const std::string& integration = "svc", const std::string& vendor = "seg") {
    auto r = p.Filter(integration, vendor, body, scratch_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : FilterResult{};
  }

  static const FieldDecision* Field(const FilterResult& r, const std::string& path) {
    for (const FieldDecision& f : r.fields) {
      if (f.path == path) return &f;
    }
    return nullptr;
  }

  fs::path dir_;
  PipelineScratch scratch_;
};

constexpr char kEvents[] =
    R"(@id("events") permit (principal, action == Action::"send_event", resource);
)";
constexpr char kAllFieldsNotRaw[] =
    R"(@id("not-raw") permit (principal, action == Action::"send_field", resource) when { context.form != "raw" };
@id("raw-unclassified") permit (principal, action == Action::"send_field", resource) when { context.form == "raw" && context.class == DataClass::"unclassified" };
)";
constexpr char kCatalog[] = R"(catalog:
  - source: "*"
    event: "*"
    fields: { userId: user_id, "context.ip": ip_address, "properties.plan": [], "properties.email": email, "properties.prompt": prompt_text }
unknown_events: allow
)";

TEST_F(PipelineTest, FirstPermittedRungOfTheLadderApplies) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw, kCatalog);
  ASSERT_TRUE(p);
  FilterResult r = Run(
      *p,
      R"({"type":"track","event":"E","userId":"u1","context":{"ip":"203.0.113.77"},"properties":{"plan":"pro","email":"Ann@Example.com"}})");
  ASSERT_TRUE(r.forwarded);
  EXPECT_EQ(Field(r, "/userId")->form, "pseudonymized");    // user_id: raw, pseudonymized
  EXPECT_EQ(Field(r, "/context/ip")->form, "generalized");  // ip: raw, generalized, ...
  EXPECT_EQ(Field(r, "/properties/plan")->form, "raw");
  EXPECT_EQ(Field(r, "/properties/plan")->reasons, std::vector<std::string>{"raw-unclassified"});
  EXPECT_NE(r.body.find(R"("ip":"203.0.113.0")"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("u1"), std::string::npos);
  EXPECT_EQ(r.body.find("Ann@"), std::string::npos);
  EXPECT_NE(r.body.find(R"("userId":"ps_k1_)"), std::string::npos);
}

TEST_F(PipelineTest, NullValuesLeaveAsNullInEveryTransformedForm) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw, kCatalog);
  ASSERT_TRUE(p);
  FilterResult r = Run(
      *p,
      R"({"type":"track","event":"E","userId":null,"context":{"ip":null},"properties":{"email":null}})");
  ASSERT_TRUE(r.forwarded);
  EXPECT_EQ(Field(r, "/userId")->form, "pseudonymized");
  EXPECT_EQ(Field(r, "/context/ip")->form, "generalized");
  EXPECT_NE(r.body.find(R"("userId":null)"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(R"("ip":null)"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(R"("email":null)"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("ps_"), std::string::npos) << r.body;
}

TEST_F(PipelineTest, PseudonymsAreStablePerKeyAndDifferPerOwnVendorKey) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw, kCatalog);
  ASSERT_TRUE(p);
  std::string body = R"({"type":"track","event":"E","properties":{"email":"ann@example.com"}})";
  std::string body_upper =
      R"({"type":"track","event":"E","properties":{"email":" ANN@example.com"}})";
  FilterResult a = Run(*p, body), b = Run(*p, body_upper), c = Run(*p, body, "svc", "seg2");
  EXPECT_EQ(a.body, b.body);  // e-mails are normalised before the HMAC
  EXPECT_NE(a.body, c.body);  // seg2 has a key of its own
  EXPECT_NE(c.body.find("ps_k1.seg2_"), std::string::npos) << c.body;
}

TEST_F(PipelineTest, ForbidOnAGroupFallsThroughToTheNextForm) {
  auto p = Make(std::string(kEvents) +
                    R"(@id("all") permit (principal, action == Action::"send_field", resource);
@id("no-raw-ids") forbid (principal, action == Action::"send_field", resource) when { context.class in DataClass::"identifier" && context.form == "raw" };
)",
                kCatalog);
  ASSERT_TRUE(p);
  FilterResult r = Run(
      *p,
      R"({"type":"track","event":"E","userId":"u1","properties":{"email":"a@b.example","plan":"x"}})");
  EXPECT_EQ(Field(r, "/userId")->form, "pseudonymized");
  EXPECT_EQ(Field(r, "/properties/email")->form, "pseudonymized");  // email in direct_identifier
  EXPECT_EQ(Field(r, "/properties/plan")->form, "raw");
}

TEST_F(PipelineTest, NoPermittedFormDropsTheFieldWithTheRefusingPolicy) {
  auto p = Make(std::string(kEvents) +
                    R"(@id("raw-all") permit (principal, action == Action::"send_field", resource);
@id("no-email") forbid (principal, action == Action::"send_field", resource) when { context.class == DataClass::"email" };
)",
                kCatalog);
  ASSERT_TRUE(p);
  FilterResult r =
      Run(*p, R"({"type":"track","event":"E","properties":{"email":"a@b.example","plan":"x"}})");
  const FieldDecision* f = Field(r, "/properties/email");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->form, "dropped");
  EXPECT_EQ(f->reasons, std::vector<std::string>{"no-email"});
  EXPECT_EQ(r.body, R"({"type":"track","event":"E","properties":{"plan":"x"}})");
}

TEST_F(PipelineTest, SendEventDenyBlocksTheEventAndOnlyIt) {
  auto p = Make(
      R"(@id("prod-only") permit (principal, action == Action::"send_event", resource) when { context.environment == "production" && context.event != "Secret" };
@id("raw") permit (principal, action == Action::"send_field", resource);
)",
      kCatalog);
  ASSERT_TRUE(p);
  std::string batch =
      R"({"batch":[{"type":"track","event":"Secret","userId":"u1"},{"type":"track","event":"Ok","userId":"u2"}],"sentAt":"2024-01-01T00:00:00Z"})";
  FilterResult r = Run(*p, batch);
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_FALSE(r.events[0].allowed);
  EXPECT_EQ(r.events[0].why, "policy");
  EXPECT_TRUE(r.events[1].allowed);
  EXPECT_EQ(
      r.body,
      R"({"batch":[{"type":"track","event":"Ok","userId":"u2"}],"sentAt":"2024-01-01T00:00:00Z"})");
  // Form counts cover what leaves: the allowed event's type, event, userId and the envelope's
  // sentAt, all raw.
  EXPECT_EQ(r.form_counts[0], 4u);
  EXPECT_EQ(std::accumulate(r.form_counts.begin(), r.form_counts.end(), 0u), 4u);
  FilterResult staging = Run(*p, batch, "stg");
  EXPECT_FALSE(staging.forwarded);
  EXPECT_TRUE(staging.body.empty());
  EXPECT_EQ(std::accumulate(staging.form_counts.begin(), staging.form_counts.end(), 0u), 0u);
}

TEST_F(PipelineTest, UnknownFieldsAreDroppedBlockedOrClassified) {
  std::string policies = std::string(kEvents) + kAllFieldsNotRaw;
  std::string body =
      R"({"type":"track","event":"E","userId":"u1","properties":{"note":"write to bob@example.com"}})";
  {
    auto p = Make(policies, std::string(kCatalog) + "unknown_fields: drop\n");
    FilterResult r = Run(*p, body);
    const FieldDecision* f = Field(r, "/properties/note");
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(f->form, "dropped");
    EXPECT_TRUE(f->pending);
    EXPECT_EQ(f->source, ClassSource::kUnknown);
    EXPECT_EQ(r.body.find("properties"), std::string::npos) << r.body;  // emptied, so removed
  }
  {
    auto p = Make(policies, std::string(kCatalog) + "unknown_fields: block\n");
    FilterResult r = Run(*p, body);
    EXPECT_FALSE(r.forwarded);
    EXPECT_EQ(r.events[0].why, "unknown_field");
  }
  {
    auto p = Make(policies, std::string(kCatalog) + "unknown_fields: classify\n");
    FilterResult r = Run(*p, body);
    const FieldDecision* f = Field(r, "/properties/note");
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(f->pending);
    EXPECT_EQ(f->source, ClassSource::kDetector);
    EXPECT_EQ(f->classes, std::vector<std::string>{"email"});
    EXPECT_EQ(f->form, "pseudonymized");  // email: raw (refused), pseudonymized
  }
}

TEST_F(PipelineTest, UnknownEventsAreBlockedByDefault) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw,
                "catalog:\n  - { source: svc, event: Known, fields: { userId: user_id } }\n");
  ASSERT_TRUE(p);
  FilterResult r =
      Run(*p, R"({"batch":[{"type":"track","event":"Other"},{"type":"track","event":"Known"}]})");
  EXPECT_FALSE(r.events[0].allowed);
  EXPECT_EQ(r.events[0].why, "unknown_event");
  EXPECT_TRUE(r.events[1].allowed);
  // The catalog entry is for svc only: stg's events are unknown.
  EXPECT_FALSE(Run(*p, R"({"type":"track","event":"Known"})", "stg").forwarded);
}

TEST_F(PipelineTest, FreeTextIsRedactedSpanBySpan) {
  auto p = Make(
      std::string(kEvents) +
          R"(@id("redacted") permit (principal, action == Action::"send_field", resource) when { context.form == "redacted" };
)",
      kCatalog);
  ASSERT_TRUE(p);
  FilterResult r = Run(
      *p,
      R"({"type":"track","event":"E","properties":{"prompt":"Mail bob@example.com about the refund"}})");
  EXPECT_EQ(Field(r, "/properties/prompt")->form, "redacted");
  EXPECT_NE(r.body.find(R"("prompt":"Mail [EMAIL] about the refund")"), std::string::npos)
      << r.body;
}

TEST_F(PipelineTest, ObserveModeForwardsUnchangedButRecordsDecisions) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw, std::string(kCatalog) + "mode: observe\n");
  ASSERT_TRUE(p);
  std::string body = R"({"type":"track","event":"E","userId":"u1","extra":1.0})";
  FilterResult r = Run(*p, body);
  EXPECT_EQ(r.body, body);
  EXPECT_EQ(Field(r, "/userId")->form, "pseudonymized");
  EXPECT_EQ(Field(r, "/extra")->form, "dropped");
}

TEST_F(PipelineTest, VendorCredentialIsReplacedOrRemoved) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw,
                "catalog:\n  - { source: \"*\", event: \"*\", fields: { properties.plan: [] } }\n"
                "unknown_events: allow\n");
  ASSERT_TRUE(p);
  FilterResult mp =
      Run(*p, R"([{"event":"E","properties":{"token":"senders-token","plan":"x"}}])", "svc", "mp");
  EXPECT_TRUE(mp.credential_replaced);
  EXPECT_EQ(mp.body,
            R"([{"event":"E","properties":{"token":"vendor-key-from-config","plan":"x"}}])");
  FilterResult seg = Run(*p, R"({"writeKey":"senders-key","type":"track","event":"E"})");
  EXPECT_TRUE(seg.credential_replaced);
  EXPECT_EQ(seg.body, R"({"type":"track","event":"E"})");  // seg has no ingest key configured
}

TEST_F(PipelineTest, IdempotencyKeysAreAddedOnlyWhereMissing) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw,
                "catalog:\n  - { source: \"*\", event: \"*\", fields: { properties.plan: [] } }\n"
                "unknown_events: allow\n");
  ASSERT_TRUE(p);
  FilterOptions add;
  add.add_idempotency_keys = true;
  auto run = [&](const std::string& body, const std::string& vendor) {
    auto r = p->Filter("svc", vendor, body, scratch_, add);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : FilterResult{};
  };
  // Segment: a batch where one message has a messageId and one has none.
  FilterResult seg = run(
      R"({"batch":[{"type":"track","event":"A","messageId":"m-1"},{"type":"track","event":"B"}]})",
      "seg");
  EXPECT_EQ(seg.idempotency_keys_added, 1u);
  simdjson::dom::parser parser;
  simdjson::dom::element root = parser.parse(seg.body);
  EXPECT_EQ(std::string_view(root.at_pointer("/batch/0/messageId").get_string()), "m-1");
  std::string_view added = root.at_pointer("/batch/1/messageId").get_string();
  ASSERT_EQ(added.size(), 36u) << seg.body;
  EXPECT_EQ(added[14], '4');  // a version-4 UUID
  // Two bodies never get the same key.
  FilterResult again = run(R"({"type":"track","event":"B"})", "seg");
  simdjson::dom::element root2 = parser.parse(again.body);
  std::string_view added2 = root2["messageId"].get_string();
  EXPECT_EQ(added2.size(), 36u);
  EXPECT_NE(std::string(added2), std::string(added));
  // Mixpanel: inside `properties`; kept when present.
  FilterResult mp = run(
      R"([{"event":"A","properties":{"token":"t","$insert_id":"i-1"}},{"event":"B","properties":{"token":"t"}}])",
      "mp");
  EXPECT_EQ(mp.idempotency_keys_added, 1u);
  simdjson::dom::element root3 = parser.parse(mp.body);
  EXPECT_EQ(std::string_view(root3.at_pointer("/0/properties/$insert_id").get_string()), "i-1");
  EXPECT_EQ(std::string_view(root3.at_pointer("/1/properties/$insert_id").get_string()).size(),
            36u);
  // Without the option, nothing is added.
  FilterResult plain = Run(*p, R"({"type":"track","event":"B"})");
  EXPECT_EQ(plain.idempotency_keys_added, 0u);
  EXPECT_EQ(plain.body, R"({"type":"track","event":"B"})");
}

// Subtrees whose every field is unknown are skipped whole (plans mark them); what must stay
// stays: containers that came empty, the event itself, the parent of an idempotency key, and
// every value of a held event.
TEST_F(PipelineTest, DroppedSubtreesGoAndEmptyContainersStay) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw,
                std::string(kCatalog) + "unknown_fields: drop\n");
  ASSERT_TRUE(p);
  FilterResult r = Run(
      *p,
      R"({"type":"track","event":"E","context":{"app":{"name":"a","build":"1"},"tags":[],"extra":{},"list":["x",{"y":[2]}]},"properties":{"plan":"pro","nested":{"deep":{"a":1}},"n":[[],[3]]}})");
  EXPECT_EQ(
      r.body,
      R"({"type":"track","event":"E","context":{"tags":[],"extra":{}},"properties":{"plan":"pro","n":[[]]}})");
  // Nothing but unknown fields: the event stays, as an event with its structural fields.
  EXPECT_EQ(Run(*p, R"({"type":"track","event":"E","foo":{"bar":{"baz":1}}})").body,
            R"({"type":"track","event":"E"})");
  EXPECT_EQ(
      Run(*p, R"({"batch":[{"type":"track","event":"E","foo":{"bar":1}}],"ctx":{"a":1}})").body,
      R"({"batch":[{"type":"track","event":"E"}]})");
  // Mixpanel: `properties` holds only unknown fields but is where the insert id goes.
  FilterOptions add;
  add.add_idempotency_keys = true;
  auto mp =
      p->Filter("svc", "mp", R"([{"event":"A","properties":{"x":{"y":1},"z":2}}])", scratch_, add);
  ASSERT_TRUE(mp.ok()) << mp.status().ToString();
  EXPECT_EQ(mp->idempotency_keys_added, 1u);
  EXPECT_EQ(mp->body.rfind(R"([{"event":"A","properties":{"$insert_id":")", 0), 0u) << mp->body;
  // A held event keeps every value as it came, dropped subtrees included.
  auto held_p = Make(std::string(kEvents) + kAllFieldsNotRaw,
                     std::string(kCatalog) + "unknown_fields: block\n");
  ASSERT_TRUE(held_p);
  FilterOptions hold;
  hold.hold_unknown = true;
  auto held = held_p->Filter(
      "svc", "seg", R"({"type":"track","event":"E","messageId":"m","foo":{"bar":{"baz":1}}})",
      scratch_, hold);
  ASSERT_TRUE(held.ok()) << held.status().ToString();
  ASSERT_EQ(held->held_bodies.size(), 1u);
  EXPECT_EQ(held->held_bodies[0],
            R"({"type":"track","event":"E","messageId":"m","foo":{"bar":{"baz":1}}})");
}

TEST_F(PipelineTest, OtlpAttributesAreNamedByKeyAndDroppedWhole) {
  std::string vendors =
      "  - { id: otel, category: observability, residency: eu, format: otlp-logs }\n";
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw,
                vendors +
                    "catalog:\n  - { source: \"*\", event: \"*\", fields: { "
                    "attributes.enduser.id: user_id, attributes.http.method: [] } }\n"
                    "unknown_events: allow\n");
  ASSERT_TRUE(p);
  std::string body =
      R"({"resourceLogs":[{"resource":{"attributes":[{"key":"host.name","value":{"stringValue":"h1"}}]},"scopeLogs":[{"logRecords":[{"timeUnixNano":"1","attributes":[{"key":"enduser.id","value":{"stringValue":"u1"}},{"key":"http.method","value":{"stringValue":"GET"}},{"key":"secret.thing","value":{"stringValue":"zz"}}]}]}]}]})";
  FilterResult r = Run(*p, body, "svc", "otel");
  ASSERT_TRUE(r.forwarded);
  const FieldDecision* f =
      Field(r, "/resourceLogs/0/scopeLogs/0/logRecords/0/attributes/0/value/stringValue");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->field, "attributes.enduser.id");
  EXPECT_EQ(f->form, "pseudonymized");
  EXPECT_EQ(r.body.find("secret.thing"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("host.name"), std::string::npos) << r.body;  // envelope field, unknown
  EXPECT_NE(r.body.find(R"({"key":"http.method","value":{"stringValue":"GET"}})"),
            std::string::npos)
      << r.body;
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  EXPECT_FALSE(parser.parse(r.body).get(root)) << r.body;
}

TEST_F(PipelineTest, ANewPipelineInvalidatesTheScratchsPlans) {
  std::string body = R"({"type":"track","event":"E","userId":"u1"})";
  auto raw = Make(std::string(kEvents) +
                      R"(@id("raw") permit (principal, action == Action::"send_field", resource);
)",
                  kCatalog);
  ASSERT_TRUE(raw);
  EXPECT_EQ(Field(Run(*raw, body), "/userId")->form, "raw");
  auto pseudo = Make(std::string(kEvents) + kAllFieldsNotRaw, kCatalog);  // a "reload"
  ASSERT_TRUE(pseudo);
  EXPECT_EQ(Field(Run(*pseudo, body), "/userId")->form, "pseudonymized");  // same scratch
  EXPECT_EQ(Field(Run(*raw, body), "/userId")->form, "raw");
}

TEST_F(PipelineTest, SameShapeOtherValuesReusesThePlanButNotTheValues) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw, kCatalog);
  ASSERT_TRUE(p);
  FilterResult a = Run(*p, R"({"type":"track","event":"E","context":{"ip":"203.0.113.77"}})");
  FilterResult b = Run(*p, R"({"type":"track","event":"E","context":{"ip":"198.51.100.9"}})");
  FilterResult c = Run(*p, R"({"type":"track","event":"E","context":{"ip":"$remote"}})");
  EXPECT_NE(a.body.find("203.0.113.0"), std::string::npos) << a.body;
  EXPECT_NE(b.body.find("198.51.100.0"), std::string::npos) << b.body;
  // "$remote" cannot be generalized: the next permitted form (pseudonymized) applies.
  EXPECT_EQ(Field(c, "/context/ip")->form, "pseudonymized");
  // Another event name is another shape: the catalog and policies are asked again.
  FilterResult d = Run(*p, R"({"type":"track","event":"F","context":{"ip":"203.0.113.77"}})");
  EXPECT_EQ(d.events[0].name, "F");
  EXPECT_EQ(Field(d, "/context/ip")->form, "generalized");
}

// The second body of a shape is written from the template its first body left; a body whose
// leaves drop otherwise than the template's is walked instead.
TEST_F(PipelineTest, BodiesOfOneShapeAreWrittenFromItsTemplateOrWalked) {
  auto p = Make(
      std::string(kEvents) +
          R"(@id("gen") permit (principal, action == Action::"send_field", resource) when { context.form == "generalized" };
@id("raw-unclassified") permit (principal, action == Action::"send_field", resource) when { context.form == "raw" && context.class == DataClass::"unclassified" };
)",
      kCatalog);
  ASSERT_TRUE(p);
  auto body = [](const std::string& ip, const std::string& plan) {
    return R"({"type":"track","event":"E","userId":"u1","context":{"ip":")" + ip +
           R"("},"properties":{"plan":")" + plan + R"("}})";
  };
  EXPECT_EQ(
      Run(*p, body("203.0.113.77", "pro")).body,
      R"({"type":"track","event":"E","context":{"ip":"203.0.113.0"},"properties":{"plan":"pro"}})");
  // "$remote" cannot be generalized and nothing else is permitted: the ip goes, and so does
  // `context`, left empty.
  EXPECT_EQ(Run(*p, body("$remote", "pro")).body,
            R"({"type":"track","event":"E","properties":{"plan":"pro"}})");
  EXPECT_EQ(
      Run(*p, body("198.51.100.9", R"(team \"x\"\n)")).body,
      R"({"type":"track","event":"E","context":{"ip":"198.51.100.0"},"properties":{"plan":"team \"x\"\n"}})");
  // Three events of that shape in one batch, each given its own idempotency key.
  FilterOptions add;
  add.add_idempotency_keys = true;
  std::string batch = "{\"batch\":[" + body("203.0.113.1", "a") + "," + body("$remote", "b") + "," +
                      body("203.0.113.3", "c") + "]}";
  auto r = p->Filter("svc", "seg", batch, scratch_, add);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->idempotency_keys_added, 3u);
  simdjson::dom::parser parser;
  simdjson::dom::element root;
  ASSERT_FALSE(parser.parse(r->body).get(root)) << r->body;
  std::set<std::string> keys;
  for (int i = 0; i < 3; ++i) {
    std::string at = "/batch/" + std::to_string(i);
    std::string_view key;
    ASSERT_FALSE(root.at_pointer(at + "/messageId").get_string().get(key)) << r->body;
    keys.emplace(key);
    std::string_view plan;
    ASSERT_FALSE(root.at_pointer(at + "/properties/plan").get_string().get(plan));
    EXPECT_EQ(plan, std::string(1, static_cast<char>('a' + i)));
    simdjson::dom::element userid;
    EXPECT_TRUE(root.at_pointer(at + "/userId").get(userid)) << r->body;
  }
  EXPECT_EQ(keys.size(), 3u);
  std::string_view ip;
  ASSERT_FALSE(root.at_pointer("/batch/2/context/ip").get_string().get(ip));
  EXPECT_EQ(ip, "203.0.113.0");
  simdjson::dom::element none;
  EXPECT_TRUE(root.at_pointer("/batch/1/context").get(none)) << r->body;
}

// Observe mode writes every body as it came, the second of a shape as the first.
TEST_F(PipelineTest, ObserveModeWritesEveryBodyOfAShapeAsItCame) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw, std::string(kCatalog) + "mode: observe\n");
  ASSERT_TRUE(p);
  for (
      const char* body :
      {R"({"type":"track","event":"E","userId":"u1","context":{"ip":"203.0.113.77"},"n":1.5})",
       R"({"type":"track","event":"E","userId":"u2","context":{"ip":"$remote"},"n":-7})",
       R"({"type":"track","event":"E","userId":null,"context":{"ip":"10.0.0.1"},"n":18446744073709551615})"}) {
    EXPECT_EQ(Run(*p, body).body, body);
  }
}

// A shape key holds every key in full: keys that agree on their first 16 bytes (or on all but
// their length) are other shapes, planned on their own.
TEST_F(PipelineTest, KeysThatShareAPrefixAreOtherShapes) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw,
                "catalog:\n  - { source: \"*\", event: \"*\", fields: { "
                "properties.abcdefghijklmnop: [], properties.abcdefghijklmnopq: [], "
                "\"properties.a\\\"b\": [] } }\nunknown_events: allow\nunknown_fields: drop\n");
  ASSERT_TRUE(p);
  auto kept = [&](const std::string& key) {
    std::string body = R"({"type":"track","event":"E","properties":{")" + key + R"(":"v"}})";
    return Run(*p, body).body.find(R"("v")") != std::string::npos;
  };
  EXPECT_TRUE(kept("abcdefghijklmnop"));    // 16 bytes
  EXPECT_FALSE(kept("abcdefghijklmnoq"));   // 16 bytes, the last differs
  EXPECT_FALSE(kept("abcdefghijklmno"));    // 15: a prefix
  EXPECT_TRUE(kept("abcdefghijklmnopq"));   // 17 bytes
  EXPECT_FALSE(kept("abcdefghijklmnopr"));  // 17, the 17th differs
  EXPECT_FALSE(kept("abcdefghijklmnopqr"));
  EXPECT_TRUE(kept(R"(a\"b)"));  // an escaped quote in the key
  EXPECT_FALSE(kept(R"(a\"c)"));
  EXPECT_TRUE(kept("abcdefghijklmnop"));  // the plans stay apart
}

TEST_F(PipelineTest, OtlpTracesAndPlainJsonFormats) {
  std::string vendors =
      "  - { id: traces, category: observability, residency: eu, format: otlp-traces }\n"
      "  - { id: hook, category: crm, residency: eu, format: json }\n";
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw,
                vendors +
                    "catalog:\n  - { source: \"*\", event: \"*\", fields: { "
                    "attributes.enduser.id: user_id, email: email } }\n"
                    "unknown_events: allow\n");
  ASSERT_TRUE(p);
  FilterResult t = Run(
      *p,
      R"({"resourceSpans":[{"scopeSpans":[{"spans":[{"traceId":"t1","spanId":"s1","name":"GET /x","attributes":[{"key":"enduser.id","value":{"stringValue":"u1"}},{"key":"db.statement","value":{"stringValue":"select 1"}}]}]}]}]})",
      "svc", "traces");
  ASSERT_EQ(t.events.size(), 1u);
  EXPECT_EQ(t.events[0].name, "GET /x");
  EXPECT_NE(t.body.find(R"("traceId":"t1")"), std::string::npos) << t.body;  // structural
  EXPECT_EQ(t.body.find("select 1"), std::string::npos) << t.body;           // unknown: dropped
  EXPECT_EQ(t.body.find("\"u1\""), std::string::npos) << t.body;             // pseudonymized
  FilterResult j =
      Run(*p, R"([{"event":"signup","email":"a@b.example","name":"Ann Lee"}])", "svc", "hook");
  ASSERT_EQ(j.events.size(), 1u);
  EXPECT_EQ(j.events[0].name, "signup");
  EXPECT_EQ(Field(j, "/0/email")->form, "pseudonymized");
  EXPECT_EQ(j.body.find("Ann Lee"), std::string::npos) << j.body;
}

TEST_F(PipelineTest, DiscoverModeRecordsClassesWithoutAskingPolicies) {
  // A policy set that denies everything: discover forwards anyway and records what it saw.
  auto p = Make(R"(@id("nothing") forbid (principal, action, resource);
)",
                "mode: discover\n");
  ASSERT_TRUE(p);
  std::string body = R"({"type":"track","event":"E","properties":{"contact":"ann@example.com"}})";
  FilterResult r = Run(*p, body);
  EXPECT_TRUE(r.forwarded);
  EXPECT_EQ(r.body, body);
  const FieldDecision* f = Field(r, "/properties/contact");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->classes, std::vector<std::string>{"email"});
  EXPECT_TRUE(f->pending);
  EXPECT_TRUE(f->reasons.empty());
}

TEST_F(PipelineTest, BadBodiesAreErrorsThatDoNotQuoteTheBody) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw, kCatalog);
  ASSERT_TRUE(p);
  for (std::string body :
       {std::string(R"({"type":"track","userId":"ann@example.com",)"),
        std::string(R"({"type":"track","userId":"ann@example.com","userId":"b"})"),
        std::string(R"("ann@example.com")"),
        std::string(
            R"({"type":"track","event":"E","m":{"ann@example.com":1,"ann@example.com":2}})"),
        std::string(200, '[')}) {
    auto r = p->Filter("svc", "seg", body, scratch_);
    ASSERT_FALSE(r.ok()) << body;
    EXPECT_EQ(r.status().ToString().find("ann@"), std::string::npos) << r.status().ToString();
  }
  EXPECT_FALSE(p->Filter("nobody", "seg", "{}", scratch_).ok());
  EXPECT_FALSE(p->Filter("svc", "nowhere", "{}", scratch_).ok());
}

// Duplicate keys are checked when a shape is first planned; a shape key lists every key with
// its length, so a body with a duplicate never reuses the plan of one without, whatever the keys
// look like (lengths that read as structure bytes: 125 is '}', 75 is 'K', 34 is '"').
TEST_F(PipelineTest, DuplicateKeysAreRefusedAfterTheirShapeWasPlanned) {
  auto p = Make(std::string(kEvents) + kAllFieldsNotRaw, kCatalog);
  ASSERT_TRUE(p);
  for (size_t n : {1, 34, 75, 123, 125, 200}) {
    std::string a(n, 'a'), b(n, 'b');
    std::string ok = R"({"batch":[{"type":"track","event":"E","m":{")" + a + R"(":1,")" + b +
                     R"(":2}}],"x":{")" + a + R"(":1,")" + b + R"(":2}})";
    ASSERT_TRUE(p->Filter("svc", "seg", ok, scratch_).ok()) << n;
    std::string in_event = R"({"batch":[{"type":"track","event":"E","m":{")" + a + R"(":1,")" + a +
                           R"(":2}}],"x":{")" + a + R"(":1,")" + b + R"(":2}})";
    auto r = p->Filter("svc", "seg", in_event, scratch_);
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_NE(r.status().ToString().find("duplicate key (at depth 3)"), std::string::npos)
        << r.status().ToString();
    std::string in_envelope = R"({"batch":[{"type":"track","event":"E","m":{")" + a + R"(":1,")" +
                              b + R"(":2}}],"x":{")" + b + R"(":1,")" + b + R"(":2}})";
    r = p->Filter("svc", "seg", in_envelope, scratch_);
    ASSERT_FALSE(r.ok()) << n;
    EXPECT_NE(r.status().ToString().find("duplicate key (at depth 1)"), std::string::npos)
        << r.status().ToString();
  }
}

TEST_F(PipelineTest, ExplainListsEachRungWithItsPolicies) {
  auto p = Make(std::string(kEvents) +
                    R"(@id("all") permit (principal, action == Action::"send_field", resource);
@id("no-raw-ip") forbid (principal, action == Action::"send_field", resource) when { context.class == DataClass::"ip_address" && context.form == "raw" };
)",
                kCatalog);
  ASSERT_TRUE(p);
  auto ex = p->Explain("svc", "seg", "E", "context.ip", {});
  ASSERT_TRUE(ex.ok()) << ex.status().ToString();
  EXPECT_EQ(ex->classes, std::vector<std::string>{"ip_address"});
  EXPECT_TRUE(ex->event_allowed);
  ASSERT_EQ(ex->rungs.size(), 2u);
  EXPECT_EQ(ex->rungs[0].form, "raw");
  EXPECT_FALSE(ex->rungs[0].allowed);
  EXPECT_EQ(ex->rungs[0].reasons, std::vector<std::string>{"no-raw-ip"});
  EXPECT_EQ(ex->rungs[1].form, "generalized");
  EXPECT_TRUE(ex->rungs[1].allowed);
  EXPECT_EQ(ex->form, "generalized");
  auto pointer = p->Explain("svc", "seg", "E", "/context/ip", {});
  ASSERT_TRUE(pointer.ok());
  EXPECT_EQ(pointer->form, "generalized");
  EXPECT_FALSE(p->Explain("svc", "seg", "E", "x", {"no_such_class"}).ok());
}

TEST_F(PipelineTest, ConfigErrorsNameTheFile) {
  Write("policies.cedar", "permit (principal, action, resource) when { context.nope };\n");
  Write("metagate.yaml",
        "policies: [policies.cedar]\nschema: " METAGATE_SOURCE_DIR "/schema/egress.cedarschema\n");
  auto config = LoadEgressConfig((dir_ / "metagate.yaml").string());
  ASSERT_TRUE(config.ok()) << config.status().ToString();
  auto p = Pipeline::Create(*config);
  ASSERT_FALSE(p.ok());
  EXPECT_NE(p.status().ToString().find("policies.cedar:1:"), std::string::npos)
      << p.status().ToString();
}

}  // namespace
}  // namespace metagate::egress
