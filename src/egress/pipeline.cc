// The egress pipeline per body: collect every scalar with its event and logical path, classify
// (catalog, then the detectors where needed), decide with Cedar (plans cached per field shape in
// the scratch), transform, and write the body that may leave.
#include "metagate/egress/pipeline.h"

#include <algorithm>
#include <atomic>
#include <charconv>
#include <unordered_set>

#include "field_transform.h"
#include "metagate/common/json.h"
#include "pipeline_impl.h"

namespace metagate::egress {

namespace {

using classify::ClassId;
using classify::Form;

constexpr size_t kMaxDepth = 128;
constexpr size_t kMaxCachedPlans = 1 << 16;  // per scratch; a flood of new shapes cannot grow it
constexpr size_t kSmallObject = 16;

std::atomic<uint64_t> g_serial{1};

bool IsAnyValueKey(std::string_view k) {
  return k == "stringValue" || k == "intValue" || k == "doubleValue" || k == "boolValue" ||
         k == "bytesValue" || k == "arrayValue" || k == "kvlistValue" || k == "values" ||
         k == "value";
}

void AppendPointerToken(std::string& pointer, std::string_view key) {
  pointer.push_back('/');
  for (char c : key) {
    if (c == '~') {
      pointer += "~0";
    } else if (c == '/') {
      pointer += "~1";
    } else {
      pointer.push_back(c);
    }
  }
}

// An OTLP attribute `{"key": "name", "value": {...}}`: returns the name.
bool AttributeKey(const EnvelopeFormat& format, simdjson::dom::object obj, std::string_view& key) {
  if (!format.attribute_lists || obj.size() > 2) return false;
  simdjson::dom::element k, v;
  return !obj["key"].get(k) && !k.get_string().get(key) && !obj["value"].get(v) &&
         v.is_object();
}

// Duplicate keys are refused: the vendor might read a different one than the policy saw.
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

// The JSON text of a scalar as it was sent (strings re-escaped, numbers in shortest form).
void AppendScalar(simdjson::dom::element el, std::string& out) {
  char buf[64];
  switch (el.type()) {
    case simdjson::dom::element_type::STRING: {
      std::string_view s;
      s = el.get_string().value_unsafe();
      json::AppendQuoted(out, s);
      return;
    }
    case simdjson::dom::element_type::INT64: {
      int64_t v = 0;
      v = el.get_int64().value_unsafe();
      auto r = std::to_chars(buf, buf + sizeof buf, v);
      out.append(buf, r.ptr);
      return;
    }
    case simdjson::dom::element_type::UINT64: {
      uint64_t v = 0;
      v = el.get_uint64().value_unsafe();
      auto r = std::to_chars(buf, buf + sizeof buf, v);
      out.append(buf, r.ptr);
      return;
    }
    case simdjson::dom::element_type::DOUBLE: {
      double v = 0;
      v = el.get_double().value_unsafe();
      auto r = std::to_chars(buf, buf + sizeof buf, v);
      out.append(buf, r.ptr);
      return;
    }
    case simdjson::dom::element_type::BOOL: {
      bool b = false;
      b = el.get_bool().value_unsafe();
      out += b ? "true" : "false";
      return;
    }
    default:
      out += "null";
      return;
  }
}

// The value as text for transforms: the string itself, or a number's JSON text.
std::string ScalarText(simdjson::dom::element el, bool& is_number) {
  is_number = el.is_number();
  if (el.is_string()) {
    std::string_view s;
    s = el.get_string().value_unsafe();
    return std::string(s);
  }
  std::string out;
  AppendScalar(el, out);
  return out;
}

// Byte offset of code point `cp` in `s`.
size_t ByteOfCodePoint(std::string_view s, uint32_t cp) {
  uint32_t seen = 0;
  for (size_t i = 0; i < s.size(); ++i) {
    if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) {
      if (seen == cp) return i;
      ++seen;
    }
  }
  return s.size();
}

void AppendKey(std::string& key, std::string_view part) {
  key.append(part);
  key.push_back('\x1f');
}

cedar::Value ContextRecord(std::vector<std::pair<std::string, cedar::Value>> fields) {
  return cedar::Value::Record(std::move(fields));
}

}  // namespace

std::string_view ClassSourceName(ClassSource s) {
  switch (s) {
    case ClassSource::kCatalog:
      return "catalog";
    case ClassSource::kDetector:
      return "detector";
    case ClassSource::kUnknown:
      return "unknown";
    case ClassSource::kStructural:
      return "structural";
    case ClassSource::kCredential:
      return "credential";
  }
  return "unknown";
}

PipelineScratch::State::State() : index_text(kMaxDepth + 1) {
  simdjson::error_code err = parser.allocate(1 << 16, kMaxDepth);
  (void)err;  // on failure parse() allocates again and reports the error then
}

