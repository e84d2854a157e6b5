#include "policy_loader.h"

#include <algorithm>

#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/policy_files.h"
#include "metagate/cedar/validator.h"

namespace metagate::egress {
namespace {

cedar::Entity MakeEntity(std::string type, std::string id,
                         std::vector<std::pair<std::string, cedar::Value>> attrs,
                         std::vector<cedar::EntityUid> parents) {
  cedar::Entity e;
  e.uid = cedar::EntityUid(std::move(type), std::move(id));
  e.attrs = cedar::Value::Record(std::move(attrs));
  e.parents = std::move(parents);
  return e;
}

// Role, Team and VendorCategory entities named by the config, unless an entity file has them.
Status AddGroupEntity(cedar::Entities& entities, const std::string& type, const std::string& id) {
  cedar::EntityUid uid(type, id);
  if (entities.Find(uid) == nullptr) return entities.Add(MakeEntity(type, id, {}, {}));
  return Status::Ok();
}

Status AddDerivedEntities(const EgressConfig& config, cedar::Entities& entities) {
  using cedar::Value;
  for (const IntegrationConfig& in : config.integrations) {
    std::vector<cedar::EntityUid> parents;
    for (const std::string& r : in.roles) {
      parents.emplace_back("Role", r);
      RETURN_IF_ERROR(AddGroupEntity(entities, "Role", r));
    }
    for (const std::string& t : in.teams) {
      parents.emplace_back("Team", t);
      RETURN_IF_ERROR(AddGroupEntity(entities, "Team", t));
    }
    Status s = entities.Add(MakeEntity(
        "Integration", in.id,
        {{"kind", Value::String(in.kind)}, {"environment", Value::String(in.environment)}},
        std::move(parents)));
    if (!s.ok()) {
      return Status::Invalid("integration '" + in.id + "' is also defined in an entities file",
                             in.loc);
    }
  }
  for (const VendorConfig& v : config.vendors) {
    RETURN_IF_ERROR(AddGroupEntity(entities, "VendorCategory", v.category));
    Status s = entities.Add(
        MakeEntity("Vendor", v.id,
                   {{"category", Value::String(v.category)},
                    {"residency", Value::String(v.residency)},
                    {"retention_days", Value::Long(v.retention_days)},
                    {"trains_on_customer_data", Value::Bool(v.trains_on_customer_data)},
                    {"dpa_signed", Value::Bool(v.dpa_signed)},
                    {"soc2", Value::Bool(v.soc2)},
                    {"format", Value::String(v.format)}},
                   {cedar::EntityUid("VendorCategory", v.category)}));
    if (!s.ok()) {
      return Status::Invalid("vendor '" + v.id + "' is also defined in an entities file", v.loc);
    }
  }
  return Status::Ok();
}

}  // namespace

Result<LoadedPolicies> LoadPolicies(const EgressConfig& config,
                                    const classify::Taxonomy& taxonomy) {
  LoadedPolicies out;
  const cedar::Schema* schema = nullptr;
  if (config.schema) {
    ASSIGN_OR_RETURN(out.schema, cedar::LoadSchemaFile(*config.schema));
    schema = &*out.schema;
  }

  // Policies, with ids from @id annotations (else FILE#N) that must be unique across files.
  // (Discover mode asks no policy: a first inventory needs none.)
  if (config.policies.empty() && config.mode != Mode::kDiscover) {
    return Status::Invalid(config.file +
                           ": 'policies' names no policy file (default deny would "
                           "block everything)");
  }
  ASSIGN_OR_RETURN(out.policy_count, cedar::LoadPolicyFiles(config.policies, schema, out.policies));

  // Entities: the taxonomy, the files, then what the config defines.
  Result<cedar::Entities> classes = cedar::EntitiesFromJson(taxonomy.ToCedarEntitiesJson(), schema);
  if (!classes.ok()) return classes.status().WithContext("the DataClass taxonomy");
  out.entities = std::move(*classes);
  RETURN_IF_ERROR(cedar::LoadEntityFiles(config.entities, schema, out.entities));
  Status derived = AddDerivedEntities(config, out.entities);
  if (!derived.ok()) return derived.WithContext(config.file);
  out.entities.Finalize();
  if (out.entities.has_cycle()) {
    return Status::Invalid("the entities' parent relation has a cycle");
  }
  if (schema != nullptr) {
    Status s = cedar::ValidateEntities(*schema, out.entities);
    if (!s.ok()) return s.WithContext("entities derived from " + config.file);
  }
  return out;
}

}  // namespace metagate::egress
