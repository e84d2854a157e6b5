// Fuzzes the Cedar policy parser: any input must give policies or a located error, never a
// crash. Parsed policies are also evaluated once, to exercise the AST they produce.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "metagate/cedar/authorizer.h"
#include "metagate/cedar/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto policies = metagate::cedar::PolicySet::FromText(text);
  if (!policies.ok()) {
    if (!policies.status().loc().known()) __builtin_trap();  // errors must say where
    return 0;
  }
  metagate::cedar::Entities entities;
  entities.Finalize();
  metagate::cedar::Request request{
      metagate::cedar::EntityUid("User", "alice"), metagate::cedar::EntityUid("Action", "view"),
      metagate::cedar::EntityUid("Photo", "p"), metagate::cedar::Value::Record({})};
  auto response = metagate::cedar::IsAuthorized(request, *policies, entities);
  (void)response;
  (void)metagate::cedar::ParseEntityUid(text);
  return 0;
}
