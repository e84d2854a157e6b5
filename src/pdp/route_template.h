// Internal to metagate::pdp: the two template languages of ext_authz routes. Value templates
// ("{method}-todo", "{{" and "}}" for literal braces) and path templates ("/todos/{todoId}",
// "/files/{path*}") that match percent-decoded path segments. Stateless functions.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metagate/common/status.h"

namespace metagate::pdp {

// One piece of a value template: literal text or the name of a placeholder.
struct TemplatePiece {
  bool placeholder = false;
  std::string text;
};

// Returns the pieces of `t`, or Invalid for an unclosed '{', a lone '}' or a placeholder that is
// not a name ([A-Za-z_][A-Za-z0-9_]*).
Result<std::vector<TemplatePiece>> ParseTemplate(std::string_view t);

// Name/value pairs: path captures and the extra placeholders a caller defines.
using Captures = std::vector<std::pair<std::string, std::string>>;

// Returns `t` with each placeholder replaced by its value in `values` (the empty string when
// absent). REQUIRES: ParseTemplate(t).ok(); otherwise returns "".
std::string ExpandTemplate(std::string_view t, const Captures& values);

// A path template segment: a literal, a capture, or (last only) a capture of the rest.
struct PathSegment {
  enum Kind { kLiteral, kCapture, kRest } kind = kLiteral;
  std::string text;  // the literal, or the capture's name
};

// Returns the segments of a path template. Invalid unless it starts with '/', has no empty
// segment, captures whole segments only, a wildcard only last, and no capture named "method" or
// "route" (placeholders the ext_authz mapping defines itself).
Result<std::vector<PathSegment>> ParsePathTemplate(std::string_view t);

// Returns the captures when `segments` (percent-decoded, without the leading '/') match `tmpl`.
// Empty segments never match; a rest capture takes one or more segments joined with '/'.
std::optional<Captures> MatchPath(const std::vector<PathSegment>& tmpl,
                                  const std::vector<std::string>& segments);

}  // namespace metagate::pdp