PipelineScratch::PipelineScratch() : state_(std::make_unique<State>()) {}
PipelineScratch::~PipelineScratch() = default;

// ---- Cedar questions ------------------------------------------------------------------------

bool PipelineImpl::AskEvent(const IntegrationConfig& integration, const VendorState& vendor,
                            std::string_view event, std::vector<std::string>& reasons) const {
  cedar::Request req;
  req.principal = cedar::EntityUid("Integration", integration.id);
  req.action = cedar::EntityUid("Action", "send_event");
  req.resource = cedar::EntityUid("Vendor", vendor.config->id);
  req.context = ContextRecord({{"environment", cedar::Value::String(integration.environment)},
                               {"event", cedar::Value::String(std::string(event))},
                               {"format", cedar::Value::String(vendor.config->format)}});
  cedar::Response r = cedar::IsAuthorized(req, cedar.policies, cedar.entities);
  reasons = std::move(r.reasons);
  return r.decision == cedar::Decision::kAllow;
}

bool PipelineImpl::AskField(const IntegrationConfig& integration, const VendorState& vendor,
                            std::string_view event, std::string_view field, ClassId cls, Form form,
                            std::vector<std::string>& reasons) const {
  cedar::Request req;
  req.principal = cedar::EntityUid("Integration", integration.id);
  req.action = cedar::EntityUid("Action", "send_field");
  req.resource = cedar::EntityUid("Vendor", vendor.config->id);
  req.context = ContextRecord(
      {{"environment", cedar::Value::String(integration.environment)},
       {"event", cedar::Value::String(std::string(event))},
       {"path", cedar::Value::String(std::string(field))},
       {"class", cedar::Value::Entity(cedar::EntityUid("DataClass", taxonomy.Name(cls).data()))},
       {"form", cedar::Value::String(std::string(classify::FormName(form)))},
       {"format", cedar::Value::String(vendor.config->format)}});
  cedar::Response r = cedar::IsAuthorized(req, cedar.policies, cedar.entities);
  reasons = std::move(r.reasons);
  return r.decision == cedar::Decision::kAllow;
}

std::vector<Form> PipelineImpl::CommonLadder(const std::vector<ClassId>& classes) const {
  std::vector<Form> out;
  for (Form f : {Form::kRaw, Form::kGeneralized, Form::kPseudonymized, Form::kRedacted}) {
    bool everywhere = !classes.empty();
    for (ClassId c : classes) {
      const std::vector<Form>& ladder = taxonomy.Info(c).ladder;
      everywhere = everywhere && std::find(ladder.begin(), ladder.end(), f) != ladder.end();
    }
    if (everywhere) out.push_back(f);
  }
  return out;
}

const EventPlan& PipelineImpl::PlanEvent(const IntegrationConfig& integration,
                                         const VendorState& vendor, const std::string& event,
                                         PipelineScratch::State& st) const {
  st.key.clear();
  AppendKey(st.key, integration.id);
  AppendKey(st.key, vendor.config->id);
  st.key.append(event);
  auto it = st.event_plans.find(st.key);
  if (it != st.event_plans.end()) return it->second;
  if (st.event_plans.size() >= kMaxCachedPlans) st.event_plans.clear();
  EventPlan plan;
  plan.allowed = AskEvent(integration, vendor, event, plan.reasons);
  return st.event_plans.emplace(st.key, std::move(plan)).first->second;
}

const FieldPlan& PipelineImpl::PlanField(const IntegrationConfig& integration,
                                         const VendorState& vendor, std::string_view event,
                                         const Leaf& leaf, PipelineScratch::State& st) const {
  st.key.clear();
  AppendKey(st.key, integration.id);
  AppendKey(st.key, vendor.config->id);
  AppendKey(st.key, event);
  AppendKey(st.key, leaf.field);
  for (ClassId c : leaf.classes) {
    st.key.push_back(static_cast<char>(c >> 8));
    st.key.push_back(static_cast<char>(c & 0xff));
  }
  auto it = st.field_plans.find(st.key);
  if (it != st.field_plans.end()) return it->second;
  if (st.field_plans.size() >= kMaxCachedPlans) st.field_plans.clear();
  FieldPlan plan;
  for (Form form : CommonLadder(leaf.classes)) {
    std::vector<std::string> all_reasons;
    bool allowed = true;
    for (ClassId c : leaf.classes) {
      std::vector<std::string> reasons;
      if (!AskField(integration, vendor, event, leaf.field, c, form, reasons)) {
        allowed = false;
        plan.refusal_reasons = std::move(reasons);
        break;
      }
      for (std::string& r : reasons) {
        if (std::find(all_reasons.begin(), all_reasons.end(), r) == all_reasons.end()) {
          all_reasons.push_back(std::move(r));
        }
      }
    }
    if (allowed) {
      std::sort(all_reasons.begin(), all_reasons.end());
      plan.permitted.push_back(form);
      plan.permit_reasons.push_back(std::move(all_reasons));
    }
  }
  return st.field_plans.emplace(st.key, std::move(plan)).first->second;
}

