#include "policy_loader.h"

#include <algorithm>
#include <filesystem>

#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/schema_json.h"
#include "metagate/cedar/validator.h"
#include "metagate/common/file_util.h"

namespace metagate::egress {
namespace {

namespace fs = std::filesystem;

// The .cedar files a `policies:` entry names: the file itself, or a folder's, sorted.
Result<std::vector<std::string>> PolicyFiles(const std::string& entry) {
  std::error_code ec;
  if (fs::is_directory(entry, ec)) {
    std::vector<std::string> files;
    for (fs::recursive_directory_iterator it(entry, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file(ec) && it->path().extension() == ".cedar") {
        files.push_back(it->path().string());
      }
    }
    if (ec) return Status::Io(entry + ": cannot list the folder: " + ec.message());
    std::sort(files.begin(), files.end());
    if (files.empty()) return Status::Invalid(entry + ": the folder holds no .cedar file");
    return files;
  }
  if (!fs::exists(entry, ec)) return Status::NotFound(entry + ": no such file or folder");
  return std::vector<std::string>{entry};
}

std::optional<std::string> IdAnnotation(const cedar::Policy& p) {
  for (const cedar::Annotation& a : p.annotations) {
    if (a.key == "id" && a.value) return *a.value;
  }
  return std::nullopt;
}

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

Status MergeInto(cedar::Entities& into, const cedar::Entities& from, const std::string& file) {
  for (const auto& [uid, entity] : from.all()) {
    if (const cedar::Entity* have = into.Find(uid)) {
      if (have->parents == entity.parents && have->attrs == entity.attrs) continue;
      return Status::Invalid(file + ": entity " + uid.ToString() +
                             " is already defined differently (in the taxonomy or another file)");
    }
    cedar::Entity copy = entity;
    copy.ancestors.clear();
    RETURN_IF_ERROR(into.Add(std::move(copy)));
  }
  return Status::Ok();
}

}  // namespace

Result<LoadedPolicies> LoadPolicies(const EgressConfig& config,
                                    const classify::Taxonomy& taxonomy) {
  LoadedPolicies out;
  const cedar::Schema* schema = nullptr;
  if (config.schema) {
    const std::string& path = *config.schema;
    ASSIGN_OR_RETURN(std::string text, ReadFile(path));
    bool is_json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
    Result<cedar::Schema> parsed =
        is_json ? cedar::ParseSchemaJson(text) : cedar::ParseSchemaText(text);
    if (!parsed.ok()) return parsed.status().WithContext(path);
    out.schema = std::move(*parsed);
    schema = &*out.schema;
  }

  // Policies, with ids from @id annotations (else FILE#N) that must be unique across files.
  if (config.policies.empty()) {
    return Status::Invalid(config.file +
                           ": 'policies' names no policy file (default deny would "
                           "block everything)");
  }
  std::vector<cedar::PolicyPtr> all;
  for (const std::string& entry : config.policies) {
    ASSIGN_OR_RETURN(std::vector<std::string> files, PolicyFiles(entry));
    for (const std::string& file : files) {
      ASSIGN_OR_RETURN(std::string text, ReadFile(file));
      Result<std::vector<cedar::PolicyPtr>> parsed = cedar::ParsePolicies(text);
      if (!parsed.ok()) return parsed.status().WithContext(file);
      if (schema != nullptr) {
        cedar::ValidationResult v = cedar::ValidatePolicies(*schema, *parsed);
        if (!v.findings.empty()) {
          const cedar::ValidationFinding& f = v.findings.front();
          std::string more = v.findings.size() > 1
                                 ? " (and " + std::to_string(v.findings.size() - 1) + " more)"
                                 : "";
          return Status::Invalid(file + (f.loc.known() ? ":" + f.loc.ToString() : "") +
                                 ": policy does not validate against the schema: " + f.message +
                                 more);
        }
      }
      size_t n = 0;
      std::string stem = fs::path(file).filename().string();
      for (const cedar::PolicyPtr& p : *parsed) {
        auto copy = std::make_shared<cedar::Policy>(*p);
        std::optional<std::string> id = IdAnnotation(*p);
        copy->id = id ? *id : stem + "#" + std::to_string(n);
        ++n;
        Status s = out.policies.Add(copy);
        if (!s.ok()) {
          return Status::Invalid(file + ":" + p->loc.ToString() + ": policy id '" + copy->id +
                                 "' is used twice; give each policy its own @id");
        }
        ++out.policy_count;
      }
    }
  }

  // Entities: the taxonomy, the files, then what the config defines.
  Result<cedar::Entities> classes = cedar::EntitiesFromJson(taxonomy.ToCedarEntitiesJson(), schema);
  if (!classes.ok()) return classes.status().WithContext("the DataClass taxonomy");
  out.entities = std::move(*classes);
  for (const std::string& file : config.entities) {
    ASSIGN_OR_RETURN(std::string text, ReadFile(file));
    Result<cedar::Entities> parsed = cedar::EntitiesFromJson(text, schema);
    if (!parsed.ok()) return parsed.status().WithContext(file);
    RETURN_IF_ERROR(MergeInto(out.entities, *parsed, file));
  }
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
