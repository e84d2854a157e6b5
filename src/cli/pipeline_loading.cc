#include "pipeline_loading.h"

#include <cstdio>

#include "metagate/governance/governance_store.h"

namespace metagate::cli {

Result<std::shared_ptr<const egress::Pipeline>> BuildPipeline(
    const std::string& config_path, governance::GovernanceStore* approvals) {
  ASSIGN_OR_RETURN(egress::EgressConfig config, egress::LoadEgressConfig(config_path));
  if (approvals != nullptr) {
    Result<std::vector<egress::CatalogEntry>> decided = approvals->CatalogOverlay();
    if (!decided.ok()) return decided.status().WithContext(approvals->file());
    for (egress::CatalogEntry& e : *decided) config.catalog.push_back(std::move(e));
    Result<std::shared_ptr<const egress::Pipeline>> p = egress::Pipeline::Create(config);
    if (!p.ok()) {
      return Status::Invalid(p.status().ToString() + " (with the approvals decided in " +
                             approvals->file() + ")");
    }
    return p;
  }
  return egress::Pipeline::Create(config);
}

std::string DataDirOf(const egress::EgressConfig& config, const std::string& flag) {
  if (!flag.empty()) return flag;
  return config.data_dir.value_or("metagate-data");
}

std::shared_ptr<const egress::Pipeline> LoadPipeline(const std::string& config_path,
                                                     const char* command) {
  Result<std::shared_ptr<const egress::Pipeline>> pipeline = BuildPipeline(config_path);
  if (!pipeline.ok()) {
    std::fprintf(stderr, "metagate %s: %s\n", command, pipeline.status().ToString().c_str());
    return nullptr;
  }
  return *pipeline;
}

Status CheckFlow(const egress::EgressConfig& config, const std::string& integration,
                 const std::string& vendor) {
  std::string ids;
  bool found = false;
  for (const egress::IntegrationConfig& i : config.integrations) {
    ids += (ids.empty() ? "" : ", ") + i.id;
    found = found || i.id == integration;
  }
  if (!found) {
    return Status::NotFound("unknown integration '" + integration + "' (defined: " + ids + ")");
  }
  ids.clear();
  found = false;
  for (const egress::VendorConfig& v : config.vendors) {
    ids += (ids.empty() ? "" : ", ") + v.id;
    found = found || v.id == vendor;
  }
  if (!found) return Status::NotFound("unknown vendor '" + vendor + "' (defined: " + ids + ")");
  return Status::Ok();
}

}  // namespace metagate::cli