// ---- Collection -----------------------------------------------------------------------------

namespace {

struct Walker {
  const EnvelopeFormat& format;
  simdjson::dom::element root;
  PipelineScratch::State& st;
  Status status;

  void Visit(simdjson::dom::element el, uint32_t event, size_t event_start, bool in_any) {
    if (!status.ok()) return;
    if (st.path.size() >= kMaxDepth) {
      status = Status::Invalid("the body nests deeper than " + std::to_string(kMaxDepth) +
                               " levels");
      return;
    }
    if (event == kNoEvent && el.is_object() && format.is_event(st.path, root)) {
      event = static_cast<uint32_t>(st.events.size());
      st.events.push_back(EventInfo{format.event_name(el), true, "", {}});
      event_start = st.logical.size();
    }
    switch (el.type()) {
      case simdjson::dom::element_type::OBJECT: {
        simdjson::dom::object obj;
        obj = el.get_object().value_unsafe();
        if (HasDuplicateKey(obj)) {
          status = Status::Invalid("an object has a duplicate key (at " +
                                   (st.pointer.empty() ? std::string("the top") : st.pointer) +
                                   ")");
          return;
        }
        std::string_view attr_key;
        bool is_attribute = AttributeKey(format, obj, attr_key);
        if (is_attribute) st.logical.push_back(attr_key);
        for (auto [key, value] : obj) {
          if (is_attribute && key == "key") continue;  // the attribute's name, not data
          size_t pointer_len = st.pointer.size();
          AppendPointerToken(st.pointer, key);
          st.path.push_back(key);
          bool transparent =
              format.attribute_lists && (is_attribute || in_any) && IsAnyValueKey(key);
          if (!transparent) st.logical.push_back(key);
          bool child_any = format.attribute_lists && (transparent || key == "body");
          Visit(value, event, event_start, child_any);
          if (!transparent) st.logical.pop_back();
          st.path.pop_back();
          st.pointer.resize(pointer_len);
        }
        if (is_attribute) st.logical.pop_back();
        return;
      }
      case simdjson::dom::element_type::ARRAY: {
        simdjson::dom::array arr;
        arr = el.get_array().value_unsafe();
        size_t depth = st.path.size();
        size_t i = 0;
        for (simdjson::dom::element item : arr) {
          std::string& idx = st.index_text[depth];
          idx = std::to_string(i++);
          size_t pointer_len = st.pointer.size();
          st.pointer.push_back('/');
          st.pointer += idx;
          st.path.push_back(idx);
          st.logical.push_back("*");
          Visit(item, event, event_start, in_any);
          st.logical.pop_back();
          st.path.pop_back();
          st.pointer.resize(pointer_len);
        }
        return;
      }
      default:
        AddLeaf(el, event, event_start);
        return;
    }
  }

  void AddLeaf(simdjson::dom::element el, uint32_t event, size_t event_start) {
    Leaf leaf;
    leaf.pointer = st.pointer;
    leaf.event = event;
    leaf.el = el;
    size_t start = event != kNoEvent
                       ? event_start
                       : std::min(format.envelope_skip(st.path), st.logical.size());
    std::span<const std::string_view> segs(st.logical.data() + start, st.logical.size() - start);
    for (size_t i = 0; i < segs.size(); ++i) {
      if (i) leaf.field.push_back('.');
      leaf.field.append(segs[i]);
      leaf.segments.emplace_back(segs[i]);
    }
    if (format.is_credential(st.path)) {
      leaf.kind = LeafKind::kCredential;
      leaf.source = ClassSource::kCredential;
    } else if (format.is_structural(segs, event != kNoEvent)) {
      leaf.kind = LeafKind::kStructural;
      leaf.source = ClassSource::kStructural;
    }
    st.leaves.push_back(std::move(leaf));
  }
};

}  // namespace

// ---- Classification and decisions -------------------------------------------------------------

