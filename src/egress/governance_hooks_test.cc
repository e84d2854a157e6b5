// The pipeline's hooks for governance: held bodies, approver-denied catalog entries, and what
// the approvals queue may show of a field (DescribeFields, MaskExample).
#include <gtest/gtest.h>
#include <simdjson.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "metagate/egress/pipeline.h"

namespace metagate::egress {
namespace {

namespace fs = std::filesystem;
using Strings = std::vector<std::string>;

constexpr char kPolicies[] =
    R"(@id("events") permit (principal, action == Action::"send_event", resource);
@id("not-raw") permit (principal, action == Action::"send_field", resource) when { context.form != "raw" };
@id("raw-unclassified") permit (principal, action == Action::"send_field", resource) when { context.form == "raw" && context.class == DataClass::"unclassified" };
)";
constexpr char kCatalog[] = R"(catalog:
  - source: "*"
    event: Known
    fields: { userId: user_id, "properties.plan": [], "properties.email": email }
)";

class GovernanceHooksTest : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() /
           ("metagate_govhooks_test_" + std::to_string(::getpid()) + "_" +
            ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::remove_all(dir_);
    fs::create_directories(dir_);
    Write("k1.key", "unit-test-pseudonym-key-0123456789\n");
    Write("policies.cedar", kPolicies);
    ::setenv("METAGATE_UNIT_INGEST", "vendor-key-from-config", 1);
  }
  void TearDown() override { fs::remove_all(dir_); }

  void Write(const std::string& name, const std::string& text) {
    std::ofstream(dir_ / name, std::ios::binary) << text;
  }

  // A pipeline over kPolicies with config `extra`, and `overlay` appended to its catalog (as
  // the approvals' decisions are).
  std::shared_ptr<const Pipeline> Make(const std::string& extra,
                                       const std::vector<CatalogEntry>& overlay = {}) {
    Write("metagate.yaml",
          "policies: [policies.cedar]\n"
          "schema: " METAGATE_SOURCE_DIR
          "/schema/egress.cedarschema\n"
          "keys: { pseudonym: { current: k1, keys: { k1: \"file:k1.key\" } } }\n"
          "integrations:\n"
          "  - { id: svc, kind: service, environment: production, roles: [r] }\n"
          "vendors:\n"
          "  - { id: seg, category: analytics, residency: eu, format: segment }\n"
          "  - { id: mp, category: analytics, residency: us, format: mixpanel, credentials: { "
          "ingest_key: \"env:METAGATE_UNIT_INGEST\" } }\n" +
              extra);
    auto config = LoadEgressConfig((dir_ / "metagate.yaml").string());
    EXPECT_TRUE(config.ok()) << config.status().ToString();
    if (!config.ok()) return nullptr;
    config->catalog.insert(config->catalog.end(), overlay.begin(), overlay.end());
    auto p = Pipeline::Create(*config);
    EXPECT_TRUE(p.ok()) << p.status().ToString();
    return p.ok() ? *p : nullptr;
  }

  FilterResult Run(const Pipeline& p, const std::string& body, const std::string& vendor = "seg",
                   bool hold = true) {
    FilterOptions options;
    options.hold_unknown = hold;
    auto r = p.Filter("svc", vendor, body, scratch_, options);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : FilterResult{};
  }

  static const FieldDecision* Field(const FilterResult& r, const std::string& path) {
    for (const FieldDecision& f : r.fields) {
      if (f.path == path) return &f;
    }
    return nullptr;
  }

  static std::string At(simdjson::dom::element root, const char* pointer) {
    std::string_view s;
    if (root.at_pointer(pointer).get_string().get(s) != simdjson::SUCCESS) return "<absent>";
    return std::string(s);
  }

  fs::path dir_;
  PipelineScratch scratch_;
  simdjson::dom::parser parser_;
};

