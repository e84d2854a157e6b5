#include "metagate/egress/config.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "metagate/common/file_util.h"

namespace metagate::egress {
namespace {

namespace fs = std::filesystem;

const std::string kHexA(64, 'a');
const std::string kHexB = std::string(63, 'b') + "B";  // mixed case, stored lowercase

// Parses with a fixed absolute file name so resolved paths are predictable.
Result<EgressConfig> Parse(const std::string& yaml) {
  return ParseEgressConfig(yaml, "/etc/metagate/egress.yaml");
}

// Expects a parse error whose message starts with "FILE:LINE:COL: " and contains `needle`.
void ExpectError(const std::string& yaml, uint32_t line, uint32_t col, const std::string& needle) {
  Result<EgressConfig> c = Parse(yaml);
  ASSERT_FALSE(c.ok()) << yaml;
  const std::string& msg = c.status().message();
  std::string prefix =
      "/etc/metagate/egress.yaml:" + std::to_string(line) + ":" + std::to_string(col) + ": ";
  EXPECT_EQ(msg.rfind(prefix, 0), 0u) << "message: " << msg << "\nexpected prefix: " << prefix;
  EXPECT_NE(msg.find(needle), std::string::npos) << "message: " << msg << "\nneedle: " << needle;
}

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (fs::temp_directory_path() / "metagate_egress_config_XXXXXX").string();
    char* made = mkdtemp(tmpl.data());
    EXPECT_NE(made, nullptr);
    path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  std::string Write(const std::string& name, const std::string& contents) const {
    fs::path p = path_ / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << contents;
    return p.string();
  }

 private:
  fs::path path_;
};

const char* kFull = R"(
mode: observe
policies: [policies/, extra.cedar]
schema: egress.cedarschema
entities: entities.json
keys:
  pseudonym:
    current: k1
    keys: { k1: "file:keys/k1.key", k0: "env:METAGATE_K0" }
integrations:
  - id: analytics-pipeline
    kind: service
    environment: production
    roles: [analytics-pipeline]
    teams: [data, growth]
    credentials:
      - bearer_sha256: AAAAHEXA
      - write_key_sha256: HEXB
  - id: web
    kind: sdk
vendors:
  - id: vendor-x
    category: analytics
    residency: eu
    retention_days: 90
    trains_on_customer_data: false
    dpa_signed: true
    soc2: true
    format: segment
    upstream: https://api.segment.io
    credentials: { ingest_key: "env:SEGMENT_WRITE_KEY" }
    pseudonym_key: own
  - id: llm-y
    format: llm
    pseudonym_key: shared
catalog:
  - source: "*"
    event: "Order Completed"
    fields:
      properties.revenue: []
      properties.email: email
      "/context/ip": [ip_address]
      products.*.price: []
      "/a~1b/c~0d": [x, y_2]
  - source: analytics-pipeline
    event: "*"
unknown_fields: classify
unknown_events: allow
classes:
  - name: employee_id
    parents: [direct_identifier]
    ladder: [pseudonymized, redacted]
field_names:
  - names: [emp_no]
    class: employee_id
combinations:
  - when: [ip_address, user_agent]
    add: device_fingerprint
)";

std::string FullConfig() {
  std::string s = kFull;
  s.replace(s.find("AAAAHEXA"), 8, kHexA);
  s.replace(s.find("HEXB"), 4, kHexB);
  return s;
}

