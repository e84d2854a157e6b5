#include "json_text.h"

#include <charconv>
#include <unordered_set>

#include "metagate/common/json.h"

namespace metagate::egress {

namespace {

constexpr size_t kSmallObject = 16;

}  // namespace

void AppendScalar(simdjson::dom::element el, std::string& out) {
  char buf[64];
  switch (el.type()) {
    case simdjson::dom::element_type::STRING:
      json::AppendQuoted(out, el.get_string().value_unsafe());
      return;
    case simdjson::dom::element_type::INT64: {
      auto r = std::to_chars(buf, buf + sizeof buf, el.get_int64().value_unsafe());
      out.append(buf, r.ptr);
      return;
    }
    case simdjson::dom::element_type::UINT64: {
      auto r = std::to_chars(buf, buf + sizeof buf, el.get_uint64().value_unsafe());
      out.append(buf, r.ptr);
      return;
    }
    case simdjson::dom::element_type::DOUBLE: {
      auto r = std::to_chars(buf, buf + sizeof buf, el.get_double().value_unsafe());
      out.append(buf, r.ptr);
      // Shortest form, but a number written as a float stays one ("1.0", not "1").
      if (std::string_view(buf, r.ptr - buf).find_first_of(".e") == std::string_view::npos) {
        out += ".0";
      }
      return;
    }
    case simdjson::dom::element_type::BOOL:
      out += el.get_bool().value_unsafe() ? "true" : "false";
      return;
    default:
      out += "null";
      return;
  }
}

bool IsAnyValueKey(std::string_view k) {
  return k == "stringValue" || k == "intValue" || k == "doubleValue" || k == "boolValue" ||
         k == "bytesValue" || k == "arrayValue" || k == "kvlistValue" || k == "values" ||
         k == "value";
}

bool AttributeKey(const EnvelopeFormat& format, simdjson::dom::object obj, std::string_view& key) {
  if (!format.attribute_lists || obj.size() != 2) return false;
  // One pass over the two members (either order) instead of a lookup per name.
  bool has_key = false, has_value = false;
  std::string_view name;
  for (auto [k, v] : obj) {
    if (k == "key") {
      has_key = !v.get_string().get(name);
    } else if (k == "value") {
      has_value = v.is_object();
    }
  }
  if (!has_key || !has_value) return false;
  key = name;
  return true;
}

bool HasDuplicateKey(simdjson::dom::object obj) {
  size_t n = obj.size();
  if (n < 2) return false;
  if (n <= kSmallObject) {
    std::string_view keys[kSmallObject];
    size_t i = 0;
    for (auto [key, value] : obj) {
      for (size_t j = 0; j < i; ++j) {
        if (keys[j] == key) return true;
      }
      keys[i++] = key;
    }
    return false;
  }
  std::unordered_set<std::string_view> seen;
  for (auto [key, value] : obj) {
    if (!seen.insert(key).second) return true;
  }
  return false;
}

std::optional<size_t> FindDuplicateKey(simdjson::dom::element el) {
  simdjson::dom::object obj;
  simdjson::dom::array arr;
  if (!el.get_object().get(obj)) {
    if (HasDuplicateKey(obj)) return 0;
    for (auto [key, value] : obj) {
      if (std::optional<size_t> d = FindDuplicateKey(value)) return *d + 1;
    }
  } else if (!el.get_array().get(arr)) {
    for (simdjson::dom::element item : arr) {
      if (std::optional<size_t> d = FindDuplicateKey(item)) return *d + 1;
    }
  }
  return std::nullopt;
}

}  // namespace metagate::egress
