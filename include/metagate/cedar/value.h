// Cedar runtime values: Bool, Long, String, entity UIDs, Set, Record and extension values.
// Values are immutable and cheap to copy (heavy parts are shared, reference-counted).
// Thread-safe for concurrent reads; copies may be shared across threads.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace metagate::cedar {

// An entity's unique id: a type name ("User", "Ns::User") and an id string.
// Ids are interned: all copies of equal uids share one representation (process-wide), so
// equality is a pointer comparison and the hash is precomputed. Thread-safe.
class EntityUid {
 public:
  EntityUid();
  EntityUid(std::string_view type, std::string_view id);
  EntityUid(const EntityUid& o) : rep_(o.rep_) { Retain(rep_); }
  // A moved-from uid may only be destroyed or assigned to.
  EntityUid(EntityUid&& o) noexcept : rep_(o.rep_) { o.rep_ = nullptr; }
  EntityUid& operator=(const EntityUid& o) {
    Retain(o.rep_);
    Release(rep_);
    rep_ = o.rep_;
    return *this;
  }
  EntityUid& operator=(EntityUid&& o) noexcept {
    std::swap(rep_, o.rep_);
    return *this;
  }
  ~EntityUid() { Release(rep_); }

  const std::string& type() const { return *rep_->type; }
  const std::string& id() const { return rep_->id; }
  size_t hash() const { return rep_->hash; }
  // Identifies the interned type name: equal for equal type names.
  const void* type_key() const { return rep_->type; }
  // Identifies the uid itself: equal exactly for equal uids (while either is alive). An order
  // by identity is fast but not stable across runs; use operator< for output.
  const void* identity() const { return rep_; }

  bool operator==(const EntityUid& o) const { return rep_ == o.rep_; }
  bool operator!=(const EntityUid& o) const { return rep_ != o.rep_; }
  // Total order (type, then id); used for deterministic output.
  bool operator<(const EntityUid& o) const;

  // Returns the Cedar source form, e.g. `Ns::User::"al\"ice"`.
  std::string ToString() const;

  struct Rep {
    mutable std::atomic<uint32_t> refs;
    const std::string* type;  // interned, never freed
    std::string id;
    size_t hash;
  };

 private:
  static void Retain(const Rep* r) {
    if (r != nullptr) r->refs.fetch_add(1, std::memory_order_relaxed);
  }
  static void Release(const Rep* r) {
    if (r == nullptr) return;
    uint32_t n = r->refs.load(std::memory_order_relaxed);
    while (n > 1) {
      if (r->refs.compare_exchange_weak(n, n - 1, std::memory_order_acq_rel)) return;
    }
    ReleaseLast(r);
  }
  // Drops a reference that may be the last one, under the intern table's lock.
  static void ReleaseLast(const Rep* r);
  const Rep* rep_;
};

struct EntityUidHash {
  size_t operator()(const EntityUid& u) const { return u.hash(); }
};

// Hashes a uid by its identity alone, without reading its representation (so a cold uid costs no
// cache miss). Only for tables whose keys are held alive (an identity is reused once freed).
struct EntityUidIdentityHash {
  size_t operator()(const EntityUid& u) const noexcept {
    return static_cast<size_t>(reinterpret_cast<uintptr_t>(u.identity()) >> 4);
  }
};

// Base of extension values (ipaddr, decimal, datetime, duration). Implementations live in
// src/cedar/ext/.
class ExtensionValue {
 public:
  virtual ~ExtensionValue() = default;
  // The Cedar type name: "ipaddr", "decimal", "datetime" or "duration".
  virtual const char* type_name() const = 0;
  // Cedar `==` between two values of the same extension type.
  virtual bool Equals(const ExtensionValue& other) const = 0;
  virtual size_t Hash() const = 0;
  // The constructor function name and its argument, as in `{"__extn": {"fn": ..., "arg": ...}}`
  // and in Cedar source `fn("arg")`.
  virtual std::string ConstructorName() const = 0;
  virtual std::string ConstructorArg() const = 0;
};

