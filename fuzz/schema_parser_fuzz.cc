// Fuzzes both schema parsers (`.cedarschema` text and JSON): any input must give a schema or an
// error, never a crash. A schema that parses is printed in both formats and re-parsed; the
// printed forms must parse back to the same schema (traps otherwise). One known exception: a
// JSON schema where a name is both a common type and an entity type can use references the text
// format cannot express (JSON `"Entity"` / `{"type": "T"}`), so its text form is not checked.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <set>
#include <string>
#include <string_view>

#include "../src/cedar/schema/schema_ast.h"
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

// Whether some name is declared both as a common type and as an entity type (in any namespace).
bool HasCommonAndEntityOfSameName(const Schema& schema) {
  if (!schema.source()) return false;
  std::set<std::string> common, entities;
  for (const auto& ns : schema.source()->namespaces) {
    for (const auto& t : ns.common_types) common.insert(t.name.name);
    for (const auto& e : ns.entities) {
      for (const auto& n : e.names) entities.insert(n.name);
    }
  }
  for (const std::string& name : common) {
    if (entities.count(name) != 0) return true;
  }
  return false;
}

void RoundTrip(const Schema& schema, bool from_json) {
  std::string text = metagate::cedar::SchemaToText(schema);
  if (!from_json || !HasCommonAndEntityOfSameName(schema)) {
    Check(schema, metagate::cedar::ParseSchemaText(text), "printed text", text);
  }
  std::string json = metagate::cedar::SchemaToJson(schema);
  Check(schema, metagate::cedar::ParseSchemaJson(json), "printed JSON", json);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view text(reinterpret_cast<const char*>(data), size);
  auto from_text = metagate::cedar::ParseSchemaText(text);
  if (from_text.ok()) RoundTrip(*from_text, /*from_json=*/false);
  auto from_json = metagate::cedar::ParseSchemaJson(text);
  if (from_json.ok()) RoundTrip(*from_json, /*from_json=*/true);
  return 0;
}
