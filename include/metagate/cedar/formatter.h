// The Cedar policy formatter (the layout of Cedar 4.12's `cedar format`: line width 80,
// indent 2 by default, comments kept) and a printer from the AST back to Cedar text.
// Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "metagate/cedar/ast.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

struct FormatOptions {
  int line_width = 80;
  int indent_width = 2;
};

// Formats policy text as Cedar's formatter does. Fails (with line:column) on text that does not
// parse as a policy set. Idempotent: formatting the result again changes nothing.
Result<std::string> FormatPolicies(std::string_view text, const FormatOptions& options = {});

// One policy (or template) as Cedar text on one line, with only the parentheses needed for it to
// parse back to the same AST; `e is T in E` is printed as such. Linked policies print as their
// template with the slots filled in.
std::string PolicyToText(const Policy& policy);

// Policies as formatted Cedar text, separated by blank lines, ending with a newline.
Result<std::string> PoliciesToText(const std::vector<PolicyPtr>& policies,
                                   const FormatOptions& options = {});

}  // namespace metagate::cedar
