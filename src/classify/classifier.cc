#include "metagate/classify/classifier.h"

#include <simdjson.h>

#include <algorithm>
#include <set>
#include <unordered_map>

#include "field_name.h"
#include "field_rules.h"
#include "formats/wire_format.h"
#include "leaf_classifier.h"
#include "metagate/classify/config.h"
#include "metagate/common/json.h"

namespace metagate::classify {

namespace {

constexpr size_t kMaxDepth = 128;
constexpr size_t kMaxCachedNames = 4096;  // (parent, field) name pairs remembered per scratch

// Keys inside an OTLP AnyValue that only say how the value is typed.
bool IsAnyValueKey(std::string_view k) {
  return k == "stringValue" || k == "intValue" || k == "doubleValue" || k == "boolValue" ||
         k == "bytesValue" || k == "arrayValue" || k == "kvlistValue" || k == "values" ||
         k == "value";
}

// Converts byte offsets to code-point offsets, moving forward only: callers ask for
// non-decreasing offsets, so a whole text costs one pass however many findings it has.
class CodePointCounter {
 public:
  explicit CodePointCounter(std::string_view s) : s_(s) {}
  uint32_t At(uint32_t byte_offset) {
    if (byte_offset < byte_) {  // never happens for sorted findings; stay correct anyway
      byte_ = 0;
      cp_ = 0;
    }
    for (; byte_ < byte_offset && byte_ < s_.size(); ++byte_) {
      if ((static_cast<unsigned char>(s_[byte_]) & 0xC0) != 0x80) ++cp_;
    }
    return cp_;
  }

 private:
  std::string_view s_;
  uint32_t byte_ = 0;
  uint32_t cp_ = 0;
};

struct Combination {
  std::vector<ClassId> when;
  ClassId add;
};

// One leaf that received classes.
struct Hit {
  std::string path;
  std::string_view value;  // into the parsed document; empty for numbers
  uint32_t event = 0;
  std::vector<ClassId> whole;
  std::vector<std::pair<uint32_t, uint32_t>> span_cp;  // code points, parallel to span_cls
  std::vector<ClassId> span_cls;
};

}  // namespace

struct ClassifierScratch::State {
  simdjson::dom::parser parser;
  std::string buffer;  // the body plus simdjson's padding
  const void* owner = nullptr;
  std::unordered_map<std::string, const FieldRule*> rule_cache;
  std::string cache_key;
  std::vector<std::string> tokens;
  // Walk state.
  std::string pointer;
  std::vector<std::string_view> path;
  std::vector<std::string> index_text;  // one per depth, sized once: `path` points into them
  std::vector<std::string_view> names;  // field names from the root down (arrays add none)
  LeafClasses leaf;
  std::vector<Hit> hits;

  State() : index_text(kMaxDepth + 1) {
    simdjson::error_code err = parser.allocate(1 << 16, kMaxDepth);
    (void)err;  // on failure parse() allocates again and reports the error then
  }
};

ClassifierScratch::ClassifierScratch() : state_(std::make_unique<State>()) {}
ClassifierScratch::~ClassifierScratch() = default;

class ClassifierImpl {
 public:
  Taxonomy taxonomy = Taxonomy::Builtin();
  FieldRules rules = FieldRules::Builtin();
  std::vector<Combination> combinations;
  std::unique_ptr<LeafClassifier> leaf;

  Result<BodyLabels> Classify(const WireFormat& format, std::string_view body,
                              ClassifierScratch& scratch) const;

