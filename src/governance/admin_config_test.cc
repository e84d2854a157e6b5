#include "metagate/governance/admin_config.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <unistd.h>
#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <fstream>

namespace metagate::governance {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kHash[] = "2695ac53fa599718f7e9d3b4b6d855d59d06c6924dbcd1bd097dba960bb7553f";

Result<std::optional<AdminConfig>> Parse(const std::string& yaml) {
  return ParseAdminConfig(YAML::Load(yaml), "gw.yaml", "/etc/metagate");
}

std::string OneUser(const std::string& extra = "", const std::string& hash = kHash) {
  return "admin:\n  users:\n    - id: alice\n      roles: [admin, auditor]\n      bearer_sha256: " +
         hash + "\n" + extra;
}

TEST(AdminConfig, ReadsUsersAndResolvesThePolicyFolder) {
  Result<std::optional<AdminConfig>> c = Parse(
      "admin:\n  policies: admin-policies/\n  users:\n    - id: alice\n      roles: [admin]\n"
      "      bearer_sha256: " +
      std::string(kHash) +
      "\n    - id: bob\n      roles: viewer\n      bearer_sha256: " + std::string(64, 'A') + "\n");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_TRUE(c->has_value());
  const AdminConfig& a = **c;
  EXPECT_EQ(a.file, "gw.yaml");
  EXPECT_EQ(a.policies, "/etc/metagate/admin-policies/");
  ASSERT_EQ(a.users.size(), 2u);
  EXPECT_EQ(a.users[0].id, "alice");
  EXPECT_THAT(a.users[0].roles, ElementsAre("admin"));
  ASSERT_EQ(a.users[0].bearer_sha256.size(), 32u);
  EXPECT_EQ(static_cast<unsigned char>(a.users[0].bearer_sha256[0]), 0x26);
  EXPECT_EQ(static_cast<unsigned char>(a.users[0].bearer_sha256[31]), 0x3f);
  EXPECT_THAT(a.users[1].roles, ElementsAre("viewer"));
  EXPECT_EQ(a.users[1].bearer_sha256, std::string(32, '\xaa'));
  EXPECT_EQ(a.users[1].loc.line, 7u);
}

TEST(AdminConfig, AbsentSectionIsNullopt) {
  Result<std::optional<AdminConfig>> c = Parse("pdp:\n  policies: p/\n");
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->has_value());
  c = Parse("");
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->has_value());
}

void ExpectError(const std::string& yaml, const std::string& located, const std::string& words) {
  Result<std::optional<AdminConfig>> c = Parse(yaml);
  ASSERT_FALSE(c.ok()) << yaml;
  EXPECT_THAT(c.status().message(), HasSubstr(located)) << c.status().message();
  EXPECT_THAT(c.status().message(), HasSubstr(words)) << c.status().message();
}

TEST(AdminConfig, LocatedErrors) {
  ExpectError("admin:\n  user: []\n", "gw.yaml:2:3:", "unknown key 'user' in 'admin'");
  ExpectError(OneUser("      token: x\n"), "gw.yaml:6:7:", "unknown key 'token' in an admin user");
  ExpectError("admin:\n  users: []\n", "gw.yaml:2:10:", "at least one user");
  ExpectError("admin:\n  policies: p\n", "gw.yaml:2:3:", "at least one user");
  ExpectError("admin: yes\n", "gw.yaml:1:8:", "'admin' must be a mapping");
  ExpectError(
      "admin:\n  users:\n    - roles: [admin]\n      bearer_sha256: " + std::string(kHash) + "\n",
      "gw.yaml:3:7:", "needs 'id'");
  ExpectError("admin:\n  users:\n    - id: a\n      bearer_sha256: " + std::string(kHash) + "\n",
              "gw.yaml:3:7:", "needs 'roles'");
  ExpectError("admin:\n  users:\n    - id: a\n      roles: []\n      bearer_sha256: " +
                  std::string(kHash) + "\n",
              "gw.yaml:4:14:", "at least one role");
  ExpectError("admin:\n  users:\n    - id: a\n      roles: [admin]\n",
              "gw.yaml:3:7:", "needs 'bearer_sha256'");
  ExpectError("admin:\n  users:\n    - id: 'a\"b'\n      roles: [admin]\n      bearer_sha256: " +
                  std::string(kHash) + "\n",
              "gw.yaml:3:11:", "'id' must be");
  ExpectError(OneUser("    - id: alice\n      roles: [viewer]\n      bearer_sha256: " +
                      std::string(64, 'b') + "\n"),
              "gw.yaml:6:7:", "'alice' is listed twice");
  ExpectError(OneUser("    - id: bob\n      roles: [viewer]\n      bearer_sha256: " +
                      std::string(kHash) + "\n"),
              "gw.yaml:6:7:", "'alice' and 'bob' have the same token");
}

TEST(AdminConfig, BadHashIsRejectedWithoutEchoingIt) {
  for (std::string bad :
       {std::string(kHash).substr(0, 63), std::string(kHash) + "0",
        std::string(kHash).substr(0, 62) + "zz", std::string("my-secret-token-value")}) {
    Result<std::optional<AdminConfig>> c = Parse(OneUser("", bad));
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_THAT(c.status().message(), HasSubstr("gw.yaml:5:22:"));
    EXPECT_THAT(c.status().message(), HasSubstr("64 hex digits"));
    EXPECT_THAT(c.status().message(), Not(HasSubstr(bad)));
  }
  Result<std::optional<AdminConfig>> c = Parse(OneUser("", "[a, b]"));
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(c.status().message(), HasSubstr("64 hex digits"));
}

TEST(AdminConfig, LoadsFromTheGatewayConfigFile) {
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("admin_config_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  std::string file = (dir / "gateway.yaml").string();
  std::ofstream(file) << "mode: enforce\npdp:\n  policies: p/\n"
                      << OneUser("  policies: a.cedar\n");
  Result<std::optional<AdminConfig>> c = LoadAdminConfig(file);
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_TRUE(c->has_value());
  EXPECT_EQ((*c)->file, file);
  EXPECT_EQ((*c)->policies, (dir / "a.cedar").string());
  EXPECT_EQ((*c)->users.size(), 1u);

  std::ofstream(file) << OneUser() << "admin: {}\n";
  c = LoadAdminConfig(file);
  ASSERT_FALSE(c.ok());
  EXPECT_THAT(c.status().message(), HasSubstr(file + ":6:1: duplicate key 'admin'"));

  std::ofstream(file) << "mode: enforce\n";
  c = LoadAdminConfig(file);
  ASSERT_TRUE(c.ok());
  EXPECT_FALSE(c->has_value());
  std::filesystem::remove_all(dir);
  EXPECT_FALSE(LoadAdminConfig(file).ok());
}

}  // namespace
}  // namespace metagate::governance
