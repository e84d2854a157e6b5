#include "metagate/cedar/value.h"

#include <gtest/gtest.h>

#include <string>
#include <utility>
#include <vector>

namespace metagate::cedar {
namespace {

// Records on both sides of FindField's small-record scan: every key is found with its own value,
// and keys that share a length, a prefix or nothing with a field are not.
TEST(ValueTest, FindFieldFindsEachKeyAndNoOtherAtEverySize) {
  for (int n : {0, 1, 2, 7, 8, 9, 30}) {
    std::vector<std::pair<std::string, Value>> fields;
    for (int i = 0; i < n; ++i) fields.emplace_back("key" + std::to_string(i), Value::Long(i));
    Value record = Value::Record(fields);
    for (int i = 0; i < n; ++i) {
      const Value* f = record.FindField("key" + std::to_string(i));
      ASSERT_NE(f, nullptr) << n << " " << i;
      EXPECT_EQ(f->as_long(), i) << n;
    }
    EXPECT_EQ(record.FindField("key"), nullptr) << n;
    EXPECT_EQ(record.FindField("kez0"), nullptr) << n;
    EXPECT_EQ(record.FindField("key0x"), nullptr) << n;
    EXPECT_EQ(record.FindField(""), nullptr) << n;
    EXPECT_EQ(record.FindField("key" + std::to_string(n)), nullptr) << n;
  }
}

TEST(ValueTest, FindFieldTellsApartKeysOfTheSameLength) {
  Value record = Value::Record({{"editors", Value::Long(1)},
                                {"readers", Value::Long(2)},
                                {"owner", Value::Long(3)},
                                {"", Value::Long(4)}});
  EXPECT_EQ(record.FindField("readers")->as_long(), 2);
  EXPECT_EQ(record.FindField("editors")->as_long(), 1);
  EXPECT_EQ(record.FindField("owner")->as_long(), 3);
  EXPECT_EQ(record.FindField("")->as_long(), 4);
  EXPECT_EQ(record.FindField("readerz"), nullptr);
  EXPECT_EQ(Value::Long(1).FindField("owner"), nullptr);  // not a record
}

}  // namespace
}  // namespace metagate::cedar
