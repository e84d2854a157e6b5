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

bool IsJsonSpace(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool AllSpace(std::string_view s) {
  for (char c : s) {
    if (!IsJsonSpace(c)) return false;
  }
  return true;
}

// Splits the top-level array `text` into slices of whole elements of about `chunk_bytes` each, so
// that simdjson's parse (a few times the size of what it parses) stays small next to the
// entities read. Only the outline is checked here: a '[' first, brackets outside strings
// balanced, nothing but whitespace after the closing ']'; each slice is then parsed (and fully
// validated) by simdjson as `[slice]`. Returns false when the outline is not that.
bool SplitElements(std::string_view text, size_t chunk_bytes,
                   std::vector<std::string_view>& slices) {
  size_t i = 0;
  while (i < text.size() && IsJsonSpace(text[i])) ++i;
  if (i == text.size() || text[i] != '[') return false;
  size_t slice_start = ++i;
  size_t depth = 1;
  bool in_string = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (in_string) {
      if (c == '\\') {
        ++i;
      } else if (c == '"') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '[' || c == '{') {
      ++depth;
    } else if (c == ']' || c == '}') {
      if (--depth == 0) break;
    } else if (c == ',' && depth == 1 && i - slice_start >= chunk_bytes) {
      slices.push_back(text.substr(slice_start, i - slice_start));
      slice_start = i + 1;
    }
  }
  if (i >= text.size() || text[i] != ']' || !AllSpace(text.substr(i + 1))) return false;
  slices.push_back(text.substr(slice_start, i - slice_start));
  // `[1,]` must not pass as `[1]` + `[]`: only a sole slice may be empty.
  for (std::string_view slice : slices) {
    if (slices.size() > 1 && AllSpace(slice)) return false;
  }
  return true;
}

}  // namespace

bool ForEachArrayItem(std::string_view text, const std::function<bool(const json::Value&)>& visit,
                      size_t chunk_bytes) {
  if (text.starts_with("\xEF\xBB\xBF")) return false;
  std::vector<std::string_view> slices;
  if (!SplitElements(text, chunk_bytes, slices)) return false;
  simdjson::dom::parser parser;
  std::string chunk;
  for (std::string_view slice : slices) {
    chunk.clear();
    chunk.reserve(slice.size() + 2 + simdjson::SIMDJSON_PADDING);
    chunk += '[';
    chunk += slice;
    chunk += ']';
    if (chunk.size() > parser.capacity() &&
        parser.allocate(chunk.size(), kMaxDepth) != simdjson::SUCCESS) {
      return false;
    }
    simdjson::dom::element root;
    if (parser.parse(chunk.data(), chunk.size(), /*realloc_if_needed=*/false).get(root) !=
        simdjson::SUCCESS) {
      return false;
    }
    simdjson::dom::array arr;
    if (root.get_array().get(arr) != simdjson::SUCCESS) return false;
    for (simdjson::dom::element item : arr) {
      json::Value value;
      if (!Convert(item, value)) return false;
      if (!visit(value)) return false;
    }
  }
  return true;
}

}  // namespace metagate::cedar::entities_internal
