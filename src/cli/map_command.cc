// `metagate map`: the data map, from the store a gateway fills (--config), or built from captured
// traffic without a gateway (--from-file): every flow integration -> vendor -> event -> field
// with its classes, form, decision, count and first/last seen, as a table, CSV, JSON, Graphviz
// dot or one self-contained HTML page.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <string>

#include "commands.h"
#include "metagate/common/clock.h"
#include "metagate/egress/config.h"
#include "metagate/governance/admin_service.h"
#include "metagate/governance/decision_log_read.h"
#include "metagate/governance/flow_counter.h"
#include "metagate/governance/governance_store.h"
#include "pipeline_loading.h"

namespace metagate::cli {

namespace {

int Fail(const std::string& msg) {
  std::fprintf(stderr, "metagate map: %s\n", msg.c_str());
  return 2;
}

// The pipeline for --from-file: the config's when given, else a discover-mode one that knows
// only this integration and vendor (every field is classified by the detectors).
Result<std::shared_ptr<const egress::Pipeline>> DiscoveryPipeline(const std::string& config_path,
                                                                  const std::string& integration,
                                                                  const std::string& vendor,
                                                                  std::string& wire_format) {
  if (!config_path.empty()) {
    ASSIGN_OR_RETURN(egress::EgressConfig config, egress::LoadEgressConfig(config_path));
    RETURN_IF_ERROR(CheckFlow(config, integration, vendor));
    for (egress::VendorConfig& v : config.vendors) {
      if (v.id != vendor) continue;
      if (!wire_format.empty() && wire_format != v.format) {
        return Status::Invalid("vendor '" + vendor + "' speaks " + v.format + ", not " +
                               wire_format);
      }
      wire_format = v.format;
    }
    return egress::Pipeline::Create(config);
  }
  if (wire_format.empty()) wire_format = vendor;  // --vendor segment, mixpanel, ...
  egress::EgressConfig config;
  config.file = "(discovery)";
  config.mode = egress::Mode::kDiscover;
  config.unknown_events = egress::UnknownEvents::kAllow;
  egress::IntegrationConfig ic;
  ic.id = integration;
  ic.kind = "service";
  config.integrations.push_back(ic);
  egress::VendorConfig vc;
  vc.id = vendor;
  vc.format = wire_format;
  config.vendors.push_back(vc);
  Result<std::shared_ptr<const egress::Pipeline>> p = egress::Pipeline::Create(config);
  if (!p.ok()) {
    return Status::Invalid(p.status().message() +
                           " (without --config, --vendor or --wire-format must name a format)");
  }
  return p;
}

Result<governance::FlowMap> FromFile(const std::string& file, const std::string& config_path,
                                     const std::string& integration, const std::string& vendor,
                                     std::string wire_format) {
  ASSIGN_OR_RETURN(std::shared_ptr<const egress::Pipeline> pipeline,
                   DiscoveryPipeline(config_path, integration, vendor, wire_format));
  std::ifstream in(file);
  if (!in) return Status::Io("cannot read " + file);
  governance::FlowCounter counter;
  egress::PipelineScratch scratch;
  egress::FilterOptions options;
  std::string line;
  int64_t n = 0, bad = 0;
  const int64_t now = UnixMillis();
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    Result<egress::FilterResult> r = pipeline->Filter(integration, vendor, line, scratch, options);
    if (!r.ok()) {
      std::fprintf(stderr, "metagate map: %s:%lld: skipped: %s\n", file.c_str(),
                   static_cast<long long>(n), r.status().message().c_str());
      ++bad;
      continue;
    }
    counter.Add(integration, vendor, *r,
                governance::EventDecisions(*r, pipeline->config().mode, {}),
                pipeline->config().mode, now);
  }
  governance::FlowMap map;
  map.rows = counter.Take();
  map.generated_ms = now;
  map.source = file + " (" + wire_format + ", discovered without a gateway)";
  for (std::string& c : pipeline->ClassesIn("identifier")) map.identifier_classes.insert(c);
  if (bad > 0) {
    std::fprintf(stderr, "metagate map: %lld of %lld line(s) skipped\n",
                 static_cast<long long>(bad), static_cast<long long>(n));
  }
  return map;
}

}  // namespace

