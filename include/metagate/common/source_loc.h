// A position in a source text (policy file, entities JSON, schema), 1-based line and column.
// Plain value type; thread-compatible.
#pragma once

#include <cstdint>
#include <string>

namespace metagate {

struct SourceLoc {
  uint32_t line = 0;    // 1-based; 0 means "unknown".
  uint32_t column = 0;  // 1-based, counted in bytes.
  uint32_t offset = 0;  // byte offset from the start of the text.

  bool known() const { return line != 0; }
  // Returns "L:C", or "" when unknown.
  std::string ToString() const;
};

// Computes the line and column of byte `offset` in `text`.
SourceLoc LocateOffset(const std::string& text, size_t offset);

}  // namespace metagate
