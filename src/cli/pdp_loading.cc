#include "pdp_loading.h"

namespace metagate::cli {

Result<std::unique_ptr<pdp::PdpService>> LoadPdpService(const std::string& config_path,
                                                        std::string data_dir, bool tls) {
  ASSIGN_OR_RETURN(std::optional<pdp::PdpConfig> config, pdp::LoadPdpConfig(config_path));
  if (!config) return std::unique_ptr<pdp::PdpService>();
  if (data_dir.empty()) data_dir = config->data_dir.empty() ? "metagate-data" : config->data_dir;
  ASSIGN_OR_RETURN(std::unique_ptr<pdp::Pdp> engine, pdp::Pdp::Open(*config, data_dir));
  return pdp::PdpService::Create(std::move(engine), tls);
}

Status ReloadPdpPolicies(const std::string& config_path, pdp::Pdp& pdp) {
  ASSIGN_OR_RETURN(std::optional<pdp::PdpConfig> config, pdp::LoadPdpConfig(config_path));
  if (!config) return Status::Invalid(config_path + ": the `pdp:` section is gone");
  return pdp.ReloadPolicies(*config);
}

}  // namespace metagate::cli