TEST_F(GovernanceHooksTest, EachHeldBodyHoldsItsOwnEventWithRawValues) {
  auto p = Make(std::string(kCatalog) + "unknown_fields: block\nunknown_events: block\n");
  ASSERT_TRUE(p);
  const std::string body =
      R"({"writeKey":"senders-write-key","batch":[)"
      R"({"type":"track","event":"Known","userId":"u-secret-1","properties":{"plan":"pro"}},)"
      R"({"type":"track","event":"Known","messageId":"m-7","userId":"u-secret-2","properties":{"plan":"pro","note":"raw-note-2"}},)"
      R"({"type":"track","event":"Unknown","userId":"u-secret-3"}]})";
  FilterResult r = Run(*p, body);
  ASSERT_EQ(r.events.size(), 3u);
  EXPECT_TRUE(r.events[0].allowed);
  EXPECT_EQ(r.events[1].why, "unknown_field");
  EXPECT_EQ(r.events[2].why, "unknown_event");
  ASSERT_EQ(r.held_events, (std::vector<uint32_t>{1, 2}));
  ASSERT_EQ(r.held_bodies.size(), 2u);
  // The forwarded body: the allowed event only, transformed.
  EXPECT_EQ(r.body.find("u-secret"), std::string::npos) << r.body;
  EXPECT_EQ(r.body.find("senders-write-key"), std::string::npos) << r.body;

  simdjson::dom::element first = parser_.parse(r.held_bodies[0]);
  EXPECT_EQ(first["batch"].get_array().size(), 1u) << r.held_bodies[0];
  EXPECT_EQ(At(first, "/batch/0/event"), "Known");
  EXPECT_EQ(At(first, "/batch/0/userId"), "u-secret-2");  // raw, not pseudonymized
  EXPECT_EQ(At(first, "/batch/0/properties/note"), "raw-note-2");
  EXPECT_EQ(At(first, "/batch/0/messageId"), "m-7");  // kept
  EXPECT_EQ(r.held_bodies[0].find("u-secret-1"), std::string::npos);
  EXPECT_EQ(r.held_bodies[0].find("u-secret-3"), std::string::npos);
  EXPECT_EQ(r.held_bodies[0].find("senders-write-key"), std::string::npos);  // as forwarded

  std::string second_text = r.held_bodies[1];
  simdjson::dom::element second = parser_.parse(second_text);
  EXPECT_EQ(second["batch"].get_array().size(), 1u) << second_text;
  EXPECT_EQ(At(second, "/batch/0/event"), "Unknown");
  EXPECT_EQ(At(second, "/batch/0/userId"), "u-secret-3");
  EXPECT_EQ(At(second, "/batch/0/messageId").size(), 36u) << second_text;  // added
  EXPECT_EQ(second_text.find("u-secret-2"), std::string::npos);

  // Without hold_unknown nothing is held.
  FilterResult plain = Run(*p, body, "seg", /*hold=*/false);
  EXPECT_TRUE(plain.held_events.empty());
  EXPECT_TRUE(plain.held_bodies.empty());
}

TEST_F(GovernanceHooksTest, HeldBodyCarriesTheConfiguredCredential) {
  auto p = Make(std::string(kCatalog) + "unknown_fields: block\n");
  ASSERT_TRUE(p);
  FilterResult r = Run(
      *p, R"([{"event":"Known","properties":{"token":"senders-token","plan":"x","note":"n-1"}}])",
      "mp");
  ASSERT_EQ(r.held_bodies.size(), 1u);
  simdjson::dom::element held = parser_.parse(r.held_bodies[0]);
  EXPECT_EQ(At(held, "/0/properties/token"), "vendor-key-from-config") << r.held_bodies[0];
  EXPECT_EQ(At(held, "/0/properties/note"), "n-1");
  EXPECT_EQ(At(held, "/0/properties/$insert_id").size(), 36u);
  EXPECT_EQ(r.held_bodies[0].find("senders-token"), std::string::npos);
}

