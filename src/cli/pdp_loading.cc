#include "pdp_loading.h"

#include "config_watch.h"

namespace metagate::cli {

Result<std::unique_ptr<pdp::PdpService>> LoadPdpService(const std::string& config_path,
                                                        std::string data_dir, bool tls) {
  ASSIGN_OR_RETURN(std::optional<pdp::PdpConfig> config, pdp::LoadPdpConfig(config_path));
  if (!config) return std::unique_ptr<pdp::PdpService>();
  if (data_dir.empty()) data_dir = config->data_dir.empty() ? "metagate-data" : config->data_dir;
  ASSIGN_OR_RETURN(std::unique_ptr<pdp::Pdp> engine, pdp::Pdp::Open(*config, data_dir));
  return pdp::PdpService::Create(std::move(engine), tls);
}

Status ReloadPdpPolicies(const std::string& config_path, pdp::Pdp& pdp, std::string* watched) {
  ASSIGN_OR_RETURN(std::optional<pdp::PdpConfig> config, pdp::LoadPdpConfig(config_path));
  if (!config) return Status::Invalid(config_path + ": the `pdp:` section is gone");
  RETURN_IF_ERROR(pdp.ReloadPolicies(*config));
  if (watched != nullptr) *watched = PdpInputsFingerprint(config_path, &*config);
  return Status::Ok();
}

}  // namespace metagate::cli
