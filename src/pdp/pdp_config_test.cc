#include "metagate/pdp/pdp_config.h"

#include <gtest/gtest.h>

#include <string>

#include "pdp_test_util.h"

namespace metagate::pdp {
namespace {

constexpr char kFile[] = "/etc/metagate/pdp.yaml";

Result<std::optional<PdpConfig>> Parse(const std::string& yaml) {
  return ParsePdpConfig(yaml, kFile);
}

// Expects an error whose message starts with "FILE:LINE:COL: " and contains `needle`.
void ExpectError(const std::string& yaml, int line, int col, const std::string& needle) {
  Result<std::optional<PdpConfig>> c = Parse(yaml);
  ASSERT_FALSE(c.ok()) << yaml;
  const std::string& msg = c.status().message();
  std::string prefix =
      std::string(kFile) + ":" + std::to_string(line) + ":" + std::to_string(col) + ": ";
  EXPECT_EQ(msg.rfind(prefix, 0), 0u) << "message: " << msg << "\nexpected prefix: " << prefix;
  EXPECT_NE(msg.find(needle), std::string::npos) << "message: " << msg << "\nneedle: " << needle;
}

constexpr char kFull[] = R"(data_dir: state
pdp:
  policies: [policies, /abs/extra.cedar]
  schema: schema.cedarschema
  entities: [entities.json]
  namespace: Todo
  base_url: https://pdp.example.com/
  authzen:
    token: file:secrets/authzen
  entities_api:
    token: env:ENTITIES_TOKEN
  ext_authz:
    path_prefix: /check
    principal:
      type: user
      jwt:
        claim: email
        issuer: https://issuer.example.com
        audience: todo
        leeway_seconds: 30
        keys:
          - {alg: HS256, kid: k1, key: file:keys/hs}
          - {alg: RS256, key: env:RSA_PEM}
    routes:
      - {methods: [GET], path: "/todos/{id}", action: can_read_todos, resource: {type: todo, id: "{id}"}}
      - {path: /todos, resource: {type: todo, id: all}}
    allow_headers: {x-principal: "{principal}"}
    context_headers: [x-tenant]
)";

TEST(PdpConfigTest, FullConfigParses) {
  Result<std::optional<PdpConfig>> r = Parse(kFull);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->has_value());
  const PdpConfig& c = **r;
  EXPECT_EQ(c.file, kFile);
  EXPECT_EQ(c.base_dir, "/etc/metagate");
  EXPECT_EQ(c.data_dir, "/etc/metagate/state");
  EXPECT_EQ(c.policies, (std::vector<std::string>{"/etc/metagate/policies", "/abs/extra.cedar"}));
  EXPECT_EQ(c.schema, "/etc/metagate/schema.cedarschema");
  EXPECT_EQ(c.entities, std::vector<std::string>{"/etc/metagate/entities.json"});
  EXPECT_EQ(c.cedar_namespace, "Todo");
  EXPECT_EQ(c.base_url, "https://pdp.example.com");  // trailing slash dropped
  ASSERT_TRUE(c.authzen_token.has_value());
  EXPECT_EQ(c.authzen_token->ref, "file:/etc/metagate/secrets/authzen");
  ASSERT_TRUE(c.entities_token.has_value());
  EXPECT_EQ(c.entities_token->ref, "env:ENTITIES_TOKEN");

  ASSERT_TRUE(c.ext_authz.has_value());
  const ExtAuthzConfig& x = *c.ext_authz;
  EXPECT_EQ(x.path_prefix, "/check");
  EXPECT_EQ(x.principal.type, "user");
  EXPECT_TRUE(x.principal.from_jwt);
  EXPECT_EQ(x.principal.jwt_claim, "email");
  ASSERT_EQ(x.routes.size(), 2u);
  EXPECT_EQ(x.routes[0].methods, std::vector<std::string>{"GET"});
  EXPECT_EQ(x.routes[0].path_template, "/todos/{id}");
  EXPECT_EQ(x.routes[0].action, "can_read_todos");
  EXPECT_EQ(x.routes[0].resource_type, "todo");
  EXPECT_EQ(x.routes[0].resource_id, "{id}");
  EXPECT_TRUE(x.routes[1].methods.empty());
  EXPECT_EQ(x.routes[1].action, "{method}");  // the default
  ASSERT_EQ(x.allow_headers.size(), 1u);
  EXPECT_EQ(x.allow_headers[0].first, "x-principal");
  EXPECT_EQ(x.allow_headers[0].second, "{principal}");
  EXPECT_EQ(x.context_headers, std::vector<std::string>{"x-tenant"});

