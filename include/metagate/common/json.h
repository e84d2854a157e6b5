// A small JSON document model that keeps the source position of every value, so that errors
// about entities, contexts and test files can name line and column. Integers are kept exactly
// (full int64 range); numbers with a fraction or exponent are kept as text. Objects keep their
// members in source order, duplicates included (callers decide whether duplicates are errors).
// Thread-compatible value types.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "metagate/common/source_loc.h"
#include "metagate/common/status.h"

namespace metagate::json {

enum class Kind { kNull, kBool, kInt, kNumber, kString, kArray, kObject };

// Returns "null", "boolean", "integer", "number", "string", "array" or "object".
const char* KindName(Kind kind);

class Value {
 public:
  using Member = std::pair<std::string, Value>;

  Value() = default;
  static Value Null(SourceLoc loc = {});
  static Value Bool(bool b, SourceLoc loc = {});
  static Value Int(int64_t i, SourceLoc loc = {});
  // A number that is not an int64: has a fraction or exponent, or is out of range. Kept as text.
  static Value Number(std::string text, SourceLoc loc = {});
  static Value String(std::string s, SourceLoc loc = {});
  static Value Array(std::vector<Value> items, SourceLoc loc = {});
  static Value Object(std::vector<Member> members, SourceLoc loc = {});

  Kind kind() const { return kind_; }
  const SourceLoc& loc() const { return loc_; }
  bool is_null() const { return kind_ == Kind::kNull; }
  bool is_bool() const { return kind_ == Kind::kBool; }
  bool is_int() const { return kind_ == Kind::kInt; }
  bool is_string() const { return kind_ == Kind::kString; }
  bool is_array() const { return kind_ == Kind::kArray; }
  bool is_object() const { return kind_ == Kind::kObject; }

  // REQUIRES: the matching kind.
  bool as_bool() const { return bool_; }
  int64_t as_int() const { return int_; }
  const std::string& as_string() const { return str_; }  // string, or the text of a kNumber
  const std::vector<Value>& items() const { return items_; }
  const std::vector<Member>& members() const { return members_; }
  std::vector<Value>& mutable_items() { return items_; }
  std::vector<Member>& mutable_members() { return members_; }

  // Returns the first member named `key`, or nullptr (also when this is not an object).
  const Value* Find(std::string_view key) const;

  // Serializes compactly (no whitespace), keys in stored order.
  std::string Dump() const;

 private:
  Kind kind_ = Kind::kNull;
  SourceLoc loc_;
  bool bool_ = false;
  int64_t int_ = 0;
  std::string str_;
  std::vector<Value> items_;
  std::vector<Member> members_;
};

// Parses a whole JSON text (RFC 8259). Errors carry the line and column of the problem.
// Nesting deeper than `max_depth` is rejected rather than risking the stack.
Result<Value> Parse(std::string_view text, int max_depth = 512);

// Appends `s` to `out` as a JSON string literal (with quotes and escapes).
void AppendQuoted(std::string& out, std::string_view s);
// Appends the member `"name":"value"` of an object being written, after a ',' unless `out` is
// empty or ends with '{', '[' or ','.
void AppendMember(std::string& out, std::string_view name, std::string_view value);
// Appends a JSON array of the strings, quoted.
void AppendStringArray(std::string& out, const std::vector<std::string>& items);

// Appends "/" + `key` escaped as an RFC 6901 JSON pointer token ("~" → "~0", "/" → "~1").
void AppendPointerToken(std::string& pointer, std::string_view key);

// Whether `path` (keys and array indices as text, unescaped) matches `pattern` segment by
// segment, "*" matching any one segment.
bool PathMatches(std::span<const std::string_view> path,
                 std::initializer_list<std::string_view> pattern);

}  // namespace metagate::json
