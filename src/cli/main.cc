// The `metagate` command line: dispatches to one subcommand per file.
#include <cstdio>
#include <cstring>
#include <string>

#include "commands.h"

namespace {

void PrintUsage(FILE* out) {
  std::fputs(
      "metagate: a local policy decision point and egress firewall for metadata.\n"
      "\n"
      "Usage: metagate <command> [options]\n"
      "\n"
      "Commands:\n"
      "  authorize    decide one request against Cedar policies and entities\n"
      "  cedar-test   run Cedar integration-test files and report mismatches\n"
      "  bench        time the authorizer on a Cedar integration-test file\n"
      "  validate     check Cedar policies (and entities) against a schema\n"
      "  format       format Cedar policy files as Cedar's formatter does\n"
      "  translate    convert Cedar policies or schemas between text and JSON formats\n"
      "  classify     label every field of telemetry bodies with data classes; score labels\n"
      "  filter       run bodies through the egress pipeline: what may leave, in which form\n"
      "  explain      say in which form one field leaves and which policies decided it\n"
      "  serve        the gateway: vendor ingest APIs in, filtered requests out upstream\n"
      "  pdp          a policy decision point: AuthZEN, entity API, Envoy ext_authz\n"
      "  sink         a small HTTP server that records every request (tests, demo)\n"
      "  map          the data map: every flow integration -> vendor -> event -> field\n"
      "  approvals    list, approve or deny the fields and events waiting for approval\n"
      "  audit        verify, tail and search the tamper-evident decision log\n"
      "\n"
      "Run `metagate <command> --help` for the options of a command.\n",
      out);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    PrintUsage(stderr);
    return 2;
  }
  std::string cmd = argv[1];
  if (cmd == "--help" || cmd == "-h" || cmd == "help") {
    PrintUsage(stdout);
    return 0;
  }
  if (cmd == "--version") {
    std::puts("metagate 0.1.0");
    return 0;
  }
  if (cmd == "authorize") return metagate::cli::RunAuthorize(argc - 1, argv + 1);
  if (cmd == "cedar-test") return metagate::cli::RunCedarTest(argc - 1, argv + 1);
  if (cmd == "validate") return metagate::cli::RunValidate(argc - 1, argv + 1);
  if (cmd == "format") return metagate::cli::RunFormat(argc - 1, argv + 1);
  if (cmd == "translate") return metagate::cli::RunTranslate(argc - 1, argv + 1);
  if (cmd == "classify") return metagate::cli::RunClassify(argc - 1, argv + 1);
  if (cmd == "filter") return metagate::cli::RunFilter(argc - 1, argv + 1);
  if (cmd == "explain") return metagate::cli::RunExplain(argc - 1, argv + 1);
  if (cmd == "sink") return metagate::cli::RunSink(argc - 1, argv + 1);
  if (cmd == "serve") return metagate::cli::RunServe(argc - 1, argv + 1);
  if (cmd == "pdp") return metagate::cli::RunPdp(argc - 1, argv + 1);
  if (cmd == "audit") return metagate::cli::RunAudit(argc - 1, argv + 1);
  if (cmd == "approvals") return metagate::cli::RunApprovals(argc - 1, argv + 1);
  if (cmd == "bench") return metagate::cli::RunBench(argc - 1, argv + 1);
  if (cmd == "map") return metagate::cli::RunMap(argc - 1, argv + 1);
  std::fprintf(stderr, "metagate: unknown command '%s'\n\n", cmd.c_str());
  PrintUsage(stderr);
  return 2;
}
