// Encoders for AuthZEN response bodies (see metagate/pdp/authzen.h): compact JSON text.
#include <string>

#include "metagate/pdp/authzen.h"

namespace metagate::pdp {
namespace {

void AppendDecision(std::string& out, bool decision, const json::Value* context) {
  out += decision ? "{\"decision\":true" : "{\"decision\":false";
  if (context != nullptr) {
    out += ",\"context\":";
    out += context->Dump();
  }
  out += '}';
}

void AppendMember(std::string& out, std::string_view key, std::string_view value) {
  json::AppendQuoted(out, key);
  out += ':';
  json::AppendQuoted(out, value);
}

}  // namespace

std::string EncodeDecision(bool decision, const json::Value* context) {
  std::string out;
  AppendDecision(out, decision, context);
  return out;
}

std::string EncodeEvaluations(const std::vector<ItemResult>& items) {
  std::string out = "{\"evaluations\":[";
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    AppendDecision(out, items[i].decision, items[i].context ? &*items[i].context : nullptr);
  }
  out += "]}";
  return out;
}

std::string EncodeSearchResults(SearchKind kind, const std::vector<SearchHit>& results,
                                const std::optional<std::string>& next_token) {
  std::string out = "{\"results\":[";
  for (size_t i = 0; i < results.size(); ++i) {
    if (i > 0) out += ',';
    out += '{';
    if (kind == SearchKind::kAction) {
      AppendMember(out, "name", results[i].name);
    } else {
      AppendMember(out, "type", results[i].type);
      out += ',';
      AppendMember(out, "id", results[i].id);
    }
    out += '}';
  }
  out += ']';
  if (next_token) {
    out += ",\"page\":{";
    AppendMember(out, "next_token", *next_token);
    out += '}';
  }
  out += '}';
  return out;
}

std::string EncodeError(int status, std::string_view message) {
  std::string out = "{\"error\":{\"status\":" + std::to_string(status) + ",";
  AppendMember(out, "message", message);
  out += "}}";
  return out;
}

std::string EncodeMetadata(std::string_view base_url, bool with_search) {
  while (!base_url.empty() && base_url.back() == '/') base_url.remove_suffix(1);
  const std::string base(base_url);
  std::string out = "{";
  AppendMember(out, "policy_decision_point", base);
  out += ',';
  AppendMember(out, "access_evaluation_endpoint", base + "/access/v1/evaluation");
  out += ',';
  AppendMember(out, "access_evaluations_endpoint", base + "/access/v1/evaluations");
  if (with_search) {
    out += ',';
    AppendMember(out, "search_subject_endpoint", base + "/access/v1/search/subject");
    out += ',';
    AppendMember(out, "search_resource_endpoint", base + "/access/v1/search/resource");
    out += ',';
    AppendMember(out, "search_action_endpoint", base + "/access/v1/search/action");
  }
  out += '}';
  return out;
}

}  // namespace metagate::pdp
