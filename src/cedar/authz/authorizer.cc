#include "metagate/cedar/authorizer.h"

#include <algorithm>

#include "metagate/cedar/parser.h"

namespace metagate::cedar {

Result<PolicySet> PolicySet::FromText(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<PolicyPtr> parsed, ParsePolicies(text));
  PolicySet set;
  for (auto& p : parsed) RETURN_IF_ERROR(set.Add(std::move(p)));
  return set;
}

Status PolicySet::Add(PolicyPtr policy) {
  if (!ids_.insert(policy->id).second) {
    return Status::Invalid("duplicate policy id `" + policy->id + "`");
  }
  if (policy->is_template) {
    templates_.push_back(std::move(policy));
    return Status::Ok();
  }
  policies_.push_back(std::move(policy));
  index_.Add(policies_.back().get());
  return Status::Ok();
}

Status PolicySet::Link(const std::string& template_id, const std::string& new_id,
                       std::optional<EntityUid> principal, std::optional<EntityUid> resource) {
  const Policy* tmpl = nullptr;
  for (const auto& t : templates_) {
    if (t->id == template_id) tmpl = t.get();
  }
  if (tmpl == nullptr) return Status::NotFound("no template with id `" + template_id + "`");
  bool wants_principal = tmpl->principal.slot.has_value();
  bool wants_resource = tmpl->resource.slot.has_value();
  if (wants_principal != principal.has_value()) {
    return Status::Invalid(std::string("template `") + template_id + "` " +
                           (wants_principal ? "needs" : "has no slot for") +
                           " a value for ?principal");
  }
  if (wants_resource != resource.has_value()) {
    return Status::Invalid(std::string("template `") + template_id + "` " +
                           (wants_resource ? "needs" : "has no slot for") +
                           " a value for ?resource");
  }
  auto linked = std::make_shared<Policy>(*tmpl);
  linked->id = new_id;
  linked->is_template = false;
  linked->template_id = template_id;
  linked->principal_slot_value = std::move(principal);
  linked->resource_slot_value = std::move(resource);
  return Add(std::move(linked));
}

void PolicySet::Candidates(const Request& request, const EntityLookup& entities,
                           std::vector<const Policy*>& out) const {
  out.clear();
  index_.Candidates(request, entities, out);
}

Response IsAuthorized(const Request& request, const PolicySet& policies,
                      const EntityLookup& entities) {
  // Scratch space reused across decisions on this thread, so that a decision allocates only
  // its response.
  thread_local std::vector<const Policy*> candidates;
  thread_local std::vector<const Policy*> permits;
  thread_local std::vector<const Policy*> forbids;
  policies.Candidates(request, entities, candidates);
  permits.clear();
  forbids.clear();

  Response response;
  Evaluator evaluator(request, entities);
  for (const Policy* policy : candidates) {
    Result<bool> satisfied = evaluator.Satisfied(*policy);
    if (!satisfied.ok()) {
      response.errors.push_back({policy->id, satisfied.status().message()});
      continue;
    }
    if (!*satisfied) continue;
    (policy->effect == Effect::kForbid ? forbids : permits).push_back(policy);
  }
  const std::vector<const Policy*>& determining = !forbids.empty() ? forbids : permits;
  response.decision = forbids.empty() && !permits.empty() ? Decision::kAllow : Decision::kDeny;
  response.reasons.reserve(determining.size());
  for (const Policy* p : determining) response.reasons.push_back(p->id);
  std::sort(response.reasons.begin(), response.reasons.end());
  std::sort(response.errors.begin(), response.errors.end(),
            [](const PolicyError& a, const PolicyError& b) { return a.policy_id < b.policy_id; });
  return response;
}

}  // namespace metagate::cedar
