// The OpenID AuthZEN Authorization API 1.0 wire format: decoders for the evaluation, evaluations
// and search request bodies and encoders for the response bodies. Pure functions (no HTTP, no
// policy engine); thread-safe. Error messages name the field at fault, never a value from the body.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/common/json.h"
#include "metagate/common/status.h"

namespace metagate::pdp {

// A subject or resource: its type, its id (absent in a subject search's query) and optional
// properties (a JSON object).
struct AzEntity {
  std::string type;
  std::optional<std::string> id;
  std::optional<json::Value> properties;
};

// What the subject wants to do. `name` is empty only when an action search's query omits it.
struct AzAction {
  std::string name;
  std::optional<json::Value> properties;
};

// The 4-tuple of an access evaluation. Each part is optional at this level: a batch's defaults
// and items may each omit some; CheckComplete says whether one request can be evaluated.
// `context` is a JSON object when present.
struct AzRequest {
  std::optional<AzEntity> subject;
  std::optional<AzAction> action;
  std::optional<AzEntity> resource;
  std::optional<json::Value> context;
};

// options.evaluations_semantic of an evaluations request.
enum class EvaluationsSemantic { kExecuteAll, kDenyOnFirstDeny, kPermitOnFirstPermit };

// A decoded POST /access/v1/evaluations body. `defaults` holds the top-level 4-tuple.
// `evaluations` is absent when the body has none (then the request is a single evaluation of
// `defaults`); it may be present and empty, which the spec also treats as a single evaluation.
struct AzEvaluationsRequest {
  AzRequest defaults;
  std::optional<std::vector<AzRequest>> evaluations;
  EvaluationsSemantic semantic = EvaluationsSemantic::kExecuteAll;
};

// Which of the three search endpoints a body was sent to.
enum class SearchKind { kSubject, kResource, kAction };

// A decoded search body: the query 4-tuple and the optional paging parameters.
struct AzSearchRequest {
  AzRequest query;
  std::optional<int64_t> page_limit;  // positive when present
  std::optional<std::string> page_token;
};

// One decision of an evaluations response, with an optional context (a JSON object).
struct ItemResult {
  bool decision = false;
  std::optional<json::Value> context;
};

// One search result: `type` and `id` for subject and resource searches, `name` for action
// searches (the fields the kind does not use are ignored).
struct SearchHit {
  std::string type;
  std::string id;
  std::string name;
};

// The most items an evaluations request may carry.
inline constexpr size_t kMaxEvaluations = 10000;
// The deepest nesting of arrays and objects a request body may have.
inline constexpr int kMaxJsonDepth = 64;

// Decodes a POST /access/v1/evaluation body. Requires subject{type,id}, action{name} and
// resource{type,id}. Unknown fields are ignored. Errors are kInvalidArgument (answer 400) and
// carry the line and column of the offending value when known.
Result<AzRequest> DecodeEvaluation(std::string_view body);

// Decodes a POST /access/v1/evaluations body. Checks the types of every part present, at the top
// level and in each item, but not that a request is complete: call Merge and CheckComplete per
// item (an incomplete item is a per-item error, not a 400). At most kMaxEvaluations items.
Result<AzEvaluationsRequest> DecodeEvaluations(std::string_view body);

// Returns the request an evaluations item stands for: each of subject, action, resource and
// context is the item's when the item has it (the whole object replaces the default; no
// member-wise merge), else the default.
AzRequest Merge(const AzRequest& defaults, const AzRequest& item);

// Returns OK when `r` has subject{type,id}, action{name} and resource{type,id}, else an
// InvalidArgument naming the first missing field.
Status CheckComplete(const AzRequest& r);

// Decodes a POST /access/v1/search/{subject,resource,action} body for `kind`:
//   kSubject:  subject{type} (an id is ignored and dropped), action{name}, resource{type,id};
//   kResource: subject{type,id}, action{name}, resource{type} (id optional);
//   kAction:   subject{type,id}, resource{type,id}; action optional.
// page.limit must be a positive integer; page.token a string (an older draft's
// page.next_token is accepted when page.token is absent).
Result<AzSearchRequest> DecodeSearch(std::string_view body, SearchKind kind);

// Returns {"decision":b} or, when `context` is not null, {"decision":b,"context":...}.
std::string EncodeDecision(bool decision, const json::Value* context);

// Returns {"evaluations":[...]}, one {"decision":b[,"context":...]} per item, in order.
std::string EncodeEvaluations(const std::vector<ItemResult>& items);

// Returns {"results":[...]}: {"type","id"} objects for subject and resource searches, {"name"}
// objects for action searches; with "page":{"next_token":...} only when `next_token` is set.
std::string EncodeSearchResults(SearchKind kind, const std::vector<SearchHit>& results,
                                const std::optional<std::string>& next_token);

// Returns {"error":{"status":N,"message":"..."}} (the shape the spec uses for per-item errors).
std::string EncodeError(int status, std::string_view message);

// Returns the /.well-known/authzen-configuration document for a PDP at `base_url` (trailing
// slashes dropped): policy_decision_point, access_evaluation_endpoint and
// access_evaluations_endpoint, and the three search_*_endpoint URLs when `with_search`.
std::string EncodeMetadata(std::string_view base_url, bool with_search);

}  // namespace metagate::pdp
