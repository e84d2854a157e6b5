// Taxonomy: the data classes metagate knows, their parent groups and their ladders of forms.
// Built-in classes come first (ids of BuiltinClass); config may add classes, groups and ladders.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "metagate/classify/class_id.h"
#include "metagate/common/status.h"

namespace metagate::classify {

// How a value may leave, most useful first; `dropped` is implicit at the end of every ladder.
enum class Form : uint8_t { kRaw, kGeneralized, kPseudonymized, kRedacted };
std::string_view FormName(Form form);
std::optional<Form> ParseForm(std::string_view name);

struct ClassInfo {
  std::string name;                  // "email"
  std::vector<std::string> parents;  // groups: "direct_identifier", …
  std::vector<Form> ladder;          // forms to try in order
  std::string description;
};

// The built-in groups above groups: direct_identifier and indirect_identifier are in
// "identifier" and "personal"; contact, location, financial and government_id in "personal".
std::vector<std::string> SuperGroups(std::string_view group);

class Taxonomy {
 public:
  // The built-in taxonomy: every class of ../shared/datasets plus device_fingerprint.
  static Taxonomy Builtin();

  // Adds a class, or replaces the parents/ladder of an existing one. Names are
  // lowercase [a-z0-9_]; returns an error naming the problem otherwise.
  Result<ClassId> Define(ClassInfo info);

  std::optional<ClassId> Find(std::string_view name) const;
  const ClassInfo& Info(ClassId id) const { return classes_[id]; }
  std::string_view Name(ClassId id) const { return classes_[id].name; }
  size_t size() const { return classes_.size(); }
  // Every group name used as a parent, sorted.
  std::vector<std::string> Groups() const;

  // Cedar entities JSON: one `DataClass` entity per class with its groups as parents, and one
  // per group (with its super-groups, see SuperGroups), so policies can say
  // `context.class in DataClass::"direct_identifier"` or `in DataClass::"identifier"`.
  std::string ToCedarEntitiesJson() const;

 private:
  std::vector<ClassInfo> classes_;
  std::unordered_map<std::string, ClassId> by_name_;
};

}  // namespace metagate::classify
