// EgressConfig: the gateway's YAML configuration as written (mode, policy files, keys,
// integrations, vendors, the tracking-plan catalog and what to do with unknown data), with every
// relative path resolved against the config file's folder. Secrets are referenced ("file:PATH",
// "env:NAME"), never held here. Every key is documented in docs/config.md.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "metagate/classify/config.h"
#include "metagate/common/source_loc.h"
#include "metagate/common/status.h"

namespace metagate::egress {

// enforce: forward what policy allows; observe: decide and record everything, forward unchanged;
// discover: forward unchanged and record only what is seen (for a first inventory).
enum class Mode : uint8_t { kEnforce, kObserve, kDiscover };
// What happens to a field the catalog does not list: dropped, the whole event blocked, or
// classified by the detectors (a field no detector labels is then of class `unclassified`).
enum class UnknownFields : uint8_t { kDrop, kBlock, kClassify };
// What happens to an event the catalog does not list (when the catalog lists any event).
enum class UnknownEvents : uint8_t { kBlock, kAllow };

std::string_view ModeName(Mode m);
std::string_view UnknownFieldsName(UnknownFields u);
std::string_view UnknownEventsName(UnknownEvents u);

// A reference to secret material: "file:PATH" (PATH resolved against the config's folder) or
// "env:NAME". Loaded by LoadSecret; the config itself never holds a secret.
struct SecretRef {
  std::string ref;  // as written, with a file path made absolute
  SourceLoc loc;
};

// Reads the secret: the file's bytes (one trailing newline removed) or the variable's value.
// Errors name the file or variable, never the content.
Result<std::string> LoadSecret(const SecretRef& ref);

// How a sender proves who it is to the gateway: the SHA-256 (64 lowercase hex digits) of a token.
struct CredentialHash {
  std::string kind;    // "bearer" | "write_key" | "api_key"  (from bearer_sha256, ...)
  std::string sha256;  // lowercase hex
  SourceLoc loc;
};

struct IntegrationConfig {
  std::string id;
  std::string kind;  // service | sdk | webhook | agent
  std::string environment;
  std::vector<std::string> roles;
  std::vector<std::string> teams;
  std::vector<CredentialHash> credentials;
  SourceLoc loc;
};

struct VendorConfig {
  std::string id;
  std::string category;
  std::string residency;
  int64_t retention_days = 0;
  bool trains_on_customer_data = false;
  bool dpa_signed = false;
  bool soc2 = false;
  std::string format;  // segment | mixpanel | amplitude | posthog | otlp-logs | otlp-traces | json
  std::string upstream;  // URL of the vendor's ingest API
  // PEM bundle of the CAs trusted for an https upstream (absolute); empty: the system's defaults.
  std::string ca_file;
  // The vendor's own ingest credential, put in place of whatever the sender wrote (Segment
  // write key, Mixpanel token, Amplitude/PostHog api_key). Absent: the sender's is removed.
  std::optional<SecretRef> ingest_key;
  bool own_pseudonym_key = false;  // `pseudonym_key: own`: a key derived for this vendor alone
  // Host names (lowercase, no port) whose requests go to this vendor when they do not start with
  // /v/{vendor}: an SDK re-pointed by DNS or its host setting keeps its paths.
  std::vector<std::string> hosts;
  SourceLoc loc;
};

// The gateway's durable spool (one per vendor, under data_dir/spool/) and its delivery.
struct SpoolConfig {
  int64_t max_bytes = int64_t{1} << 30;  // per vendor; a full spool answers 503
  int64_t max_entries = 1000000;         // requests, per vendor
  int64_t max_attempts = 12;             // then the request goes to the dead letters
  int64_t initial_backoff_ms = 500;      // doubled per failed attempt, with jitter
  int64_t max_backoff_ms = 60000;
  int64_t concurrency = 4;  // delivery threads per vendor
  SourceLoc loc;
};

// One field of the tracking plan: a path inside the event and its classes (none = declared,
// carries nothing sensitive: class `unclassified`).
struct CatalogField {
  std::string path;                  // as written: "properties.plan" or "/properties/plan"
  std::vector<std::string> pointer;  // the path's segments ("properties", "plan"); "*" = any
  std::vector<std::string> classes;
  // Denied by an approver (never from YAML): the field is known and always dropped.
  bool denied = false;
  SourceLoc loc;
};

struct CatalogEntry {
  std::string source;  // integration id or "*"
  std::string event;   // event name or "*"
  std::vector<CatalogField> fields;
  // Denied by an approver (never from YAML): the event is known and always blocked.
  bool denied = false;
  SourceLoc loc;
};

struct PseudonymKeysConfig {
  std::string current;                    // id of the key new pseudonyms use
  std::map<std::string, SecretRef> keys;  // id -> secret reference
  SourceLoc loc;
};

// The gateway's own listener over TLS (`tls: { cert: FILE, key: FILE }`): PEM files, absolute.
struct ListenerTlsConfig {
  std::string cert;  // certificate chain, leaf first
  std::string key;   // its private key, unencrypted
  SourceLoc loc;
};

// Governance in `metagate serve` (`governance:`): the data map, approvals, held events and the
// decision log. Keys absent: generated once under DATA_DIR (hold key in governance/hold.key,
// checkpoint key in audit/audit.key, mode 0600); keep copies elsewhere for real tamper evidence.
struct GovernanceConfig {
  bool enabled = true;
  bool hold = true;  // events blocked for an unknown field or event are held for approval
  std::optional<SecretRef> hold_key;
  std::optional<SecretRef> audit_key;
  int64_t checkpoint_every = 1000;   // records between signed checkpoints
  int64_t flush_interval_ms = 5000;  // data map and approval counts to the store
  SourceLoc loc;
};

struct EgressConfig {
  std::string file;      // the config file, as given
  std::string base_dir;  // its folder; relative paths below are already resolved against it
  Mode mode = Mode::kEnforce;
  std::vector<std::string> policies;                  // .cedar files or folders of them
  std::optional<std::string> schema;                  // a .cedarschema or JSON schema file
  std::vector<std::string> entities;                  // Cedar entity JSON files
  std::optional<PseudonymKeysConfig> pseudonym_keys;  // `keys: { pseudonym: ... }`
  std::optional<ListenerTlsConfig> tls;               // absent: the listener is plain HTTP
  std::vector<IntegrationConfig> integrations;
  std::vector<VendorConfig> vendors;
  std::vector<CatalogEntry> catalog;
  UnknownFields unknown_fields = UnknownFields::kDrop;
  UnknownEvents unknown_events = UnknownEvents::kBlock;
  // Where the spool and the embedded SQLite store live; unset: ./metagate-data (from the
  // working directory). Relative paths in the file are resolved against its folder.
  std::optional<std::string> data_dir;
  SpoolConfig spool;
  GovernanceConfig governance;
  // The classifier's own sections (`classes`, `field_names`, `combinations`) may sit in the same
  // file; see metagate/classify/config.h.
  classify::ClassifierConfig classifier;
};

// Parses YAML text. `file` names the text in errors ("file:line:col: message") and its folder
// resolves relative paths. Checks structure, types, unknown keys, duplicate ids, hex digests
// and references between sections (a vendor's format, a catalog source), not the files named.
Result<EgressConfig> ParseEgressConfig(std::string_view yaml, const std::string& file);
// Reads and parses `file`.
Result<EgressConfig> LoadEgressConfig(const std::string& file);

// Splits a field path as the catalog and `metagate explain` write it: an RFC 6901 pointer
// ("/a/b~1c") or dotted ("a.b") into its segments. Empty segments and bad '~' escapes are errors.
Result<std::vector<std::string>> SplitFieldPath(std::string_view path);

}  // namespace metagate::egress
