// Cedar's JSON policy format (the "EST"): policies, templates and policy sets to and from JSON,
// exactly as Cedar 4.12 reads and writes them. Reading reports problems with the line and
// column of the offending JSON value. Stateless; thread-safe.
#pragma once

#include <string>
#include <string_view>

#include "metagate/cedar/ast.h"
#include "metagate/cedar/authorizer.h"
#include "metagate/common/json.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

// A policy or template as JSON, with Cedar's member order (effect, principal, action, resource,
// conditions, annotations). `e has a.b` and `e is T in E` appear as Cedar prints them.
json::Value PolicyToJsonValue(const Policy& policy);
std::string PolicyToJson(const Policy& policy);

// Reads one policy or template in Cedar's JSON format; it gets id `id`.
Result<PolicyPtr> PolicyFromJsonValue(const json::Value& value, std::string id);
Result<PolicyPtr> PolicyFromJson(std::string_view text, std::string id);

// A policy set as `{"staticPolicies": {..}, "templates": {..}, "templateLinks": [..]}`.
json::Value PolicySetToJsonValue(const PolicySet& policies);
std::string PolicySetToJson(const PolicySet& policies);
// Reads a policy set in that form (links are made with PolicySet::Link).
Result<PolicySet> PolicySetFromJsonValue(const json::Value& value);
Result<PolicySet> PolicySetFromJson(std::string_view text);

// For `translate`: policy text to the policy-set JSON (pretty-printed, 2-space indent), and
// policy-set JSON (or one policy's JSON) to formatted Cedar text.
Result<std::string> PolicyTextToJson(std::string_view text);
Result<std::string> PolicyJsonToText(std::string_view json_text);

// Serializes JSON with 2-space indentation (members in stored order), ending without newline.
std::string DumpJsonPretty(const json::Value& value);

}  // namespace metagate::cedar
