// The `datetime` and `duration` extension value types (milliseconds as i64), exposed so that the
// evaluator can compare them with `<`, `<=`, `>`, `>=`. Immutable; safe to share across threads.
#pragma once

#include <cstdint>
#include <string>

#include "metagate/cedar/value.h"

namespace metagate::cedar::ext {

// An instant: milliseconds since 1970-01-01T00:00:00Z.
class DatetimeValue : public ExtensionValue {
 public:
  static constexpr const char* kTypeName = "datetime";
  explicit DatetimeValue(int64_t ms) : ms_(ms) {}
  const char* type_name() const override { return kTypeName; }
  bool Equals(const ExtensionValue& other) const override;
  size_t Hash() const override;
  std::string ConstructorName() const override { return "datetime"; }
  // "YYYY-MM-DDThh:mm:ss.sssZ" (years outside 0000-9999 cannot be parsed back).
  std::string ConstructorArg() const override;
  int64_t millis() const { return ms_; }

 private:
  int64_t ms_;
};

// A signed span of time in milliseconds.
class DurationValue : public ExtensionValue {
 public:
  static constexpr const char* kTypeName = "duration";
  explicit DurationValue(int64_t ms) : ms_(ms) {}
  const char* type_name() const override { return kTypeName; }
  bool Equals(const ExtensionValue& other) const override;
  size_t Hash() const override;
  std::string ConstructorName() const override { return "duration"; }
  std::string ConstructorArg() const override { return std::to_string(ms_) + "ms"; }
  int64_t millis() const { return ms_; }

 private:
  int64_t ms_;
};

}  // namespace metagate::cedar::ext
