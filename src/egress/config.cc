// Reads the egress gateway's YAML config (see docs/config.md). yaml-cpp reports errors by
// exception; they stop here. Every error carries the line and column of the offending node and,
// once the file is known, is prefixed "FILE:LINE:COL: ". No message ever repeats a secret
// reference's target value, a credential digest or anything that might be a pasted token.
#include "metagate/egress/config.h"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdlib>
#include <filesystem>
#include <initializer_list>
#include <map>
#include <string_view>
#include <utility>

#include "../classify/config_yaml.h"
#include "metagate/common/file_util.h"
#include "yaml_fields.h"

namespace metagate::egress {
namespace {

using namespace yaml_fields;  // NOLINT: the shared config-reading helpers
namespace fs = std::filesystem;

bool IsHex64(std::string_view s) {
  if (s.size() != 64) return false;
  for (char c : s) {
    bool ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    if (!ok) return false;
  }
  return true;
}

bool IsClassName(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
    if (!ok) return false;
  }
  return true;
}

Result<std::vector<std::string>> SplitPath(const YAML::Node& n, const std::string& path) {
  Result<std::vector<std::string>> out = SplitFieldPath(path);
  if (!out.ok()) return Bad(n, out.status().message());
  return out;
}

class Parser {
 public:
  explicit Parser(EgressConfig& config) : c_(config) {}

  Status ParseRoot(const YAML::Node& root) {
    if (!root.IsDefined() || root.IsNull()) return Status::Ok();
    RETURN_IF_ERROR(CheckKeysUnique(root, 0));
    ASSIGN_OR_RETURN(Mapping m,
                     Mapping::Of(root, "the egress config",
                                 {"mode", "policies", "schema", "entities", "keys", "tls",
                                  "integrations", "vendors", "catalog", "unknown_fields",
                                  "unknown_events", "classes", "field_names", "combinations",
                                  "data_dir", "spool", "pdp", "governance", "admin"}));
    if (YAML::Node v = m.Get("mode")) {
      ASSIGN_OR_RETURN(std::string s, Str(v, "'mode'"));
      if (s == "enforce") {
        c_.mode = Mode::kEnforce;
      } else if (s == "observe") {
        c_.mode = Mode::kObserve;
      } else if (s == "discover") {
        c_.mode = Mode::kDiscover;
      } else {
        return Bad(v, "unknown mode " + Quote(s) + " (use enforce, observe or discover)");
      }
    }
    if (YAML::Node v = m.Get("policies")) {
      ASSIGN_OR_RETURN(c_.policies, StrList(v, "'policies'"));
      for (std::string& p : c_.policies) p = Resolve(c_.base_dir, p);
    }
    if (YAML::Node v = m.Get("schema")) {
      ASSIGN_OR_RETURN(std::string s, NonEmptyStr(v, "'schema'"));
      c_.schema = Resolve(c_.base_dir, s);
    }
    if (YAML::Node v = m.Get("entities")) {
      ASSIGN_OR_RETURN(c_.entities, StrList(v, "'entities'"));
      for (std::string& p : c_.entities) p = Resolve(c_.base_dir, p);
    }
    if (YAML::Node v = m.Get("keys")) RETURN_IF_ERROR(ParseKeys(v));
    if (YAML::Node v = m.Get("tls")) RETURN_IF_ERROR(ParseTls(v));
    if (YAML::Node v = m.Get("integrations")) {
      RETURN_IF_ERROR(
          Each(v, "'integrations'", [&](const YAML::Node& n) { return ParseIntegration(n); }));
    }
    if (YAML::Node v = m.Get("vendors")) {
      RETURN_IF_ERROR(Each(v, "'vendors'", [&](const YAML::Node& n) { return ParseVendor(n); }));
    }
    if (YAML::Node v = m.Get("catalog")) {
      RETURN_IF_ERROR(Each(v, "'catalog'", [&](const YAML::Node& n) { return ParseCatalog(n); }));
    }
    if (YAML::Node v = m.Get("unknown_fields")) {
      ASSIGN_OR_RETURN(std::string s, Str(v, "'unknown_fields'"));
      if (s == "drop") {
        c_.unknown_fields = UnknownFields::kDrop;
      } else if (s == "block") {
        c_.unknown_fields = UnknownFields::kBlock;
      } else if (s == "classify") {
        c_.unknown_fields = UnknownFields::kClassify;
      } else {
        return Bad(
            v, "unknown value " + Quote(s) + " for 'unknown_fields' (use drop, block or classify)");
      }
    }
    if (YAML::Node v = m.Get("unknown_events")) {
      ASSIGN_OR_RETURN(std::string s, Str(v, "'unknown_events'"));
      if (s == "block") {
        c_.unknown_events = UnknownEvents::kBlock;
      } else if (s == "allow") {
        c_.unknown_events = UnknownEvents::kAllow;
      } else {
        return Bad(v, "unknown value " + Quote(s) + " for 'unknown_events' (use block or allow)");
      }
    }
    if (YAML::Node v = m.Get("data_dir")) {
      ASSIGN_OR_RETURN(std::string s, NonEmptyStr(v, "'data_dir'"));
      c_.data_dir = Resolve(c_.base_dir, s);
    }
    if (YAML::Node v = m.Get("spool")) RETURN_IF_ERROR(ParseSpool(v));
    if (YAML::Node v = m.Get("governance")) RETURN_IF_ERROR(ParseGovernance(v));
    ASSIGN_OR_RETURN(c_.classifier, classify::internal::ParseClassifierSections(root));
    return CheckReferences();
  }

