// `metagate audit verify|tail|search`: checks the governance decision log for tampering and
// reads it. Finds the log through the config's data_dir (or --log); never prints the key.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>

#include "commands.h"
#include "metagate/common/json.h"
#include "metagate/egress/config.h"
#include "metagate/governance/decision_log.h"
#include "metagate/governance/decision_log_read.h"
#include "metagate/governance/decision_log_verify.h"

namespace metagate::cli {

namespace {

int Fail(const std::string& msg) {
  std::fprintf(stderr, "metagate audit: %s\n", msg.c_str());
  return 2;
}

struct LogFlags {
  std::string config;
  std::string log;
};

void AddLogFlags(CLI::App& cmd, LogFlags& flags) {
  cmd.add_option("--config", flags.config,
                 "metagate config: the log is DATA_DIR/audit/decisions.jsonl (data_dir unset: "
                 "./metagate-data)");
  cmd.add_option("--log", flags.log, "the decision log file itself (instead of --config)");
}

// Returns the log's path: --log, else the config's data_dir, else ./metagate-data.
Result<std::string> ResolveLog(const LogFlags& flags) {
  if (!flags.log.empty() && !flags.config.empty()) {
    return Status::Invalid("give --config or --log, not both");
  }
  if (!flags.log.empty()) return flags.log;
  std::string data_dir = "metagate-data";
  if (!flags.config.empty()) {
    Result<egress::EgressConfig> config = egress::LoadEgressConfig(flags.config);
    if (!config.ok()) return config.status();
    if (config->data_dir) data_dir = *config->data_dir;
  }
  return (std::filesystem::path(data_dir) / "audit" / "decisions.jsonl").string();
}

// The key from --key (file:PATH or env:NAME), else the config's governance.audit_key, else
// audit.key beside the log when it exists.
Result<std::optional<std::string>> ResolveKey(const std::string& flag, const std::string& log,
                                              const std::string& config_path) {
  if (!flag.empty()) {
    if (!flag.starts_with("file:") && !flag.starts_with("env:")) {
      return Status::Invalid("--key takes file:PATH or env:NAME");
    }
    ASSIGN_OR_RETURN(std::string key, egress::LoadSecret(egress::SecretRef{flag, {}}));
    return std::optional<std::string>(std::move(key));
  }
  if (!config_path.empty()) {
    ASSIGN_OR_RETURN(egress::EgressConfig config, egress::LoadEgressConfig(config_path));
    if (config.governance.audit_key) {
      ASSIGN_OR_RETURN(std::string key, egress::LoadSecret(*config.governance.audit_key));
      return std::optional<std::string>(std::move(key));
    }
  }
  std::string beside = (std::filesystem::path(log).parent_path() / "audit.key").string();
  std::error_code ec;
  if (!std::filesystem::exists(beside, ec)) return std::optional<std::string>();
  ASSIGN_OR_RETURN(std::string key, egress::LoadSecret(egress::SecretRef{"file:" + beside, {}}));
  return std::optional<std::string>(std::move(key));
}

int Verify(const LogFlags& flags, const std::string& key_flag) {
  Result<std::string> log = ResolveLog(flags);
  if (!log.ok()) return Fail(log.status().ToString());
  Result<std::optional<std::string>> key = ResolveKey(key_flag, *log, flags.config);
  if (!key.ok()) return Fail(key.status().ToString());
  Result<governance::AuditVerifyReport> report = governance::VerifyDecisionLog(*log, *key);
  if (!report.ok()) return Fail(report.status().ToString());
  std::string head = governance::DecisionLogHeadPath(*log);
  for (const governance::AuditProblem& p : report->problems) {
    if (p.line == 0) {
      std::printf("%s: %s\n", head.c_str(), p.what.c_str());
    } else {
      std::printf("%s:%lld: seq %lld: %s\n", log->c_str(), static_cast<long long>(p.line),
                  static_cast<long long>(p.seq), p.what.c_str());
    }
  }
  std::printf("%s: %lld lines, %lld checkpoints, the chain reaches seq %lld", log->c_str(),
              static_cast<long long>(report->records), static_cast<long long>(report->checkpoints),
              static_cast<long long>(report->last_seq));
  if (report->unsigned_tail > 0) {
    std::printf("; %lld records after the last checkpoint are not covered by a MAC yet",
                static_cast<long long>(report->unsigned_tail));
  }
  std::printf("\n%s\n", report->macs_checked
                            ? "checkpoint and head MACs checked with the key"
                            : "MACs NOT checked (no key): chain and head file checks only; pass "
                              "--key file:PATH or env:NAME");
  if (report->ok()) {
    std::printf("OK: no record edited, removed, inserted or reordered\n");
    return 0;
  }
  std::printf("TAMPERED: %zu problem%s\n", report->problems.size(),
              report->problems.size() == 1 ? "" : "s");
  return 1;
}

int Tail(const LogFlags& flags, size_t n) {
  Result<std::string> log = ResolveLog(flags);
  if (!log.ok()) return Fail(log.status().ToString());
  Result<std::vector<std::string>> lines = governance::TailDecisionLog(*log, n);
  if (!lines.ok()) return Fail(lines.status().ToString());
  for (const std::string& line : *lines) std::printf("%s\n", line.c_str());
  return 0;
}

std::string Member(const json::Value& v, std::string_view name) {
  const json::Value* m = v.Find(name);
  if (m == nullptr) return "";
  if (m->is_string()) return m->as_string();
  if (m->is_int()) return std::to_string(m->as_int());
  if (m->is_array()) {
    std::string out;
    for (const json::Value& item : m->items()) {
      if (!item.is_string()) continue;
      if (!out.empty()) out += ',';
      out += item.as_string();
    }
    return out;
  }
  return "";
}

int Search(const LogFlags& flags, const governance::DecisionQuery& query, bool table) {
  Result<std::string> log = ResolveLog(flags);
  if (!log.ok()) return Fail(log.status().ToString());
  if (table) {
    std::printf("%-8s %-24s %-14s %-14s %-14s %-20s %s\n", "SEQ", "TS", "KIND", "INTEGRATION",
                "VENDOR", "EVENT", "POLICIES");
  }
  int64_t skipped = 0;
  Status st = governance::SearchDecisionLog(
      *log, query,
      [&](std::string_view line) {
        if (!table) {
          std::printf("%.*s\n", static_cast<int>(line.size()), line.data());
          return;
        }
        Result<json::Value> v = json::Parse(line);
        if (!v.ok()) return;
        std::string policies = Member(*v, "policies");
        if (policies.empty()) policies = Member(*v, "policy");
        std::printf("%-8s %-24s %-14s %-14s %-14s %-20s %s\n", Member(*v, "seq").c_str(),
                    Member(*v, "ts").c_str(), Member(*v, "kind").c_str(),
                    Member(*v, "integration").c_str(), Member(*v, "vendor").c_str(),
                    Member(*v, "event").c_str(), policies.c_str());
      },
      &skipped);
  if (!st.ok()) return Fail(st.ToString());
  if (skipped > 0) {
    std::fprintf(stderr,
                 "metagate audit: skipped %lld lines that are not JSON objects; run `metagate "
                 "audit verify`\n",
                 static_cast<long long>(skipped));
  }
  return 0;
}

}  // namespace

int RunAudit(int argc, char** argv) {
  CLI::App app{
      "Checks and reads the governance decision log (DATA_DIR/audit/decisions.jsonl): an\n"
      "append-only, hash-chained record of blocks, quarantines, transforms, approvals, admin\n"
      "actions and policy changes with the policies that decided them (never a raw value).\n"
      "See docs/governance.md.",
      "metagate audit"};
  app.require_subcommand(1);
  LogFlags flags;
  std::string key;

  CLI::App* verify = app.add_subcommand(
      "verify",
      "Checks every record's hash and its link to the one before, the head file, and (with the "
      "key) every checkpoint MAC. Prints one line per problem (FILE:LINE: seq S: what) and a "
      "summary. Exit 0 when clean, 1 when the log was tampered with, 2 for usage errors.");
  AddLogFlags(*verify, flags);
  verify->add_option("--key", key,
                     "the HMAC key: file:PATH or env:NAME (default: audit.key beside the log, "
                     "when it exists; without a key MACs are not checked)");

  size_t n = 20;
  CLI::App* tail = app.add_subcommand("tail", "Prints the last records of the log, oldest first.");
  AddLogFlags(*tail, flags);
  tail->add_option("-n,--lines", n, "how many records")->capture_default_str();

  governance::DecisionQuery query;
  std::string since, until, format = "jsonl";
  CLI::App* search = app.add_subcommand(
      "search", "Prints the records that match every filter given, in log order.");
  AddLogFlags(*search, flags);
  search->add_option("--kind", query.kind,
                     "record kind: block, quarantine, transform, approval, admin, "
                     "policy_change, checkpoint, ...");
  search->add_option("--integration", query.integration, "the integration (source) id");
  search->add_option("--vendor", query.vendor, "the vendor (destination) id");
  search->add_option("--event", query.event, "the event name");
  search->add_option("--policy", query.policy, "a determining policy id");
  search->add_option("--since", since, "records at or after this UTC time (2026-11-30[T12:00Z])");
  search->add_option("--until", until, "records before this UTC time");
  search->add_option("--format", format, "jsonl (the records) or table")
      ->check(CLI::IsMember({"jsonl", "table"}))
      ->capture_default_str();
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (verify->parsed()) return Verify(flags, key);
  if (tail->parsed()) return Tail(flags, n);
  for (auto [text, out] :
       {std::pair{&since, &query.since_ms}, std::pair{&until, &query.until_ms}}) {
    if (text->empty()) continue;
    Result<int64_t> t = governance::ParseIsoTime(*text);
    if (!t.ok()) return Fail(t.status().ToString());
    *out = *t;
  }
  return Search(flags, query, format == "table");
}

}  // namespace metagate::cli
