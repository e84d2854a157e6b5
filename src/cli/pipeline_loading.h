// Shared by the commands that run the egress pipeline (filter, explain, serve): loading it from
// a config file, and checking that an integration and a vendor are defined.
#pragma once

#include <memory>
#include <string>

#include "metagate/egress/pipeline.h"

namespace metagate::cli {

// Loads the config and builds the pipeline.
Result<std::shared_ptr<const egress::Pipeline>> BuildPipeline(const std::string& config_path);

// Loads the config and builds the pipeline; on failure prints the error as `metagate COMMAND:`
// and returns null.
std::shared_ptr<const egress::Pipeline> LoadPipeline(const std::string& config_path,
                                                     const char* command);

// Whether the config defines the integration and the vendor; the error lists the defined ones.
Status CheckFlow(const egress::EgressConfig& config, const std::string& integration,
                 const std::string& vendor);

}  // namespace metagate::cli
