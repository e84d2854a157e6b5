// Test-only: writes a decision log with the library, as the gateway will, for the `metagate
// audit` end-to-end test. Usage: audit_log_gen LOG KEY_FILE COUNT [CHECKPOINT_EVERY]
// Record i (0-based) has kind block|transform|approval, integration int<i%3>, vendor v<i%2>,
// event E<i> and policies ["p<i%4>"].
#include <cstdio>
#include <cstdlib>
#include <string>

#include "metagate/governance/audit_key.h"
#include "metagate/governance/decision_log.h"

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: audit_log_gen LOG KEY_FILE COUNT [CHECKPOINT_EVERY]\n");
    return 2;
  }
  auto key = metagate::governance::LoadOrCreateKeyFile(argv[2]);
  if (!key.ok()) {
    std::fprintf(stderr, "audit_log_gen: %s\n", key.status().ToString().c_str());
    return 2;
  }
  metagate::governance::DecisionLogOptions options;
  options.path = argv[1];
  options.key = *key;
  if (argc > 4) options.checkpoint_every = std::strtoull(argv[4], nullptr, 10);
  auto log = metagate::governance::DecisionLog::Open(options);
  if (!log.ok()) {
    std::fprintf(stderr, "audit_log_gen: %s\n", log.status().ToString().c_str());
    return 2;
  }
  static const char* kKinds[] = {"block", "transform", "approval"};
  int count = std::atoi(argv[3]);
  for (int i = 0; i < count; ++i) {
    std::string members = "\"integration\":\"int" + std::to_string(i % 3) + "\",\"vendor\":\"v" +
                          std::to_string(i % 2) + "\",\"event\":\"E" + std::to_string(i) +
                          "\",\"policies\":[\"p" + std::to_string(i % 4) + "\"]";
    (*log)->Append(kKinds[i % 3], members);
  }
  metagate::Status st = (*log)->Close();
  if (!st.ok()) {
    std::fprintf(stderr, "audit_log_gen: %s\n", st.ToString().c_str());
    return 1;
  }
  return 0;
}
