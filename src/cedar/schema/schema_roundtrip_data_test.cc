// Round trips every `.cedarschema` of Cedar's integration tests (../shared/cedar-tests beside the
// repository, or $METAGATE_CEDAR_TESTS): text -> JSON -> schema and text -> text -> schema must
// give the schema parsed from the text. Skipped when the folder is absent, unless CI=true.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "metagate/cedar/schema.h"
#include "metagate/cedar/schema_json.h"
#include "schema/schema_test_util.h"

namespace metagate::cedar {
namespace {

namespace fs = std::filesystem;

fs::path TestsRoot() {
  if (const char* env = std::getenv("METAGATE_CEDAR_TESTS")) return env;
  return fs::path(METAGATE_SOURCE_DIR) / "../shared/cedar-tests";
}

std::string ReadFile(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

bool InCi() {
  const char* ci = std::getenv("CI");
  return ci != nullptr && std::string(ci) == "true";
}

TEST(SchemaRoundTripDataTest, EverySchemaRoundTripsThroughJsonAndText) {
  fs::path root = TestsRoot();
  if (!fs::exists(root)) {
    if (InCi()) FAIL() << "no " << root << " (CI=true)";
    GTEST_SKIP() << "no " << root;
  }
  int count = 0;
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.path().extension() != ".cedarschema") continue;
    ++count;
    auto parsed = ParseSchemaText(ReadFile(entry.path()));
    ASSERT_TRUE(parsed.ok()) << entry.path() << ": " << parsed.status().ToString();
    std::string json = SchemaToJson(*parsed);
    auto from_json = ParseSchemaJson(json);
    ASSERT_TRUE(from_json.ok()) << entry.path() << ": " << from_json.status().ToString() << "\n"
                                << json;
    EXPECT_EQ(testing::SchemaDiff(*parsed, *from_json), "") << entry.path();
    std::string text = SchemaToText(*parsed);
    auto from_text = ParseSchemaText(text);
    ASSERT_TRUE(from_text.ok()) << entry.path() << ": " << from_text.status().ToString() << "\n"
                                << text;
    EXPECT_EQ(testing::SchemaDiff(*parsed, *from_text), "") << entry.path();
    // The printers are stable: printing what they printed gives the same text.
    EXPECT_EQ(SchemaToJson(*from_json), json) << entry.path();
    EXPECT_EQ(SchemaToText(*from_text), text) << entry.path();
  }
  EXPECT_GT(count, 2000);
}

}  // namespace
}  // namespace metagate::cedar
