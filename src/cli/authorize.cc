#include <cstdio>

#include "commands.h"

namespace metagate::cli {
int RunAuthorize(int, char**) {
  std::fputs("authorize: not built yet\n", stderr);
  return 2;
}
}  // namespace metagate::cli