void PipelineImpl::Classify(const IntegrationConfig& integration, const VendorState& vendor,
                            std::string_view body, PipelineScratch::State& st) const {
  const bool classify_unknown = config.unknown_fields == UnknownFields::kClassify ||
                                config.mode == Mode::kDiscover;
  // Which leaves the catalog covers, and whether any leaf needs the detectors.
  std::vector<const std::vector<ClassId>*> declared(st.leaves.size(), nullptr);
  bool need_detectors = false;
  for (size_t i = 0; i < st.leaves.size(); ++i) {
    Leaf& leaf = st.leaves[i];
    if (leaf.kind != LeafKind::kNormal) continue;
    std::string_view ev = leaf.event == kNoEvent ? kEnvelopeEvent : st.events[leaf.event].name;
    std::vector<std::string_view> segs(leaf.segments.begin(), leaf.segments.end());
    declared[i] = catalog.Find(integration.id, ev, segs, leaf.field);
    if (declared[i] == nullptr) {
      need_detectors = need_detectors || classify_unknown;
      continue;
    }
    for (ClassId c : *declared[i]) {
      const std::vector<std::string>& parents = taxonomy.Info(c).parents;
      if (std::find(parents.begin(), parents.end(), "free_text") != parents.end()) {
        need_detectors = true;  // free text: the detectors find the spans to redact
      }
    }
  }
  std::unordered_map<std::string_view, const classify::FieldLabel*> labels;
  Result<classify::BodyLabels> detected = classify::BodyLabels{};
  if (need_detectors) {
    detected = classifier->Classify(vendor.format->classifier_format, body, st.classifier);
    if (detected.ok()) {
      for (const classify::FieldLabel& f : detected->fields) labels.emplace(f.path, &f);
    }
  }
  auto add_detected = [&](Leaf& leaf) {
    auto it = labels.find(leaf.pointer);
    if (it == labels.end()) return;
    std::string_view text;
    if (leaf.el.get_string().get(text)) text = {};  // numbers carry no spans
    for (const std::string& name : it->second->classes) {
      std::optional<ClassId> id = taxonomy.Find(name);
      if (id && std::find(leaf.classes.begin(), leaf.classes.end(), *id) == leaf.classes.end()) {
        leaf.classes.push_back(*id);
      }
    }
    for (const classify::LabelSpan& s : it->second->spans) {
      leaf.spans.push_back(transform::Span{ByteOfCodePoint(text, s.begin),
                                           ByteOfCodePoint(text, s.end), s.cls});
    }
  };
  for (size_t i = 0; i < st.leaves.size(); ++i) {
    Leaf& leaf = st.leaves[i];
    if (leaf.kind != LeafKind::kNormal) continue;
    if (declared[i] != nullptr) {
      leaf.source = ClassSource::kCatalog;
      leaf.classes = *declared[i];
      if (need_detectors) add_detected(leaf);
      // A declared field the detectors also label: `unclassified` gives way to what they found.
      if (leaf.classes.size() > 1 && leaf.classes.front() == unclassified) {
        leaf.classes.erase(leaf.classes.begin());
      }
      continue;
    }
    leaf.pending = true;
    leaf.source = ClassSource::kUnknown;
    if (!classify_unknown) continue;
    add_detected(leaf);
    if (leaf.classes.empty()) {
      leaf.classes.push_back(unclassified);
    } else {
      leaf.source = ClassSource::kDetector;
    }
  }
  // Combination rules, per event (the envelope counts as one more event).
  for (const Combination& c : combinations) {
    std::unordered_map<uint32_t, std::vector<bool>> seen;
    for (const Leaf& leaf : st.leaves) {
      for (size_t w = 0; w < c.when.size(); ++w) {
        if (std::find(leaf.classes.begin(), leaf.classes.end(), c.when[w]) == leaf.classes.end()) {
          continue;
        }
        std::vector<bool>& flags = seen[leaf.event];
        flags.resize(c.when.size());
        flags[w] = true;
      }
    }
    for (Leaf& leaf : st.leaves) {
      auto it = seen.find(leaf.event);
      if (it == seen.end() ||
          std::find(it->second.begin(), it->second.end(), false) != it->second.end()) {
        continue;
      }
      bool holds = std::any_of(leaf.classes.begin(), leaf.classes.end(), [&](ClassId x) {
        return std::find(c.when.begin(), c.when.end(), x) != c.when.end();
      });
      if (holds &&
          std::find(leaf.classes.begin(), leaf.classes.end(), c.add) == leaf.classes.end()) {
        leaf.classes.push_back(c.add);
      }
    }
  }
}

