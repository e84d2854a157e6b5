// The `decimal` extension type: fixed-point numbers with 4 fraction digits stored as an i64
// scaled by 10^4. Syntax: -?[0-9]+\.[0-9]{1,4}.
#include <memory>
#include <string>

#include "ext/ext_util.h"

namespace metagate::cedar::ext {
namespace {

constexpr int64_t kScale = 10000;

class DecimalValue : public ExtensionValue {
 public:
  static constexpr const char* kTypeName = "decimal";
  explicit DecimalValue(int64_t scaled) : scaled_(scaled) {}

  const char* type_name() const override { return kTypeName; }
  bool Equals(const ExtensionValue& other) const override {
    return std::strcmp(other.type_name(), kTypeName) == 0 &&
           static_cast<const DecimalValue&>(other).scaled_ == scaled_;
  }
  size_t Hash() const override { return std::hash<int64_t>()(scaled_); }
  std::string ConstructorName() const override { return "decimal"; }
  std::string ConstructorArg() const override {
    // Integer part, then the fraction without trailing zeros (at least one digit).
    uint64_t mag = scaled_ < 0 ? 0 - static_cast<uint64_t>(scaled_) : scaled_;
    std::string frac = std::to_string(mag % kScale);
    frac.insert(0, 4 - frac.size(), '0');
    while (frac.size() > 1 && frac.back() == '0') frac.pop_back();
    return (scaled_ < 0 ? "-" : "") + std::to_string(mag / kScale) + "." + frac;
  }
  int64_t scaled() const { return scaled_; }

 private:
  int64_t scaled_;
};

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Appends digit `d` to `acc` (negative accumulation when `neg`); false on overflow.
bool Push(int64_t& acc, int d, bool neg) {
  if (__builtin_mul_overflow(acc, 10, &acc)) return false;
  return neg ? !__builtin_sub_overflow(acc, d, &acc) : !__builtin_add_overflow(acc, d, &acc);
}

Result<Value> CallDecimal(std::span<const Value> args) {
  if (!args[0].is_string()) return TypeError("string", args[0]);
  return MakeDecimal(args[0].as_string());
}

enum class Cmp { kLt, kLe, kGt, kGe };

template <Cmp kOp>
Result<Value> Compare(std::span<const Value> args) {
  const DecimalValue* a = AsExt<DecimalValue>(args[0]);
  if (a == nullptr) return TypeError("decimal", args[0]);
  const DecimalValue* b = AsExt<DecimalValue>(args[1]);
  if (b == nullptr) return TypeError("decimal", args[1]);
  int64_t x = a->scaled(), y = b->scaled();
  switch (kOp) {
    case Cmp::kLt:
      return Value::Bool(x < y);
    case Cmp::kLe:
      return Value::Bool(x <= y);
    case Cmp::kGt:
      return Value::Bool(x > y);
    case Cmp::kGe:
      return Value::Bool(x >= y);
  }
  return Value::Bool(false);
}

constexpr ExtensionFunction kFunctions[] = {
    {"decimal", false, 1, CallDecimal},
    {"lessThan", true, 2, Compare<Cmp::kLt>},
    {"lessThanOrEqual", true, 2, Compare<Cmp::kLe>},
    {"greaterThan", true, 2, Compare<Cmp::kGt>},
    {"greaterThanOrEqual", true, 2, Compare<Cmp::kGe>},
};

}  // namespace

Result<Value> MakeDecimal(std::string_view s) {
  size_t pos = 0;
  bool neg = !s.empty() && s[0] == '-';
  if (neg) ++pos;
  size_t int_start = pos;
  while (pos < s.size() && IsDigit(s[pos])) ++pos;
  size_t int_end = pos;
  if (int_end == int_start || pos >= s.size() || s[pos] != '.') {
    return MalformedArg("decimal", "not a well-formed decimal value");
  }
  size_t frac_start = ++pos;
  while (pos < s.size() && IsDigit(s[pos])) ++pos;
  if (pos != s.size() || pos == frac_start) {
    return MalformedArg("decimal", "not a well-formed decimal value");
  }
  if (pos - frac_start > 4) return MalformedArg("decimal", "too many digits after the decimal");
  int64_t acc = 0;
  for (size_t i = int_start; i < int_end; ++i) {
    if (!Push(acc, s[i] - '0', neg)) return MalformedArg("decimal", "overflow");
  }
  for (size_t i = frac_start; i < frac_start + 4; ++i) {
    int d = i < pos ? s[i] - '0' : 0;
    if (!Push(acc, d, neg)) return MalformedArg("decimal", "overflow");
  }
  return Value::Extension(std::make_shared<DecimalValue>(acc));
}

std::span<const ExtensionFunction> DecimalFunctions() { return kFunctions; }

}  // namespace metagate::cedar::ext