TEST(EgressConfig, ParsesEveryKey) {
  Result<EgressConfig> c = Parse(FullConfig());
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->file, "/etc/metagate/egress.yaml");
  EXPECT_EQ(c->base_dir, "/etc/metagate");
  EXPECT_EQ(c->mode, Mode::kObserve);
  EXPECT_EQ(c->policies,
            (std::vector<std::string>{"/etc/metagate/policies/", "/etc/metagate/extra.cedar"}));
  EXPECT_EQ(c->schema, "/etc/metagate/egress.cedarschema");
  EXPECT_EQ(c->entities, (std::vector<std::string>{"/etc/metagate/entities.json"}));

  ASSERT_TRUE(c->pseudonym_keys.has_value());
  EXPECT_EQ(c->pseudonym_keys->current, "k1");
  ASSERT_EQ(c->pseudonym_keys->keys.size(), 2u);
  EXPECT_EQ(c->pseudonym_keys->keys.at("k1").ref, "file:/etc/metagate/keys/k1.key");
  EXPECT_EQ(c->pseudonym_keys->keys.at("k0").ref, "env:METAGATE_K0");
  EXPECT_EQ(c->pseudonym_keys->keys.at("k1").loc.line, 9u);
  EXPECT_EQ(c->pseudonym_keys->loc.line, 8u);

  ASSERT_EQ(c->integrations.size(), 2u);
  const IntegrationConfig& ip = c->integrations[0];
  EXPECT_EQ(ip.id, "analytics-pipeline");
  EXPECT_EQ(ip.kind, "service");
  EXPECT_EQ(ip.environment, "production");
  EXPECT_EQ(ip.roles, (std::vector<std::string>{"analytics-pipeline"}));
  EXPECT_EQ(ip.teams, (std::vector<std::string>{"data", "growth"}));
  EXPECT_EQ(ip.loc.line, 11u);
  EXPECT_EQ(ip.loc.column, 5u);
  ASSERT_EQ(ip.credentials.size(), 2u);
  EXPECT_EQ(ip.credentials[0].kind, "bearer");
  EXPECT_EQ(ip.credentials[0].sha256, kHexA);
  EXPECT_EQ(ip.credentials[0].loc.line, 17u);
  EXPECT_EQ(ip.credentials[1].kind, "write_key");
  EXPECT_EQ(ip.credentials[1].sha256, std::string(64, 'b'));
  const IntegrationConfig& web = c->integrations[1];
  EXPECT_EQ(web.kind, "sdk");
  EXPECT_TRUE(web.environment.empty());
  EXPECT_TRUE(web.roles.empty());
  EXPECT_TRUE(web.teams.empty());
  EXPECT_TRUE(web.credentials.empty());

  ASSERT_EQ(c->vendors.size(), 2u);
  const VendorConfig& vx = c->vendors[0];
  EXPECT_EQ(vx.id, "vendor-x");
  EXPECT_EQ(vx.category, "analytics");
  EXPECT_EQ(vx.residency, "eu");
  EXPECT_EQ(vx.retention_days, 90);
  EXPECT_FALSE(vx.trains_on_customer_data);
  EXPECT_TRUE(vx.dpa_signed);
  EXPECT_TRUE(vx.soc2);
  EXPECT_EQ(vx.format, "segment");
  EXPECT_EQ(vx.upstream, "https://api.segment.io");
  ASSERT_TRUE(vx.ingest_key.has_value());
  EXPECT_EQ(vx.ingest_key->ref, "env:SEGMENT_WRITE_KEY");
  EXPECT_TRUE(vx.own_pseudonym_key);
  const VendorConfig& llm = c->vendors[1];
  EXPECT_EQ(llm.format, "llm");
  EXPECT_FALSE(llm.own_pseudonym_key);
  EXPECT_FALSE(llm.ingest_key.has_value());
  EXPECT_EQ(llm.retention_days, 0);
  EXPECT_FALSE(llm.dpa_signed);
  EXPECT_TRUE(llm.upstream.empty());

  ASSERT_EQ(c->catalog.size(), 2u);
  const CatalogEntry& oc = c->catalog[0];
  EXPECT_EQ(oc.source, "*");
  EXPECT_EQ(oc.event, "Order Completed");
  ASSERT_EQ(oc.fields.size(), 5u);
  EXPECT_EQ(oc.fields[0].path, "properties.revenue");
  EXPECT_EQ(oc.fields[0].pointer, (std::vector<std::string>{"properties", "revenue"}));
  EXPECT_TRUE(oc.fields[0].classes.empty());
  EXPECT_EQ(oc.fields[1].classes, (std::vector<std::string>{"email"}));
  EXPECT_EQ(oc.fields[2].path, "/context/ip");
  EXPECT_EQ(oc.fields[2].pointer, (std::vector<std::string>{"context", "ip"}));
  EXPECT_EQ(oc.fields[2].classes, (std::vector<std::string>{"ip_address"}));
  EXPECT_EQ(oc.fields[3].pointer, (std::vector<std::string>{"products", "*", "price"}));
  EXPECT_EQ(oc.fields[4].pointer, (std::vector<std::string>{"a/b", "c~d"}));
  EXPECT_EQ(oc.fields[4].classes, (std::vector<std::string>{"x", "y_2"}));
  EXPECT_EQ(oc.fields[1].loc.line, 41u);
  EXPECT_EQ(c->catalog[1].source, "analytics-pipeline");
  EXPECT_EQ(c->catalog[1].event, "*");
  EXPECT_TRUE(c->catalog[1].fields.empty());

  EXPECT_EQ(c->unknown_fields, UnknownFields::kClassify);
  EXPECT_EQ(c->unknown_events, UnknownEvents::kAllow);

  ASSERT_EQ(c->classifier.classes.size(), 1u);
  EXPECT_EQ(c->classifier.classes[0].name, "employee_id");
  ASSERT_EQ(c->classifier.field_names.size(), 1u);
  EXPECT_EQ(c->classifier.field_names[0].cls, "employee_id");
  ASSERT_EQ(c->classifier.combinations.size(), 1u);
  EXPECT_EQ(c->classifier.combinations[0].add, "device_fingerprint");
}

