#include "entities/simd_items.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "metagate/cedar/entities_json.h"
#include "metagate/cedar/schema.h"

namespace metagate::cedar {
namespace {

using entities_internal::ForEachArrayItem;

std::vector<std::string> Dumps(const std::string& text, bool* ok, size_t chunk_bytes = 1 << 20) {
  std::vector<std::string> out;
  *ok = ForEachArrayItem(
      text,
      [&](const json::Value& v) {
        out.push_back(v.Dump());
        return true;
      },
      chunk_bytes);
  return out;
}

TEST(SimdItemsTest, ItemsMatchTheLocatedParser) {
  const std::string text = R"([
    {"b": true, "n": null, "i": -9223372036854775808, "j": 9223372036854775807, "s": "a\"\u00e9\ud83d\ude00\u0000z"},
    [1, [], {}, [[2]], "x"],
    {"k": 1, "k": 2, "": {"z": [false]}},
    7, "str"
  ])";
  bool ok = false;
  auto want = json::Parse(text);
  ASSERT_TRUE(want.ok());
  // One slice, and one slice per element (chunk_bytes 1), read the same.
  for (size_t chunk_bytes : {size_t{1} << 20, size_t{1}}) {
    std::vector<std::string> got = Dumps(text, &ok, chunk_bytes);
    ASSERT_TRUE(ok) << chunk_bytes;
    ASSERT_EQ(got.size(), want->items().size());
    for (size_t i = 0; i < got.size(); ++i) EXPECT_EQ(got[i], want->items()[i].Dump()) << i;
    // Duplicate keys are kept, in order.
    EXPECT_EQ(got[2], R"({"k":1,"k":2,"":{"z":[false]}})");
  }
  for (const std::string& small :
       {std::string(" [ ] \n"), std::string("[\"a,]\\\"[\", {\"b]\": 2}]")}) {
    for (size_t chunk_bytes : {size_t{1} << 20, size_t{1}}) {
      std::vector<std::string> got = Dumps(small, &ok, chunk_bytes);
      ASSERT_TRUE(ok) << small;
      EXPECT_EQ(got.size(), json::Parse(small)->items().size()) << small;
    }
  }
}

TEST(SimdItemsTest, DefersToTheLocatedParser) {
  const std::string deep = "[" + std::string(300, '[') + std::string(300, ']') + "]";
  // Valid JSON that the fast path leaves to metagate::json.
  for (const std::string& text : {std::string("{}"), std::string("[1.5]"), std::string("[1e3]"),
                                  std::string("[9223372036854775808]"), std::string(" 1"), deep}) {
    for (size_t chunk_bytes : {size_t{1} << 20, size_t{1}}) {
      bool ok = true;
      Dumps(text, &ok, chunk_bytes);
      EXPECT_FALSE(ok) << text.substr(0, 20) << " " << chunk_bytes;
    }
  }
  // Malformed JSON, whichever way it is sliced.
  for (const std::string& text :
       {std::string("[1,]"), std::string("[1] x"), std::string("\xEF\xBB\xBF[1]"),
        std::string("[\"\xFF\"]"), std::string(""), std::string("[1,,2]"), std::string("[1]]"),
        std::string("[1],[2]"), std::string("[1, 2"), std::string("[\"a]"), std::string("[{]}"),
        std::string("[1 2]"), std::string("[1]\0", 4), std::string("[,1]"),
        std::string("[1,2,]")}) {
    for (size_t chunk_bytes : {size_t{1} << 20, size_t{1}}) {
      bool ok = true;
      Dumps(text, &ok, chunk_bytes);
      EXPECT_FALSE(ok) << text.substr(0, 20) << " " << chunk_bytes;
      EXPECT_FALSE(json::Parse(text).ok()) << text.substr(0, 20);  // the fallback rejects it
    }
  }
  int calls = 0;
  EXPECT_FALSE(ForEachArrayItem("[1, 2, 3]", [&](const json::Value&) { return ++calls < 2; }));
  EXPECT_EQ(calls, 2);
}

