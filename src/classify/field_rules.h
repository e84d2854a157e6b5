// Field-name rules: what a field's name says about its value. Names are matched on their
// normalized tokens (field_name.h), parent key first, longest suffix wins; config rules
// override built-in ones.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "metagate/classify/class_id.h"
#include "metagate/common/status.h"

namespace metagate::classify {

enum class RuleKind : uint8_t {
  kClass,     // the value is of `cls` when it passes `check`
  kFreeText,  // free text: embedded values are reported with spans
  kPrompt,    // prompt text: `prompt_text` plus embedded values with spans
  kNoDetect,  // never labelled, no value detectors (versions, hashes, tracking numbers)
};

// What a value must look like for a name rule to apply.
enum class ValueCheck : uint8_t {
  kNonEmpty,  // any non-placeholder value
  kText,      // contains a letter, no '@'
  kDigits,    // contains a digit
  kEmail,
  kIp,
  kPhone,
  kPersonName,  // the gazetteer says it is a person's name (for the ambiguous `name`)
  kUrl,         // absolute URL or a path starting with '/'
  kReferrer,    // URL or host name
  kCard,
  kIban,
  kSecret,  // a credential-looking value (not a placeholder, no spaces unless a scheme)
  kUserAgent,
  kLatitude,
  kLongitude,
  kCountry,
  kRegionLike,  // a capitalised place name or code, not a status word (`state`: Paraná, not active)
};

struct FieldRule {
  RuleKind kind = RuleKind::kClass;
  ClassId cls = kNoClass;
  ValueCheck check = ValueCheck::kNonEmpty;
};

class FieldRules {
 public:
  static FieldRules Builtin();

  // Adds or replaces the rule for one spelling of a field name (any spelling: it is normalized).
  Status Add(std::string_view name, FieldRule rule);

  // The rule of the longest suffix of `tokens` (parent's tokens, then the field's own
  // `name_tokens`) that has one; else a rule read from the field's words (`primaryEmail`,
  // `visitor_uuid`), or null.
  const FieldRule* Match(std::span<const std::string> tokens, size_t name_tokens) const;

 private:
  std::unordered_map<std::string, FieldRule> rules_;
  size_t max_tokens_ = 1;
};

}  // namespace metagate::classify
