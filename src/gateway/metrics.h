// GatewayMetrics: the gateway's counters and latency histograms in Prometheus' text format.
// Label values are only ids from the config (vendor, integration), decisions and status codes,
// never anything taken from a request. Thread-safe.
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <mutex>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <utility>
#include <vector>

#include "metagate/gateway/spool.h"

namespace metagate::gateway {

class GatewayMetrics {
 public:
  // One answered ingest request. `vendor` and `integration` are config ids, or "_none" when
  // the request named no configured vendor or no known sender.
  void Request(const std::string& vendor, const std::string& integration, int status,
               double seconds);
  // One filtered request: its events allowed and blocked, and the fields of the allowed ones by
  // the form they left in (indexed as egress::kFieldForms).
  void Decided(const std::string& vendor, const std::string& integration, uint64_t allowed,
               uint64_t blocked, std::span<const uint32_t> form_counts);
  std::string Render() const;

 private:
  static constexpr std::array<double, 12> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                      0.1,   0.25,   0.5,   1,    2.5,   10};
  struct Histogram {
    std::array<uint64_t, kBuckets.size()> counts{};  // per bucket, not cumulative
    uint64_t count = 0;
    double sum = 0;
  };
  mutable std::mutex mu_;
  std::map<std::tuple<std::string, std::string, int>, uint64_t> requests_;
  std::map<std::tuple<std::string, std::string, std::string>, uint64_t> events_;
  std::map<std::tuple<std::string, std::string, std::string>, uint64_t> fields_;
  std::map<std::string, Histogram> latency_;
};

// Appends each vendor's spool gauges and delivery counters (`stats` by vendor id).
void AppendSpoolMetrics(const std::vector<std::pair<std::string, SpoolStats>>& stats,
                        int64_t now_unix_ms, std::string& out);

}  // namespace metagate::gateway
