// Fuzzes the JSON policy-set reader: any input gives a policy set or a located error, never a
// crash; a policy set that reads writes JSON that reads back to the same JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "metagate/cedar/policy_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace metagate::cedar;  // NOLINT
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto set = PolicySetFromJson(text);
  if (!set.ok()) {
    (void)PolicyFromJson(text, "p");
    return 0;
  }
  const std::string json = PolicySetToJson(*set);
  auto back = PolicySetFromJson(json);
  if (!back.ok() || PolicySetToJson(*back) != json) __builtin_trap();
  (void)PolicyJsonToText(text);
  return 0;
}