 private:
  template <typename Fn>
  Status Each(const YAML::Node& list, const std::string& what, Fn&& fn) {
    if (!list.IsSequence()) return Bad(list, what + " must be a list, not " + KindName(list));
    for (const YAML::Node& item : list) RETURN_IF_ERROR(fn(item));
    return Status::Ok();
  }

  Status ParseTls(const YAML::Node& n) {
    ASSIGN_OR_RETURN(Mapping m, Mapping::Of(n, "'tls'", {"cert", "key"}));
    if (!m.Has("cert") || !m.Has("key")) {
      return Bad(n, "'tls' needs both 'cert' (PEM certificate chain) and 'key' (PEM private key)");
    }
    ListenerTlsConfig out;
    out.loc = m.loc();
    ASSIGN_OR_RETURN(std::string cert, NonEmptyStr(m.Get("cert"), "'tls.cert'"));
    ASSIGN_OR_RETURN(std::string key, NonEmptyStr(m.Get("key"), "'tls.key'"));
    out.cert = Resolve(c_.base_dir, cert);
    out.key = Resolve(c_.base_dir, key);
    c_.tls = std::move(out);
    return Status::Ok();
  }

  Status ParseKeys(const YAML::Node& n) {
    ASSIGN_OR_RETURN(Mapping keys, Mapping::Of(n, "'keys'", {"pseudonym"}));
    YAML::Node p = keys.Get("pseudonym");
    if (!p) return Status::Ok();
    ASSIGN_OR_RETURN(Mapping m, Mapping::Of(p, "'keys.pseudonym'", {"current", "keys"}));
    PseudonymKeysConfig out;
    out.loc = m.loc();
    if (!m.Has("current"))
      return Bad(p, "'keys.pseudonym' needs 'current' (the id of the key in use)");
    if (!m.Has("keys")) {
      return Bad(p, "'keys.pseudonym' needs 'keys' (key id -> \"file:PATH\" or \"env:NAME\")");
    }
    YAML::Node current = m.Get("current");
    ASSIGN_OR_RETURN(out.current, NonEmptyStr(current, "'keys.pseudonym.current'"));
    YAML::Node list = m.Get("keys");
    if (!list.IsMap() || list.size() == 0) {
      return Bad(list,
                 "'keys.pseudonym.keys' must be a non-empty mapping of key id to "
                 "\"file:PATH\" or \"env:NAME\"");
    }
    for (const auto& kv : list) {
      std::string id = kv.first.Scalar();
      if (id.empty()) return Bad(kv.first, "a pseudonym key id must not be empty");
      ASSIGN_OR_RETURN(SecretRef ref, Secret(kv.second, "pseudonym key " + Quote(id), c_.base_dir));
      out.keys.emplace(std::move(id), std::move(ref));
    }
    if (!out.keys.count(out.current)) {
      std::string ids;
      for (const auto& [id, ref] : out.keys) ids += (ids.empty() ? "" : ", ") + id;
      return Bad(current, "'keys.pseudonym.current' names " + Quote(out.current) +
                              ", which is not one of the listed keys (" + ids + ")");
    }
    c_.pseudonym_keys = std::move(out);
    return Status::Ok();
  }

