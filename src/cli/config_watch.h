// What `metagate serve` watches to reload on change: the config file and every file it names
// (policies, folders of policies, schema, entities, key files), by modification time and size.
#pragma once

#include <string>

#include "metagate/egress/config.h"
#include "metagate/pdp/pdp_config.h"

namespace metagate::cli {

// A text that changes when any of the inputs changes (is edited, added to a policy folder,
// removed). `config` is the last config that loaded, or null.
std::string InputsFingerprint(const std::string& config_path, const egress::EgressConfig* config);
// The same for what a PDP reloads: its config file, policy files and folders, and schema.
std::string PdpInputsFingerprint(const std::string& config_path, const pdp::PdpConfig* config);

}  // namespace metagate::cli
