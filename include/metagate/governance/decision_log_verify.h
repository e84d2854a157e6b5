// Verification of a decision log: reads the log (and its head file) and reports every problem
// with the line it is on: edited, removed, inserted and reordered records, a truncated file and,
// with the key, chains rewritten with recomputed hashes. Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "metagate/common/status.h"

namespace metagate::governance {

struct AuditProblem {
  int64_t line = 0;         // 1-based line of the log; 0 for a problem of the head file itself
  int64_t seq = 0;          // the seq the problem concerns, 0 when unknown
  std::string what;         // e.g. "line 7 was edited: its hash does not match its content"
  int64_t paired_line = 0;  // two records swapped: the other line
  int64_t range_from = 0;   // a checkpoint MAC failed: the rewrite began at or after this line
};

struct AuditVerifyReport {
  int64_t records = 0;        // lines read
  int64_t checkpoints = 0;    // well-formed checkpoint records
  int64_t last_seq = 0;       // the seq the chain reaches
  int64_t unsigned_tail = 0;  // records after the last checkpoint (not covered by a MAC yet)
  bool macs_checked = false;  // false when no key was given: chain and head checks only
  bool head_found = false;
  std::vector<AuditProblem> problems;  // ordered by line
  bool ok() const { return problems.empty(); }
};

// Verifies the log at `path` and the head file beside it. With `key`, every checkpoint MAC and
// the head file's MAC are checked as well. Errors only when the log cannot be read.
Result<AuditVerifyReport> VerifyDecisionLog(const std::string& path,
                                            const std::optional<std::string>& key);

}  // namespace metagate::governance
