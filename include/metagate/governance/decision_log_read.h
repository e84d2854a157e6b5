// Reading a decision log for people: the last N records, and a search by kind, integration,
// vendor, event, policy id and time range on each record's parsed members. Stateless;
// thread-safe. Reading does not verify the chain (see decision_log_verify.h).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/common/status.h"

namespace metagate::governance {

// Returns the last `n` lines of the log (without newlines), oldest first. Reads from the end.
Result<std::vector<std::string>> TailDecisionLog(const std::string& path, size_t n);

// What a search keeps: every set field must match. Records name their subject with the
// members "integration", "vendor", "event" and "policies" (an array of policy ids).
struct DecisionQuery {
  std::optional<std::string> kind;
  std::optional<std::string> integration;
  std::optional<std::string> vendor;
  std::optional<std::string> event;
  std::optional<std::string> policy;  // one of "policies" (or equal to "policy")
  std::optional<int64_t> since_ms;    // ts >= since (Unix milliseconds)
  std::optional<int64_t> until_ms;    // ts < until
};

// Calls `on_match` with each matching line, in file order. Lines that are not JSON objects are
// skipped and counted in `*skipped` when given.
Status SearchDecisionLog(const std::string& path, const DecisionQuery& query,
                         const std::function<void(std::string_view line)>& on_match,
                         int64_t* skipped = nullptr);

// Parses "2026-11-30", "2026-11-30T12:00", "2026-11-30T12:00:00" or with ".123" and "Z" (UTC)
// into Unix milliseconds.
Result<int64_t> ParseIsoTime(std::string_view text);

}  // namespace metagate::governance