// EntitiesFromJson (simdjson first) and EntitiesFromJsonValue (metagate::json only) must agree:
// same entities, or the same message at the same location.
void ExpectSameAsLocatedPath(const std::string& text, const Schema* schema) {
  auto fast = EntitiesFromJson(text, schema);
  auto parsed = json::Parse(text);
  Result<Entities> slow =
      parsed.ok() ? EntitiesFromJsonValue(*parsed, schema)
                  : Result<Entities>(Status::Invalid("entities: " + parsed.status().message(),
                                                     parsed.status().loc()));
  ASSERT_EQ(fast.ok(), slow.ok()) << text;
  if (!fast.ok()) {
    EXPECT_EQ(fast.status().ToString(), slow.status().ToString()) << text;
    EXPECT_EQ(fast.status().loc().ToString(), slow.status().loc().ToString()) << text;
    return;
  }
  ASSERT_EQ(fast->size(), slow->size()) << text;
  for (const Entity& e : slow->all()) {
    const Entity* f = fast->Find(e.uid);
    ASSERT_NE(f, nullptr) << text;
    EXPECT_EQ(f->attrs, e.attrs) << text;
    EXPECT_EQ(f->tags, e.tags) << text;
    EXPECT_EQ(f->parents, e.parents) << text;
  }
}

TEST(SimdItemsTest, EntitiesAgreeWithTheLocatedPath) {
  auto schema = ParseSchemaText(R"(
    entity G; entity U in [G] { n: Long, s?: Set<String>, r?: { t: Bool }, ip?: ipaddr, m?: U };
    action view appliesTo { principal: U, resource: G };
  )");
  ASSERT_TRUE(schema.ok()) << schema.status().ToString();
  const std::string ok_untyped = R"([
    {"uid": {"type": "U", "id": "a"}, "attrs": {"n": 1, "s": ["x", "y"], "r": {"t": true},
     "e": {"__entity": {"type": "G", "id": "g"}}, "ip": {"__extn": {"fn": "ip", "arg": "1.2.3.4"}}},
     "parents": [{"type": "G", "id": "g"}], "tags": {"k": "v"}},
    {"uid": {"type": "G", "id": "g"}, "attrs": {}, "parents": []}
  ])";
  const std::string ok_typed = R"([
    {"uid": {"type": "U", "id": "a"}, "attrs": {"n": 1, "ip": "10.0.0.1", "m": {"type": "U", "id": "b"}},
     "parents": [{"type": "G", "id": "g"}]},
    {"uid": {"type": "U", "id": "b"}, "attrs": {"n": 2}, "parents": []}
  ])";
  const std::vector<std::string> errors = {
      "[1]",
      "[{\"uid\": {\"type\": \"U\", \"id\": \"a\"},\n \"attrs\": {\"n\": 1.5}, \"parents\": []}]",
      "[{\"uid\": {\"type\": \"U\", \"id\": \"a\"},\n \"attrs\": {\"x\": 1, \"x\": 2}, "
      "\"parents\": []}]",
      "[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {}, \"parents\": []},\n"
      " {\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {\"n\": 2}, \"parents\": []}]",
      "[{\"uid\": {\"type\": \"G\", \"id\": \"a\"}, \"attrs\": {},\n"
      "  \"parents\": [{\"type\": \"G\", \"id\": \"a\"}]}]",
      "[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {}}",
      "[{\"uid\": {\"type\": \"U\", \"id\": \"a\"}, \"attrs\": {\"n\": \"\xFF\"}, \"parents\": "
      "[]}]",
  };
  ExpectSameAsLocatedPath(ok_untyped, nullptr);
  ExpectSameAsLocatedPath(ok_typed, &*schema);
  ExpectSameAsLocatedPath(ok_untyped, &*schema);  // `e` is not declared: an error
  for (const std::string& text : errors) {
    ExpectSameAsLocatedPath(text, nullptr);
    ExpectSameAsLocatedPath(text, &*schema);
  }
}

}  // namespace
}  // namespace metagate::cedar
