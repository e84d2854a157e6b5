#include "metagate/classify/eval.h"

#include <cstdio>
#include <set>
#include <tuple>

namespace metagate::classify {
namespace {

using FieldItem = std::pair<std::string, std::string>;  // path, class
using SpanItem = std::tuple<std::string, uint32_t, uint32_t, std::string>;

template <typename Item>
void Compare(const std::set<Item>& truth, const std::set<Item>& predicted,
             std::map<std::string, Counts>& by_class, Counts& overall) {
  auto cls = [](const Item& item) -> const std::string& {
    return std::get<std::tuple_size_v<Item> - 1>(item);
  };
  for (const Item& t : truth) {
    Counts& c = by_class[cls(t)];
    if (predicted.count(t)) {
      ++c.tp;
      ++overall.tp;
    } else {
      ++c.fn;
      ++overall.fn;
    }
  }
  for (const Item& p : predicted) {
    if (!truth.count(p)) {
      ++by_class[cls(p)].fp;
      ++overall.fp;
    }
  }
}

void Collect(const BodyLabels& labels, std::set<FieldItem>& fields, std::set<SpanItem>& spans) {
  for (const FieldLabel& f : labels.fields) {
    for (const std::string& c : f.classes) fields.emplace(f.path, c);
    for (const LabelSpan& s : f.spans) spans.emplace(f.path, s.begin, s.end, s.cls);
  }
}

void AppendTable(const std::string& title, const std::map<std::string, Counts>& by_class,
                 const Counts& overall, std::string& out) {
  char line[160];
  std::snprintf(line, sizeof line, "%-20s %8s %8s %8s %10s %8s %8s\n", title.c_str(), "support",
                "tp", "fp", "precision", "recall", "f1");
  out += line;
  auto row = [&](const std::string& name, const Counts& c) {
    std::snprintf(line, sizeof line, "%-20s %8lld %8lld %8lld %10.4f %8.4f %8.4f\n", name.c_str(),
                  static_cast<long long>(c.tp + c.fn), static_cast<long long>(c.tp),
                  static_cast<long long>(c.fp), c.precision(), c.recall(), c.f1());
    out += line;
  };
  for (const auto& [name, c] : by_class) row(name, c);
  row("OVERALL", overall);
}

}  // namespace

void Score(const BodyLabels& truth, const BodyLabels& predicted, EvalReport& report) {
  std::set<FieldItem> tf, pf;
  std::set<SpanItem> ts, ps;
  Collect(truth, tf, ts);
  Collect(predicted, pf, ps);
  Compare(tf, pf, report.field_by_class, report.field_overall);
  Compare(ts, ps, report.span_by_class, report.span_overall);
}

std::string FormatReport(const EvalReport& report) {
  std::string out;
  AppendTable("fields", report.field_by_class, report.field_overall, out);
  out += "\n";
  AppendTable("spans", report.span_by_class, report.span_overall, out);
  return out;
}

}  // namespace metagate::classify