void PipelineImpl::Decide(const IntegrationConfig& integration, const VendorState& vendor,
                          PipelineScratch::State& st) const {
  const bool discover = config.mode == Mode::kDiscover;
  const bool enforce = config.mode == Mode::kEnforce;
  for (EventInfo& ev : st.events) {
    if (discover) continue;
    const EventPlan& plan = PlanEvent(integration, vendor, ev.name, st);
    ev.reasons = plan.reasons;
    if (!catalog.EventKnown(integration.id, ev.name) &&
        config.unknown_events == UnknownEvents::kBlock) {
      ev.allowed = false;
      ev.why = "unknown_event";
    } else if (!plan.allowed) {
      ev.allowed = false;
      ev.why = "policy";
    }
  }
  // Unknown fields under `unknown_fields: block` block their event (or, outside every event,
  // the whole body).
  for (Leaf& leaf : st.leaves) {
    if (leaf.kind != LeafKind::kNormal || leaf.source != ClassSource::kUnknown ||
        leaf.classes.size() > 0 || discover) {
      continue;
    }
    if (config.unknown_fields == UnknownFields::kBlock) {
      for (size_t e = 0; e < st.events.size(); ++e) {
        if (leaf.event != kNoEvent && leaf.event != e) continue;
        if (st.events[e].allowed) {
          st.events[e].allowed = false;
          st.events[e].why = "unknown_field";
        }
      }
    }
    leaf.drop = true;
    leaf.unknown_dropped = true;
    leaf.form = "dropped";
  }
  // The country of each event, for generalizing cities, regions and postal codes.
  std::unordered_map<uint32_t, std::string_view> country;
  for (const Leaf& leaf : st.leaves) {
    std::string_view s;
    if (std::find(leaf.classes.begin(), leaf.classes.end(), ClassId{classify::kCountry}) !=
            leaf.classes.end() &&
        !leaf.el.get_string().get(s)) {
      country.emplace(leaf.event, s);
    }
  }
  const transform::PseudonymKey* key =
      vendor.pseudonym_key ? &*vendor.pseudonym_key : nullptr;
  for (Leaf& leaf : st.leaves) {
    switch (leaf.kind) {
      case LeafKind::kCredential:
        leaf.replace = vendor.ingest_key.has_value();
        leaf.drop = !leaf.replace;
        if (leaf.replace) {
          leaf.replacement.clear();
          json::AppendQuoted(leaf.replacement, *vendor.ingest_key);
        }
        leaf.form = leaf.replace ? "replaced" : "dropped";
        continue;
      case LeafKind::kStructural:
        leaf.form = "raw";
        continue;
      case LeafKind::kNormal:
        break;
    }
    if (leaf.unknown_dropped) continue;
    if (discover) {
      leaf.form = "raw";
      continue;
    }
    bool event_allowed = leaf.event == kNoEvent || st.events[leaf.event].allowed;
    if (!event_allowed && enforce) continue;  // the event does not leave at all
    std::string_view ev = leaf.event == kNoEvent ? kEnvelopeEvent : st.events[leaf.event].name;
    const FieldPlan& plan = PlanField(integration, vendor, ev, leaf, st);
    bool is_number = false;
    std::string text;
    bool have_text = false;
    leaf.drop = true;
    leaf.form = "dropped";
    leaf.reasons = plan.refusal_reasons;
    for (size_t i = 0; i < plan.permitted.size(); ++i) {
      Form form = plan.permitted[i];
      if (form == Form::kRaw) {
        leaf.drop = false;
      } else {
        if (!have_text) {
          text = ScalarText(leaf.el, is_number);
          have_text = true;
        }
        FieldValue value;
        value.text = text;
        value.is_number = is_number;
        value.classes = leaf.classes;
        value.spans = leaf.spans;
        auto c = country.find(leaf.event);
        if (c != country.end()) value.country = c->second;
        value.key = key;
        Result<std::string> out = ApplyForm(form, value, taxonomy);
        if (!out.ok()) continue;  // this value cannot take this form: try the next one
        leaf.drop = false;
        leaf.replace = true;
        leaf.replacement = std::move(*out);
      }
      leaf.form = std::string(classify::FormName(form));
      leaf.reasons = plan.permit_reasons[i];
      break;
    }
  }
}

// ---- Emission ---------------------------------------------------------------------------------

namespace {

struct Emitter {
  const EnvelopeFormat& format;
  simdjson::dom::element root;
  PipelineScratch::State& st;
  bool enforce;
  std::string& out;
  uint32_t next_event = 0;

