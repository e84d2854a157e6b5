// Converting simdjson elements to metagate::json values, one array element at a time.
#include "entities/simd_items.h"

#include <simdjson.h>

#include <string>
#include <utility>
#include <vector>

namespace metagate::cedar::entities_internal {
namespace {

// Deeper input goes to metagate::json::Parse, which owns the depth limit and its message.
constexpr size_t kMaxDepth = 256;

bool Convert(simdjson::dom::element el, json::Value& out) {
  switch (el.type()) {
    case simdjson::dom::element_type::ARRAY: {
      simdjson::dom::array arr = el.get_array().value_unsafe();
      std::vector<json::Value> items(arr.size());
      size_t i = 0;
      for (simdjson::dom::element child : arr) {
        if (!Convert(child, items[i++])) return false;
      }
      out = json::Value::Array(std::move(items));
      return true;
    }
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object obj = el.get_object().value_unsafe();
      std::vector<json::Value::Member> members;
      members.reserve(obj.size());
      for (simdjson::dom::key_value_pair field : obj) {
        members.emplace_back(std::string(field.key), json::Value());
        if (!Convert(field.value, members.back().second)) return false;
      }
      out = json::Value::Object(std::move(members));
      return true;
    }
    case simdjson::dom::element_type::INT64:
      out = json::Value::Int(el.get_int64().value_unsafe());
      return true;
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE:
      return false;  // kept as text by metagate::json; let it decide
    case simdjson::dom::element_type::STRING:
      out = json::Value::String(std::string(el.get_string().value_unsafe()));
      return true;
    case simdjson::dom::element_type::BOOL:
      out = json::Value::Bool(el.get_bool().value_unsafe());
      return true;
    case simdjson::dom::element_type::NULL_VALUE:
      out = json::Value::Null();
      return true;
  }
  return false;
}

}  // namespace

bool ForEachArrayItem(std::string_view text, const std::function<bool(const json::Value&)>& visit) {
  if (text.starts_with("\xEF\xBB\xBF")) return false;
  simdjson::dom::parser parser;
  if (parser.allocate(text.size(), kMaxDepth) != simdjson::SUCCESS) return false;
  simdjson::dom::element root;
  if (parser.parse(text.data(), text.size()).get(root) != simdjson::SUCCESS) return false;
  simdjson::dom::array arr;
  if (root.get_array().get(arr) != simdjson::SUCCESS) return false;
  for (simdjson::dom::element item : arr) {
    json::Value value;
    if (!Convert(item, value)) return false;
    if (!visit(value)) return false;
  }
  return true;
}

}  // namespace metagate::cedar::entities_internal
