// Scoring of predicted labels against ground truth: precision, recall and F1 per class, for
// fields ((line, path, class) items) and for spans ((line, path, begin, end, class) items).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "metagate/classify/labels.h"

namespace metagate::classify {

struct Counts {
  int64_t tp = 0, fp = 0, fn = 0;
  double precision() const { return tp + fp == 0 ? 1.0 : double(tp) / double(tp + fp); }
  double recall() const { return tp + fn == 0 ? 1.0 : double(tp) / double(tp + fn); }
  double f1() const {
    double p = precision(), r = recall();
    return p + r == 0 ? 0.0 : 2 * p * r / (p + r);
  }
};

struct EvalReport {
  std::map<std::string, Counts> field_by_class;
  std::map<std::string, Counts> span_by_class;
  Counts field_overall;
  Counts span_overall;
};

// Adds one body's comparison to `report`. Bodies are matched by the caller (same line).
void Score(const BodyLabels& truth, const BodyLabels& predicted, EvalReport& report);

// A fixed-width table: class, support, precision, recall, F1, for fields then spans.
std::string FormatReport(const EvalReport& report);

}  // namespace metagate::classify
