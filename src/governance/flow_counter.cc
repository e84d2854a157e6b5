#include "metagate/governance/flow_counter.h"

#include <algorithm>

namespace metagate::governance {

namespace {

constexpr char kSep = '\x1f';

const char* ModeDecision(egress::Mode mode) {
  switch (mode) {
    case egress::Mode::kEnforce:
      return "allowed";
    case egress::Mode::kObserve:
      return "observed";
    case egress::Mode::kDiscover:
      return "discovered";
  }
  return "allowed";
}

}  // namespace

std::vector<std::string> EventDecisions(const egress::FilterResult& result, egress::Mode mode,
                                        const std::vector<bool>& held) {
  std::vector<std::string> out(result.events.size());
  for (size_t i = 0; i < result.events.size(); ++i) {
    const egress::EventDecision& e = result.events[i];
    out[i] = e.allowed                      ? ModeDecision(mode)
             : (i < held.size() && held[i]) ? "held"
                                            : "blocked:" + e.why;
  }
  return out;
}

void JoinClasses(const std::vector<std::string>& classes, std::vector<std::string_view>& scratch,
                 std::string& out) {
  scratch.assign(classes.begin(), classes.end());
  std::sort(scratch.begin(), scratch.end());
  out.clear();
  for (std::string_view c : scratch) {
    if (!out.empty()) out.push_back(',');
    out.append(c);
  }
}

void FlowCounter::Count(std::string_view integration, std::string_view vendor,
                        std::string_view event, std::string_view field, std::string_view classes,
                        std::string_view form, std::string_view decision, uint64_t n, int64_t first,
                        int64_t last) {
  key_.clear();
  for (std::string_view part : {integration, vendor, event, field, classes, form, decision}) {
    key_.append(part);
    key_.push_back(kSep);
  }
  auto it = rows_.find(key_);
  if (it == rows_.end()) {
    FlowRow row{std::string(integration),
                std::string(vendor),
                std::string(event),
                std::string(field),
                std::string(classes),
                std::string(form),
                std::string(decision),
                0,
                first,
                last};
    it = rows_.emplace(key_, std::move(row)).first;
  }
  FlowRow& row = it->second;
  row.count += n;
  row.first_seen_ms = std::min(row.first_seen_ms, first);
  row.last_seen_ms = std::max(row.last_seen_ms, last);
}

void FlowCounter::Add(std::string_view integration, std::string_view vendor,
                      const egress::FilterResult& result, const std::vector<std::string>& decisions,
                      egress::Mode mode, int64_t now_ms) {
  for (size_t i = 0; i < result.events.size(); ++i) {
    Count(integration, vendor, result.events[i].name, "", "", "", decisions[i], 1, now_ms, now_ms);
  }
  const std::string envelope = result.forwarded ? ModeDecision(mode) : "blocked";
  for (const egress::FieldDecision& f : result.fields) {
    if (f.source == egress::ClassSource::kStructural ||
        f.source == egress::ClassSource::kCredential) {
      continue;
    }
    JoinClasses(f.classes, sorted_, classes_);
    bool envelope_field = f.event == UINT32_MAX;
    std::string_view event =
        envelope_field ? egress::kEnvelopeEvent : std::string_view(result.events[f.event].name);
    Count(integration, vendor, event, f.field, classes_, f.form,
          envelope_field ? envelope : decisions[f.event], 1, now_ms, now_ms);
  }
}

void FlowCounter::Merge(std::vector<FlowRow> rows) {
  for (const FlowRow& r : rows) {
    Count(r.integration, r.vendor, r.event, r.field, r.classes, r.form, r.decision, r.count,
          r.first_seen_ms, r.last_seen_ms);
  }
}

std::vector<FlowRow> FlowCounter::Take() {
  std::vector<FlowRow> out;
  out.reserve(rows_.size());
  for (auto& [k, row] : rows_) out.push_back(std::move(row));
  rows_.clear();
  std::sort(out.begin(), out.end(), [](const FlowRow& a, const FlowRow& b) {
    return std::tie(a.integration, a.vendor, a.event, a.field, a.classes, a.form, a.decision) <
           std::tie(b.integration, b.vendor, b.event, b.field, b.classes, b.form, b.decision);
  });
  return out;
}

}  // namespace metagate::governance
