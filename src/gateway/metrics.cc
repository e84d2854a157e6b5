#include "metrics.h"

#include <cstdio>

#include "metagate/egress/pipeline.h"

namespace metagate::gateway {

namespace {

// A label value in Prometheus' text format: backslash, quote and newline escaped.
std::string Label(std::string_view v) {
  std::string out;
  for (char c : v) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
      out.push_back(c);
    } else if (c == '\n') {
      out += "\\n";
    } else {
      out.push_back(c);
    }
  }
  return out;
}

std::string Number(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.9g", v);
  return buf;
}

}  // namespace

void GatewayMetrics::Request(const std::string& vendor, const std::string& integration, int status,
                             double seconds) {
  std::lock_guard<std::mutex> lock(mu_);
  ++requests_[{vendor, integration, status}];
  Histogram& h = latency_[vendor];
  size_t i = 0;
  while (i < kBuckets.size() && seconds > kBuckets[i]) ++i;
  if (i < kBuckets.size()) ++h.counts[i];
  ++h.count;
  h.sum += seconds;
}

void GatewayMetrics::Decided(const std::string& vendor, const std::string& integration,
                             uint64_t allowed, uint64_t blocked,
                             std::span<const uint32_t> form_counts) {
  std::lock_guard<std::mutex> lock(mu_);
  if (allowed > 0) events_[{vendor, integration, "allowed"}] += allowed;
  if (blocked > 0) events_[{vendor, integration, "blocked"}] += blocked;
  for (size_t i = 0; i < form_counts.size() && i < egress::kFieldFormCount; ++i) {
    if (form_counts[i] > 0) {
      fields_[{vendor, integration, std::string(egress::kFieldForms[i])}] += form_counts[i];
    }
  }
}

std::string GatewayMetrics::Render() const {
  std::lock_guard<std::mutex> lock(mu_);
  std::string out;
  out +=
      "# HELP metagate_requests_total Ingest requests answered, by vendor, integration and "
      "status.\n# TYPE metagate_requests_total counter\n";
  for (const auto& [k, n] : requests_) {
    out += "metagate_requests_total{vendor=\"" + Label(std::get<0>(k)) + "\",integration=\"" +
           Label(std::get<1>(k)) + "\",status=\"" + std::to_string(std::get<2>(k)) + "\"} " +
           std::to_string(n) + "\n";
  }
  out +=
      "# HELP metagate_events_total Events decided, by vendor, integration and decision.\n"
      "# TYPE metagate_events_total counter\n";
  for (const auto& [k, n] : events_) {
    out += "metagate_events_total{vendor=\"" + Label(std::get<0>(k)) + "\",integration=\"" +
           Label(std::get<1>(k)) + "\",decision=\"" + std::get<2>(k) + "\"} " + std::to_string(n) +
           "\n";
  }
  out +=
      "# HELP metagate_fields_total Fields of allowed events, by vendor, integration and the "
      "form they left in.\n# TYPE metagate_fields_total counter\n";
  for (const auto& [k, n] : fields_) {
    out += "metagate_fields_total{vendor=\"" + Label(std::get<0>(k)) + "\",integration=\"" +
           Label(std::get<1>(k)) + "\",form=\"" + std::get<2>(k) + "\"} " + std::to_string(n) +
           "\n";
  }
  out +=
      "# HELP metagate_request_duration_seconds Time to answer an ingest request, by vendor.\n"
      "# TYPE metagate_request_duration_seconds histogram\n";
  for (const auto& [vendor, h] : latency_) {
    std::string v = Label(vendor);
    uint64_t cumulative = 0;
    for (size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      out += "metagate_request_duration_seconds_bucket{vendor=\"" + v + "\",le=\"" +
             Number(kBuckets[i]) + "\"} " + std::to_string(cumulative) + "\n";
    }
    out += "metagate_request_duration_seconds_bucket{vendor=\"" + v + "\",le=\"+Inf\"} " +
           std::to_string(h.count) + "\n";
    out += "metagate_request_duration_seconds_sum{vendor=\"" + v + "\"} " + Number(h.sum) + "\n";
    out += "metagate_request_duration_seconds_count{vendor=\"" + v + "\"} " +
           std::to_string(h.count) + "\n";
  }
  return out;
}

void AppendSpoolMetrics(const std::vector<std::pair<std::string, SpoolStats>>& stats,
                        int64_t now_unix_ms, std::string& out) {
  struct Gauge {
    const char* name;
    const char* type;
    const char* help;
    uint64_t SpoolStats::*field;
  };
  static constexpr Gauge kGauges[] = {
      {"metagate_spool_requests", "gauge", "Requests waiting in the vendor's spool.",
       &SpoolStats::entries},
      {"metagate_spool_bytes", "gauge", "Bytes of request bodies waiting in the vendor's spool.",
       &SpoolStats::bytes},
      {"metagate_spool_in_flight", "gauge", "Spooled requests being delivered now.",
       &SpoolStats::in_flight},
      {"metagate_spool_dead_letters", "gauge", "Requests in the vendor's dead letters.",
       &SpoolStats::dead_letters},
      {"metagate_spool_appended_total", "counter", "Requests written to the spool.",
       &SpoolStats::appended_total},
      {"metagate_spool_delivered_total", "counter", "Spooled requests the vendor accepted.",
       &SpoolStats::delivered_total},
      {"metagate_spool_retries_total", "counter", "Failed deliveries scheduled for a retry.",
       &SpoolStats::retried_total},
      {"metagate_spool_dead_lettered_total", "counter",
       "Requests moved to the dead letters (attempts exhausted or refused by the vendor).",
       &SpoolStats::dead_lettered_total},
  };
  for (const Gauge& g : kGauges) {
    out +=
        std::string("# HELP ") + g.name + " " + g.help + "\n# TYPE " + g.name + " " + g.type + "\n";
    for (const auto& [vendor, s] : stats) {
      out += std::string(g.name) + "{vendor=\"" + Label(vendor) + "\"} " +
             std::to_string(s.*(g.field)) + "\n";
    }
  }
  out +=
      "# HELP metagate_spool_oldest_age_seconds Age of the oldest request waiting in the "
      "vendor's spool (0 when empty).\n# TYPE metagate_spool_oldest_age_seconds gauge\n";
  for (const auto& [vendor, s] : stats) {
    double age =
        s.oldest_unix_ms == 0 ? 0 : static_cast<double>(now_unix_ms - s.oldest_unix_ms) / 1000;
    out += "metagate_spool_oldest_age_seconds{vendor=\"" + Label(vendor) + "\"} " +
           Number(age < 0 ? 0 : age) + "\n";
  }
}

}  // namespace metagate::gateway
