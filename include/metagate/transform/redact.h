// Redaction of labelled spans in free text. Stateless; thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/common/status.h"

namespace metagate::transform {

// A byte range [begin, end) of a text, labelled with a data class ("email", "credit_card", …).
struct Span {
  size_t begin = 0;
  size_t end = 0;
  std::string cls;

  bool operator==(const Span&) const = default;
};

// Returns the redaction marker for a class: "[" + upper-case class name + "]", with characters
// other than ASCII letters, digits and '_' mapped to '_' ("credit_card" → "[CREDIT_CARD]").
// An empty class name gives "[REDACTED]".
std::string RedactionMarker(std::string_view cls);

// Replaces every span of `text` by its marker; bytes outside the spans are copied exactly (even
// invalid UTF-8). Spans must be non-empty, in range, sorted by begin and non-overlapping;
// otherwise an error.
Result<std::string> Redact(std::string_view text, const std::vector<Span>& spans);

}  // namespace metagate::transform