  Status ParseIntegration(const YAML::Node& n) {
    ASSIGN_OR_RETURN(Mapping m,
                     Mapping::Of(n, "an integration",
                                 {"id", "kind", "environment", "roles", "teams", "credentials"}));
    IntegrationConfig out;
    out.loc = m.loc();
    if (!m.Has("id")) return Bad(n, "an integration needs an 'id'");
    ASSIGN_OR_RETURN(out.id, NonEmptyStr(m.Get("id"), "an integration's 'id'"));
    const std::string where = "integration " + Quote(out.id);
    for (const IntegrationConfig& other : c_.integrations) {
      if (other.id == out.id) {
        return Bad(m.Get("id"), "duplicate integration id " + Quote(out.id) + " (first at " +
                                    other.loc.ToString() + ")");
      }
    }
    if (!m.Has("kind")) return Bad(n, where + " needs a 'kind' (service, sdk, webhook or agent)");
    YAML::Node kind = m.Get("kind");
    ASSIGN_OR_RETURN(out.kind, Str(kind, where + ": 'kind'"));
    if (!OneOf(out.kind, {"service", "sdk", "webhook", "agent"})) {
      return Bad(kind, where + ": unknown kind " + Quote(out.kind) +
                           " (use service, sdk, webhook or agent)");
    }
    if (YAML::Node v = m.Get("environment")) {
      ASSIGN_OR_RETURN(out.environment, Str(v, where + ": 'environment'"));
    }
    if (YAML::Node v = m.Get("roles")) {
      ASSIGN_OR_RETURN(out.roles, StrList(v, where + ": 'roles'"));
    }
    if (YAML::Node v = m.Get("teams")) {
      ASSIGN_OR_RETURN(out.teams, StrList(v, where + ": 'teams'"));
    }
    if (YAML::Node v = m.Get("credentials")) {
      RETURN_IF_ERROR(Each(v, where + ": 'credentials'", [&](const YAML::Node& cn) -> Status {
        ASSIGN_OR_RETURN(CredentialHash h, ParseCredential(cn, where));
        out.credentials.push_back(std::move(h));
        return Status::Ok();
      }));
    }
    c_.integrations.push_back(std::move(out));
    return Status::Ok();
  }

  Result<CredentialHash> ParseCredential(const YAML::Node& n, const std::string& where) {
    const std::string what = where + ": a credential";
    ASSIGN_OR_RETURN(Mapping m,
                     Mapping::Of(n, what, {"bearer_sha256", "write_key_sha256", "api_key_sha256"}));
    if (n.size() != 1) {
      return Bad(n,
                 what + " needs exactly one of bearer_sha256, write_key_sha256 or api_key_sha256");
    }
    const auto kv = *n.begin();
    std::string key = kv.first.Scalar();
    CredentialHash h;
    h.kind = key.substr(0, key.size() - std::string_view("_sha256").size());
    h.loc = LocOf(kv.second);
    if (!kv.second.IsScalar() || !IsHex64(kv.second.Scalar())) {
      std::string got = kv.second.IsScalar()
                            ? std::to_string(kv.second.Scalar().size()) + " characters"
                            : KindName(kv.second);
      return Bad(kv.second, where + ": '" + key +
                                "' must be the SHA-256 of the token as 64 hex digits (got " + got +
                                "; the value is not shown). Compute it with: printf %s \"$TOKEN\" "
                                "| sha256sum");
    }
    h.sha256 = kv.second.Scalar();
    for (char& c : h.sha256) {
      if (c >= 'A' && c <= 'F') c = static_cast<char>(c - 'A' + 'a');
    }
    auto [it, inserted] = credential_owner_.emplace(h.sha256, where + " at " + h.loc.ToString());
    if (!inserted) {
      return Bad(kv.second, where + ": this credential digest is already listed for " + it->second +
                                "; a token must identify one integration");
    }
    return h;
  }

