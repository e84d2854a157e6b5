// `metagate filter`: runs request bodies through the egress pipeline, one per line, and writes
// the body that may leave (nothing for a blocked line) and optionally a decision record per line.
#include <CLI/CLI.hpp>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>

#include "commands.h"
#include "metagate/common/json.h"
#include "metagate/egress/config.h"
#include "metagate/egress/pipeline.h"
#include "pipeline_loading.h"

namespace metagate::cli {

namespace {

int Fail(const std::string& msg) {
  std::fprintf(stderr, "metagate filter: %s\n", msg.c_str());
  return 2;
}

}  // namespace

int RunFilter(int argc, char** argv) {
  CLI::App app{
      "Runs request bodies (one JSON body per line, in the vendor's wire format) through the\n"
      "egress pipeline as INTEGRATION sending to VENDOR: each event is decided with Cedar's\n"
      "send_event, each field leaves in the first form of its ladder that send_field permits\n"
      "for all its classes, or is dropped. Writes the permitted body per line to stdout (a\n"
      "fully blocked line writes nothing). A bad line is reported on stderr with its number and\n"
      "does not stop the stream. Exit 0 when every line was read, 1 when some line was bad,\n"
      "2 on bad usage or config.",
      "metagate filter"};
  std::string config_path, integration, vendor, decisions_path, input;
  app.add_option("--config", config_path, "metagate YAML config (see docs/config.md)")->required();
  app.add_option("--integration", integration, "the sending integration's id")->required();
  app.add_option("--vendor", vendor, "the receiving vendor's id")->required();
  app.add_option("--decisions", decisions_path,
                 "write one JSON decision record per input line to this file");
  app.add_option("input", input, "input file (default: standard input)");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e) == 0 ? 0 : 2;
  }
  std::shared_ptr<const egress::Pipeline> pipeline = LoadPipeline(config_path, "filter");
  if (!pipeline) return 2;
  if (Status s = CheckFlow(pipeline->config(), integration, vendor); !s.ok()) {
    return Fail(s.ToString());
  }
  std::ifstream file;
  std::istream* in = &std::cin;
  if (!input.empty() && input != "-") {
    file.open(input, std::ios::binary);
    if (!file) return Fail("cannot open '" + input + "'");
    in = &file;
  }
  std::FILE* decisions = nullptr;
  if (!decisions_path.empty()) {
    decisions = std::fopen(decisions_path.c_str(), "wb");
    if (decisions == nullptr) return Fail("cannot write '" + decisions_path + "'");
  }
  std::string_view mode = egress::ModeName(pipeline->config().mode);
  egress::PipelineScratch scratch;
  egress::FilterOptions options;
  options.record_fields = decisions != nullptr;  // field records cost; skip them when unused
  std::string line, record;
  int64_t n = 0, bad = 0;
  while (std::getline(*in, line)) {
    ++n;
    Result<egress::FilterResult> result =
        pipeline->Filter(integration, vendor, line, scratch, options);
    if (!result.ok()) {
      ++bad;
      std::fprintf(stderr, "metagate filter: line %lld: %s\n", static_cast<long long>(n),
                   result.status().ToString().c_str());
      if (decisions != nullptr) {
        record = "{\"line\":" + std::to_string(n) + ",\"error\":";
        json::AppendQuoted(record, result.status().ToString());
        record += "}\n";
        std::fwrite(record.data(), 1, record.size(), decisions);
      }
      continue;
    }
    if (result->forwarded) {
      std::fwrite(result->body.data(), 1, result->body.size(), stdout);
      std::fputc('\n', stdout);
    }
    if (decisions != nullptr) {
      record.clear();
      egress::AppendDecisionJson(*result, n, integration, vendor, mode, record);
      record.push_back('\n');
      std::fwrite(record.data(), 1, record.size(), decisions);
    }
  }
  std::fflush(stdout);
  if (decisions != nullptr && std::fclose(decisions) != 0) {
    return Fail("cannot write '" + decisions_path + "'");
  }
  return bad > 0 ? 1 : 0;
}

}  // namespace metagate::cli