TEST(EgressConfig, Defaults) {
  for (const char* text : {"", "# only a comment\n", "{}\n"}) {
    Result<EgressConfig> c = Parse(text);
    ASSERT_TRUE(c.ok()) << c.status().ToString();
    EXPECT_EQ(c->mode, Mode::kEnforce);
    EXPECT_TRUE(c->policies.empty());
    EXPECT_FALSE(c->schema.has_value());
    EXPECT_TRUE(c->entities.empty());
    EXPECT_FALSE(c->pseudonym_keys.has_value());
    EXPECT_TRUE(c->integrations.empty());
    EXPECT_TRUE(c->vendors.empty());
    EXPECT_TRUE(c->catalog.empty());
    EXPECT_EQ(c->unknown_fields, UnknownFields::kDrop);
    EXPECT_EQ(c->unknown_events, UnknownEvents::kBlock);
    EXPECT_TRUE(c->classifier.classes.empty());
    EXPECT_EQ(c->base_dir, "/etc/metagate");
  }
}

TEST(EgressConfig, EnumValues) {
  EXPECT_EQ(Parse("mode: enforce\n")->mode, Mode::kEnforce);
  EXPECT_EQ(Parse("mode: discover\n")->mode, Mode::kDiscover);
  EXPECT_EQ(Parse("unknown_fields: block\n")->unknown_fields, UnknownFields::kBlock);
  EXPECT_EQ(Parse("unknown_fields: drop\n")->unknown_fields, UnknownFields::kDrop);
  EXPECT_EQ(Parse("unknown_events: block\n")->unknown_events, UnknownEvents::kBlock);
  EXPECT_EQ(ModeName(Parse("mode: observe\n")->mode), "observe");
  for (const char* kind : {"service", "sdk", "webhook", "agent"}) {
    EXPECT_TRUE(Parse(std::string("integrations: [{id: a, kind: ") + kind + "}]\n").ok()) << kind;
  }
  for (const char* format :
       {"segment", "mixpanel", "amplitude", "posthog", "otlp-logs", "otlp-traces", "json", "llm"}) {
    EXPECT_TRUE(Parse(std::string("vendors: [{id: v, format: ") + format + "}]\n").ok()) << format;
  }
}

TEST(EgressConfig, PathsAndStringForms) {
  Result<EgressConfig> c = Parse("policies: p.cedar\nentities: [/abs/e.json, ../up/e2.json]\n");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->policies, (std::vector<std::string>{"/etc/metagate/p.cedar"}));
  EXPECT_EQ(c->entities, (std::vector<std::string>{"/abs/e.json", "/etc/up/e2.json"}));

  // A relative config file name: its folder is made absolute against the working directory.
  Result<EgressConfig> rel = ParseEgressConfig("schema: s.cedarschema\n", "conf/egress.yaml");
  ASSERT_TRUE(rel.ok()) << rel.status().ToString();
  fs::path expected_dir = (fs::current_path() / "conf").lexically_normal();
  EXPECT_EQ(rel->base_dir, expected_dir.string());
  EXPECT_EQ(rel->schema, (expected_dir / "s.cedarschema").string());
}

TEST(EgressConfig, UnknownKeysNameLineAndColumn) {
  ExpectError("mode: enforce\npolicys: [a]\n", 2, 1, "unknown key 'policys' in the egress config");
  ExpectError("vendors:\n  - id: v\n    format: json\n    formt: json\n", 4, 5,
              "unknown key 'formt' in a vendor");
  ExpectError("integrations:\n  - id: a\n    kind: sdk\n    role: [x]\n", 4, 5,
              "unknown key 'role' in an integration");
  ExpectError("keys:\n  pseudonym:\n    current: k\n    key: {k: \"env:K\"}\n", 4, 5,
              "unknown key 'key' in 'keys.pseudonym'");
  ExpectError("keys:\n  hmac: {}\n", 2, 3, "unknown key 'hmac' in 'keys'");
  ExpectError("catalog:\n  - source: '*'\n    event: e\n    field: {}\n", 4, 5,
              "unknown key 'field' in a catalog entry");
  ExpectError("vendors:\n  - id: v\n    format: json\n    credentials: {api_key: \"env:A\"}\n", 4,
              19, "unknown key 'api_key'");
  ExpectError(
      std::string("integrations:\n  - id: a\n    kind: sdk\n    credentials:\n      - token: x\n"),
      5, 9, "unknown key 'token' in integration 'a': a credential");
  // The message lists what is allowed.
  ExpectError("bogus: 1\n", 1, 1, "expected mode, policies");
}

TEST(EgressConfig, DuplicateYamlKeys) {
  ExpectError("mode: enforce\nmode: observe\n", 2, 1, "duplicate key 'mode' (first at 1:1)");
  ExpectError("vendors:\n  - id: v\n    format: json\n    id: w\n", 4, 5, "duplicate key 'id'");
}