  Status ParseSpool(const YAML::Node& n) {
    ASSIGN_OR_RETURN(Mapping m,
                     Mapping::Of(n, "'spool'",
                                 {"max_bytes", "max_entries", "max_attempts", "initial_backoff_ms",
                                  "max_backoff_ms", "concurrency"}));
    SpoolConfig& sc = c_.spool;
    sc.loc = m.loc();
    struct Key {
      const char* name;
      int64_t* value;
      int64_t min;
    };
    for (Key k :
         {Key{"max_bytes", &sc.max_bytes, 1}, Key{"max_entries", &sc.max_entries, 1},
          Key{"max_attempts", &sc.max_attempts, 1},
          Key{"initial_backoff_ms", &sc.initial_backoff_ms, 1},
          Key{"max_backoff_ms", &sc.max_backoff_ms, 1}, Key{"concurrency", &sc.concurrency, 1}}) {
      YAML::Node v = m.Get(k.name);
      if (!v) continue;
      const std::string what = std::string("'spool': '") + k.name + "'";
      ASSIGN_OR_RETURN(*k.value, NonNegativeInt(v, what));
      if (*k.value < k.min) return Bad(v, what + " must be at least " + std::to_string(k.min));
      if (k.value == &sc.concurrency && *k.value > 64) return Bad(v, what + " must be at most 64");
    }
    if (sc.max_backoff_ms < sc.initial_backoff_ms) {
      return Bad(n, "'spool': 'max_backoff_ms' must not be below 'initial_backoff_ms'");
    }
    return Status::Ok();
  }

  Status ParseGovernance(const YAML::Node& n) {
    ASSIGN_OR_RETURN(Mapping m, Mapping::Of(n, "'governance'",
                                            {"enabled", "hold", "hold_key", "audit_key",
                                             "checkpoint_every", "flush_interval_ms"}));
    GovernanceConfig& g = c_.governance;
    g.loc = m.loc();
    if (YAML::Node v = m.Get("enabled")) {
      ASSIGN_OR_RETURN(g.enabled, Bool(v, "'governance': 'enabled'"));
    }
    if (YAML::Node v = m.Get("hold")) {
      ASSIGN_OR_RETURN(g.hold, Bool(v, "'governance': 'hold'"));
    }
    if (YAML::Node v = m.Get("hold_key")) {
      ASSIGN_OR_RETURN(g.hold_key, Secret(v, "'governance': 'hold_key'", c_.base_dir));
    }
    if (YAML::Node v = m.Get("audit_key")) {
      ASSIGN_OR_RETURN(g.audit_key, Secret(v, "'governance': 'audit_key'", c_.base_dir));
    }
    for (auto [name, value] : {std::pair{"checkpoint_every", &g.checkpoint_every},
                               std::pair{"flush_interval_ms", &g.flush_interval_ms}}) {
      YAML::Node v = m.Get(name);
      if (!v) continue;
      const std::string what = std::string("'governance': '") + name + "'";
      ASSIGN_OR_RETURN(*value, NonNegativeInt(v, what));
      if (*value < 1) return Bad(v, what + " must be at least 1");
    }
    return Status::Ok();
  }

