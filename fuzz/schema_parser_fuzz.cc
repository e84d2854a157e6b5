// Fuzzes both schema parsers (`.cedarschema` text and JSON): any input must give a schema or an
// error, never a crash. A schema that parses is printed in both formats and re-parsed; the
// printed forms must parse back to the same schema (traps otherwise).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

#include "../src/cedar/schema/schema_test_util.h"
#include "metagate/cedar/schema.h"
#include "metagate/cedar/schema_json.h"

namespace {

using metagate::Result;
using metagate::cedar::Schema;

void Check(const Schema& original, const Result<Schema>& reparsed, const char* what,
           const std::string& printed) {
  if (!reparsed.ok()) {
    std::fprintf(stderr, "%s does not parse back: %s\n%s\n", what,
                 reparsed.status().ToString().c_str(), printed.c_str());
    __builtin_trap();
  }
  std::string diff = metagate::cedar::testing::SchemaDiff(original, *reparsed);
  if (!diff.empty()) {
    std::fprintf(stderr, "%s parses back to another schema: %s\n%s\n", what, diff.c_str(),
                 printed.c_str());
    __builtin_trap();
  }
}

void RoundTrip(const Schema& schema) {
  std::string text = metagate::cedar::SchemaToText(schema);
  Check(schema, metagate::cedar::ParseSchemaText(text), "printed text", text);
  std::string json = metagate::cedar::SchemaToJson(schema);
  Check(schema, metagate::cedar::ParseSchemaJson(json), "printed JSON", json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto from_text = metagate::cedar::ParseSchemaText(text);
  if (from_text.ok()) RoundTrip(*from_text);
  auto from_json = metagate::cedar::ParseSchemaJson(text);
  if (from_json.ok()) RoundTrip(*from_json);
  return 0;
}
