// Internal: helpers for reading YAML config files with yaml-cpp: typed scalars and lists,
// mappings checked against their allowed keys, secret references, paths resolved against the
// config's folder. Every error carries the line and column of the offending node. Shared by the
// egress config and the PDP config; not part of the public API (keeps yaml-cpp out of include/).
#pragma once

#include <yaml-cpp/yaml.h>

#include <charconv>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <string_view>

#include "metagate/common/source_loc.h"
#include "metagate/common/status.h"
#include "metagate/egress/config.h"

namespace metagate::egress::yaml_fields {

inline constexpr int kMaxDepth = 64;

inline constexpr std::string_view kFilePrefix = "file:";
inline constexpr std::string_view kEnvPrefix = "env:";

inline SourceLoc LocOf(const YAML::Node& n) {
  if (!n.IsDefined()) return {};
  YAML::Mark m = n.Mark();
  if (m.is_null()) return {};
  return SourceLoc{static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
}

inline Status Bad(const YAML::Node& n, std::string msg) {
  return Status::Invalid(std::move(msg), LocOf(n));
}

inline std::string Quote(std::string_view s) { return "'" + std::string(s) + "'"; }

inline std::string Join(std::initializer_list<std::string_view> words) {
  std::string out;
  size_t i = 0;
  for (std::string_view w : words) {
    if (i > 0) out += (i + 1 == words.size()) ? " or " : ", ";
    out += w;
    ++i;
  }
  return out;
}

inline bool OneOf(std::string_view v, std::initializer_list<std::string_view> words) {
  for (std::string_view w : words) {
    if (v == w) return true;
  }
  return false;
}

inline std::string KindName(const YAML::Node& n) {
  switch (n.Type()) {
    case YAML::NodeType::Null:
      return "nothing";
    case YAML::NodeType::Scalar:
      return "a scalar";
    case YAML::NodeType::Sequence:
      return "a list";
    case YAML::NodeType::Map:
      return "a mapping";
    case YAML::NodeType::Undefined:
      break;
  }
  return "nothing";
}

// Rejects duplicate and non-string mapping keys anywhere in the document (yaml-cpp keeps both
// entries of a duplicated key and lookups silently return the first).
inline Status CheckKeysUnique(const YAML::Node& n, int depth) {
  if (depth > kMaxDepth)
    return Bad(n, "the config nests deeper than " + std::to_string(kMaxDepth) +
                      " levels (an alias that refers to itself?)");
  if (n.IsSequence()) {
    for (const YAML::Node& item : n) RETURN_IF_ERROR(CheckKeysUnique(item, depth + 1));
  } else if (n.IsMap()) {
    std::map<std::string, SourceLoc> seen;
    for (const auto& kv : n) {
      if (!kv.first.IsScalar()) return Bad(kv.first, "mapping keys must be plain strings");
      std::string key = kv.first.Scalar();
      auto [it, inserted] = seen.emplace(key, LocOf(kv.first));
      if (!inserted) {
        return Bad(kv.first, "duplicate key " + Quote(key) + " (first at " + it->second.ToString() +
                                 "); remove one of them");
      }
      RETURN_IF_ERROR(CheckKeysUnique(kv.second, depth + 1));
    }
  }
  return Status::Ok();
}

// A mapping whose keys were checked against an allowed set. Get() returns an undefined node for
// an absent key, so callers test `if (Node v = m.Get("x"))`.
class Mapping {
 public:
  static Result<Mapping> Of(const YAML::Node& n, const std::string& what,
                            std::initializer_list<std::string_view> allowed) {
    if (!n.IsMap()) return Bad(n, what + " must be a mapping, not " + KindName(n));
    Mapping m(n);
    for (const auto& kv : n) {
      std::string key = kv.first.Scalar();
      if (!OneOf(key, allowed)) {
        return Bad(kv.first, "unknown key " + Quote(key) + " in " + what + " (expected " +
                                 Join(allowed) + ")");
      }
      m.entries_.emplace(std::move(key), kv.second);
    }
    return m;
  }

  YAML::Node Get(const std::string& key) const {
    auto it = entries_.find(key);
    return it == entries_.end() ? YAML::Node(YAML::NodeType::Undefined) : it->second;
  }
  bool Has(const std::string& key) const { return entries_.count(key) > 0; }
  SourceLoc loc() const { return LocOf(node_); }

 private:
  explicit Mapping(const YAML::Node& n) : node_(n) {}

  YAML::Node node_;
  std::map<std::string, YAML::Node> entries_;
};

inline Result<std::string> Str(const YAML::Node& n, const std::string& what) {
  if (!n.IsScalar()) return Bad(n, what + " must be a string, not " + KindName(n));
  return n.Scalar();
}

inline Result<std::string> NonEmptyStr(const YAML::Node& n, const std::string& what) {
  ASSIGN_OR_RETURN(std::string s, Str(n, what));
  if (s.empty()) return Bad(n, what + " must not be empty");
  return s;
}

// A string, or a list of strings.
inline Result<std::vector<std::string>> StrList(const YAML::Node& n, const std::string& what) {
  std::vector<std::string> out;
  if (n.IsScalar()) {
    ASSIGN_OR_RETURN(std::string s, NonEmptyStr(n, what));
    out.push_back(std::move(s));
    return out;
  }
  if (!n.IsSequence()) {
    return Bad(n, what + " must be a string or a list of strings, not " + KindName(n));
  }
  for (const YAML::Node& item : n) {
    ASSIGN_OR_RETURN(std::string s, NonEmptyStr(item, "each entry of " + what));
    out.push_back(std::move(s));
  }
  return out;
}

// YAML 1.2 core booleans only, unquoted: true/false (also True/TRUE, False/FALSE).
inline Result<bool> Bool(const YAML::Node& n, const std::string& what) {
  const std::string msg = what + " must be true or false (a YAML boolean, unquoted)";
  if (!n.IsScalar()) return Bad(n, msg);
  if (n.Tag() != "?" && n.Tag() != "tag:yaml.org,2002:bool") return Bad(n, msg);
  const std::string& v = n.Scalar();
  if (OneOf(v, {"true", "True", "TRUE"})) return true;
  if (OneOf(v, {"false", "False", "FALSE"})) return false;
  return Bad(n, msg);
}

inline Result<int64_t> NonNegativeInt(const YAML::Node& n, const std::string& what) {
  const std::string msg = what + " must be a non-negative whole number";
  if (!n.IsScalar() || n.Tag() == "!") return Bad(n, msg);
  const std::string& v = n.Scalar();
  int64_t out = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || out < 0) return Bad(n, msg);
  return out;
}

inline std::string Resolve(const std::string& base_dir, const std::string& path) {
  std::filesystem::path p(path);
  if (p.is_absolute() || base_dir.empty()) return path;
  return (std::filesystem::path(base_dir) / p).lexically_normal().string();
}

inline std::string BaseDirOf(const std::string& file) {
  std::filesystem::path dir = std::filesystem::path(file).parent_path();
  if (dir.empty()) dir = ".";
  std::error_code ec;
  std::filesystem::path abs = std::filesystem::absolute(dir, ec);
  if (ec) abs = dir;
  std::string out = abs.lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

inline bool IsEnvName(std::string_view s) {
  if (s.empty() || (s[0] >= '0' && s[0] <= '9')) return false;
  for (char c : s) {
    bool ok =
        (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

// "file:PATH" (made absolute against base_dir) or "env:NAME". The value is never echoed: a user
// may have pasted the secret itself.
inline Result<SecretRef> Secret(const YAML::Node& n, const std::string& what,
                                const std::string& base_dir) {
  if (!n.IsScalar()) {
    return Bad(n, what + " must be a secret reference string (\"file:PATH\" or \"env:NAME\")");
  }
  std::string v = n.Scalar();
  SecretRef ref;
  ref.loc = LocOf(n);
  if (v.starts_with(kFilePrefix)) {
    std::string path = v.substr(kFilePrefix.size());
    if (path.empty()) return Bad(n, what + ": \"file:\" needs a path after it");
    ref.ref = std::string(kFilePrefix) + Resolve(base_dir, path);
    return ref;
  }
  if (v.starts_with(kEnvPrefix)) {
    std::string name = v.substr(kEnvPrefix.size());
    if (!IsEnvName(name)) {
      return Bad(n,
                 what + ": \"env:\" needs an environment variable name ([A-Za-z_][A-Za-z0-9_]*)");
    }
    ref.ref = v;
    return ref;
  }
  return Bad(n, what +
                    " must start with \"file:\" (a file holding the secret) or \"env:\" (an "
                    "environment variable holding it); the value itself is not shown here");
}

inline Status LocateYamlError(const YAML::Exception& e) {
  SourceLoc loc;
  if (!e.mark.is_null()) {
    loc =
        SourceLoc{static_cast<uint32_t>(e.mark.line + 1), static_cast<uint32_t>(e.mark.column + 1)};
  }
  return Status::Invalid(e.msg, loc);
}

}  // namespace metagate::egress::yaml_fields