TEST_F(GovernanceHooksTest, OnlyBlockingUnknownFieldsHoldEvents) {
  const std::string body =
      R"({"type":"track","event":"Known","userId":"u1","properties":{"note":"mail bob@example.com"}})";
  {
    auto p = Make(std::string(kCatalog) + "unknown_fields: drop\n");
    FilterResult r = Run(*p, body);
    EXPECT_TRUE(r.forwarded);
    EXPECT_TRUE(r.held_events.empty());
    ASSERT_NE(Field(r, "/properties/note"), nullptr);
    EXPECT_TRUE(Field(r, "/properties/note")->pending);
    EXPECT_EQ(Field(r, "/properties/note")->form, "dropped");
  }
  {
    auto p = Make(std::string(kCatalog) + "unknown_fields: block\n");
    FilterResult r = Run(*p, body);
    EXPECT_FALSE(r.forwarded);
    EXPECT_EQ(r.held_events, std::vector<uint32_t>{0});
    EXPECT_TRUE(Field(r, "/properties/note")->pending);
  }
  {
    auto p = Make(std::string(kCatalog) + "unknown_fields: classify\n");
    FilterResult r = Run(*p, body);
    EXPECT_TRUE(r.forwarded);
    EXPECT_TRUE(r.held_events.empty());
    const FieldDecision* f = Field(r, "/properties/note");
    ASSERT_NE(f, nullptr);
    EXPECT_TRUE(f->pending);
    EXPECT_EQ(f->classes, Strings{"email"});
    EXPECT_EQ(f->form, "pseudonymized");
  }
  {  // A policy block is not held: approving a field would not let it leave.
    auto p = Make(std::string(kCatalog) + "unknown_fields: block\n");
    FilterResult r = Run(*p, R"({"type":"track","event":"Known","properties":{"email":"a@b.co"}})");
    EXPECT_TRUE(r.held_events.empty());
  }
}

TEST_F(GovernanceHooksTest, DeniedFieldIsDroppedAndNoLongerPending) {
  CatalogField note;
  note.path = "properties.note";
  note.pointer = {"properties", "note"};
  note.denied = true;
  CatalogEntry entry;
  entry.source = "svc";
  entry.event = "Known";
  entry.fields = {note};
  auto p = Make(std::string(kCatalog) + "unknown_fields: block\n", {entry});
  ASSERT_TRUE(p);
  FilterResult r = Run(
      *p, R"({"type":"track","event":"Known","properties":{"plan":"pro","note":"denied-value"}})");
  EXPECT_TRUE(r.forwarded);
  EXPECT_TRUE(r.events[0].allowed);
  EXPECT_TRUE(r.held_events.empty());
  const FieldDecision* f = Field(r, "/properties/note");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(f->form, "dropped");
  EXPECT_FALSE(f->pending);
  EXPECT_EQ(r.body.find("denied-value"), std::string::npos) << r.body;
  EXPECT_NE(r.body.find(R"("plan":"pro")"), std::string::npos) << r.body;
}

TEST_F(GovernanceHooksTest, DeniedEventIsBlockedAndNotHeld) {
  CatalogEntry spam;
  spam.source = "svc";
  spam.event = "Spam";
  spam.denied = true;
  auto p = Make(std::string(kCatalog) + "unknown_fields: block\n", {spam});
  ASSERT_TRUE(p);
  FilterResult r = Run(
      *p,
      R"({"batch":[{"type":"track","event":"Spam","userId":"u"},{"type":"track","event":"Known","userId":"u"}]})");
  ASSERT_EQ(r.events.size(), 2u);
  EXPECT_FALSE(r.events[0].allowed);
  EXPECT_EQ(r.events[0].why, "denied");
  EXPECT_TRUE(r.events[0].reasons.empty());
  EXPECT_TRUE(r.events[1].allowed);
  EXPECT_TRUE(r.held_events.empty());
  EXPECT_EQ(r.body.find("Spam"), std::string::npos) << r.body;
}