 private:
  using State = ClassifierScratch::State;
  void Walk(const WireFormat& format, simdjson::dom::element el, State& st, bool in_any_value,
            Status& status) const;
  void VisitLeaf(const WireFormat& format, simdjson::dom::element el, State& st) const;
  const FieldRule* RuleFor(State& st) const;
  void Finish(State& st, BodyLabels& out) const;
};

const FieldRule* ClassifierImpl::RuleFor(State& st) const {
  if (st.names.empty()) return nullptr;
  std::string_view name = st.names.back();
  std::string_view parent = st.names.size() >= 2 ? st.names[st.names.size() - 2] : "";
  st.cache_key.assign(parent);
  st.cache_key.push_back('\x1f');
  st.cache_key.append(name);
  auto it = st.rule_cache.find(st.cache_key);
  if (it != st.rule_cache.end()) return it->second;
  st.tokens.clear();
  AppendFieldTokens(parent, st.tokens);
  size_t parent_tokens = st.tokens.size();
  AppendFieldTokens(name, st.tokens);
  const FieldRule* rule = rules.Match(st.tokens, st.tokens.size() - parent_tokens);
  // Bounded: a sender inventing a new key per event must not grow memory without limit.
  if (st.rule_cache.size() >= kMaxCachedNames) st.rule_cache.clear();
  st.rule_cache.emplace(st.cache_key, rule);
  return rule;
}

void ClassifierImpl::VisitLeaf(const WireFormat& format, simdjson::dom::element el,
                               State& st) const {
  if (format.vendor_credential != nullptr && format.vendor_credential(st.path)) return;
  const FieldRule* rule = RuleFor(st);
  std::string_view str;
  switch (el.type()) {
    case simdjson::dom::element_type::STRING:
      if (el.get_string().get(str)) return;
      leaf->ClassifyString(str, rule, st.leaf);
      break;
    case simdjson::dom::element_type::INT64:
    case simdjson::dom::element_type::UINT64:
    case simdjson::dom::element_type::DOUBLE: {
      double d = 0;
      if (el.get_double().get(d)) return;
      leaf->ClassifyNumber(d, rule, st.leaf);
      break;
    }
    default:
      return;  // null and booleans carry nothing to label
  }
  if (st.leaf.whole.empty() && st.leaf.embedded.empty()) return;
  Hit hit;
  hit.path = st.pointer;
  hit.value = str;
  hit.event = format.event_index != nullptr ? format.event_index(st.path) : 0;
  hit.whole = st.leaf.whole;
  bool whole_span = st.leaf.embedded.size() == 1 && st.leaf.embedded[0].begin == 0 &&
                    st.leaf.embedded[0].end == str.size();
  if (whole_span && !st.leaf.spans_always && hit.whole.empty()) {
    hit.whole.push_back(st.leaf.embedded[0].cls);  // the embedded value is the whole value
  } else {
    CodePointCounter cp(str);  // findings are sorted and do not overlap
    for (const Finding& f : st.leaf.embedded) {
      uint32_t b = cp.At(f.begin);
      hit.span_cp.emplace_back(b, cp.At(f.end));
      hit.span_cls.push_back(f.cls);
    }
  }
  st.hits.push_back(std::move(hit));
}

void ClassifierImpl::Walk(const WireFormat& format, simdjson::dom::element el, State& st,
                          bool in_any_value, Status& status) const {
  if (!status.ok()) return;
  if (st.path.size() >= kMaxDepth) {
    status = Status::Invalid("the body nests deeper than " + std::to_string(kMaxDepth) + " levels");
    return;
  }
  switch (el.type()) {
    case simdjson::dom::element_type::OBJECT: {
      simdjson::dom::object obj;
      if (el.get_object().get(obj)) return;
      // An OTLP attribute: named by its key, its value typed by an AnyValue wrapper.
      std::string_view attr_key;
      bool is_attribute = false;
      if (format.attribute_lists && obj.size() <= 2) {
        simdjson::dom::element k, v;
        if (!obj["key"].get(k) && !k.get_string().get(attr_key) && !obj["value"].get(v) &&
            v.is_object()) {
          is_attribute = true;
        }
      }
      if (is_attribute) st.names.push_back(attr_key);
      for (auto [key, value] : obj) {
        if (is_attribute && key == "key") continue;  // the attribute's name is not data
        size_t pointer_len = st.pointer.size();
        json::AppendPointerToken(st.pointer, key);
        st.path.push_back(key);
        bool transparent =
            format.attribute_lists && (is_attribute || in_any_value) && IsAnyValueKey(key);
        if (!transparent) st.names.push_back(key);
        bool child_any = format.attribute_lists && (transparent || key == "body");
        Walk(format, value, st, child_any, status);
        if (!transparent) st.names.pop_back();
        st.path.pop_back();
        st.pointer.resize(pointer_len);
      }
      if (is_attribute) st.names.pop_back();
      return;
    }
    case simdjson::dom::element_type::ARRAY: {
      size_t depth = st.path.size();  // < kMaxDepth, checked above
      size_t i = 0;
      simdjson::dom::array arr;
      if (el.get_array().get(arr)) return;
      for (simdjson::dom::element item : arr) {
        std::string& idx = st.index_text[depth];
        idx = std::to_string(i++);
        size_t pointer_len = st.pointer.size();
        st.pointer.push_back('/');
        st.pointer += idx;
        st.path.push_back(idx);
        Walk(format, item, st, in_any_value, status);
        st.path.pop_back();
        st.pointer.resize(pointer_len);
      }
      return;
    }
    default:
      VisitLeaf(format, el, st);
      return;
  }
}

void ClassifierImpl::Finish(State& st, BodyLabels& out) const {
  // An identity equal to a device id of the same event is that device (anonymous users).
  std::set<std::pair<uint32_t, std::string_view>> devices;
  for (const Hit& d : st.hits) {
    if (!d.value.empty() && !d.whole.empty() && d.whole[0] == kDeviceId) {
      devices.emplace(d.event, d.value);
    }
  }
  if (!devices.empty()) {
    for (Hit& h : st.hits) {
      if (!h.value.empty() && devices.count({h.event, h.value})) {
        std::replace(h.whole.begin(), h.whole.end(), ClassId{kUserId}, ClassId{kDeviceId});
      }
    }
  }
  // Combination rules: all `when` classes in one event add `add` to the fields holding them.
  for (const Combination& c : combinations) {
    std::unordered_map<uint32_t, std::vector<bool>> seen;  // event -> which `when` it holds
    for (const Hit& h : st.hits) {
      for (size_t i = 0; i < c.when.size(); ++i) {
        if (std::find(h.whole.begin(), h.whole.end(), c.when[i]) == h.whole.end()) continue;
        std::vector<bool>& flags = seen[h.event];
        flags.resize(c.when.size());
        flags[i] = true;
      }
    }
    for (Hit& h : st.hits) {
      auto it = seen.find(h.event);
      if (it == seen.end() ||
          std::find(it->second.begin(), it->second.end(), false) != it->second.end()) {
        continue;  // this event lacks one of the classes (a field holding one makes it seen)
      }
      bool holds = std::any_of(h.whole.begin(), h.whole.end(), [&](ClassId x) {
        return std::find(c.when.begin(), c.when.end(), x) != c.when.end();
      });
      if (holds && std::find(h.whole.begin(), h.whole.end(), c.add) == h.whole.end()) {
        h.whole.push_back(c.add);
      }
    }
  }
  for (Hit& h : st.hits) {
    FieldLabel label;
    label.path = std::move(h.path);
    for (ClassId c : h.whole) label.classes.emplace_back(taxonomy.Name(c));
    for (size_t i = 0; i < h.span_cls.size(); ++i) {
      std::string name(taxonomy.Name(h.span_cls[i]));
      if (std::find(label.classes.begin(), label.classes.end(), name) == label.classes.end()) {
        label.classes.push_back(name);
      }
      label.spans.push_back({h.span_cp[i].first, h.span_cp[i].second, std::move(name)});
    }
    out.fields.push_back(std::move(label));
  }
}

Result<BodyLabels> ClassifierImpl::Classify(const WireFormat& format, std::string_view body,
                                            ClassifierScratch& scratch) const {
  State& st = *scratch.state_;
  if (st.owner != this) {
    st.rule_cache.clear();
    st.owner = this;
  }
  st.buffer.assign(body);
  st.buffer.resize(body.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  if (auto err = st.parser.parse(st.buffer.data(), body.size(), false).get(root); err) {
    return Status::Invalid(std::string("the body is not valid JSON: ") +
                           simdjson::error_message(err));
  }
  st.pointer.clear();
  st.path.clear();
  st.names.clear();
  st.hits.clear();
  Status status;
  Walk(format, root, st, false, status);
  if (!status.ok()) return status;
  BodyLabels out;
  Finish(st, out);
  return out;
}

Classifier::Classifier(std::unique_ptr<ClassifierImpl> impl) : impl_(std::move(impl)) {}
Classifier::~Classifier() = default;

const Taxonomy& Classifier::taxonomy() const { return impl_->taxonomy; }

std::vector<std::string> Classifier::Formats() {
  std::vector<std::string> out;
  for (const WireFormat* f : AllWireFormats()) out.emplace_back(f->name);
  return out;
}

Result<BodyLabels> Classifier::Classify(std::string_view format, std::string_view body,
                                        ClassifierScratch& scratch) const {
  const WireFormat* wf = FindWireFormat(format);
  if (wf == nullptr) {
    std::string names;
    for (const std::string& n : Formats()) names += (names.empty() ? "" : ", ") + n;
    return Status::Invalid("unknown format '" + std::string(format) + "' (known: " + names + ")");
  }
  return impl_->Classify(*wf, body, scratch);
}

Result<std::shared_ptr<const Classifier>> Classifier::Create(const ClassifierConfig& config) {
  auto impl = std::make_unique<ClassifierImpl>();
  for (const ClassInfo& c : config.classes) {
    Result<ClassId> id = impl->taxonomy.Define(c);
    if (!id.ok()) return id.status();
  }
  auto class_named = [&](const std::string& name, SourceLoc loc) -> Result<ClassId> {
    std::optional<ClassId> id = impl->taxonomy.Find(name);
    if (!id) {
      return Status::Invalid("unknown class '" + name + "' (define it under 'classes')", loc);
    }
    return *id;
  };
  for (const FieldNameRuleConfig& r : config.field_names) {
    FieldRule rule;
    if (r.ignore) {
      rule.kind = RuleKind::kNoDetect;
    } else if (r.free_text) {
      rule.kind = RuleKind::kFreeText;
    } else {
      ASSIGN_OR_RETURN(rule.cls, class_named(r.cls, r.loc));
    }
    for (const std::string& n : r.names) {
      Status s = impl->rules.Add(n, rule);
      if (!s.ok()) return Status::Invalid(s.message(), r.loc);
    }
  }
  for (const CombinationRuleConfig& r : config.combinations) {
    Combination c;
    for (const std::string& w : r.when) {
      ASSIGN_OR_RETURN(ClassId id, class_named(w, r.loc));
      c.when.push_back(id);
    }
    ASSIGN_OR_RETURN(c.add, class_named(r.add, r.loc));
    impl->combinations.push_back(std::move(c));
  }
  ASSIGN_OR_RETURN(std::shared_ptr<const detect::TextScanner> scanner,
                   detect::TextScanner::Create());
  impl->leaf = std::make_unique<LeafClassifier>(std::move(scanner));
  return std::shared_ptr<const Classifier>(new Classifier(std::move(impl)));
}

}  // namespace metagate::classify