TEST(EgressConfig, WrongTypes) {
  ExpectError("mode: [enforce]\n", 1, 7, "'mode' must be a string, not a list");
  ExpectError("policies: {a: b}\n", 1, 11, "'policies' must be a string or a list of strings");
  ExpectError("policies: [a, [b]]\n", 1, 15, "each entry of 'policies' must be a string");
  ExpectError("schema:\n", 2, 1, "'schema' must be a string, not nothing");
  ExpectError("integrations: {id: a}\n", 1, 15, "'integrations' must be a list, not a mapping");
  ExpectError("vendors: [v]\n", 1, 11, "a vendor must be a mapping, not a scalar");
  ExpectError("catalog: x\n", 1, 10, "'catalog' must be a list");
  ExpectError("- a\n- b\n", 1, 1, "the egress config must be a mapping");
  // Booleans must be YAML booleans, unquoted.
  ExpectError("vendors: [{id: v, format: json, soc2: \"true\"}]\n", 1, 39,
              "vendor 'v': 'soc2' must be true or false");
  ExpectError("vendors: [{id: v, format: json, dpa_signed: 1}]\n", 1, 45,
              "'dpa_signed' must be true or false");
  ExpectError("vendors: [{id: v, format: json, trains_on_customer_data: maybe}]\n", 1, 58,
              "'trains_on_customer_data' must be true or false");
  EXPECT_TRUE(Parse("vendors: [{id: v, format: json, soc2: True, dpa_signed: FALSE}]\n").ok());
  // retention_days: a non-negative whole number.
  for (const char* bad : {"-1", "1.5", "ninety", "\"90\"", "[90]", "99999999999999999999"}) {
    ExpectError(std::string("vendors: [{id: v, format: json, retention_days: ") + bad + "}]\n", 1,
                49, "'retention_days' must be a non-negative whole number");
  }
  EXPECT_EQ(
      Parse("vendors: [{id: v, format: json, retention_days: 0}]\n")->vendors[0].retention_days, 0);
  // Classes of a catalog field.
  ExpectError("catalog: [{source: '*', event: e, fields: {a: {x: y}}}]\n", 1, 47,
              "must be a class name or a list of them");
  ExpectError("catalog: [{source: '*', event: e, fields: {a: }}]\n", 1, 47, "write []");
  ExpectError("catalog: [{source: '*', event: e, fields: [a]}]\n", 1, 43,
              "'fields' must be a mapping");
}

TEST(EgressConfig, BadEnumValues) {
  ExpectError("mode: enforcing\n", 1, 7,
              "unknown mode 'enforcing' (use enforce, observe or discover)");
  ExpectError("unknown_fields: keep\n", 1, 17, "use drop, block or classify");
  ExpectError("unknown_events: drop\n", 1, 17, "use block or allow");
  ExpectError("integrations: [{id: a, kind: server}]\n", 1, 30,
              "integration 'a': unknown kind 'server' (use service, sdk, webhook or agent)");
  ExpectError("vendors: [{id: v, format: ga4}]\n", 1, 27,
              "vendor 'v': unknown format 'ga4' (use segment, mixpanel, amplitude, posthog, "
              "otlp-logs, otlp-traces, json or llm)");
  ExpectError("vendors: [{id: v, format: json, pseudonym_key: mine}]\n", 1, 48,
              "'pseudonym_key' must be own or shared");
}

TEST(EgressConfig, RequiredKeysAndIds) {
  ExpectError("integrations: [{kind: sdk}]\n", 1, 16, "an integration needs an 'id'");
  ExpectError("integrations: [{id: '', kind: sdk}]\n", 1, 21, "'id' must not be empty");
  ExpectError("integrations: [{id: a}]\n", 1, 16, "integration 'a' needs a 'kind'");
  ExpectError("vendors: [{format: json}]\n", 1, 11, "a vendor needs an 'id'");
  ExpectError("vendors: [{id: v}]\n", 1, 11, "vendor 'v' needs a 'format'");
  ExpectError("catalog: [{event: e}]\n", 1, 11, "a catalog entry needs a 'source'");
  ExpectError("catalog: [{source: '*'}]\n", 1, 11, "a catalog entry needs an 'event'");
}

TEST(EgressConfig, DuplicateIds) {
  ExpectError("integrations:\n  - {id: a, kind: sdk}\n  - {id: a, kind: service}\n", 3, 10,
              "duplicate integration id 'a' (first at 2:5)");
  ExpectError("vendors:\n  - {id: v, format: json}\n  - {id: v, format: llm}\n", 3, 10,
              "duplicate vendor id 'v' (first at 2:5)");
  // The same id for an integration and a vendor is fine: they are different kinds of entity.
  EXPECT_TRUE(Parse("integrations: [{id: x, kind: sdk}]\nvendors: [{id: x, format: json}]\n").ok());
  ExpectError("catalog:\n  - {source: '*', event: e}\n  - {source: '*', event: e}\n", 3, 5,
              "duplicate catalog entry (*, 'e') (first at 2:5)");
  ExpectError(
      "catalog:\n  - source: '*'\n    event: e\n    fields:\n      a.b: []\n      /a/b: []\n", 6, 7,
      "names the same field as the one at 5:7");
}

