// RenderMap's dispatch and the helpers the data map's renderers share.
#include "map_render.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <tuple>

namespace metagate::governance {

std::string RenderMap(const FlowMap& map, MapFormat format) {
  switch (format) {
    case MapFormat::kTable:
      return map_render::Table(map);
    case MapFormat::kCsv:
      return map_render::Csv(map);
    case MapFormat::kJson:
      return map_render::Json(map);
    case MapFormat::kDot:
      return map_render::Dot(map);
    case MapFormat::kHtml:
      return map_render::Html(map);
  }
  return {};
}

namespace map_render {

std::string IsoUtc(int64_t ms) {
  // Floor division, so instants before 1970 still print the second they fall in.
  int64_t secs = ms / 1000;
  if (ms % 1000 < 0) --secs;
  std::time_t t = static_cast<std::time_t>(secs);
  std::tm tm{};
  if (gmtime_r(&t, &tm) == nullptr) return "invalid-time";
  char buf[32];
  size_t n = std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return n == 0 ? std::string("invalid-time") : std::string(buf, n);
}

std::string IsoDate(int64_t ms) { return IsoUtc(ms).substr(0, 10); }

std::string GroupDigits(uint64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out.push_back(',');
    out.push_back(digits[i]);
  }
  return out;
}

bool IsNew(const FlowMap& map, const FlowRow& row) {
  return map.since_ms.has_value() && row.first_seen_ms >= *map.since_ms;
}

bool IsBlocked(const FlowRow& row) {
  return row.decision == "blocked" || row.decision.starts_with("blocked:");
}

bool Passes(const FlowRow& row) {
  return row.decision == "allowed" || row.decision == "observed" || row.decision == "discovered";
}

bool FieldLeaves(const FlowRow& row) {
  return !IsEventRow(row) && Passes(row) && row.form != "dropped";
}

std::vector<std::string> SplitClasses(std::string_view classes) {
  std::vector<std::string> out;
  while (!classes.empty()) {
    size_t comma = classes.find(',');
    std::string_view name = classes.substr(0, comma);
    if (!name.empty()) out.emplace_back(name);
    if (comma == std::string_view::npos) break;
    classes.remove_prefix(comma + 1);
  }
  return out;
}

std::vector<const FlowRow*> DisplayOrder(const FlowMap& map) {
  std::vector<const FlowRow*> out;
  out.reserve(map.rows.size());
  for (const auto& row : map.rows) out.push_back(&row);
  std::stable_sort(out.begin(), out.end(), [](const FlowRow* a, const FlowRow* b) {
    return std::tie(a->integration, a->vendor, a->event) <
               std::tie(b->integration, b->vendor, b->event) ||
           (std::tie(a->integration, a->vendor, a->event) ==
                std::tie(b->integration, b->vendor, b->event) &&
            IsEventRow(*a) && !IsEventRow(*b));
  });
  return out;
}

Totals Summarize(const FlowMap& map) {
  Totals t;
  std::set<std::string_view> integrations, vendors;
  for (const auto& row : map.rows) {
    ++t.flows;
    integrations.insert(row.integration);
    vendors.insert(row.vendor);
    if (IsNew(map, row)) ++t.new_flows;
    if (!IsEventRow(row)) continue;
    if (Passes(row)) t.events_allowed += row.count;
    if (IsBlocked(row)) t.events_blocked += row.count;
    if (row.decision == "held") t.events_held += row.count;
  }
  t.integrations = integrations.size();
  t.vendors = vendors.size();
  return t;
}

std::string LabelLine(const ClassForms& c) {
  std::string out = c.class_name + ":";
  bool first = true;
  for (const auto& form : c.forms) {
    out += first ? " " : ", ";
    out += form.empty() ? "as sent" : form;
    first = false;
  }
  return out;
}

}  // namespace map_render
}  // namespace metagate::governance
