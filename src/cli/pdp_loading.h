// Builds the PDP service (engine, entity store, HTTP endpoints) from a config file's `pdp:`
// section, for `metagate pdp` and for `metagate serve` when the section is present.
#pragma once

#include <memory>
#include <optional>
#include <string>

#include "metagate/pdp/pdp_service.h"

namespace metagate::cli {

// The service, or nullptr when the file has no `pdp:` section. `data_dir` empty: the config's
// data_dir, else ./metagate-data. Errors name the file, line and column.
Result<std::unique_ptr<pdp::PdpService>> LoadPdpService(const std::string& config_path,
                                                        std::string data_dir, bool tls);

// Re-reads `config_path`'s `pdp:` section and reloads the policies and schema it names (see
// Pdp::ReloadPolicies).
Status ReloadPdpPolicies(const std::string& config_path, pdp::Pdp& pdp);

}  // namespace metagate::cli