TEST(EgressConfig, CredentialDigests) {
  const std::string head = "integrations:\n  - id: a\n    kind: sdk\n    credentials:\n";
  // Too short, not hex, and a pasted token: the value never appears in the message.
  for (const std::string& bad :
       {std::string(63, 'a'), std::string(64, 'g'), std::string("sk_live_supersecrettoken")}) {
    Result<EgressConfig> c = Parse(head + "      - api_key_sha256: " + bad + "\n");
    ASSERT_FALSE(c.ok());
    const std::string& msg = c.status().message();
    EXPECT_NE(msg.find(":5:25: "), std::string::npos) << msg;
    EXPECT_NE(msg.find("64 hex digits"), std::string::npos) << msg;
    EXPECT_EQ(msg.find(bad), std::string::npos) << msg;
  }
  ExpectError(head + "      - {bearer_sha256: " + kHexA + ", api_key_sha256: " + kHexA + "}\n", 5,
              9, "needs exactly one of bearer_sha256");
  ExpectError(head + "      - {}\n", 5, 9, "needs exactly one of");
  // One token identifying two integrations.
  Result<EgressConfig> twice =
      Parse(head + "      - bearer_sha256: " + kHexA + "\n  - id: b\n    kind: sdk\n" +
            "    credentials: [{write_key_sha256: " + std::string(64, 'A') + "}]\n");
  ASSERT_FALSE(twice.ok());
  EXPECT_NE(twice.status().message().find("already listed for integration 'a' at 5:24"),
            std::string::npos)
      << twice.status().message();
  EXPECT_EQ(twice.status().message().find(kHexA), std::string::npos);
  Result<EgressConfig> ok = Parse(head + "      - api_key_sha256: " + kHexB + "\n");
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->integrations[0].credentials[0].kind, "api_key");
  EXPECT_EQ(ok->integrations[0].credentials[0].sha256, std::string(64, 'b'));
}

TEST(EgressConfig, CatalogReferences) {
  ExpectError("integrations: [{id: web, kind: sdk}]\ncatalog: [{source: webb, event: e}]\n", 2, 20,
              "catalog source 'webb' is not the id of an integration");
  // The catalog may come before the integrations in the file.
  EXPECT_TRUE(
      Parse("catalog: [{source: web, event: e}]\nintegrations: [{id: web, kind: sdk}]\n").ok());
}

TEST(EgressConfig, CatalogFieldPaths) {
  const std::string head = "catalog:\n  - source: '*'\n    event: e\n    fields:\n      ";
  ExpectError(head + "a..b: []\n", 5, 7, "field path 'a..b' has an empty segment");
  ExpectError(head + ".a: []\n", 5, 7, "has an empty segment");
  ExpectError(head + "\"a.\": []\n", 5, 7, "has an empty segment");
  ExpectError(head + "\"/\": []\n", 5, 7, "has an empty segment");
  ExpectError(head + "\"/a//b\": []\n", 5, 7, "has an empty segment");
  ExpectError(head + "\"\": []\n", 5, 7, "must not be empty");
  ExpectError(head + "\"/a~2\": []\n", 5, 7, "'~' in a JSON pointer must be followed by 0");
  ExpectError(head + "\"/a~\": []\n", 5, 7, "'~' in a JSON pointer");
  ExpectError(head + "a: Email\n", 5, 10, "'Email' is not a class name");
  ExpectError(head + "a: [email, ip-address]\n", 5, 10, "'ip-address' is not a class name");
  ExpectError(head + "a: ''\n", 5, 10, "is not a class name");
  Result<EgressConfig> c = Parse(head + "\"/user.name/x\": []\n");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->catalog[0].fields[0].pointer, (std::vector<std::string>{"user.name", "x"}));
}

TEST(EgressConfig, PseudonymKeys) {
  ExpectError("keys:\n  pseudonym:\n    current: k2\n    keys: {k1: \"env:K1\"}\n", 3, 14,
              "'keys.pseudonym.current' names 'k2', which is not one of the listed keys (k1)");
  ExpectError("keys:\n  pseudonym:\n    keys: {k1: \"env:K1\"}\n", 3, 5, "needs 'current'");
  ExpectError("keys:\n  pseudonym:\n    current: k1\n", 3, 5, "needs 'keys'");
  ExpectError("keys:\n  pseudonym:\n    current: k1\n    keys: {}\n", 4, 11,
              "must be a non-empty mapping");
  // A vendor's own key is derived from the pseudonym keys, so they must exist.
  ExpectError("vendors: [{id: v, format: json, pseudonym_key: own}]\n", 1, 48,
              "'pseudonym_key: own' derives a key from 'keys.pseudonym'");
}