  Status ParseVendor(const YAML::Node& n) {
    ASSIGN_OR_RETURN(Mapping m,
                     Mapping::Of(n, "a vendor",
                                 {"id", "category", "residency", "retention_days",
                                  "trains_on_customer_data", "dpa_signed", "soc2", "format",
                                  "upstream", "ca_file", "credentials", "pseudonym_key", "hosts"}));
    VendorConfig out;
    out.loc = m.loc();
    if (!m.Has("id")) return Bad(n, "a vendor needs an 'id'");
    ASSIGN_OR_RETURN(out.id, NonEmptyStr(m.Get("id"), "a vendor's 'id'"));
    const std::string where = "vendor " + Quote(out.id);
    for (const VendorConfig& other : c_.vendors) {
      if (other.id == out.id) {
        return Bad(m.Get("id"), "duplicate vendor id " + Quote(out.id) + " (first at " +
                                    other.loc.ToString() + ")");
      }
    }
    if (YAML::Node v = m.Get("category")) {
      ASSIGN_OR_RETURN(out.category, Str(v, where + ": 'category'"));
    }
    if (YAML::Node v = m.Get("residency")) {
      ASSIGN_OR_RETURN(out.residency, Str(v, where + ": 'residency'"));
    }
    if (YAML::Node v = m.Get("retention_days")) {
      ASSIGN_OR_RETURN(out.retention_days, NonNegativeInt(v, where + ": 'retention_days'"));
    }
    if (YAML::Node v = m.Get("trains_on_customer_data")) {
      ASSIGN_OR_RETURN(out.trains_on_customer_data, Bool(v, where + ": 'trains_on_customer_data'"));
    }
    if (YAML::Node v = m.Get("dpa_signed")) {
      ASSIGN_OR_RETURN(out.dpa_signed, Bool(v, where + ": 'dpa_signed'"));
    }
    if (YAML::Node v = m.Get("soc2")) {
      ASSIGN_OR_RETURN(out.soc2, Bool(v, where + ": 'soc2'"));
    }
    const std::string formats = Join(
        {"segment", "mixpanel", "amplitude", "posthog", "otlp-logs", "otlp-traces", "json", "llm"});
    if (!m.Has("format")) return Bad(n, where + " needs a 'format' (" + formats + ")");
    YAML::Node format = m.Get("format");
    ASSIGN_OR_RETURN(out.format, Str(format, where + ": 'format'"));
    if (!OneOf(out.format, {"segment", "mixpanel", "amplitude", "posthog", "otlp-logs",
                            "otlp-traces", "json", "llm"})) {
      return Bad(format,
                 where + ": unknown format " + Quote(out.format) + " (use " + formats + ")");
    }
    if (YAML::Node v = m.Get("upstream")) {
      ASSIGN_OR_RETURN(out.upstream, Str(v, where + ": 'upstream'"));
      if (!out.upstream.starts_with("http://") && !out.upstream.starts_with("https://")) {
        return Bad(v, where + ": 'upstream' must be a URL starting with http:// or https://");
      }
      if (out.upstream == "http://" || out.upstream == "https://") {
        return Bad(v, where + ": 'upstream' needs a host after the scheme");
      }
    }
    if (YAML::Node v = m.Get("ca_file")) {
      ASSIGN_OR_RETURN(std::string s, NonEmptyStr(v, where + ": 'ca_file'"));
      if (!out.upstream.starts_with("https://")) {
        return Bad(v, where + ": 'ca_file' applies only to an https:// upstream");
      }
      out.ca_file = Resolve(c_.base_dir, s);
    }
    if (YAML::Node v = m.Get("credentials")) {
      ASSIGN_OR_RETURN(Mapping cm, Mapping::Of(v, where + ": 'credentials'", {"ingest_key"}));
      if (YAML::Node k = cm.Get("ingest_key")) {
        ASSIGN_OR_RETURN(out.ingest_key, Secret(k, where + ": 'ingest_key'", c_.base_dir));
      }
    }
    if (YAML::Node v = m.Get("pseudonym_key")) {
      ASSIGN_OR_RETURN(std::string s, Str(v, where + ": 'pseudonym_key'"));
      if (s == "own") {
        out.own_pseudonym_key = true;
      } else if (s != "shared") {
        return Bad(v, where + ": 'pseudonym_key' must be own or shared, not " + Quote(s));
      }
      if (out.own_pseudonym_key && !own_key_loc_) own_key_loc_ = LocOf(v);
    }
    if (YAML::Node v = m.Get("hosts")) {
      ASSIGN_OR_RETURN(out.hosts, StrList(v, where + ": 'hosts'"));
      for (std::string& h : out.hosts) {
        for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (h.find_first_of(":/ ") != std::string::npos) {
          return Bad(v, where + ": 'hosts' lists host names without port or path, not " + Quote(h));
        }
        for (const VendorConfig& other : c_.vendors) {
          if (std::find(other.hosts.begin(), other.hosts.end(), h) != other.hosts.end()) {
            return Bad(v, where + ": host " + Quote(h) + " is already mapped to vendor " +
                              Quote(other.id));
          }
        }
      }
    }
    c_.vendors.push_back(std::move(out));
    return Status::Ok();
  }

