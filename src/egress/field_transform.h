// Applies one form of a field's ladder to its value and returns the JSON text that replaces it.
// A form that cannot be applied to this value (an IP generalizer given "$remote", a pseudonym
// without a key) is an error, and the pipeline tries the next permitted form.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/classify/taxonomy.h"
#include "metagate/common/status.h"
#include "metagate/transform/pseudonymize.h"
#include "metagate/transform/redact.h"

namespace metagate::egress {

struct FieldValue {
  std::string_view text;  // the string, or a number's JSON text
  bool is_number = false;
  std::span<const classify::ClassId> classes;    // whole-value classes first
  std::span<const transform::Span> spans;        // embedded values, byte ranges (sorted)
  std::optional<std::string_view> country;       // a country field of the same event, if any
  const transform::PseudonymKey* key = nullptr;  // null: no pseudonym key configured
};

// Appends the JSON text to `out`; on an error `out` is left as it was.
Status ApplyForm(classify::Form form, const FieldValue& value, const classify::Taxonomy& taxonomy,
                 std::string& out);

}  // namespace metagate::egress
