// Reads the classifier's YAML config. yaml-cpp reports errors by exception; they stop here.
#include "metagate/classify/config.h"

#include <yaml-cpp/yaml.h>

#include "config_yaml.h"
#include "metagate/common/file_util.h"

namespace metagate::classify {
namespace {

SourceLoc LocOf(const YAML::Node& n) {
  YAML::Mark m = n.Mark();
  if (m.is_null()) return {};
  return SourceLoc{static_cast<uint32_t>(m.line + 1), static_cast<uint32_t>(m.column + 1)};
}

Status Bad(const YAML::Node& n, const std::string& msg) { return Status::Invalid(msg, LocOf(n)); }

Result<std::string> Scalar(const YAML::Node& n, const std::string& what) {
  if (!n || !n.IsScalar()) return Bad(n, what + " must be a string");
  return n.as<std::string>();
}

Result<std::vector<std::string>> ScalarList(const YAML::Node& n, const std::string& what) {
  std::vector<std::string> out;
  if (n && n.IsScalar()) {
    out.push_back(n.as<std::string>());
    return out;
  }
  if (!n || !n.IsSequence()) return Bad(n, what + " must be a list of strings");
  for (const YAML::Node& item : n) {
    ASSIGN_OR_RETURN(std::string s, Scalar(item, what + " entries"));
    out.push_back(std::move(s));
  }
  return out;
}

Status CheckKeys(const YAML::Node& n, std::initializer_list<std::string_view> allowed,
                 const std::string& where) {
  for (const auto& kv : n) {
    std::string key = kv.first.as<std::string>();
    bool ok = false;
    for (std::string_view a : allowed) ok = ok || a == key;
    if (!ok) return Bad(kv.first, "unknown key '" + key + "' in " + where);
  }
  return Status::Ok();
}

Result<ClassInfo> ParseClass(const YAML::Node& n) {
  if (!n.IsMap()) return Bad(n, "each entry of 'classes' must be a mapping");
  RETURN_IF_ERROR(CheckKeys(n, {"name", "parents", "ladder", "description"}, "a class"));
  ClassInfo info;
  ASSIGN_OR_RETURN(info.name, Scalar(n["name"], "'name' of a class"));
  if (n["parents"]) {
    ASSIGN_OR_RETURN(info.parents, ScalarList(n["parents"], "'parents'"));
  }
  ASSIGN_OR_RETURN(std::vector<std::string> forms, ScalarList(n["ladder"], "'ladder'"));
  for (size_t i = 0; i < forms.size(); ++i) {
    std::optional<Form> f = ParseForm(forms[i]);
    if (!f) {
      return Bad(n["ladder"], "unknown form '" + forms[i] +
                                  "' (use raw, generalized, pseudonymized or redacted)");
    }
    info.ladder.push_back(*f);
  }
  if (n["description"]) {
    ASSIGN_OR_RETURN(info.description, Scalar(n["description"], "'description'"));
  }
  return info;
}

Result<FieldNameRuleConfig> ParseFieldNames(const YAML::Node& n) {
  if (!n.IsMap()) return Bad(n, "each entry of 'field_names' must be a mapping");
  RETURN_IF_ERROR(CheckKeys(n, {"names", "class", "ignore", "free_text"}, "a field-name rule"));
  FieldNameRuleConfig rule;
  rule.loc = LocOf(n);
  ASSIGN_OR_RETURN(rule.names, ScalarList(n["names"], "'names'"));
  if (n["ignore"]) rule.ignore = n["ignore"].as<bool>();
  if (n["free_text"]) rule.free_text = n["free_text"].as<bool>();
  if (n["class"]) {
    ASSIGN_OR_RETURN(rule.cls, Scalar(n["class"], "'class'"));
  }
  int modes = (rule.ignore ? 1 : 0) + (rule.free_text ? 1 : 0) + (rule.cls.empty() ? 0 : 1);
  if (modes != 1) {
    return Bad(n,
               "a field-name rule needs exactly one of 'class', 'ignore: true' or "
               "'free_text: true'");
  }
  return rule;
}

Result<CombinationRuleConfig> ParseCombination(const YAML::Node& n) {
  if (!n.IsMap()) return Bad(n, "each entry of 'combinations' must be a mapping");
  RETURN_IF_ERROR(CheckKeys(n, {"when", "add"}, "a combination rule"));
  CombinationRuleConfig rule;
  rule.loc = LocOf(n);
  ASSIGN_OR_RETURN(rule.when, ScalarList(n["when"], "'when'"));
  if (rule.when.size() < 2) return Bad(n["when"], "'when' needs at least two classes");
  ASSIGN_OR_RETURN(rule.add, Scalar(n["add"], "'add'"));
  return rule;
}

Result<ClassifierConfig> ParseSections(const YAML::Node& root) {
  ClassifierConfig config;
  auto each = [&](const char* key, auto&& fn) -> Status {
    const YAML::Node list = root[key];
    if (!list) return Status::Ok();
    if (!list.IsSequence()) return Bad(list, std::string("'") + key + "' must be a list");
    for (const YAML::Node& item : list) RETURN_IF_ERROR(fn(item));
    return Status::Ok();
  };
  RETURN_IF_ERROR(each("classes", [&](const YAML::Node& n) -> Status {
    ASSIGN_OR_RETURN(ClassInfo c, ParseClass(n));
    config.classes.push_back(std::move(c));
    return Status::Ok();
  }));
  RETURN_IF_ERROR(each("field_names", [&](const YAML::Node& n) -> Status {
    ASSIGN_OR_RETURN(FieldNameRuleConfig r, ParseFieldNames(n));
    config.field_names.push_back(std::move(r));
    return Status::Ok();
  }));
  RETURN_IF_ERROR(each("combinations", [&](const YAML::Node& n) -> Status {
    ASSIGN_OR_RETURN(CombinationRuleConfig r, ParseCombination(n));
    config.combinations.push_back(std::move(r));
    return Status::Ok();
  }));
  return config;
}

Result<ClassifierConfig> ParseRoot(const YAML::Node& root) {
  if (!root || root.IsNull()) return ClassifierConfig{};
  if (!root.IsMap()) return Bad(root, "the classifier config must be a mapping");
  RETURN_IF_ERROR(CheckKeys(root, {"classes", "field_names", "combinations"}, "the config"));
  return ParseSections(root);
}

}  // namespace

namespace internal {

Result<ClassifierConfig> ParseClassifierSections(const YAML::Node& root) {
  return ParseSections(root);
}

}  // namespace internal

Result<ClassifierConfig> ParseClassifierConfig(std::string_view yaml) {
  try {
    return ParseRoot(YAML::Load(std::string(yaml)));
  } catch (const YAML::Exception& e) {
    SourceLoc loc;
    if (!e.mark.is_null()) {
      loc = SourceLoc{static_cast<uint32_t>(e.mark.line + 1),
                      static_cast<uint32_t>(e.mark.column + 1)};
    }
    return Status::Invalid(e.msg, loc);
  }
}

Result<ClassifierConfig> LoadClassifierConfig(const std::string& path) {
  ASSIGN_OR_RETURN(std::string text, ReadFile(path));
  Result<ClassifierConfig> config = ParseClassifierConfig(text);
  if (!config.ok()) return config.status().WithContext(path);
  return config;
}

}  // namespace metagate::classify
