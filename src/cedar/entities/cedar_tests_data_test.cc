// Reads every schema, entities file and request context of Cedar's integration tests
// (../shared/cedar-tests beside the repository, or $METAGATE_CEDAR_TESTS): all must be accepted,
// since every file there is well-formed. Skipped when the folder is absent.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/schema.h"
#include "metagate_testing/shared_data.h"

namespace metagate::cedar {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

bool EndsWith(const std::string& s, const std::string& suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

TEST(CedarTestsDataTest, EverySchemaParses) {
  METAGATE_SHARED_PATH_OR_SKIP(root, "cedar-tests");
  int count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".cedarschema") continue;
    ++count;
    auto r = ParseSchemaText(ReadFile(entry.path()));
    EXPECT_TRUE(r.ok()) << entry.path() << ": " << r.status().ToString();
  }
  EXPECT_GT(count, 2000);
}

TEST(CedarTestsDataTest, EveryEntitiesFileAndContextIsRead) {
  METAGATE_SHARED_PATH_OR_SKIP(root, "cedar-tests");
  int tests = 0, contexts = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    std::string name = entry.path().filename().string();
    if (!EndsWith(name, ".json") || EndsWith(name, ".entities.json") || name == "entities.json") {
      continue;
    }
    auto test = json::Parse(ReadFile(entry.path()));
    ASSERT_TRUE(test.ok()) << entry.path();
    const json::Value* schema_path = test->Find("schema");
    if (schema_path == nullptr) continue;
    ++tests;
    auto schema = ParseSchemaText(ReadFile(root / schema_path->as_string()));
    ASSERT_TRUE(schema.ok()) << entry.path() << ": " << schema.status().ToString();
    auto entities =
        EntitiesFromJson(ReadFile(root / test->Find("entities")->as_string()), &*schema);
    EXPECT_TRUE(entities.ok()) << entry.path() << ": " << entities.status().ToString();
    for (const json::Value& req : test->Find("requests")->items()) {
      ++contexts;
      auto action = EntityUidFromJson(*req.Find("action"));
      ASSERT_TRUE(action.ok()) << entry.path();
      auto context = ContextFromJson(*req.Find("context"), &*schema, *action);
      EXPECT_TRUE(context.ok()) << entry.path() << ": " << context.status().ToString();
    }
  }
  EXPECT_GT(tests, 2000);
  EXPECT_GT(contexts, 16000);
}

}  // namespace
}  // namespace metagate::cedar