  Status ParseCatalog(const YAML::Node& n) {
    ASSIGN_OR_RETURN(Mapping m, Mapping::Of(n, "a catalog entry", {"source", "event", "fields"}));
    CatalogEntry out;
    out.loc = m.loc();
    if (!m.Has("source")) {
      return Bad(n, "a catalog entry needs a 'source' (an integration id, or \"*\" for any)");
    }
    if (!m.Has("event"))
      return Bad(n, "a catalog entry needs an 'event' (a name, or \"*\" for any)");
    YAML::Node source = m.Get("source");
    ASSIGN_OR_RETURN(out.source, NonEmptyStr(source, "a catalog entry's 'source'"));
    ASSIGN_OR_RETURN(out.event, NonEmptyStr(m.Get("event"), "a catalog entry's 'event'"));
    if (out.source != "*") catalog_sources_.emplace_back(out.source, source);
    const std::string where = "catalog entry (" + out.source + ", " + Quote(out.event) + ")";
    auto [it, inserted] = catalog_entries_.emplace(std::make_pair(out.source, out.event), out.loc);
    if (!inserted) {
      return Bad(n, "duplicate " + where + " (first at " + it->second.ToString() +
                        "); list all its fields in one entry");
    }
    if (YAML::Node fields = m.Get("fields"); fields && !fields.IsNull()) {
      if (!fields.IsMap()) {
        return Bad(fields, where + ": 'fields' must be a mapping of field path to classes, not " +
                               KindName(fields));
      }
      std::map<std::vector<std::string>, SourceLoc> seen;
      for (const auto& kv : fields) {
        CatalogField f;
        f.path = kv.first.Scalar();
        f.loc = LocOf(kv.first);
        ASSIGN_OR_RETURN(f.pointer, SplitPath(kv.first, f.path));
        auto [sit, fresh] = seen.emplace(f.pointer, f.loc);
        if (!fresh) {
          return Bad(kv.first, where + ": field path " + Quote(f.path) +
                                   " names the same field as the one at " + sit->second.ToString());
        }
        const YAML::Node& cls = kv.second;
        const std::string what = where + ": the classes of " + Quote(f.path);
        if (cls.IsScalar()) {
          f.classes.push_back(cls.Scalar());
        } else if (cls.IsSequence()) {
          for (const YAML::Node& c : cls) {
            if (!c.IsScalar()) return Bad(c, what + " must be class names");
            f.classes.push_back(c.Scalar());
          }
        } else {
          return Bad(cls, what +
                              " must be a class name or a list of them (write [] for a field "
                              "that carries nothing sensitive)");
        }
        for (const std::string& c : f.classes) {
          if (!IsClassName(c)) {
            return Bad(cls, what + ": " + Quote(c) +
                                " is not a class name (lowercase letters, digits and '_')");
          }
        }
        out.fields.push_back(std::move(f));
      }
    }
    c_.catalog.push_back(std::move(out));
    return Status::Ok();
  }

  Status CheckReferences() {
    for (const auto& [id, node] : catalog_sources_) {
      bool found = false;
      for (const IntegrationConfig& i : c_.integrations) found = found || i.id == id;
      if (!found) {
        return Bad(node, "catalog source " + Quote(id) +
                             " is not the id of an integration (list it under 'integrations', "
                             "or write \"*\" for any source)");
      }
    }
    if (own_key_loc_ && !c_.pseudonym_keys) {
      return Status::Invalid(
          "'pseudonym_key: own' derives a key from 'keys.pseudonym', which is not set",
          *own_key_loc_);
    }
    return Status::Ok();
  }

  EgressConfig& c_;
  std::map<std::string, std::string> credential_owner_;  // digest -> where first listed
  std::map<std::pair<std::string, std::string>, SourceLoc> catalog_entries_;
  std::vector<std::pair<std::string, YAML::Node>> catalog_sources_;
  std::optional<SourceLoc> own_key_loc_;  // the first `pseudonym_key: own`
};

}  // namespace