  // Writes `el` (or walks it without writing when `skip`); returns whether it wrote anything.
  // A container whose every member was dropped is dropped too, except events and the body.
  bool Visit(simdjson::dom::element el, bool skip, bool in_any, bool in_event) {
    bool is_event = false;
    if (!in_event && el.is_object() && format.is_event(st.path, root)) {
      is_event = true;
      in_event = true;
      const EventInfo& ev = st.events[next_event++];
      if (enforce && !ev.allowed) skip = true;
    }
    switch (el.type()) {
      case simdjson::dom::element_type::OBJECT: {
        simdjson::dom::object obj;
        obj = el.get_object().value_unsafe();
        std::string_view attr_key;
        bool is_attribute = AttributeKey(format, obj, attr_key);
        size_t start = out.size();
        if (!skip) out.push_back('{');
        bool any = false, wrote_any = false;
        for (auto [key, value] : obj) {
          if (is_attribute && key == "key") {
            if (!skip) {  // written first so the attribute reads as usual; undone if dropped
              if (wrote_any) out.push_back(',');
              out += "\"key\":";
              json::AppendQuoted(out, attr_key);
              wrote_any = true;
            }
            continue;
          }
          any = true;
          size_t before = out.size();
          if (!skip) {
            if (wrote_any) out.push_back(',');
            json::AppendQuoted(out, key);
            out.push_back(':');
          }
          st.path.push_back(key);
          bool transparent =
              format.attribute_lists && (is_attribute || in_any) && IsAnyValueKey(key);
          bool child_any = format.attribute_lists && (transparent || key == "body");
          bool wrote = Visit(value, skip, child_any, in_event);
          st.path.pop_back();
          if (skip) continue;
          if (wrote) {
            wrote_any = true;
          } else {
            out.resize(before);
            if (is_attribute) {  // the value is gone: so is the attribute
              out.resize(start);
              SkipRest(obj, key, in_event);
              return false;
            }
          }
        }
        if (skip) return false;
        bool keep_empty = is_event || st.path.empty() || !any;
        if (!wrote_any && any && !keep_empty) {
          out.resize(start);
          return false;
        }
        out.push_back('}');
        return true;
      }
      case simdjson::dom::element_type::ARRAY: {
        simdjson::dom::array arr;
        arr = el.get_array().value_unsafe();
        size_t depth = st.path.size();
        size_t start = out.size();
        if (!skip) out.push_back('[');
        bool any = false, wrote_any = false;
        size_t i = 0;
        for (simdjson::dom::element item : arr) {
          any = true;
          std::string& idx = st.index_text[depth];
          idx = std::to_string(i++);
          st.path.push_back(idx);
          size_t before = out.size();
          if (!skip && wrote_any) out.push_back(',');
          bool wrote = Visit(item, skip, in_any, in_event);
          st.path.pop_back();
          if (skip) continue;
          if (wrote) {
            wrote_any = true;
          } else {
            out.resize(before);
          }
        }
        if (skip) return false;
        if (!wrote_any && any && !st.path.empty()) {
          out.resize(start);
          return false;
        }
        out.push_back(']');
        return true;
      }
      default:
        return Leaf(el, skip);
    }
  }

  // After an attribute's value was dropped: the members after it still advance the cursor.
  void SkipRest(simdjson::dom::object obj, std::string_view dropped_key, bool in_event) {
    bool after = false;
    for (auto [key, value] : obj) {
      if (key == dropped_key) {
        after = true;
        continue;
      }
      if (!after || key == "key") continue;
      st.path.push_back(key);
      Visit(value, true, true, in_event);
      st.path.pop_back();
    }
  }

  bool Leaf(simdjson::dom::element el, bool skip) {
    const egress::Leaf& leaf = st.leaves[st.cursor++];
    if (skip) return false;
    bool act = enforce || leaf.kind == LeafKind::kCredential;
    if (act && leaf.drop) return false;
    if (act && leaf.replace) {
      out += leaf.replacement;
    } else {
      AppendScalar(el, out);
    }
    return true;
  }
};

}  // namespace

Result<FilterResult> PipelineImpl::Filter(const IntegrationConfig& integration,
                                          const VendorState& vendor, std::string_view body,
                                          PipelineScratch::State& st) const {
  if (st.owner != this || st.owner_serial != serial) {
    st.event_plans.clear();
    st.field_plans.clear();
    st.owner = this;
    st.owner_serial = serial;
  }
  const EnvelopeFormat& format = *vendor.format;
  if (body.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    return Status::Invalid("the body is empty");
  }
  st.buffer.assign(body);
  st.buffer.resize(body.size() + simdjson::SIMDJSON_PADDING);
  simdjson::dom::element root;
  if (auto err = st.parser.parse(st.buffer.data(), body.size(), false).get(root); err) {
    if (err == simdjson::DEPTH_ERROR) {
      return Status::Invalid("the body nests deeper than " + std::to_string(kMaxDepth) +
                             " levels");
    }
    return Status::Invalid(std::string("the body is not valid JSON: ") +
                           simdjson::error_message(err));
  }
  if (!root.is_object() && !root.is_array()) {
    return Status::Invalid("the body is not a JSON object or array");
  }
  st.path.clear();
  st.logical.clear();
  st.pointer.clear();
  st.leaves.clear();
  st.events.clear();
  Walker walker{format, root, st, Status::Ok()};
  walker.Visit(root, kNoEvent, 0, false);
  if (!walker.status.ok()) return walker.status;
  if (st.events.empty()) {
    return Status::Invalid("the body holds no event of format '" + std::string(format.name) + "'");
  }

  Classify(integration, vendor, body, st);
  Decide(integration, vendor, st);

  FilterResult result;
  const bool enforce = config.mode == Mode::kEnforce;
  bool any_allowed = false;
  for (EventInfo& ev : st.events) {
    any_allowed = any_allowed || ev.allowed;
    result.events.push_back(EventDecision{ev.name, ev.allowed, ev.why, ev.reasons});
  }
  result.forwarded = !enforce || any_allowed;
  for (Leaf& leaf : st.leaves) {
    if (leaf.kind == LeafKind::kCredential) result.credential_replaced = true;
    if (leaf.form.empty()) continue;  // in a blocked event: not decided
    FieldDecision d;
    d.path = leaf.pointer;
    d.field = leaf.field;
    d.event = leaf.event;
    for (ClassId c : leaf.classes) d.classes.emplace_back(taxonomy.Name(c));
    d.form = leaf.form;
    d.reasons = leaf.reasons;
    d.source = leaf.source;
    d.pending = leaf.pending;
    result.fields.push_back(std::move(d));
  }
  if (result.forwarded) {
    st.path.clear();
    st.cursor = 0;
    Emitter emitter{format, root, st, enforce, result.body};
    emitter.Visit(root, false, false, false);
  }
  return result;
}

