#include "metagate/cedar/value.h"

#include <algorithm>
#include <functional>
#include <mutex>
#include <string_view>
#include <unordered_set>

namespace metagate::cedar {

namespace {

size_t HashCombine(size_t seed, size_t h) {
  return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

const std::shared_ptr<const SetData>& EmptySet() {
  static const auto* kEmpty = new std::shared_ptr<const SetData>(std::make_shared<SetData>());
  return *kEmpty;
}
const std::shared_ptr<const RecordData>& EmptyRecord() {
  static const auto* kEmpty = new std::shared_ptr<const RecordData>(std::make_shared<RecordData>());
  return *kEmpty;
}

}  // namespace

namespace {

// Interned type names: few, kept for the life of the process.
const std::string* InternType(std::string_view type) {
  static std::mutex* mu = new std::mutex;
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>()(s); }
  };
  static auto* types = new std::unordered_set<std::string, Hash, std::equal_to<>>;
  std::lock_guard<std::mutex> lock(*mu);
  auto it = types->find(type);
  if (it == types->end()) it = types->emplace(type).first;
  return &*it;
}

// The interned uids, sharded by hash so that concurrent loads rarely share a lock. An entry
// lives while its uid has references; the last release erases it under the shard's lock.
class UidTable {
 public:
  using Rep = EntityUid::Rep;
  struct Probe {
    const std::string* type;
    std::string_view id;
    size_t hash;
  };
  struct Hash {
    using is_transparent = void;
    size_t operator()(const Rep* r) const { return r->hash; }
    size_t operator()(const Probe& p) const { return p.hash; }
  };
  struct Eq {
    using is_transparent = void;
    bool operator()(const Rep* a, const Rep* b) const { return a == b; }
    bool operator()(const Probe& p, const Rep* r) const {
      return p.type == r->type && p.id == r->id;
    }
    bool operator()(const Rep* r, const Probe& p) const { return (*this)(p, r); }
  };
  struct Shard {
    std::mutex mu;
    std::unordered_set<const Rep*, Hash, Eq> reps;
  };

  static UidTable& Get() {
    static UidTable* table = new UidTable;
    return *table;
  }
  Shard& ShardOf(size_t hash) { return shards_[(hash >> 7) % kShards]; }

  const Rep* Intern(std::string_view type, std::string_view id) {
    const std::string* t = InternType(type);
    size_t h = HashCombine(std::hash<std::string_view>()(type), std::hash<std::string_view>()(id));
    Probe probe{t, id, h};
    Shard& shard = ShardOf(h);
    std::lock_guard<std::mutex> lock(shard.mu);
    auto it = shard.reps.find(probe);
    if (it != shard.reps.end()) {
      (*it)->refs.fetch_add(1, std::memory_order_relaxed);
      return *it;
    }
    const Rep* rep = new Rep{{1}, t, std::string(id), h};
    shard.reps.insert(rep);
    return rep;
  }

  void ReleaseLast(const Rep* rep) {
    Shard& shard = ShardOf(rep->hash);
    std::lock_guard<std::mutex> lock(shard.mu);
    if (rep->refs.fetch_sub(1, std::memory_order_acq_rel) != 1) return;
    shard.reps.erase(rep);
    delete rep;
  }

 private:
  static constexpr size_t kShards = 64;
  Shard shards_[kShards];
};

}  // namespace

EntityUid::EntityUid() : rep_(UidTable::Get().Intern("", "")) {}

EntityUid::EntityUid(std::string_view type, std::string_view id)
    : rep_(UidTable::Get().Intern(type, id)) {}

void EntityUid::ReleaseLast(const Rep* r) { UidTable::Get().ReleaseLast(r); }

bool EntityUid::operator<(const EntityUid& o) const {
  if (type() != o.type()) return type() < o.type();
  return id() < o.id();
}

void AppendCedarQuoted(std::string& out, std::string_view s) {
  static const char* kHex = "0123456789abcdef";
  out.push_back('"');
  for (unsigned char c : s) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\0':
        out += "\\0";
        break;
      default:
        if (c < 0x20 || c == 0x7f) {
          out += "\\u{";
          if (c >= 16) out.push_back(kHex[c >> 4]);
          out.push_back(kHex[c & 15]);
          out += "}";
        } else {
          out.push_back(static_cast<char>(c));
        }
    }
  }
  out.push_back('"');
}

std::string EntityUid::ToString() const {
  std::string out = type();
  out += "::";
  AppendCedarQuoted(out, id());
  return out;
}

Value Value::String(std::string s) {
  return Value(Rep(std::make_shared<const std::string>(std::move(s))));
}

Value Value::Set(std::vector<Value> elems) {
  if (elems.empty()) return Value(Rep(EmptySet()));
  std::vector<Value> unique;
  unique.reserve(elems.size());
  if (elems.size() <= 16) {
    for (auto& e : elems) {
      bool dup = false;
      for (const auto& u : unique) {
        if (u == e) {
          dup = true;
          break;
        }
      }
      if (!dup) unique.push_back(std::move(e));
    }
  } else {
    // Sort by hash so that equal values are adjacent within a run of equal hashes.
    std::vector<std::pair<size_t, size_t>> order;
    order.reserve(elems.size());
    for (size_t i = 0; i < elems.size(); ++i) order.emplace_back(elems[i].Hash(), i);
    std::sort(order.begin(), order.end());
    size_t run_start = 0;
    for (size_t i = 0; i < order.size(); ++i) {
      if (i > 0 && order[i].first != order[i - 1].first) run_start = unique.size();
      Value& e = elems[order[i].second];
      bool dup = false;
      for (size_t j = run_start; j < unique.size(); ++j) {
        if (unique[j] == e) {
          dup = true;
          break;
        }
      }
      if (!dup) unique.push_back(std::move(e));
    }
  }
  auto data = std::make_shared<SetData>();
  data->elems = std::move(unique);
  return Value(Rep(SetPtr(std::move(data))));
}

