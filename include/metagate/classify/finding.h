// Finding: one sensitive value found inside a string, as a byte range of the UTF-8 text.
#pragma once

#include <cstdint>
#include <vector>

#include "metagate/classify/class_id.h"

namespace metagate::classify {

struct Finding {
  uint32_t begin = 0;  // byte offset of the first byte
  uint32_t end = 0;    // byte offset one past the last byte
  ClassId cls = kNoClass;

  friend bool operator==(const Finding&, const Finding&) = default;
};

using Findings = std::vector<Finding>;

}  // namespace metagate::classify
