// `metagate approvals list | approve ID [--class C] | deny ID`: the approvals queue of unknown
// fields and events, in the store the config names. A running gateway notices a decision within
// a second: it rebuilds its catalog, records the decision in the decision log and replays the
// events held for it.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "commands.h"
#include "metagate/common/clock.h"
#include "metagate/egress/config.h"
#include "metagate/governance/admin_service.h"
#include "metagate/governance/governance_store.h"
#include "pipeline_loading.h"

namespace metagate::cli {

namespace {

int Fail(const std::string& msg, int code = 2) {
  std::fprintf(stderr, "metagate approvals: %s\n", msg.c_str());
  return code;
}

std::string Joined(const std::vector<std::string>& items) {
  std::string out;
  for (const std::string& s : items) out += (out.empty() ? "" : ",") + s;
  return out.empty() ? "-" : out;
}

void PrintTable(const std::vector<governance::Approval>& all) {
  std::printf("%-5s %-6s %-9s %-20s %-24s %-32s %-24s %-22s %8s\n", "ID", "KIND", "STATUS",
              "INTEGRATION", "EVENT", "FIELD", "CLASSES", "EXAMPLE", "SEEN");
  for (const governance::Approval& a : all) {
    std::printf(
        "%-5lld %-6s %-9s %-20s %-24s %-32s %-24s %-22s %8llu\n", static_cast<long long>(a.id),
        a.kind.c_str(), a.status.c_str(), a.integration.c_str(), a.event.c_str(),
        a.path.empty() ? "-" : a.path.c_str(),
        Joined(a.status == "approved" && !a.decided_classes.empty() ? a.decided_classes : a.classes)
            .c_str(),
        a.example.empty() ? "-" : a.example.c_str(), static_cast<unsigned long long>(a.count));
  }
  std::printf("%zu approval(s)\n", all.size());
}

}  // namespace

int RunApprovals(int argc, char** argv) {
  CLI::App app{
      "The approvals queue: fields and events the catalog does not know, seen by the gateway.\n"
      "Each entry shows the integration, event, field path, the classes the detectors found,\n"
      "a masked example (letters x, digits 9; never the value) and how often it was seen.\n"
      "Approving adds the field (or event) to the catalog with the detected classes, or with\n"
      "--class; events held for it are replayed through the policies in force, without a\n"
      "restart. Denying makes the field dropped (the event blocked) from then on. The store is\n"
      "DATA_DIR/governance.db (the config's data_dir, or --data-dir).",
      "metagate approvals"};
  app.require_subcommand(1);
  std::string config_path, data_dir, status = "pending", format = "table", by;
  int64_t id = 0;
  std::vector<std::string> classes;
  auto add_common = [&](CLI::App* cmd) {
    cmd->add_option("--config", config_path, "metagate config (its data_dir holds the store)");
    cmd->add_option("--data-dir", data_dir, "the data folder (instead of the config's)");
  };
  CLI::App* list = app.add_subcommand("list", "list approvals");
  add_common(list);
  list->add_option("--status", status, "pending, approved, denied or all")->capture_default_str();
  list->add_option("--format", format, "table or json")->capture_default_str();
  CLI::App* approve =
      app.add_subcommand("approve", "approve a field or event: it joins the catalog");
  add_common(approve);
  approve->add_option("id", id, "the approval's id (from `list`)")->required();
  approve->add_option("--class", classes,
                      "the field's class (repeatable); default: the detected classes");
  approve->add_option("--by", by, "who decides (default: $USER)");
  CLI::App* deny = app.add_subcommand("deny", "deny a field (dropped from now on) or an event");
  add_common(deny);
  deny->add_option("id", id, "the approval's id (from `list`)")->required();
  deny->add_option("--by", by, "who decides (default: $USER)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  if (config_path.empty() && data_dir.empty()) return Fail("give --config (or --data-dir)");
  std::shared_ptr<const egress::Pipeline> pipeline;
  if (!config_path.empty()) {
    Result<egress::EgressConfig> config = egress::LoadEgressConfig(config_path);
    if (!config.ok()) return Fail(config.status().ToString());
    data_dir = DataDirOf(*config, data_dir);
    if (!classes.empty()) {  // the classes must be in the taxonomy the gateway uses
      Result<std::shared_ptr<const egress::Pipeline>> p = BuildPipeline(config_path);
      if (!p.ok()) return Fail(p.status().ToString());
      pipeline = *p;
    }
  }
  auto store = governance::GovernanceStore::Open(data_dir);
  if (!store.ok()) return Fail(store.status().ToString());
  if (list->parsed()) {
    if (format != "table" && format != "json") return Fail("--format is table or json");
    Result<std::vector<governance::Approval>> all = (*store)->Approvals(status);
    if (!all.ok()) return Fail(all.status().ToString());
    if (format == "table") {
      PrintTable(*all);
    } else {
      std::string out = "[";
      for (size_t i = 0; i < all->size(); ++i) {
        if (i) out.push_back(',');
        governance::AppendApprovalJson(out, (*all)[i]);
      }
      std::printf("%s]\n", out.c_str());
    }
    return 0;
  }
  if (by.empty()) {
    const char* user = std::getenv("USER");
    by = std::string("cli:") + (user != nullptr ? user : "unknown");
  }
  for (const std::string& c : classes) {
    if (pipeline == nullptr) return Fail("--class needs --config (to check the class exists)");
    if (!pipeline->KnowsClass(c)) {
      return Fail("unknown class '" + c + "' (see `metagate classify --taxonomy`)");
    }
  }
  Result<governance::Approval> decided =
      (*store)->Decide(id, approve->parsed(), classes, by, UnixMillis());
  if (!decided.ok()) {
    return Fail(decided.status().ToString(),
                decided.status().code() == StatusCode::kNotFound ||
                        decided.status().code() == StatusCode::kConflict
                    ? 1
                    : 2);
  }
  std::printf("approval %lld %s (%s %s%s%s)\n", static_cast<long long>(decided->id),
              decided->status.c_str(), decided->kind.c_str(), decided->event.c_str(),
              decided->path.empty() ? "" : " ", decided->path.c_str());
  return 0;
}

}  // namespace metagate::cli
