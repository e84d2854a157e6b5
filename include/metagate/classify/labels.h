// Labels: the classes found in one request body, in the label format of ../shared/datasets:
// `{"line": N, "fields": [{"path": RFC 6901 pointer, "classes": [...], "spans": [[b, e, c]]}]}`
// with span offsets in Unicode code points.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/common/status.h"

namespace metagate::classify {

struct LabelSpan {
  uint32_t begin = 0;  // code points, end exclusive
  uint32_t end = 0;
  std::string cls;
  friend bool operator==(const LabelSpan&, const LabelSpan&) = default;
};

struct FieldLabel {
  std::string path;                  // JSON pointer into the body
  std::vector<std::string> classes;  // whole-value classes first, then embedded ones
  std::vector<LabelSpan> spans;      // embedded values, when the field is longer text
};

struct BodyLabels {
  int64_t line = 0;
  std::vector<FieldLabel> fields;
  std::string error;  // set when the body could not be decoded (no fields then)
};

// Appends one JSON line (without the newline).
void AppendLabelsJson(const BodyLabels& labels, std::string& out);

// Parses one line of a labels file.
Result<BodyLabels> ParseLabelsJson(std::string_view line);

}  // namespace metagate::classify