Value Value::Record(std::vector<std::pair<std::string, Value>> fields) {
  if (fields.empty()) return Value(Rep(EmptyRecord()));
  std::sort(fields.begin(), fields.end(),
            [](const auto& a, const auto& b) { return a.first < b.first; });
  auto data = std::make_shared<RecordData>();
  data->fields = std::move(fields);
  return Value(Rep(RecordPtr(std::move(data))));
}

const std::vector<Value>& Value::set_elems() const { return std::get<SetPtr>(rep_)->elems; }

const std::vector<std::pair<std::string, Value>>& Value::record_fields() const {
  return std::get<RecordPtr>(rep_)->fields;
}

const Value* Value::FindField(std::string_view key) const {
  if (!is_record()) return nullptr;
  const auto& f = record_fields();
  // Entity records are small: a scan that compares whole keys only when their lengths match
  // beats a binary search's log2(n) string comparisons.
  if (f.size() <= 8) {
    for (const auto& [name, value] : f) {
      if (name.size() == key.size() && std::string_view(name) == key) return &value;
    }
    return nullptr;
  }
  auto it = std::lower_bound(f.begin(), f.end(), key,
                             [](const auto& a, std::string_view k) { return a.first < k; });
  if (it != f.end() && it->first == key) return &it->second;
  return nullptr;
}

bool Value::SetContains(const Value& v) const {
  for (const auto& e : set_elems()) {
    if (e == v) return true;
  }
  return false;
}

bool Value::operator==(const Value& o) const {
  if (rep_.index() != o.rep_.index()) return false;
  switch (kind()) {
    case ValueKind::kBool:
      return as_bool() == o.as_bool();
    case ValueKind::kLong:
      return as_long() == o.as_long();
    case ValueKind::kString:
      return as_string() == o.as_string();
    case ValueKind::kEntity:
      return as_entity() == o.as_entity();
    case ValueKind::kSet: {
      const auto& a = set_elems();
      const auto& b = o.set_elems();
      if (a.size() != b.size()) return false;
      if (&a == &b) return true;
      for (const auto& e : a) {
        if (!o.SetContains(e)) return false;
      }
      return true;
    }
    case ValueKind::kRecord: {
      const auto& a = record_fields();
      const auto& b = o.record_fields();
      if (&a == &b) return true;
      if (a.size() != b.size()) return false;
      for (size_t i = 0; i < a.size(); ++i) {
        if (a[i].first != b[i].first || a[i].second != b[i].second) return false;
      }
      return true;
    }
    case ValueKind::kExtension: {
      const auto& a = as_extension();
      const auto& b = o.as_extension();
      if (std::string_view(a.type_name()) != b.type_name()) return false;
      return a.Equals(b);
    }
  }
  return false;
}

size_t Value::Hash() const {
  switch (kind()) {
    case ValueKind::kBool:
      return as_bool() ? 0x51 : 0x50;
    case ValueKind::kLong:
      return std::hash<int64_t>()(as_long());
    case ValueKind::kString:
      return std::hash<std::string>()(as_string());
    case ValueKind::kEntity:
      return as_entity().hash();
    case ValueKind::kSet: {
      size_t h = 0x5e7;
      for (const auto& e : set_elems()) h += e.Hash() * 0x9e3779b97f4a7c15ULL;  // order-free
      return h;
    }
    case ValueKind::kRecord: {
      size_t h = 0x7ec;
      for (const auto& [k, v] : record_fields()) {
        h = HashCombine(h, std::hash<std::string>()(k));
        h = HashCombine(h, v.Hash());
      }
      return h;
    }
    case ValueKind::kExtension:
      return as_extension().Hash();
  }
  return 0;
}

const char* Value::TypeName() const {
  switch (kind()) {
    case ValueKind::kBool:
      return "bool";
    case ValueKind::kLong:
      return "long";
    case ValueKind::kString:
      return "string";
    case ValueKind::kEntity:
      return "entity";
    case ValueKind::kSet:
      return "set";
    case ValueKind::kRecord:
      return "record";
    case ValueKind::kExtension:
      return as_extension().type_name();
  }
  return "?";
}

std::string Value::ToCedar() const {
  std::string out;
  switch (kind()) {
    case ValueKind::kBool:
      return as_bool() ? "true" : "false";
    case ValueKind::kLong:
      return std::to_string(as_long());
    case ValueKind::kString:
      AppendCedarQuoted(out, as_string());
      return out;
    case ValueKind::kEntity:
      return as_entity().ToString();
    case ValueKind::kSet: {
      out = "[";
      bool first = true;
      for (const auto& e : set_elems()) {
        if (!first) out += ", ";
        first = false;
        out += e.ToCedar();
      }
      return out + "]";
    }
    case ValueKind::kRecord: {
      out = "{";
      bool first = true;
      for (const auto& [k, v] : record_fields()) {
        if (!first) out += ", ";
        first = false;
        AppendCedarQuoted(out, k);
        out += ": ";
        out += v.ToCedar();
      }
      return out + "}";
    }
    case ValueKind::kExtension: {
      out = as_extension().ConstructorName();
      out += "(";
      AppendCedarQuoted(out, as_extension().ConstructorArg());
      return out + ")";
    }
  }
  return out;
}

}  // namespace metagate::cedar
