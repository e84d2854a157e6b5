#include <cstdio>

#include "commands.h"

namespace metagate::cli {
int RunCedarTest(int, char**) {
  std::fputs("cedar-test: not built yet\n", stderr);
  return 2;
}
}  // namespace metagate::cli