  EXPECT_EQ(c.jwt_options.issuer, "https://issuer.example.com");
  EXPECT_EQ(c.jwt_options.audience, "todo");
  EXPECT_EQ(c.jwt_options.leeway_seconds, 30);
  ASSERT_EQ(c.jwt_keys.size(), 2u);
  EXPECT_EQ(c.jwt_keys[0].kid, "k1");
  EXPECT_EQ(c.jwt_keys[0].alg, JwtKey::kHs256);
  EXPECT_EQ(c.jwt_keys[0].material.ref, "file:/etc/metagate/keys/hs");
  EXPECT_EQ(c.jwt_keys[1].alg, JwtKey::kRs256);
  EXPECT_EQ(c.jwt_keys[1].material.ref, "env:RSA_PEM");
}

TEST(PdpConfigTest, MinimalConfigHasDefaults) {
  Result<std::optional<PdpConfig>> r = Parse("pdp:\n  policies: [p.cedar]\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->has_value());
  EXPECT_FALSE((*r)->schema.has_value());
  EXPECT_FALSE((*r)->authzen_token.has_value());
  EXPECT_FALSE((*r)->entities_token.has_value());
  EXPECT_FALSE((*r)->ext_authz.has_value());
  EXPECT_TRUE((*r)->base_url.empty());
  EXPECT_TRUE((*r)->data_dir.empty());
}

TEST(PdpConfigTest, FileWithoutPdpSectionIsNullopt) {
  Result<std::optional<PdpConfig>> r = Parse("data_dir: /var/lib/metagate\negress: {}\n");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->has_value());
  r = Parse("");
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->has_value());
}

TEST(PdpConfigTest, UnknownKeyIsLocated) {
  ExpectError("pdp:\n  policies: [p.cedar]\n  polices: [q.cedar]\n", 3, 3, "polices");
  ExpectError("pdp:\n  policies: [p.cedar]\n  authzen:\n    tokn: env:X\n", 4, 5, "tokn");
}

TEST(PdpConfigTest, MissingPoliciesIsLocated) {
  ExpectError("pdp:\n  schema: s.cedarschema\n", 2, 3, "'policies'");
}

TEST(PdpConfigTest, PrincipalWithBothJwtAndHeaderIsLocated) {
  ExpectError(R"(pdp:
  policies: [p.cedar]
  ext_authz:
    principal:
      type: user
      header: x-user
      jwt: {keys: [{alg: HS256, key: env:K}]}
    routes: [{path: /a, resource: {type: t, id: x}}]
)",
              5, 7, "exactly one of 'jwt'");
}

TEST(PdpConfigTest, BadAlgIsLocated) {
  ExpectError(R"(pdp:
  policies: [p.cedar]
  ext_authz:
    principal:
      type: user
      jwt:
        keys:
          - {alg: none, key: env:K}
    routes: [{path: /a, resource: {type: t, id: x}}]
)",
              8, 19, "HS256 or RS256");
}

TEST(PdpConfigTest, InlineSecretIsRejectedWithoutEchoingIt) {
  const std::string secret = "s3cr3t-inline-value-0123456789";
  ExpectError("pdp:\n  policies: [p.cedar]\n  authzen:\n    token: " + secret + "\n", 4, 12,
              "'pdp.authzen.token' must start with \"file:\"");
  ExpectError("pdp:\n  policies: [p.cedar]\n  entities_api:\n    token: " + secret + "\n", 4, 12,
              "'pdp.entities_api.token'");
  const std::string key_yaml = R"(pdp:
  policies: [p.cedar]
  ext_authz:
    principal:
      type: user
      jwt:
        keys:
          - {alg: HS256, key: )" +
                               secret + R"(}
    routes: [{path: /a, resource: {type: t, id: x}}]
)";
  ExpectError(key_yaml, 8, 31, "'key'");
  for (const std::string& yaml :
       {"pdp:\n  policies: [p.cedar]\n  authzen:\n    token: " + secret + "\n", key_yaml}) {
    Result<std::optional<PdpConfig>> r = Parse(yaml);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().message().find(secret), std::string::npos) << r.status().message();
  }
}

TEST(PdpConfigTest, OtherErrorsAreLocated) {
  ExpectError("pdp:\n  policies: [p.cedar]\n  base_url: ftp://x\n", 3, 13, "https://");
  ExpectError(
      "pdp:\n  policies: [p.cedar]\n  ext_authz:\n    principal: {type: u, header: x}\n"
      "    routes: []\n",
      5, 13, "'ext_authz.routes'");
  ExpectError("pdp: [1, 2]\n", 1, 6, "'pdp'");
}

TEST(PdpConfigTest, LoadReadsTheFileAndResolvesAgainstItsFolder) {
  testing::TempDir dir;
  std::string file = dir.Write("conf/metagate.yaml", "pdp:\n  policies: [p.cedar]\n");
  Result<std::optional<PdpConfig>> r = LoadPdpConfig(file);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->has_value());
  EXPECT_EQ((*r)->policies, std::vector<std::string>{(dir.path() / "conf" / "p.cedar").string()});
  EXPECT_FALSE(LoadPdpConfig((dir.path() / "missing.yaml").string()).ok());
}

}  // namespace
}  // namespace metagate::pdp
