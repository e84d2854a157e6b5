// Fuzzes the entities JSON reader (with no schema): any input must give entities or an error,
// never a crash.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "metagate/cedar/entities_json.h"
#include "metagate/common/json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto entities = metagate::cedar::EntitiesFromJson(text, nullptr);
  (void)entities;
  auto doc = metagate::json::Parse(text);
  if (doc.ok()) {
    auto ctx =
        metagate::cedar::ContextFromJson(*doc, nullptr, metagate::cedar::EntityUid("Action", "a"));
    (void)ctx;
  }
  return 0;
}
