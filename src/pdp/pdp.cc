// Pdp: loading, decisions, searches and entity changes.
#include "metagate/pdp/pdp.h"

#include <algorithm>
#include <filesystem>
#include <set>

#include "metagate/cedar/policy_files.h"
#include "metagate/cedar/validator.h"
#include "metagate/common/memory.h"
#include "request_mapping.h"

namespace metagate::pdp {

namespace {

PdpAnswer Decide(const MappedRequest& m, const cedar::PolicySet& policies,
                 const cedar::EntityLookup& store) {
  PdpAnswer answer;
  if (!m.schema_note.empty()) {
    answer.note = m.schema_note;
    return answer;
  }
  OverlayLookup lookup(store, m.overlay);
  cedar::Response r = cedar::IsAuthorized(m.request, policies, lookup);
  answer.allow = r.decision == cedar::Decision::kAllow;
  answer.reasons = std::move(r.reasons);
  for (cedar::PolicyError& e : r.errors) answer.errors.push_back(std::move(e.policy_id));
  return answer;
}

// The entity store's initial content: the entity files and the schema's action entities.
Result<std::vector<EntityOp>> InitialEntities(const PdpConfig& config,
                                              const cedar::Schema* schema) {
  cedar::Entities files;
  RETURN_IF_ERROR(cedar::LoadEntityFiles(config.entities, schema, files));
  if (schema != nullptr) {
    for (cedar::Entity& a : schema->ActionEntities()) {
      if (files.Find(a.uid) == nullptr) RETURN_IF_ERROR(files.Add(std::move(a)));
    }
  }
  std::vector<EntityOp> ops;
  ops.reserve(files.size());
  for (const cedar::Entity& e : files.all()) {
    EntityOp op;
    op.entity = e;
    op.entity.ancestors.clear();
    ops.push_back(std::move(op));
  }
  return ops;
}

}  // namespace

std::string Pdp::CedarType(const std::string& authzen_type) const {
  return Namespaced(config_.cedar_namespace, authzen_type);
}

namespace {

Result<std::shared_ptr<const Pdp::Rules>> LoadRules(const PdpConfig& config) {
  auto rules = std::make_shared<Pdp::Rules>();
  if (config.schema) {
    ASSIGN_OR_RETURN(rules->schema, cedar::LoadSchemaFile(*config.schema));
  }
  if (config.policies.empty()) {
    return Status::Invalid(config.file + ": 'pdp.policies' names no policy file");
  }
  ASSIGN_OR_RETURN(rules->policy_count,
                   cedar::LoadPolicyFiles(config.policies, rules->schema_ptr(), rules->policies));
  return std::shared_ptr<const Pdp::Rules>(std::move(rules));
}

}  // namespace

std::shared_ptr<const Pdp::Rules> Pdp::rules() const {
  std::lock_guard<std::mutex> lock(rules_mutex_);
  return rules_;
}

Status Pdp::ReloadPolicies(const PdpConfig& latest) {
  ASSIGN_OR_RETURN(std::shared_ptr<const Rules> next, LoadRules(latest));
  std::lock_guard<std::mutex> lock(rules_mutex_);
  rules_ = std::move(next);
  return Status::Ok();
}

Result<std::unique_ptr<Pdp>> Pdp::Open(const PdpConfig& config, const std::string& data_dir) {
  std::unique_ptr<Pdp> pdp(new Pdp(config));
  ASSIGN_OR_RETURN(pdp->rules_, LoadRules(config));
  const cedar::Schema* schema = pdp->rules_->schema_ptr();
  {
    ASSIGN_OR_RETURN(std::vector<EntityOp> initial, InitialEntities(config, schema));
    if (!initial.empty()) {
      Result<uint64_t> loaded = pdp->store_.Apply(initial);
      if (!loaded.ok()) return loaded.status().WithContext("the entity files");
    }
  }
  ReleaseFreedHeap();  // the entity files' text and parse trees, freed by now
  if (!data_dir.empty()) {
    std::filesystem::path dir = std::filesystem::path(data_dir) / "pdp";
    std::error_code ec;
    std::filesystem::create_directories(dir, ec);
    if (ec) return Status::Io(dir.string() + ": cannot create the folder: " + ec.message());
    std::filesystem::permissions(dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace, ec);
    ASSIGN_OR_RETURN(pdp->db_, EntityDb::Open((dir / "entities.db").string()));
    ASSIGN_OR_RETURN(EntityDb::Saved saved, pdp->db_->Load());
    RETURN_IF_ERROR(ApplySaved(pdp->store_, saved));
  }
  return pdp;
}

Result<PdpAnswer> Pdp::Evaluate(const AzRequest& request) const {
  std::shared_ptr<const Rules> rules = this->rules();
  EntityStore::View view = store_.Read();
  ASSIGN_OR_RETURN(MappedRequest m,
                   MapRequest(request, config_.cedar_namespace, rules->schema_ptr(), view));
  return Decide(m, rules->policies, view);
}

std::vector<std::string> Pdp::ActionCandidates(const Rules& rules,
                                               const std::string& principal_type,
                                               const std::string& resource_type,
                                               const EntityStore::View& view) const {
  const std::string action_type = Namespaced(config_.cedar_namespace, "Action");
  std::set<std::string> names;
  if (const cedar::Schema* s = rules.schema_ptr()) {
    for (const cedar::ActionDecl& a : s->actions()) {
      if (a.uid.type() != action_type) continue;
      auto has = [](const std::vector<std::string>& v, const std::string& t) {
        return std::find(v.begin(), v.end(), t) != v.end();
      };
      if (has(a.principal_types, principal_type) && has(a.resource_types, resource_type)) {
        names.insert(a.uid.id());
      }
    }
    return {names.begin(), names.end()};
  }
  view.ForEachOfType(action_type, [&](const cedar::Entity& e) { names.insert(e.uid.id()); });
  for (const cedar::PolicyPtr& p : rules.policies.policies()) {
    const cedar::ScopeConstraint& a = p->action;
    if (a.entity && a.entity->type() == action_type) names.insert(a.entity->id());
    for (const cedar::EntityUid& u : a.entity_list) {
      if (u.type() == action_type) names.insert(u.id());
    }
  }
  return {names.begin(), names.end()};
}

Result<std::vector<SearchHit>> Pdp::Search(SearchKind kind, const AzRequest& query) const {
  std::vector<SearchHit> hits;
  std::shared_ptr<const Rules> rules = this->rules();
  const cedar::PolicySet& policies = rules->policies;
  EntityStore::View view = store_.Read();
  const cedar::Schema* s = rules->schema_ptr();
  AzRequest probe = query;
  // The searched part gets a placeholder; each candidate then replaces it.
  if (kind == SearchKind::kSubject) probe.subject->id = std::string();
  if (kind == SearchKind::kResource) probe.resource->id = std::string();
  if (kind == SearchKind::kAction) probe.action = AzAction{};
  const std::string& searched_type =
      kind == SearchKind::kSubject ? query.subject->type : query.resource->type;
  ASSIGN_OR_RETURN(std::string cedar_type,
                   MapType(searched_type, config_.cedar_namespace,
                           kind == SearchKind::kSubject ? "subject.type" : "resource.type"));
  // Nothing can be of a type the schema does not declare.
  if (s != nullptr && (s->FindEntityType(CedarType(query.subject->type)) == nullptr ||
                       s->FindEntityType(CedarType(query.resource->type)) == nullptr)) {
    return hits;
  }
  if (kind == SearchKind::kAction) {
    ASSIGN_OR_RETURN(std::string principal_type,
                     MapType(query.subject->type, config_.cedar_namespace, "subject.type"));
    for (const std::string& name : ActionCandidates(*rules, principal_type, cedar_type, view)) {
      probe.action->name = name;
      ASSIGN_OR_RETURN(MappedRequest m, MapRequest(probe, config_.cedar_namespace, s, view));
      if (Decide(m, policies, view).allow) hits.push_back({"", "", name});
    }
    std::sort(hits.begin(), hits.end(),
              [](const SearchHit& a, const SearchHit& b) { return a.name < b.name; });
    return hits;
  }
  ASSIGN_OR_RETURN(MappedRequest m, MapRequest(probe, config_.cedar_namespace, s, view));
  cedar::EntityUid& slot = kind == SearchKind::kSubject ? m.request.principal : m.request.resource;
  // The placeholder's overlay (when the query gave properties) does not apply to candidates.
  const cedar::EntityUid placeholder = slot;
  m.overlay.erase(std::remove_if(m.overlay.begin(), m.overlay.end(),
                                 [&](const cedar::Entity& e) { return e.uid == placeholder; }),
                  m.overlay.end());
  view.ForEachOfType(cedar_type, [&](const cedar::Entity& candidate) {
    slot = candidate.uid;
    if (Decide(m, policies, view).allow) hits.push_back({searched_type, candidate.uid.id(), ""});
  });
  std::sort(hits.begin(), hits.end(),
            [](const SearchHit& a, const SearchHit& b) { return a.id < b.id; });
  return hits;
}

Result<uint64_t> Pdp::ApplyEntityOps(std::span<const EntityOp> ops,
                                     std::optional<uint64_t> if_version) {
  std::shared_ptr<const Rules> rules = this->rules();
  // Actions and their groups are the policies' vocabulary, fixed by the schema or the entity
  // files: a caller of the entity API must not regroup them.
  for (const EntityOp& op : ops) {
    const std::string& type = op.entity.uid.type();
    bool action = rules->schema ? rules->schema->IsActionEntityType(type)
                                : type == "Action" || type.ends_with("::Action");
    if (action) {
      return Status::Invalid("action entities (" + type +
                             ") come from the schema and the entity files; the entity API "
                             "does not change them");
    }
  }
  auto commit = [this, &rules](std::span<const EntityChange> changes, uint64_t version) -> Status {
    if (const cedar::Schema* s = rules->schema_ptr()) {
      for (const EntityChange& c : changes) {
        if (!c.entity) continue;
        cedar::Entities one;
        RETURN_IF_ERROR(one.Add(*c.entity));
        Status fits = cedar::ValidateEntities(*s, one);
        if (!fits.ok()) {
          return Status::Invalid("the " + c.uid.type() +
                                 " entity does not fit the schema: " + fits.message());
        }
      }
    }
    if (db_) {
      Status saved = db_->Save(changes, version);
      if (!saved.ok()) {
        return Status(StatusCode::kUnavailable,
                      "the entity change could not be saved: " + saved.message());
      }
    }
    return Status::Ok();
  };
  return store_.Apply(ops, if_version, commit);
}

}  // namespace metagate::pdp