TEST_F(GovernanceHooksTest, DescribeFieldsGivesClassesAndMaskedExamples) {
  auto p = Make(std::string(kCatalog));
  ASSERT_TRUE(p);
  const std::string body =
      R"({"type":"track","event":"Known","properties":{"contact":"Ann.Lee@Example.com","n":42.5,)"
      R"("b":true,"nested":{"deep":"ab-12"},"city":"Zürich 8001","long":"abcdefghijklmnopqrstuvwxyz0123"}})";
  auto d = p->DescribeFields(
      "seg", body,
      {"/properties/contact", "/properties/n", "/properties/b", "/properties/nested",
       "/properties/nested/deep", "/properties/city", "/properties/long", "/properties/absent"},
      scratch_);
  ASSERT_TRUE(d.ok()) << d.status().ToString();
  ASSERT_EQ(d->size(), 8u);
  EXPECT_EQ((*d)[0].classes, Strings{"email"});
  EXPECT_EQ((*d)[0].example, "Xxx.Xxx@Xxxxxxx.xxx");
  EXPECT_EQ((*d)[1].example, "<number>");
  EXPECT_EQ((*d)[2].example, "<boolean>");
  EXPECT_EQ((*d)[3].example, "<container>");
  EXPECT_EQ((*d)[4].example, "xx-99");
  EXPECT_EQ((*d)[5].example, "Xxxxxx 9999");  // ü is one character, masked whole
  EXPECT_EQ((*d)[6].example, std::string(24, 'x') + "...");
  EXPECT_EQ((*d)[7].example, "");
  EXPECT_TRUE((*d)[7].classes.empty());
  auto unknown = p->DescribeFields("nope", body, {"/properties/n"}, scratch_);
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().code(), StatusCode::kNotFound);
  auto bad =
      p->DescribeFields("seg", R"({"type":"track","event":"Known","properties":{"x":"secret-value)",
                        {"/properties/x"}, scratch_);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().find("secret-value"), std::string::npos);
}

TEST(MaskExampleTest, CutsAtTwentyFourCharactersNotBytes) {
  EXPECT_EQ(MaskExample(""), "");
  EXPECT_EQ(MaskExample(std::string(24, 'a')), std::string(24, 'x'));
  EXPECT_EQ(MaskExample(std::string(25, 'a')), std::string(24, 'x') + "...");
  std::string accents;
  for (int i = 0; i < 24; ++i) accents += "é";
  EXPECT_EQ(MaskExample(accents), std::string(24, 'x'));  // nothing was cut
  EXPECT_EQ(MaskExample(accents + "é"), std::string(24, 'x') + "...");
  EXPECT_EQ(MaskExample("a\tb\x7f"
                        "c"),
            "x x x");
  EXPECT_EQ(MaskExample("€1"), "x9");
}

TEST(MaskExampleTest, NeverReturnsALetterOrDigitOfTheInput) {
  // Inputs without the mask's own characters (x, X, 9): no letter or digit of theirs may show.
  const std::string inputs[] = {"Secret-Value 12345",
                                "ann.lee@example.com",
                                "+44 20 7946 0018",
                                "Zoë Ünal-Öztürk 8",
                                "\xe2\x82\xac\xff\xfe"
                                "abc",
                                "AKIAIOSFODNN7EXAMPLE",
                                "пароль123",
                                "🙂 key=hunter2"};
  for (const std::string& in : inputs) {
    std::string out = MaskExample(in);
    for (char c : out) {
      unsigned char u = static_cast<unsigned char>(c);
      EXPECT_LT(u, 0x80) << in;  // no byte of a multi-byte character either
      if (std::isalnum(u)) {
        EXPECT_TRUE(c == 'x' || c == 'X' || c == '9') << in << " -> " << out;
      }
    }
  }
}

}  // namespace
}  // namespace metagate::egress
