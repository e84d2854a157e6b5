// Parsing Cedar policy text: policy sets, single expressions and entity UIDs.
// Errors carry the line and column of the problem. Stateless; thread-safe.
#pragma once

#include <string_view>
#include <vector>

#include "metagate/cedar/ast.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

// Parses a policy set in Cedar's text format. Policies and templates get ids "policy0",
// "policy1", ... in file order (annotations such as `@id` do not change ids).
Result<std::vector<PolicyPtr>> ParsePolicies(std::string_view text);

// Parses one expression, e.g. `principal.age >= 18`.
Result<ExprPtr> ParseExpression(std::string_view text);

// Parses an entity UID in Cedar syntax, e.g. `Ns::User::"alice"`.
Result<EntityUid> ParseEntityUid(std::string_view text);

// Parses a (possibly namespaced) name such as `Ns::User`. Used for entity type names given as
// data (JSON), so as in Cedar the text must be in normalized form: no whitespace or comments.
Result<std::string> ParseName(std::string_view text);

}  // namespace metagate::cedar