// ---- Pipeline ---------------------------------------------------------------------------------

Pipeline::Pipeline(std::unique_ptr<PipelineImpl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;

const EgressConfig& Pipeline::config() const { return impl_->config; }

Result<FilterResult> Pipeline::Filter(std::string_view integration, std::string_view vendor,
                                      std::string_view body, PipelineScratch& scratch) const {
  auto in = impl_->integrations.find(std::string(integration));
  if (in == impl_->integrations.end()) {
    return Status::NotFound("unknown integration '" + std::string(integration) + "'");
  }
  auto v = impl_->vendors.find(std::string(vendor));
  if (v == impl_->vendors.end()) {
    return Status::NotFound("unknown vendor '" + std::string(vendor) + "'");
  }
  return impl_->Filter(*in->second, v->second, body, scratch.state());
}

Result<Explanation> Pipeline::Explain(std::string_view integration, std::string_view vendor,
                                      std::string_view event, std::string_view path,
                                      const std::vector<std::string>& classes) const {
  const PipelineImpl& p = *impl_;
  auto in = p.integrations.find(std::string(integration));
  if (in == p.integrations.end()) {
    return Status::NotFound("unknown integration '" + std::string(integration) + "'");
  }
  auto v = p.vendors.find(std::string(vendor));
  if (v == p.vendors.end()) {
    return Status::NotFound("unknown vendor '" + std::string(vendor) + "'");
  }
  Explanation ex;
  ex.event_allowed = p.AskEvent(*in->second, v->second, event, ex.event_reasons);
  if (ex.event_allowed && event != kEnvelopeEvent &&
      !p.catalog.EventKnown(in->second->id, event) &&
      p.config.unknown_events == UnknownEvents::kBlock) {
    ex.event_allowed = false;
    ex.event_reasons.clear();
  }
  // The path's segments: a pointer ("/a/b") or dotted ("a.b").
  std::vector<std::string> segments;
  if (!path.empty() && path[0] == '/') {
    size_t i = 1;
    while (i <= path.size()) {
      size_t j = path.find('/', i);
      if (j == std::string_view::npos) j = path.size();
      std::string seg(path.substr(i, j - i));
      for (size_t k = 0; (k = seg.find('~', k)) != std::string::npos; ++k) {
        if (k + 1 < seg.size()) seg.replace(k, 2, seg[k + 1] == '1' ? "/" : "~");
      }
      segments.push_back(std::move(seg));
      i = j + 1;
    }
  } else {
    size_t i = 0;
    while (i <= path.size()) {
      size_t j = path.find('.', i);
      if (j == std::string_view::npos) j = path.size();
      segments.emplace_back(path.substr(i, j - i));
      i = j + 1;
    }
  }
  Leaf leaf;
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i) leaf.field.push_back('.');
    leaf.field += segments[i];
  }
  if (!classes.empty()) {
    for (const std::string& name : classes) {
      std::optional<ClassId> id = p.taxonomy.Find(name);
      if (!id) {
        return Status::Invalid("unknown class '" + name +
                               "' (see `metagate classify --taxonomy`)");
      }
      leaf.classes.push_back(*id);
    }
    ex.source = ClassSource::kDetector;
  } else {
    std::vector<std::string_view> segs(segments.begin(), segments.end());
    const std::vector<ClassId>* declared = p.catalog.Find(in->second->id, event, segs, leaf.field);
    if (declared != nullptr) {
      leaf.classes = *declared;
      ex.source = ClassSource::kCatalog;
    } else {
      ex.source = ClassSource::kUnknown;
      if (p.config.unknown_fields != UnknownFields::kClassify) {
        ex.form = "dropped";
        return ex;
      }
      leaf.classes.push_back(p.unclassified);
    }
  }
  for (ClassId c : leaf.classes) ex.classes.emplace_back(p.taxonomy.Name(c));
  ex.form = "dropped";
  for (Form form : p.CommonLadder(leaf.classes)) {
    bool all = true;
    for (ClassId c : leaf.classes) {
      RungDecision r;
      r.form = std::string(classify::FormName(form));
      r.cls = std::string(p.taxonomy.Name(c));
      r.allowed = p.AskField(*in->second, v->second, event, leaf.field, c, form, r.reasons);
      all = all && r.allowed;
      ex.rungs.push_back(std::move(r));
      if (!all) break;
    }
    if (all) {
      ex.form = std::string(classify::FormName(form));
      break;
    }
  }
  return ex;
}