TEST(EgressConfig, SecretRefs) {
  const std::string head = "keys:\n  pseudonym:\n    current: k1\n    keys:\n      k1: ";
  // A bad prefix: a pasted secret must not be echoed.
  Result<EgressConfig> pasted = Parse(head + "hunter2-very-secret\n");
  ASSERT_FALSE(pasted.ok());
  EXPECT_EQ(pasted.status().message().find("hunter2"), std::string::npos);
  ExpectError(
      head + "hunter2-very-secret\n", 5, 11,
      "pseudonym key 'k1' must start with \"file:\" (a file holding the secret) or \"env:\"");
  ExpectError(head + "\"file:\"\n", 5, 11, "\"file:\" needs a path");
  ExpectError(head + "\"env:\"\n", 5, 11, "\"env:\" needs an environment variable name");
  ExpectError(head + "\"env:NOT-A-NAME\"\n", 5, 11, "\"env:\" needs an environment variable name");
  ExpectError(head + "[file:x]\n", 5, 11, "must be a secret reference string");
  ExpectError("vendors: [{id: v, format: json, credentials: {ingest_key: \"ENV:X\"}}]\n", 1, 59,
              "vendor 'v': 'ingest_key' must start with \"file:\"");

  Result<EgressConfig> abs = Parse(head + "\"file:/run/secrets/k1\"\n");
  ASSERT_TRUE(abs.ok()) << abs.status().ToString();
  EXPECT_EQ(abs->pseudonym_keys->keys.at("k1").ref, "file:/run/secrets/k1");
  Result<EgressConfig> rel =
      Parse("vendors: [{id: v, format: json, credentials: {ingest_key: \"file:../s/ingest\"}}]\n");
  ASSERT_TRUE(rel.ok()) << rel.status().ToString();
  EXPECT_EQ(rel->vendors[0].ingest_key->ref, "file:/etc/s/ingest");
}

TEST(EgressConfig, UpstreamMustBeHttp) {
  ExpectError("vendors: [{id: v, format: json, upstream: ftp://x}]\n", 1, 43,
              "'upstream' must be a URL starting with http:// or https://");
  ExpectError("vendors: [{id: v, format: json, upstream: api.segment.io}]\n", 1, 43,
              "starting with http://");
  ExpectError("vendors: [{id: v, format: json, upstream: 'https://'}]\n", 1, 43, "needs a host");
  EXPECT_TRUE(
      Parse("vendors: [{id: v, format: json, upstream: 'http://localhost:8080/x'}]\n").ok());
}

TEST(EgressConfig, VendorCaFile) {
  Result<EgressConfig> c = Parse(
      "vendors: [{id: v, format: json, upstream: 'https://x.example/in', ca_file: "
      "certs/ca.pem}]\n");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->vendors[0].ca_file, "/etc/metagate/certs/ca.pem");
  Result<EgressConfig> none = Parse("vendors: [{id: v, format: json, upstream: 'https://x'}]\n");
  ASSERT_TRUE(none.ok()) << none.status().ToString();
  EXPECT_EQ(none->vendors[0].ca_file, "");
  ExpectError("vendors: [{id: v, format: json, upstream: 'http://x', ca_file: ca.pem}]\n", 1, 64,
              "vendor 'v': 'ca_file' applies only to an https:// upstream");
  ExpectError("vendors: [{id: v, format: json, ca_file: ca.pem}]\n", 1, 42,
              "applies only to an https:// upstream");
  ExpectError("vendors: [{id: v, format: json, upstream: 'https://x', ca_file: ''}]\n", 1, 65,
              "'ca_file'");
  ExpectError("vendors: [{id: v, format: json, upstream: 'https://x', ca_file: [a]}]\n", 1, 65,
              "'ca_file' must be a string");
}

TEST(EgressConfig, ListenerTls) {
  Result<EgressConfig> c = Parse("tls: { cert: tls/server.pem, key: /keys/server.key }\n");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_TRUE(c->tls.has_value());
  EXPECT_EQ(c->tls->cert, "/etc/metagate/tls/server.pem");
  EXPECT_EQ(c->tls->key, "/keys/server.key");
  EXPECT_EQ(c->tls->loc.line, 1u);
  EXPECT_FALSE(Parse("mode: enforce\n")->tls.has_value());
  ExpectError("tls:\n  cert: a.pem\n", 2, 3, "'tls' needs both 'cert'");
  ExpectError("tls: { key: k.pem }\n", 1, 6, "'tls' needs both 'cert'");
  ExpectError("tls: { cert: a.pem, key: k.pem, ca: c.pem }\n", 1, 33, "unknown key 'ca' in 'tls'");
  ExpectError("tls: a.pem\n", 1, 6, "'tls' must be a mapping");
  ExpectError("tls: { cert: '', key: k.pem }\n", 1, 14, "'tls.cert'");
}

