// Internal to the PDP's unit tests: a temporary folder that files are written into, removed with
// everything in it when the object goes.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "metagate_testing/temp_dir.h"

namespace metagate::pdp::testing {

using TempDir = metagate::testing::TempDir;  // metagate_testing/temp_dir.h

}  // namespace metagate::pdp::testing
