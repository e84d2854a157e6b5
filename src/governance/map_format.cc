// The names of the data map's output formats.
#include "metagate/governance/flow_map.h"

namespace metagate::governance {

Result<MapFormat> ParseMapFormat(std::string_view name) {
  if (name == "table") return MapFormat::kTable;
  if (name == "csv") return MapFormat::kCsv;
  if (name == "json") return MapFormat::kJson;
  if (name == "dot") return MapFormat::kDot;
  if (name == "html") return MapFormat::kHtml;
  return Status::Invalid("unknown map format '" + std::string(name) +
                         "' (use table, csv, json, dot or html)");
}

}  // namespace metagate::governance
