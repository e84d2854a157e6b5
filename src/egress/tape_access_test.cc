#include "tape_access.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace metagate::egress {
namespace {

// The tape's type letter for an element, as simdjson documents it (doc/tape.md).
char Letter(simdjson::dom::element e) {
  switch (e.type()) {
    case simdjson::dom::element_type::OBJECT:
      return '{';
    case simdjson::dom::element_type::ARRAY:
      return '[';
    case simdjson::dom::element_type::STRING:
      return '"';
    case simdjson::dom::element_type::INT64:
      return 'l';
    case simdjson::dom::element_type::UINT64:
      return 'u';
    case simdjson::dom::element_type::DOUBLE:
      return 'd';
    case simdjson::dom::element_type::BOOL:
      return e.get_bool().value_unsafe() ? 't' : 'f';
    case simdjson::dom::element_type::NULL_VALUE:
      return 'n';
  }
  return '?';
}

// Walks `e` with the element API and checks every tape reading against it.
void Check(const Tape& tape, simdjson::dom::element e, std::vector<std::string>& seen) {
  size_t i = Tape::IndexOf(e);
  ASSERT_EQ(tape.Type(i), Letter(e));
  EXPECT_EQ(tape.At(i).type(), e.type());
  if (e.is_string()) {
    EXPECT_EQ(tape.String(i), std::string_view(e.get_string().value_unsafe()));
    seen.emplace_back(tape.String(i));
  }
  simdjson::dom::object obj;
  simdjson::dom::array arr;
  if (!e.get_object().get(obj)) {
    EXPECT_EQ(tape.Count(i), obj.size());
    size_t k = i + 1;  // members: a key word, then the value
    for (auto [key, value] : obj) {
      EXPECT_EQ(tape.Type(k), '"');
      EXPECT_EQ(tape.String(k), key);
      EXPECT_EQ(Tape::IndexOf(value), k + 1);
      Check(tape, value, seen);
      k = tape.Next(k + 1);
    }
    EXPECT_EQ(tape.Type(k), '}');
    EXPECT_EQ(tape.Next(i), k + 1);
    EXPECT_EQ(tape.After(i), k + 1);
  } else if (!e.get_array().get(arr)) {
    EXPECT_EQ(tape.Count(i), arr.size());
    size_t k = i + 1;
    for (simdjson::dom::element item : arr) {
      EXPECT_EQ(Tape::IndexOf(item), k);
      Check(tape, item, seen);
      k = tape.Next(k);
    }
    EXPECT_EQ(tape.Type(k), ']');
    EXPECT_EQ(tape.After(i), k + 1);
  }
}

TEST(TapeTest, ReadingsAgreeWithTheElementApi) {
  simdjson::dom::parser parser;
  for (std::string json : {
           std::string(R"({"a":1,"b":[true,false,null,-2,18446744073709551615,1.5e3],"c":{}})"),
           std::string(R"([[],{},"",{"k":{"k":{"k":["deep"]}}},"esc\"aped\u00e9\n"])"),
           std::string(R"({"key":"service.name","value":{"stringValue":"api"}})"),
           std::string("\"just a string\""),
           std::string("12"),
       }) {
    simdjson::dom::element root;
    ASSERT_FALSE(parser.parse(json).get(root)) << json;
    Tape tape(root);
    std::vector<std::string> seen;
    Check(tape, root, seen);
    if (json.find("esc") != std::string::npos) {
      EXPECT_NE(std::find(seen.begin(), seen.end(), "esc\"aped\xc3\xa9\n"), seen.end());
    }
  }
}

}  // namespace
}  // namespace metagate::egress
