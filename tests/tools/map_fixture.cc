// Test-only: renders a realistic fixed data map (3 integrations, 4 vendors, about 40 rows with
// blocked pairs, identifiers, new flows and one hostile field name) to a file, for the browser
// test of the html page until it runs on `metagate map --format html`.
// Usage: map_fixture OUT|- [table|csv|json|dot|html]   ("-" writes to standard output)
#include <cstdio>
#include <fstream>
#include <string>
#include <string_view>

#include "metagate/governance/flow_map.h"

namespace {

using metagate::governance::FlowMap;
using metagate::governance::FlowRow;

constexpr int64_t kDay = 24LL * 3600 * 1000;
constexpr int64_t kStart = 1769904000000;  // 2026-02-01T00:00:00Z
constexpr int64_t kSince = kStart + 28 * kDay;

struct Field {
  const char* path;
  const char* classes;
  const char* form;
  const char* decision;  // "" = the event's decision
  int64_t first_day;     // days after kStart
};

struct Event {
  const char* integration;
  const char* vendor;
  const char* name;
  const char* decision;
  uint64_t count;
  int64_t first_day;
  std::initializer_list<Field> fields;
};

FlowMap Fixture() {
  const Event kEvents[] = {
      {"web-app",
       "amplitude",
       "Signed Up",
       "allowed",
       18240,
       0,
       {{"user_id", "user_id", "pseudonymized", "", 0},
        {"properties.email", "email", "pseudonymized", "", 0},
        {"context.ip", "ip_address", "generalized", "", 0},
        {"context.userAgent", "device", "raw", "", 0},
        {"properties.plan", "", "raw", "", 0}}},
      {"web-app",
       "amplitude",
       "Checkout Completed",
       "allowed",
       5120,
       2,
       {{"user_id", "user_id", "pseudonymized", "", 2},
        {"properties.total", "financial", "generalized", "", 2},
        {"properties.card_last4", "payment_card", "redacted", "", 2},
        {"<script>alert(1)</script>", "", "dropped", "blocked:unknown_field", 30}}},
      {"web-app",
       "mixpanel",
       "Page Viewed",
       "allowed",
       96310,
       0,
       {{"distinct_id", "user_id", "pseudonymized", "", 0},
        {"properties.$current_url", "url", "generalized", "", 0},
        {"properties.$ip", "ip_address", "generalized", "", 0},
        {"properties.referrer", "url", "generalized", "", 5}}},
      {"web-app",
       "datadog-logs",
       "client_error",
       "blocked:policy",
       812,
       3,
       {{"message", "free_text", "raw", "blocked:policy", 3},
        {"usr.email", "email", "raw", "blocked:policy", 3}}},
      {"ios-app",
       "amplitude",
       "App Opened",
       "allowed",
       40112,
       0,
       {{"user_id", "user_id", "pseudonymized", "", 0},
        {"device_id", "device_id", "pseudonymized", "", 0},
        {"ip", "ip_address", "generalized", "", 0},
        {"location_lat", "geo_location", "generalized", "", 0},
        {"location_lng", "geo_location", "generalized", "", 0}}},
      {"ios-app",
       "amplitude",
       "Purchase",
       "allowed",
       2210,
       29,
       {{"user_id", "user_id", "pseudonymized", "", 29},
        {"event_properties.price", "financial", "raw", "", 29},
        {"event_properties.email", "email", "raw", "", 30}}},
      {"ios-app",
       "posthog",
       "screen_view",
       "observed",
       15031,
       10,
       {{"distinct_id", "user_id", "raw", "", 10},
        {"$device_id", "device_id", "raw", "", 10},
        {"$screen_name", "", "raw", "", 10}}},
      {"ios-app",
       "posthog",
       "crash_report",
       "held",
       41,
       31,
       {{"stack", "free_text", "raw", "held", 31}}},
      {"backend-events",
       "datadog-logs",
       "http_request",
       "allowed",
       250113,
       0,
       {{"http.client_ip", "ip_address", "generalized", "", 0},
        {"usr.id", "user_id", "pseudonymized", "", 0},
        {"http.url", "url", "generalized", "", 0},
        {"http.useragent", "device", "raw", "", 0},
        {"usr.email", "email", "dropped", "", 0}}},
      {"backend-events",
       "mixpanel",
       "Subscription Renewed",
       "blocked:unknown_event",
       377,
       30,
       {{"properties.email", "email", "raw", "blocked:unknown_event", 30},
        {"properties.amount", "financial", "raw", "blocked:unknown_event", 30}}},
  };
  FlowMap map;
  map.generated_ms = kStart + 31 * kDay + 9 * 3600 * 1000;
  map.source = "store /var/lib/metagate (fixture)";
  map.since_ms = kSince;
  map.identifier_classes = {"device_id", "email", "ip_address", "payment_card", "user_id"};
  for (const auto& e : kEvents) {
    int64_t first = kStart + e.first_day * kDay + 3600 * 1000;
    int64_t last = kStart + 31 * kDay + 7 * 3600 * 1000;
    map.rows.push_back(
        FlowRow{e.integration, e.vendor, e.name, "", "", "", e.decision, e.count, first, last});
    uint64_t n = 0;
    for (const auto& f : e.fields) {
      std::string decision = *f.decision ? f.decision : e.decision;
      uint64_t count = e.count - (n++ * e.count) / 17;  // fields are not on every event
      map.rows.push_back(FlowRow{e.integration, e.vendor, e.name, f.path, f.classes, f.form,
                                 decision, count, kStart + f.first_day * kDay + 7200 * 1000, last});
    }
  }
  return map;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::fprintf(stderr, "usage: map_fixture OUT|- [table|csv|json|dot|html]\n");
    return 2;
  }
  auto format = metagate::governance::ParseMapFormat(argc == 3 ? argv[2] : "html");
  if (!format.ok()) {
    std::fprintf(stderr, "map_fixture: %s\n", format.status().message().c_str());
    return 2;
  }
  std::string text = metagate::governance::RenderMap(Fixture(), *format);
  if (std::string_view(argv[1]) == "-") {
    std::fwrite(text.data(), 1, text.size(), stdout);
    return std::fflush(stdout) == 0 ? 0 : 1;
  }
  std::ofstream out(argv[1], std::ios::binary);
  out << text;
  out.close();
  if (!out) {
    std::fprintf(stderr, "map_fixture: cannot write %s\n", argv[1]);
    return 1;
  }
  return 0;
}
