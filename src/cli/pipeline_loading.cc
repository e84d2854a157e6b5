#include "pipeline_loading.h"

#include <cstdio>

namespace metagate::cli {

Result<std::shared_ptr<const egress::Pipeline>> BuildPipeline(const std::string& config_path) {
  ASSIGN_OR_RETURN(egress::EgressConfig config, egress::LoadEgressConfig(config_path));
  return egress::Pipeline::Create(config);
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