Result<std::shared_ptr<const Pipeline>> Pipeline::Create(const EgressConfig& config) {
  auto impl = std::make_unique<PipelineImpl>();
  impl->config = config;
  impl->serial = g_serial.fetch_add(1);
  Result<std::shared_ptr<const classify::Classifier>> classifier =
      classify::Classifier::Create(config.classifier);
  if (!classifier.ok()) return classifier.status().WithContext(config.file);
  impl->classifier = std::move(*classifier);
  impl->taxonomy = impl->classifier->taxonomy();
  if (std::optional<ClassId> id = impl->taxonomy.Find("unclassified")) {
    impl->unclassified = *id;
  } else {
    ASSIGN_OR_RETURN(impl->unclassified,
                     impl->taxonomy.Define({"unclassified",
                                            {},
                                            {Form::kRaw},
                                            "a field no catalog entry or detector classifies"}));
  }
  Result<Catalog> catalog = Catalog::Create(config.catalog, impl->taxonomy, impl->unclassified);
  if (!catalog.ok()) return catalog.status().WithContext(config.file);
  impl->catalog = std::move(*catalog);
  for (const classify::CombinationRuleConfig& r : config.classifier.combinations) {
    PipelineImpl::Combination c;
    for (const std::string& w : r.when) c.when.push_back(*impl->taxonomy.Find(w));
    c.add = *impl->taxonomy.Find(r.add);  // the classifier checked every name
    impl->combinations.push_back(std::move(c));
  }
  ASSIGN_OR_RETURN(impl->cedar, LoadPolicies(config, impl->taxonomy));

  // Keys: the current pseudonym key, and per vendor the shared or a derived key.
  std::optional<transform::PseudonymKey> master;
  if (config.pseudonym_keys) {
    const PseudonymKeysConfig& k = *config.pseudonym_keys;
    auto it = k.keys.find(k.current);
    if (it == k.keys.end()) {
      return Status::Invalid("keys.pseudonym.current names no key", k.loc).WithContext(config.file);
    }
    Result<std::string> secret = LoadSecret(it->second);
    if (!secret.ok()) return secret.status().WithContext(config.file);
    if (secret->size() < 16) {
      return Status::Invalid("pseudonym key '" + k.current +
                                 "' is shorter than 16 bytes; use e.g. `openssl rand -hex 32`",
                             it->second.loc)
          .WithContext(config.file);
    }
    master = transform::PseudonymKey{k.current, std::move(*secret)};
  }
  for (const VendorConfig& vc : impl->config.vendors) {
    PipelineImpl::VendorState vs;
    vs.config = &vc;
    vs.format = FindEnvelopeFormat(vc.format);
    if (vs.format == nullptr) {
      return Status::Invalid("vendor '" + vc.id + "': unknown format '" + vc.format +
                                 "' (known: " + EnvelopeFormatNames() + ")",
                             vc.loc)
          .WithContext(config.file);
    }
    if (vc.ingest_key) {
      Result<std::string> secret = LoadSecret(*vc.ingest_key);
      if (!secret.ok()) return secret.status().WithContext(config.file);
      vs.ingest_key = std::move(*secret);
    }
    if (master) {
      vs.pseudonym_key = vc.own_pseudonym_key ? transform::DeriveVendorKey(*master, vc.id) : *master;
    }
    impl->vendors.emplace(vc.id, std::move(vs));
  }
  for (const IntegrationConfig& ic : impl->config.integrations) {
    impl->integrations.emplace(ic.id, &ic);
  }
  return std::shared_ptr<const Pipeline>(new Pipeline(std::move(impl)));
}

}  // namespace metagate::egress
