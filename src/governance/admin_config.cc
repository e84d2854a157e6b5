// Reads the `admin:` section (see docs/governance.md). Errors are "FILE:LINE:COL: message" and
// never repeat a hash or token.
#include "metagate/governance/admin_config.h"

#include <set>

#include "metagate/common/file_util.h"
#include "metagate/common/hex.h"
#include "yaml_fields.h"

namespace metagate::governance {
namespace {

using namespace egress::yaml_fields;  // NOLINT: the shared config-reading helpers

// Role and user names: visible ASCII without quotes or backslashes, so they read the same in
// Cedar policies, logs and messages.
bool IsPlainName(std::string_view s) {
  if (s.empty() || s.size() > 128) return false;
  for (char c : s) {
    if (c < 0x21 || c > 0x7e || c == '"' || c == '\\') return false;
  }
  return true;
}

Result<std::string> Sha256Hex(const YAML::Node& n) {
  const std::string what = "'bearer_sha256' must be 64 hex digits: the SHA-256 of the token";
  if (!n.IsScalar() || n.Scalar().size() != 64) {
    return Bad(n, what + " (printf %s \"$TOKEN\" | sha256sum); the value is not shown here");
  }
  std::string raw;
  const std::string& hex = n.Scalar();
  for (size_t i = 0; i < hex.size(); i += 2) {
    int hi = HexDigitValue(hex[i]), lo = HexDigitValue(hex[i + 1]);
    if (hi < 0 || lo < 0) return Bad(n, what + "; the value is not shown here");
    raw.push_back(static_cast<char>(hi * 16 + lo));
  }
  return raw;
}

Result<AdminUser> ParseUser(const YAML::Node& n) {
  ASSIGN_OR_RETURN(Mapping m, Mapping::Of(n, "an admin user", {"id", "roles", "bearer_sha256"}));
  AdminUser u;
  u.loc = LocOf(n);
  YAML::Node id = m.Get("id");
  if (!id) return Bad(n, "an admin user needs 'id': the name their requests are logged under");
  ASSIGN_OR_RETURN(u.id, NonEmptyStr(id, "'id'"));
  if (!IsPlainName(u.id)) {
    return Bad(id, "'id' must be at most 128 visible ASCII characters without quotes");
  }
  YAML::Node roles = m.Get("roles");
  if (!roles) return Bad(n, "admin user " + Quote(u.id) + " needs 'roles', e.g. [viewer]");
  ASSIGN_OR_RETURN(u.roles, StrList(roles, "'roles'"));
  if (u.roles.empty()) return Bad(roles, "'roles' must name at least one role");
  for (const std::string& r : u.roles) {
    if (!IsPlainName(r)) {
      return Bad(roles, "each role must be at most 128 visible ASCII characters without quotes");
    }
  }
  YAML::Node hash = m.Get("bearer_sha256");
  if (!hash) {
    return Bad(n, "admin user " + Quote(u.id) +
                      " needs 'bearer_sha256': the SHA-256 of their token in hex "
                      "(printf %s \"$TOKEN\" | sha256sum)");
  }
  ASSIGN_OR_RETURN(u.bearer_sha256, Sha256Hex(hash));
  return u;
}

Status ParseSection(const YAML::Node& n, const std::string& base_dir, AdminConfig& c) {
  ASSIGN_OR_RETURN(Mapping m, Mapping::Of(n, "'admin'", {"policies", "users"}));
  if (YAML::Node v = m.Get("policies")) {
    ASSIGN_OR_RETURN(std::string p, NonEmptyStr(v, "'admin.policies'"));
    c.policies = Resolve(base_dir, p);
  }
  YAML::Node users = m.Get("users");
  if (!users || !users.IsSequence() || users.size() == 0) {
    return Bad(users ? users : n,
               "'admin.users' must list at least one user (id, roles, bearer_sha256)");
  }
  std::set<std::string> ids;
  for (const YAML::Node& item : users) {
    ASSIGN_OR_RETURN(AdminUser u, ParseUser(item));
    if (!ids.insert(u.id).second) {
      return Bad(item, "admin user " + Quote(u.id) + " is listed twice");
    }
    for (const AdminUser& other : c.users) {
      if (other.bearer_sha256 == u.bearer_sha256) {
        return Bad(item, "admin users " + Quote(other.id) + " and " + Quote(u.id) +
                             " have the same token; give each user their own");
      }
    }
    c.users.push_back(std::move(u));
  }
  return Status::Ok();
}

}  // namespace

Result<std::optional<AdminConfig>> ParseAdminConfig(const YAML::Node& root, const std::string& file,
                                                    const std::string& base_dir) {
  if (!root.IsDefined() || !root.IsMap()) return std::optional<AdminConfig>();
  AdminConfig config;
  config.file = file;
  Status st;
  try {
    YAML::Node n = root["admin"];
    if (!n) return std::optional<AdminConfig>();
    st = ParseSection(n, base_dir, config);
  } catch (const YAML::Exception& e) {
    st = LocateYamlError(e);
  }
  if (!st.ok()) return file.empty() ? st : st.WithContext(file);
  return std::optional<AdminConfig>(std::move(config));
}

Result<std::optional<AdminConfig>> LoadAdminConfig(const std::string& file) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(file));
  Status st;
  try {
    YAML::Node root = YAML::Load(text);
    if (root.IsMap()) {
      st = CheckKeysUnique(root, 0);
      if (st.ok()) return ParseAdminConfig(root, file, BaseDirOf(file));
    }
  } catch (const YAML::Exception& e) {
    st = LocateYamlError(e);
  }
  if (!st.ok()) return st.WithContext(file);
  return std::optional<AdminConfig>();
}

}  // namespace metagate::governance
