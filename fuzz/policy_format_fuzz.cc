// Fuzzes the formatter, the Cedar-text printer and the JSON policy format on policy text: for
// any text that parses, formatting must succeed, parse back to the same policies (same JSON)
// and be idempotent; the JSON of the policies must read back to the same JSON; and the printed
// text must parse back to the same JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "metagate/cedar/formatter.h"
#include "metagate/cedar/parser.h"
#include "metagate/cedar/policy_json.h"

namespace {

std::string JsonOf(const std::vector<metagate::cedar::PolicyPtr>& policies) {
  std::string out;
  for (const auto& p : policies) out += metagate::cedar::PolicyToJson(*p) + "\n";
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace metagate::cedar;  // NOLINT
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto policies = ParsePolicies(text);
  if (!policies.ok()) return 0;
  const std::string json = JsonOf(*policies);

  auto formatted = FormatPolicies(text);
  if (!formatted.ok()) __builtin_trap();
  auto reparsed = ParsePolicies(*formatted);
  if (!reparsed.ok() || JsonOf(*reparsed) != json) __builtin_trap();
  auto again = FormatPolicies(*formatted);
  if (!again.ok() || *again != *formatted) __builtin_trap();

  for (const auto& p : *policies) {
    auto back = PolicyFromJson(PolicyToJson(*p), p->id);
    if (!back.ok() || PolicyToJson(**back) != PolicyToJson(*p)) __builtin_trap();
    auto printed = ParsePolicies(PolicyToText(*p));
    // Printing adds parentheses, which may pass the parser's nesting limit; else it must agree.
    if (printed.ok() &&
        (printed->size() != 1 || PolicyToJson(*(*printed)[0]) != PolicyToJson(*p))) {
      __builtin_trap();
    }
  }
  return 0;
}