int RunMap(int argc, char** argv) {
  CLI::App app{
      "The data map: every flow integration -> vendor -> event -> field that the gateway saw,\n"
      "with the field's classes, the form it left in, the decision, a count and first/last\n"
      "seen. With --config it reads the store the gateway fills (DATA_DIR/governance.db; the\n"
      "gateway flushes its counts every few seconds and when it stops). With --from-file it\n"
      "builds the same map from captured traffic (one request body per line, in the vendor's\n"
      "wire format), without a gateway: a first inventory. --format html writes one\n"
      "self-contained page (a graph of integrations and vendors, sortable tables, and which\n"
      "vendors receive which classes, which integrations send identifiers, what is new since\n"
      "--since).",
      "metagate map"};
  std::string config_path, data_dir, format = "table", since, out_file;
  std::string from_file, integration, vendor, wire_format;
  app.add_option("--config", config_path, "metagate config (its data_dir holds the store)");
  app.add_option("--data-dir", data_dir, "the data folder (instead of the config's)");
  app.add_option("--format", format, "table, csv, json, dot or html")->capture_default_str();
  app.add_option("--since", since, "flows first seen at or after this date are new (2026-11-01)");
  app.add_option("--out", out_file, "write to this file instead of standard output");
  app.add_option("--from-file", from_file, "captured request bodies, one per line (JSON Lines)");
  app.add_option("--integration", integration, "with --from-file: who sent them");
  app.add_option("--vendor", vendor,
                 "with --from-file: to whom (a vendor of the config, or a "
                 "format name without --config)");
  app.add_option("--wire-format", wire_format,
                 "with --from-file: segment, mixpanel, amplitude, posthog, otlp-logs, ... "
                 "(default: the vendor's)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  Result<governance::MapFormat> fmt = governance::ParseMapFormat(format);
  if (!fmt.ok()) return Fail(fmt.status().message());
  std::optional<int64_t> since_ms;
  if (!since.empty()) {
    Result<int64_t> t = governance::ParseIsoTime(since);
    if (!t.ok()) return Fail("--since: " + t.status().message());
    since_ms = *t;
  }
  Result<governance::FlowMap> map = Status::Invalid("");
  if (!from_file.empty()) {
    if (integration.empty() || vendor.empty()) {
      return Fail("--from-file needs --integration and --vendor");
    }
    map = FromFile(from_file, config_path, integration, vendor, wire_format);
  } else {
    if (config_path.empty() && data_dir.empty()) {
      return Fail("give --config (the gateway's store) or --from-file (captured traffic)");
    }
    std::shared_ptr<const egress::Pipeline> pipeline;
    if (!config_path.empty()) {
      Result<egress::EgressConfig> config = egress::LoadEgressConfig(config_path);
      if (!config.ok()) return Fail(config.status().ToString());
      data_dir = DataDirOf(*config, data_dir);
      Result<std::shared_ptr<const egress::Pipeline>> p = egress::Pipeline::Create(*config);
      if (p.ok()) pipeline = *p;  // only for the identifier classes; the map does not need it
    }
    auto store = governance::GovernanceStore::Open(data_dir);
    if (!store.ok()) return Fail(store.status().ToString());
    map = governance::ReadFlowMap(**store, pipeline.get(), since_ms, "store " + (*store)->file());
  }
  if (!map.ok()) return Fail(map.status().ToString());
  map->since_ms = since_ms;
  std::string text = governance::RenderMap(*map, *fmt);
  if (out_file.empty()) {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return 0;
  }
  std::ofstream out(out_file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out.flush()) return Fail("cannot write " + out_file);
  return 0;
}

}  // namespace metagate::cli