class Value;
struct SetData;
struct RecordData;

enum class ValueKind : uint8_t { kBool, kLong, kString, kEntity, kSet, kRecord, kExtension };

class Value {
 public:
  Value() : rep_(false) {}
  static Value Bool(bool b) { return Value(Rep(b)); }
  static Value Long(int64_t i) { return Value(Rep(i)); }
  static Value String(std::string s);
  static Value Entity(EntityUid uid) { return Value(Rep(std::move(uid))); }
  // Builds a set; duplicate elements (by Cedar equality) are removed.
  static Value Set(std::vector<Value> elems);
  // Builds a record. REQUIRES: keys are distinct (the caller reports duplicates).
  static Value Record(std::vector<std::pair<std::string, Value>> fields);
  static Value Extension(std::shared_ptr<const ExtensionValue> ext) {
    return Value(Rep(std::move(ext)));
  }

  ValueKind kind() const { return static_cast<ValueKind>(rep_.index()); }
  bool is_bool() const { return kind() == ValueKind::kBool; }
  bool is_long() const { return kind() == ValueKind::kLong; }
  bool is_string() const { return kind() == ValueKind::kString; }
  bool is_entity() const { return kind() == ValueKind::kEntity; }
  bool is_set() const { return kind() == ValueKind::kSet; }
  bool is_record() const { return kind() == ValueKind::kRecord; }
  bool is_extension() const { return kind() == ValueKind::kExtension; }

  // REQUIRES: the matching kind.
  bool as_bool() const { return std::get<bool>(rep_); }
  int64_t as_long() const { return std::get<int64_t>(rep_); }
  const std::string& as_string() const { return *std::get<StringPtr>(rep_); }
  const EntityUid& as_entity() const { return std::get<EntityUid>(rep_); }
  // Set elements, unique, in an unspecified order.
  const std::vector<Value>& set_elems() const;
  // Record fields, sorted by key.
  const std::vector<std::pair<std::string, Value>>& record_fields() const;
  const ExtensionValue& as_extension() const { return *std::get<ExtPtr>(rep_); }
  const std::shared_ptr<const ExtensionValue>& extension_ptr() const {
    return std::get<ExtPtr>(rep_);
  }

  // For a record: the field named `key`, or nullptr.
  const Value* FindField(std::string_view key) const;
  // For a set: whether it holds an element equal to `v`.
  bool SetContains(const Value& v) const;

  // Cedar `==`: values of different types are unequal (never an error).
  bool operator==(const Value& o) const;
  bool operator!=(const Value& o) const { return !(*this == o); }
  size_t Hash() const;

  // Cedar type name for messages: "bool", "long", "string", "entity", "set", "record", or the
  // extension type name.
  const char* TypeName() const;
  // Cedar source form, e.g. `[1, "a", User::"x", {"k": true}, ip("1.2.3.4")]`.
  std::string ToCedar() const;

 private:
  using StringPtr = std::shared_ptr<const std::string>;
  using SetPtr = std::shared_ptr<const SetData>;
  using RecordPtr = std::shared_ptr<const RecordData>;
  using ExtPtr = std::shared_ptr<const ExtensionValue>;
  // The order of alternatives matches ValueKind.
  using Rep = std::variant<bool, int64_t, StringPtr, EntityUid, SetPtr, RecordPtr, ExtPtr>;
  explicit Value(Rep rep) : rep_(std::move(rep)) {}
  Rep rep_;
};

struct SetData {
  std::vector<Value> elems;
};
struct RecordData {
  std::vector<std::pair<std::string, Value>> fields;  // sorted by key, keys unique
};

// Appends `s` to `out` as a Cedar string literal with Cedar's escapes (quotes included).
void AppendCedarQuoted(std::string& out, std::string_view s);

}  // namespace metagate::cedar
