#include "metrics.h"

#include <cstdio>

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

void GatewayMetrics::Events(const std::string& vendor, const std::string& integration,
                            uint64_t allowed, uint64_t blocked) {
  std::lock_guard<std::mutex> lock(mu_);
  if (allowed > 0) events_[{vendor, integration, "allowed"}] += allowed;
  if (blocked > 0) events_[{vendor, integration, "blocked"}] += blocked;
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

}  // namespace metagate::gateway
