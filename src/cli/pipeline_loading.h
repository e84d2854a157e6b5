// Shared by the commands that run the egress pipeline (filter, explain, serve): loading it from
// a config file, and checking that an integration and a vendor are defined.
#pragma once

#include <memory>
#include <string>

#include "metagate/egress/pipeline.h"

namespace metagate::governance {
class GovernanceStore;
}

namespace metagate::cli {

// Loads the config and builds the pipeline; with `approvals`, the catalog also holds what
// approvers decided (approved fields and events, denied ones).
Result<std::shared_ptr<const egress::Pipeline>> BuildPipeline(
    const std::string& config_path, governance::GovernanceStore* approvals = nullptr);

// Where the config's embedded store lives: `flag` when set, else the config's data_dir, else
// ./metagate-data.
std::string DataDirOf(const egress::EgressConfig& config, const std::string& flag);

// Loads the config and builds the pipeline; on failure prints the error as `metagate COMMAND:`
// and returns null.
std::shared_ptr<const egress::Pipeline> LoadPipeline(const std::string& config_path,
                                                     const char* command);

// Whether the config defines the integration and the vendor; the error lists the defined ones.
Status CheckFlow(const egress::EgressConfig& config, const std::string& integration,
                 const std::string& vendor);

}  // namespace metagate::cli