TEST(EgressConfig, ClassifierSections) {
  ExpectError("classes:\n  - name: x\n    ladder: [raw, hashed]\n", 3, 13, "unknown form 'hashed'");
  ExpectError("field_names:\n  - nmes: [a]\n", 2, 5, "unknown key 'nmes'");
  ExpectError("combinations: {when: [a, b]}\n", 1, 15, "'combinations' must be a list");
}

TEST(EgressConfig, YamlSyntaxErrorsStayInside) {
  Result<EgressConfig> c = Parse("mode: [enforce\n");
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.status().message().rfind("/etc/metagate/egress.yaml:", 0), 0u)
      << c.status().message();
  EXPECT_FALSE(Parse("a: b: c\n").ok());
  EXPECT_FALSE(Parse("vendors: [{id: v, format: json, soc2: *nope}]\n").ok());
  // Without a file name the location stays on the status.
  Result<EgressConfig> unnamed = ParseEgressConfig("mode: x\n", "");
  ASSERT_FALSE(unnamed.ok());
  EXPECT_EQ(unnamed.status().loc().line, 1u);
  EXPECT_EQ(unnamed.status().ToString().rfind("1:7: unknown mode", 0), 0u)
      << unnamed.status().ToString();
}

TEST(EgressConfig, LoadFromFileResolvesAgainstItsFolder) {
  TempDir dir;
  std::string file = dir.Write("conf/egress.yaml",
                               "policies: [policies/]\n"
                               "keys:\n  pseudonym:\n    current: k1\n"
                               "    keys: {k1: \"file:keys/k1.key\"}\n");
  dir.Write("conf/keys/k1.key", "0123456789abcdef\n");
  Result<EgressConfig> c = LoadEgressConfig(file);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  fs::path conf = (dir.path() / "conf").lexically_normal();
  EXPECT_EQ(c->file, file);
  EXPECT_EQ(c->base_dir, conf.string());
  EXPECT_EQ(c->policies, (std::vector<std::string>{(conf / "policies/").string()}));
  const SecretRef& ref = c->pseudonym_keys->keys.at("k1");
  EXPECT_EQ(ref.ref, "file:" + (conf / "keys/k1.key").string());
  Result<std::string> secret = LoadSecret(ref);
  ASSERT_TRUE(secret.ok()) << secret.status().ToString();
  EXPECT_EQ(*secret, "0123456789abcdef");

  // Errors in a loaded file carry its path.
  std::string bad = dir.Write("bad.yaml", "\nmode: fast\n");
  Result<EgressConfig> b = LoadEgressConfig(bad);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.status().message().rfind(bad + ":2:7: unknown mode 'fast'", 0), 0u)
      << b.status().message();

  Result<EgressConfig> missing = LoadEgressConfig((dir.path() / "nope.yaml").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("nope.yaml"), std::string::npos);
}

TEST(EgressConfig, LoadSecretFromFile) {
  TempDir dir;
  // Exactly one trailing newline is removed (CRLF counts as one).
  dir.Write("a", "s3cr3t\n");
  dir.Write("b", "s3cr3t\n\n");
  dir.Write("c", "s3cr3t\r\n");
  dir.Write("d", "s3cr3t");
  dir.Write("empty", "\n");
  EXPECT_EQ(*LoadSecret({"file:" + (dir.path() / "a").string(), {}}), "s3cr3t");
  EXPECT_EQ(*LoadSecret({"file:" + (dir.path() / "b").string(), {}}), "s3cr3t\n");
  EXPECT_EQ(*LoadSecret({"file:" + (dir.path() / "c").string(), {}}), "s3cr3t");
  EXPECT_EQ(*LoadSecret({"file:" + (dir.path() / "d").string(), {}}), "s3cr3t");
  Result<std::string> empty = LoadSecret({"file:" + (dir.path() / "empty").string(), {}});
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("is empty"), std::string::npos);

  SecretRef missing{"file:" + (dir.path() / "missing.key").string(), SourceLoc{7, 9, 0}};
  Result<std::string> m = LoadSecret(missing);
  ASSERT_FALSE(m.ok());
  EXPECT_NE(m.status().message().find("missing.key"), std::string::npos);
  EXPECT_EQ(m.status().loc().line, 7u);

  // An unreadable path (a folder) names the path and not any content.
  Result<std::string> folder = LoadSecret({"file:" + dir.path().string(), {}});
  EXPECT_FALSE(folder.ok());
}

