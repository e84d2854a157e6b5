// Internal: parses the classifier's sections (`classes`, `field_names`, `combinations`) out of an
// already-loaded YAML mapping, so another config file (the egress config) can carry them next to
// its own keys. Keys other than these three are left to the caller. yaml-cpp exceptions may
// escape: the caller catches them. Not part of the public API (keeps yaml-cpp out of include/).
#pragma once

#include <yaml-cpp/yaml.h>

#include "metagate/classify/config.h"

namespace metagate::classify::internal {

// Parses the classifier sections of `root` (a mapping) into a ClassifierConfig.
Result<ClassifierConfig> ParseClassifierSections(const YAML::Node& root);

}  // namespace metagate::classify::internal
