// Cedar inputs named by config files: schema, policy files and folders, entity files.
#include "metagate/cedar/policy_files.h"

#include <algorithm>
#include <filesystem>

#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/schema_json.h"
#include "metagate/cedar/validator.h"
#include "metagate/common/file_util.h"

namespace metagate::cedar {
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

std::optional<std::string> IdAnnotation(const Policy& p) {
  for (const Annotation& a : p.annotations) {
    if (a.key == "id" && a.value) return *a.value;
  }
  return std::nullopt;
}

}  // namespace

Result<Schema> LoadSchemaFile(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  bool is_json = path.size() >= 5 && path.compare(path.size() - 5, 5, ".json") == 0;
  Result<Schema> parsed = is_json ? ParseSchemaJson(text) : ParseSchemaText(text);
  if (!parsed.ok()) return parsed.status().WithContext(path);
  return parsed;
}

Result<size_t> LoadPolicyFiles(const std::vector<std::string>& entries, const Schema* schema,
                               PolicySet& into) {
  size_t count = 0;
  for (const std::string& entry : entries) {
    ASSIGN_OR_RETURN(std::vector<std::string> files, PolicyFiles(entry));
    for (const std::string& file : files) {
      ASSIGN_OR_RETURN(std::string text, ReadFile(file));
      Result<std::vector<PolicyPtr>> parsed = ParsePolicies(text);
      if (!parsed.ok()) return parsed.status().WithContext(file);
      if (schema != nullptr) {
        ValidationResult v = ValidatePolicies(*schema, *parsed);
        if (!v.findings.empty()) {
          const ValidationFinding& f = v.findings.front();
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
      for (const PolicyPtr& p : *parsed) {
        auto copy = std::make_shared<Policy>(*p);
        std::optional<std::string> id = IdAnnotation(*p);
        copy->id = id ? *id : stem + "#" + std::to_string(n);
        ++n;
        Status s = into.Add(copy);
        if (!s.ok()) {
          return Status::Invalid(file + ":" + p->loc.ToString() + ": policy id '" + copy->id +
                                 "' is used twice; give each policy its own @id");
        }
        ++count;
      }
    }
  }
  return count;
}

Status MergeEntities(Entities& into, const Entities& from, const std::string& origin) {
  for (const Entity& entity : from.all()) {
    const EntityUid& uid = entity.uid;
    if (const Entity* have = into.Find(uid)) {
      if (have->parents == entity.parents && have->attrs == entity.attrs) continue;
      return Status::Invalid(origin + ": entity " + uid.ToString() +
                             " is already defined differently (in another file)");
    }
    Entity copy = entity;
    copy.ancestors.clear();
    RETURN_IF_ERROR(into.Add(std::move(copy)));
  }
  return Status::Ok();
}

Status LoadEntityFiles(const std::vector<std::string>& files, const Schema* schema,
                       Entities& into) {
  for (const std::string& file : files) {
    ASSIGN_OR_RETURN(std::string text, ReadFile(file));
    Result<Entities> parsed = EntitiesFromJson(text, schema);
    if (!parsed.ok()) return parsed.status().WithContext(file);
    RETURN_IF_ERROR(MergeEntities(into, *parsed, file));
  }
  return Status::Ok();
}

}  // namespace metagate::cedar