TEST(EgressConfig, LoadSecretFromEnv) {
  ASSERT_EQ(setenv("METAGATE_TEST_SECRET_VALUE", "tok_abc123", 1), 0);
  Result<std::string> v = LoadSecret({"env:METAGATE_TEST_SECRET_VALUE", {}});
  ASSERT_TRUE(v.ok()) << v.status().ToString();
  EXPECT_EQ(*v, "tok_abc123");

  ASSERT_EQ(unsetenv("METAGATE_TEST_SECRET_UNSET"), 0);
  Result<std::string> unset = LoadSecret({"env:METAGATE_TEST_SECRET_UNSET", {}});
  ASSERT_FALSE(unset.ok());
  EXPECT_EQ(unset.status().code(), StatusCode::kNotFound);
  EXPECT_NE(
      unset.status().message().find("METAGATE_TEST_SECRET_UNSET (a secret reference) is not set"),
      std::string::npos);

  ASSERT_EQ(setenv("METAGATE_TEST_SECRET_EMPTY", "", 1), 0);
  Result<std::string> empty = LoadSecret({"env:METAGATE_TEST_SECRET_EMPTY", {}});
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("is empty"), std::string::npos);

  Result<std::string> bad = LoadSecret({"sk_live_pasted_token", {}});
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message().find("sk_live"), std::string::npos);
  EXPECT_NE(bad.status().message().find("must start with"), std::string::npos);
  unsetenv("METAGATE_TEST_SECRET_VALUE");
  unsetenv("METAGATE_TEST_SECRET_EMPTY");
}

// The complete example in docs/config.md must stay valid.
TEST(EgressConfig, DocumentedExampleParses) {
  Result<std::string> doc = ReadFile(std::string(METAGATE_SOURCE_DIR) + "/docs/config.md");
  ASSERT_TRUE(doc.ok()) << doc.status().ToString();
  size_t example = doc->find("## Example");
  ASSERT_NE(example, std::string::npos);
  size_t begin = doc->find("```yaml\n", example);
  ASSERT_NE(begin, std::string::npos);
  begin += 8;
  size_t end = doc->find("```", begin);
  ASSERT_NE(end, std::string::npos);
  Result<EgressConfig> c = Parse(doc->substr(begin, end - begin));
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(c->vendors.size(), 2u);
  EXPECT_EQ(c->integrations.size(), 2u);
  EXPECT_EQ(c->catalog.size(), 2u);
  EXPECT_EQ(c->pseudonym_keys->current, "k2");
  EXPECT_EQ(c->policies, (std::vector<std::string>{"/etc/metagate/policies/"}));
  ASSERT_TRUE(c->tls.has_value());
  EXPECT_EQ(c->tls->cert, "/etc/metagate/tls/gateway.pem");
  EXPECT_EQ(c->vendors[1].ca_file, "/etc/metagate/tls/llm-ca.pem");
  EXPECT_EQ(c->data_dir, "/var/lib/metagate");
  EXPECT_EQ(c->spool.concurrency, 8);
  EXPECT_EQ(c->vendors[0].hosts, std::vector<std::string>{"api.segment.io"});
}

TEST(EgressConfig, GatewayKeys) {
  Result<EgressConfig> c = Parse(
      "data_dir: state\n"
      "spool: { max_bytes: 1000, max_entries: 5, max_attempts: 3, initial_backoff_ms: 10,\n"
      "         max_backoff_ms: 20, concurrency: 2 }\n"
      "vendors:\n"
      "  - { id: s, format: segment, hosts: [API.Segment.IO, api2.segment.io] }\n");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  EXPECT_EQ(*c->data_dir, c->base_dir + "/state");
  EXPECT_EQ(c->spool.max_bytes, 1000);
  EXPECT_EQ(c->spool.max_entries, 5);
  EXPECT_EQ(c->spool.max_attempts, 3);
  EXPECT_EQ(c->spool.initial_backoff_ms, 10);
  EXPECT_EQ(c->spool.max_backoff_ms, 20);
  EXPECT_EQ(c->spool.concurrency, 2);
  EXPECT_EQ(c->vendors[0].hosts, (std::vector<std::string>{"api.segment.io", "api2.segment.io"}));
  Result<EgressConfig> d = Parse("mode: enforce\n");
  EXPECT_FALSE(d->data_dir.has_value());
  EXPECT_EQ(d->spool.max_attempts, 12);

  ExpectError("spool: { max_attempts: 0 }\n", 1, 24, "'spool': 'max_attempts' must be at least 1");
  ExpectError("spool: { concurrency: 100 }\n", 1, 23, "at most 64");
  ExpectError("spool: { retries: 3 }\n", 1, 10, "retries");
  ExpectError("spool: { initial_backoff_ms: 50, max_backoff_ms: 10 }\n", 1, 8, "must not be below");
  ExpectError("data_dir: \"\"\n", 1, 11, "'data_dir'");
  ExpectError("vendors:\n  - { id: a, format: segment, hosts: [\"x.io:443\"] }\n", 2, 38,
              "without port or path");
  ExpectError(
      "vendors:\n  - { id: a, format: segment, hosts: [x.io] }\n"
      "  - { id: b, format: segment, hosts: [X.io] }\n",
      3, 38, "already mapped to vendor 'a'");
}

}  // namespace
}  // namespace metagate::egress