Result<EgressConfig> ParseEgressConfig(std::string_view yaml, const std::string& file) {
  EgressConfig config;
  config.file = file;
  config.base_dir = BaseDirOf(file);
  Status st;
  try {
    st = Parser(config).ParseRoot(YAML::Load(std::string(yaml)));
  } catch (const YAML::Exception& e) {
    st = LocateYamlError(e);
  } catch (const std::exception& e) {
    st = Status::Invalid(std::string("cannot read the config: ") + e.what());
  }
  if (!st.ok()) return file.empty() ? st : st.WithContext(file);
  return config;
}

Result<EgressConfig> LoadEgressConfig(const std::string& file) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(file));
  return ParseEgressConfig(text, file);
}

Result<std::string> LoadSecret(const SecretRef& ref) {
  std::string_view r = ref.ref;
  if (r.starts_with(kFilePrefix)) {
    std::string path(r.substr(kFilePrefix.size()));
    if (path.empty()) return Status::Invalid("secret reference \"file:\" has no path", ref.loc);
    Result<std::string> text = ReadFile(path);
    if (!text.ok()) {
      return Status(text.status().code(), "cannot read secret: " + text.status().message(),
                    ref.loc);
    }
    std::string s = std::move(text).value();
    if (!s.empty() && s.back() == '\n') {
      s.pop_back();
      if (!s.empty() && s.back() == '\r') s.pop_back();
    }
    if (s.empty()) return Status::Invalid("secret file " + path + " is empty", ref.loc);
    return s;
  }
  if (r.starts_with(kEnvPrefix)) {
    std::string name(r.substr(kEnvPrefix.size()));
    if (!IsEnvName(name)) {
      return Status::Invalid("secret reference \"env:\" needs a variable name", ref.loc);
    }
    const char* v = std::getenv(name.c_str());
    if (v == nullptr) {
      return Status(StatusCode::kNotFound,
                    "environment variable " + name + " (a secret reference) is not set", ref.loc);
    }
    if (*v == '\0') {
      return Status::Invalid("environment variable " + name + " (a secret reference) is empty",
                             ref.loc);
    }
    return std::string(v);
  }
  return Status::Invalid(
      "a secret reference must start with \"file:\" or \"env:\" (the value is not shown)", ref.loc);
}

Result<std::vector<std::string>> SplitFieldPath(std::string_view path) {
  std::vector<std::string> out;
  if (path.empty()) return Status::Invalid("a catalog field path must not be empty");
  if (path[0] == '/') {
    size_t i = 1;
    while (true) {
      size_t end = path.find('/', i);
      std::string_view raw(path.data() + i, (end == std::string::npos ? path.size() : end) - i);
      std::string seg;
      for (size_t k = 0; k < raw.size(); ++k) {
        if (raw[k] != '~') {
          seg += raw[k];
          continue;
        }
        if (k + 1 < raw.size() && raw[k + 1] == '0') {
          seg += '~';
        } else if (k + 1 < raw.size() && raw[k + 1] == '1') {
          seg += '/';
        } else {
          return Status::Invalid(
              "field path " + Quote(path) +
              ": '~' in a JSON pointer must be followed by 0 (for '~') or 1 (for '/')");
        }
        ++k;
      }
      if (seg.empty())
        return Status::Invalid("field path " + Quote(path) + " has an empty segment");
      out.push_back(std::move(seg));
      if (end == std::string::npos) break;
      i = end + 1;
    }
    return out;
  }
  size_t i = 0;
  while (true) {
    size_t end = path.find('.', i);
    std::string seg(path.substr(i, end == std::string::npos ? std::string::npos : end - i));
    if (seg.empty()) {
      return Status::Invalid(
          "field path " + Quote(path) +
          " has an empty segment (write a key containing '.' in JSON-pointer form, "
          "\"/a/b.c\")");
    }
    out.push_back(std::move(seg));
    if (end == std::string::npos) break;
    i = end + 1;
  }
  return out;
}

}  // namespace metagate::egress
