// AdminConfig: the `admin:` section of the gateway config: who may call the admin API (user ids,
// roles, the SHA-256 of each bearer token, never the token) and an optional policy override.
// Value types; see docs/governance.md "Admin API".
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "metagate/common/source_loc.h"
#include "metagate/common/status.h"

namespace YAML {
class Node;
}  // namespace YAML

namespace metagate::governance {

struct AdminUser {
  std::string id;                  // the Cedar principal User::"<id>"
  std::vector<std::string> roles;  // parents Role::"<role>"
  std::string bearer_sha256;       // 32 raw bytes: SHA-256 of the user's bearer token
  SourceLoc loc;                   // of the user's entry, for messages
};

struct AdminConfig {
  std::string file;  // the config file, for messages
  // A .cedar file or folder that replaces the shipped policies (resolved against the config's
  // folder); unset: the shipped ones.
  std::optional<std::string> policies;
  std::vector<AdminUser> users;  // ids unique, tokens distinct
};

// Reads the `admin:` section of a parsed config document `root`. Returns nullopt when there is
// none. Relative paths resolve against `base_dir`. Errors are "FILE:LINE:COL: message" and never
// repeat a hash or token.
Result<std::optional<AdminConfig>> ParseAdminConfig(const YAML::Node& root, const std::string& file,
                                                    const std::string& base_dir);

// Reads `file` and its `admin:` section (for `metagate serve`, beside the egress and PDP loaders).
Result<std::optional<AdminConfig>> LoadAdminConfig(const std::string& file);

}  // namespace metagate::governance
