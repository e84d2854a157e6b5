// ClassifierConfig: the user's extensions to the built-in classifier, read from YAML:
//   classes:      [{name, parents: [...], ladder: [raw, pseudonymized, ...], description}]
//   field_names:  [{names: [emp_no, employeeNumber], class: employee_id}]   (or ignore: true)
//   combinations: [{when: [ip_address, user_agent], add: device_fingerprint}]
#pragma once

#include <string>
#include <vector>

#include "metagate/classify/taxonomy.h"
#include "metagate/common/source_loc.h"
#include "metagate/common/status.h"

namespace metagate::classify {

struct FieldNameRuleConfig {
  std::vector<std::string> names;
  std::string cls;         // empty with `ignore`
  bool ignore = false;     // never label fields of these names
  bool free_text = false;  // look for embedded values and report spans
  SourceLoc loc;
};

struct CombinationRuleConfig {
  std::vector<std::string> when;
  std::string add;
  SourceLoc loc;
};

struct ClassifierConfig {
  std::vector<ClassInfo> classes;
  std::vector<FieldNameRuleConfig> field_names;
  std::vector<CombinationRuleConfig> combinations;
};

// Parses YAML text; errors carry line and column.
Result<ClassifierConfig> ParseClassifierConfig(std::string_view yaml);
// Reads and parses a file; errors are prefixed with the path.
Result<ClassifierConfig> LoadClassifierConfig(const std::string& path);

}  // namespace metagate::classify
