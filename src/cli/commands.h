// Entry points of the `metagate` subcommands. Each returns the process exit code:
// 0 success, 1 a failed check (for example a failing test), 2 bad input or usage.
#pragma once

namespace metagate::cli {

int RunAuthorize(int argc, char** argv);
int RunCedarTest(int argc, char** argv);
int RunValidate(int argc, char** argv);
int RunFormat(int argc, char** argv);
int RunTranslate(int argc, char** argv);
int RunClassify(int argc, char** argv);
int RunFilter(int argc, char** argv);
int RunExplain(int argc, char** argv);
int RunSink(int argc, char** argv);
int RunServe(int argc, char** argv);
int RunPdp(int argc, char** argv);
int RunAudit(int argc, char** argv);
int RunApprovals(int argc, char** argv);
int RunMap(int argc, char** argv);
int RunBench(int argc, char** argv);

}  // namespace metagate::cli
