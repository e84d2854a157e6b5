#include "body_walk.h"

#include <openssl/rand.h>

#include <algorithm>
#include <cstring>

#include "json_text.h"
#include "metagate/common/json.h"
#include "tape_access.h"

namespace metagate::egress {

namespace {

// Appends a random (version 4) UUID as a JSON string.
void AppendRandomUuid(std::string& out) {
  unsigned char b[16];
  if (RAND_bytes(b, sizeof b) != 1) std::abort();  // no entropy: never send a guessable key
  b[6] = static_cast<unsigned char>((b[6] & 0x0f) | 0x40);
  b[8] = static_cast<unsigned char>((b[8] & 0x3f) | 0x80);
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 15]);
  }
  out.push_back('"');
}

// The text of array index `i` at `depth`, kept alive for st.path's views.
std::string_view IndexText(PipelineScratch::State& st, size_t depth, size_t i) {
  std::string& idx = st.index_text[depth];
  idx = std::to_string(i);
  return idx;
}

// AttributeKey on the tape: whether the object starting at `i` is an OTLP attribute (exactly the
// members `key`, a string, and `value`, an object), and its name.
bool TapeAttributeKey(const Tape& tape, size_t i, std::string_view& key) {
  if (tape.Count(i) != 2) return false;
  bool has_key = false, has_value = false;
  std::string_view name;
  size_t k = i + 1;
  for (int m = 0; m < 2; ++m) {
    std::string_view member = tape.String(k);
    size_t v = k + 1;
    if (member == "key") {
      has_key = tape.Type(v) == '"';
      if (has_key) name = tape.String(v);
    } else if (member == "value") {
      has_value = tape.Type(v) == '{';
    }
    k = tape.Next(v);
  }
  if (!has_key || !has_value) return false;
  key = name;
  return true;
}

// Writes an owner's shape key into Owner::shape through a pointer (std::string::push_back costs
// a capacity check and often a call per byte); Owner::shape_size is the key's length, the
// string's size only its capacity.
class ShapeWriter {
 public:
  explicit ShapeWriter(Owner& o) : o_(o) {}
  [[gnu::always_inline]] void Put(char c) {
    Reserve(1);
    o_.shape[o_.shape_size++] = c;
  }
  // `tag`, then `text` with its length first: the tag and the length keep a key from passing
  // for structure, so equal keys mean equal structure, keys included.
  [[gnu::always_inline]] void PutText(char tag, std::string_view text) {
    Reserve(text.size() + 11);
    char* p = o_.shape.data() + o_.shape_size;
    *p++ = tag;
    size_t n = text.size();
    do {
      *p++ = static_cast<char>((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
      n >>= 7;
    } while (n != 0);
    if (!text.empty()) std::memcpy(p, text.data(), text.size());
    o_.shape_size = static_cast<size_t>(p - o_.shape.data()) + text.size();
  }

  // PutText('"', key) for a key in simdjson's string buffer, whose allocation extends well past
  // any string's end (by SIMDJSON_PADDING at least): short keys are copied as 16 bytes.
  [[gnu::always_inline]] void PutTapeKey(std::string_view key) {
    if (key.size() > 16) {
      PutText('"', key);
      return;
    }
    Reserve(2 + 16);
    char* p = o_.shape.data() + o_.shape_size;
    p[0] = '"';
    p[1] = static_cast<char>(key.size());
    std::memcpy(p + 2, key.data(), 16);
    o_.shape_size += 2 + key.size();
  }

 private:
  [[gnu::always_inline]] void Reserve(size_t more) {
    if (o_.shape_size + more > o_.shape.size()) [[unlikely]] {
      o_.shape.resize(std::max(o_.shape.size() * 2, o_.shape_size + more + 256));
    }
  }
  Owner& o_;
};

// A new owner; its shape key starts with what else selects its plan: the integration, the
// vendor and whether it is an event.
Owner& NewOwner(PipelineScratch::State& st, const IntegrationConfig& integration,
                const PipelineImpl::VendorState& vendor, bool is_event,
                simdjson::dom::element root) {
  if (st.owners.size() <= st.owner_count) st.owners.emplace_back();
  Owner& o = st.owners[st.owner_count++];
  o.is_event = is_event;
  o.root = root;
  o.name.clear();
  o.pointer.clear();
  o.shape_size = 0;
  ShapeWriter w(o);
  w.PutText('I', integration.id);
  w.PutText('V', vendor.config->id);
  w.Put(is_event ? 'E' : 'B');
  o.leaves.clear();
  o.plan = nullptr;
  o.allowed = true;
  return o;
}

struct ShapeWalker {
  const PipelineImpl& pipeline;
  const IntegrationConfig& integration;
  const PipelineImpl::VendorState& vendor;
  const EnvelopeFormat& format;
  simdjson::dom::element root;
  PipelineScratch::State& st;
  Status status;

  // Walks the envelope (owner 0); each event found is walked by WalkEvent and planned.
  void Visit(simdjson::dom::element el) {
    if (!status.ok()) return;
    if (st.path.size() >= kMaxDepth) {
      status =
          Status::Invalid("the body nests deeper than " + std::to_string(kMaxDepth) + " levels");
      return;
    }
    if (el.is_object() && format.is_event(st.path, root)) {
      size_t event = st.owner_count;
      Owner& ev = NewOwner(st, integration, vendor, true, el);
      ev.name = format.event_name(el);
      for (std::string_view seg : st.path) json::AppendPointerToken(ev.pointer, seg);
      ShapeWriter(ev).PutText('N', ev.name);
      ShapeWriter(st.owners[0]).Put('E');
      WalkEvent(el, event);
      if (!status.ok()) return;
      Owner& done = st.owners[event];
      Result<const OwnerPlan*> plan = pipeline.PlanOwner(integration, vendor, done, st);
      if (!plan.ok()) {
        status = plan.status();
        return;
      }
      done.plan = *plan;
      return;
    }
    VisitEnvelope(el);
  }

  // An event's inside, in the shape key's grammar that VisitEnvelope writes (the same shape key and
  // leaves), in one loop over its tape words: events hold no events, so no owner is added
  // meanwhile.
  void WalkEvent(simdjson::dom::element el, size_t owner) {
    struct Frame {  // no initializers: the array is not cleared per event
      bool object;
      bool attribute;
      const char* attr_key;
      size_t attr_key_size;
    };
    Frame frames[kMaxDepth + 1];
    size_t depth = 0;  // open containers of the event
    const Tape tape(el);
    Owner& o = st.owners[owner];
    ShapeWriter w(o);
    const size_t base = st.path.size();
    size_t i = Tape::IndexOf(el);
    const size_t end = tape.After(i);
    o.leaves.reserve(o.leaves.size() + (end - i) / 2);
    while (i < end) {
      char t = tape.Type(i);
      if (t == '}' || t == ']') {
        w.Put(t);
        --depth;
        ++i;
        continue;
      }
      if (depth > 0 && frames[depth - 1].object) {  // a member: its key, then its value below
        const Frame& f = frames[depth - 1];
        std::string_view key = tape.String(i);
        if (f.attribute && key == "key") {  // the attribute's name is part of the shape
          w.PutText('K', std::string_view(f.attr_key, f.attr_key_size));
          i += 2;  // the key and its string
          continue;
        }
        w.PutTapeKey(key);
        t = tape.Type(++i);
      }
      if (base + depth >= kMaxDepth) {
        status =
            Status::Invalid("the body nests deeper than " + std::to_string(kMaxDepth) + " levels");
        return;
      }
      switch (t) {
        case '{': {
          std::string_view attr_key;
          bool attribute = format.attribute_lists && TapeAttributeKey(tape, i, attr_key);
          w.Put('{');
          frames[depth++] = Frame{true, attribute, attr_key.data(), attr_key.size()};
          ++i;
          continue;
        }
        case '[':
          w.Put('[');
          frames[depth++] = Frame{false, false, nullptr, 0};
          ++i;
          continue;
        case '"':
          w.Put('s');
          break;
        case 't':
        case 'f':
          w.Put('b');
          break;
        case 'n':
          w.Put('z');
          break;
        default:
          w.Put('n');
          break;
      }
      o.leaves.push_back(tape.At(i));
      i = tape.Next(i);
    }
  }

  // The owners may move while children are walked (an event adds one): a fresh writer per use.
  ShapeWriter Shape() { return ShapeWriter(st.owners[0]); }

  void VisitEnvelope(simdjson::dom::element el) {
    switch (el.type()) {
      case simdjson::dom::element_type::OBJECT: {
        simdjson::dom::object obj = el.get_object().value_unsafe();
        std::string_view attr_key;
        bool is_attribute = AttributeKey(format, obj, attr_key);
        Shape().Put('{');
        for (auto [key, value] : obj) {
          if (is_attribute && key == "key") {  // the attribute's name is part of the shape
            Shape().PutText('K', attr_key);
            continue;
          }
          Shape().PutText('"', key);
          st.path.push_back(key);
          Visit(value);
          st.path.pop_back();
          if (!status.ok()) return;
        }
        Shape().Put('}');
        return;
      }
      case simdjson::dom::element_type::ARRAY: {
        simdjson::dom::array arr = el.get_array().value_unsafe();
        size_t depth = st.path.size();
        size_t i = 0;
        Shape().Put('[');
        for (simdjson::dom::element item : arr) {
          st.path.push_back(IndexText(st, depth, i++));
          Visit(item);
          st.path.pop_back();
          if (!status.ok()) return;
        }
        Shape().Put(']');
        return;
      }
      case simdjson::dom::element_type::STRING:
        Shape().Put('s');
        break;
      case simdjson::dom::element_type::BOOL:
        Shape().Put('b');
        break;
      case simdjson::dom::element_type::NULL_VALUE:
        Shape().Put('z');
        break;
      default:
        Shape().Put('n');
        break;
    }
    st.owners[0].leaves.push_back(el);
  }
};

struct Describer {
  const EnvelopeFormat& format;
  simdjson::dom::element body_root;
  const Owner& owner;
  PipelineScratch::State& st;
  std::vector<LeafPlan>& leaves;
  std::vector<std::vector<std::string>>& segments;
  std::vector<ContainerPlan>& containers;
  size_t root_depth = 0;     // st.path's size at the owner's root
  std::vector<size_t> open;  // the containers being walked

  void Visit(simdjson::dom::element el, bool in_any) {
    if (!owner.is_event && el.is_object() && format.is_event(st.path, body_root)) {
      if (!open.empty()) containers[open.back()].keeps_shape = true;
      return;  // an event inside the envelope: an owner of its own
    }
    switch (el.type()) {
      case simdjson::dom::element_type::OBJECT:
      case simdjson::dom::element_type::ARRAY: {
        size_t c = containers.size();
        containers.emplace_back();
        containers[c].first_leaf = static_cast<uint32_t>(leaves.size());
        // The owner's root (the body, an event) is written even when all its members are not.
        containers[c].keeps_shape = open.empty() || IsKeyParent();
        open.push_back(c);
        VisitContainer(el, in_any);
        open.pop_back();
        ContainerPlan& done = containers[c];
        done.leaves = static_cast<uint32_t>(leaves.size()) - done.first_leaf;
        done.containers = static_cast<uint32_t>(containers.size() - c);
        if (done.leaves == 0) done.keeps_shape = true;  // empty, or only empty containers
        if (done.keeps_shape && !open.empty()) containers[open.back()].keeps_shape = true;
        return;
      }
      default:
        AddLeaf();
        return;
    }
  }

  // Whether the container at st.path is where the event keeps its idempotency key (the
  // emitter may add one there).
  bool IsKeyParent() const {
    const BodyPath key = format.idempotency_key;
    if (!owner.is_event || key.empty() || st.path.size() != root_depth + key.size() - 1) {
      return false;
    }
    for (size_t i = 0; i + 1 < key.size(); ++i) {
      if (st.path[root_depth + i] != key[i]) return false;
    }
    return true;
  }

  void VisitContainer(simdjson::dom::element el, bool in_any) {
    switch (el.type()) {
      case simdjson::dom::element_type::OBJECT: {
        simdjson::dom::object obj = el.get_object().value_unsafe();
        std::string_view attr_key;
        bool is_attribute = AttributeKey(format, obj, attr_key);
        if (is_attribute) st.logical.push_back(attr_key);
        for (auto [key, value] : obj) {
          if (is_attribute && key == "key") continue;
          size_t pointer_len = st.pointer.size();
          json::AppendPointerToken(st.pointer, key);
          st.path.push_back(key);
          bool transparent =
              format.attribute_lists && (is_attribute || in_any) && IsAnyValueKey(key);
          if (!transparent) st.logical.push_back(key);
          bool child_any = format.attribute_lists && (transparent || key == "body");
          Visit(value, child_any);
          if (!transparent) st.logical.pop_back();
          st.path.pop_back();
          st.pointer.resize(pointer_len);
        }
        if (is_attribute) st.logical.pop_back();
        return;
      }
      case simdjson::dom::element_type::ARRAY: {
        simdjson::dom::array arr = el.get_array().value_unsafe();
        size_t depth = st.path.size();
        size_t i = 0;
        for (simdjson::dom::element item : arr) {
          std::string_view idx = IndexText(st, depth, i++);
          size_t pointer_len = st.pointer.size();
          st.pointer.push_back('/');
          st.pointer.append(idx);
          st.path.push_back(idx);
          // An OTLP attribute is named by its key, not by its place in the list.
          simdjson::dom::object item_obj;
          std::string_view unused;
          bool attribute = format.attribute_lists && !item.get_object().get(item_obj) &&
                           AttributeKey(format, item_obj, unused);
          if (!attribute) st.logical.push_back("*");
          Visit(item, in_any);
          if (!attribute) st.logical.pop_back();
          st.path.pop_back();
          st.pointer.resize(pointer_len);
        }
        return;
      }
      default:
        return;
    }
  }

  void AddLeaf() {
    LeafPlan leaf;
    leaf.pointer = st.pointer;
    size_t start = owner.is_event ? 0 : std::min(format.envelope_skip(st.path), st.logical.size());
    std::span<const std::string_view> segs(st.logical.data() + start, st.logical.size() - start);
    std::vector<std::string> seg_copy;
    for (size_t i = 0; i < segs.size(); ++i) {
      if (i) leaf.field.push_back('.');
      leaf.field.append(segs[i]);
      seg_copy.emplace_back(segs[i]);
    }
    if (format.is_credential(st.path)) {
      leaf.kind = LeafKind::kCredential;
      leaf.source = ClassSource::kCredential;
    } else if (format.is_structural(segs, owner.is_event)) {
      leaf.kind = LeafKind::kStructural;
      leaf.source = ClassSource::kStructural;
    }
    leaves.push_back(std::move(leaf));
    segments.push_back(std::move(seg_copy));
  }
};

struct Emitter {
  const EnvelopeFormat& format;
  simdjson::dom::element root;
  bool enforce;
  PipelineScratch::State& st;
  std::string& out;
  bool add_keys = false;    // add an idempotency key to allowed events that lack one
  bool raw_leaves = false;  // leaves as they came, but the credential
  size_t keys_added = 0;
  std::vector<EmitTemplate::Slot>* slots = nullptr;  // building a template: values go here
  size_t next_event = 1;
  size_t event_depth = 0;  // st.path's size at the current event

  // Writes `el`; returns whether it wrote anything. A container whose every member was dropped
  // is dropped too, except events and the body.
  bool Visit(simdjson::dom::element el, size_t owner) {
    bool is_event = false;
    if (owner == 0 && el.is_object() && format.is_event(st.path, root)) {
      owner = next_event++;
      is_event = true;
      event_depth = st.path.size();
      if (enforce && !st.owners[owner].allowed) return false;
      if (!raw_leaves && slots == nullptr) return EmitEvent(el, owner);
    }
    return VisitNode(el, owner, is_event);
  }

  // An event by its plan's template, built here on first use; the walk below when this body's
  // leaves are dropped otherwise than the template's.
  bool EmitEvent(simdjson::dom::element el, size_t owner) {
    const Owner& o = st.owners[owner];
    std::unique_ptr<EmitTemplate>& t = o.plan->emit;
    if (t == nullptr || t->enforce != enforce || t->add_keys != add_keys) {
      t = BuildTemplate(el, owner);
      if (!t->usable) return VisitNode(el, owner, true);
    } else if (!t->usable) {
      return VisitNode(el, owner, true);
    } else {
      const uint8_t* dropped = t->dropped.data();
      for (uint32_t i = 0, n = static_cast<uint32_t>(t->dropped.size()); i < n; ++i) {
        if (dropped[i] != Dropped(owner, i)) return VisitNode(el, owner, true);
      }
    }
    const std::vector<LeafOutcome>& outcomes = st.outcomes[owner];
    const char* text = t->text.data();
    uint32_t pos = 0;
    for (const EmitTemplate::Slot& s : t->slots) {
      out.append(text + pos, s.end - pos);
      pos = s.end;
      if (s.leaf == EmitTemplate::kNewKey) {
        AppendRandomUuid(out);
        ++keys_added;
        continue;
      }
      const LeafOutcome& oc = outcomes[s.leaf];
      if (s.act && oc.op == LeafOp::kReplace) {
        out.append(st.replacements, oc.begin, oc.length);
      } else {
        AppendScalar(o.leaves[s.leaf], out);
      }
    }
    out.append(text + pos, t->text.size() - pos);
    return true;
  }

  // The template of the event at `el`: the walk below, writing a slot where each value goes.
  std::unique_ptr<EmitTemplate> BuildTemplate(simdjson::dom::element el, size_t owner) {
    auto t = std::make_unique<EmitTemplate>();
    t->enforce = enforce;
    t->add_keys = add_keys;
    const size_t leaves = st.owners[owner].plan->leaves.size();
    t->dropped.resize(leaves);
    for (uint32_t i = 0; i < leaves; ++i) t->dropped[i] = Dropped(owner, i);
    const size_t start = out.size();
    const uint32_t cursor = st.cursors[owner], container_cursor = st.container_cursors[owner];
    slots = &t->slots;
    VisitNode(el, owner, true);  // an event is always written
    slots = nullptr;
    st.cursors[owner] = cursor;
    st.container_cursors[owner] = container_cursor;
    t->text.assign(out, start);
    out.resize(start);
    uint32_t last = 0;
    for (EmitTemplate::Slot& s : t->slots) {
      s.end -= static_cast<uint32_t>(start);
      // Slots are never cut away (a value written keeps its container), so they are in order
      // inside the text; were that ever broken, the template is not used.
      if (s.end < last || s.end > t->text.size()) t->usable = false;
      last = s.end;
    }
    return t;
  }

  bool VisitNode(simdjson::dom::element el, size_t owner, bool is_event) {
    simdjson::dom::element_type type = el.type();
    if (type == simdjson::dom::element_type::OBJECT || type == simdjson::dom::element_type::ARRAY) {
      // A container the plan drops whole: skipped without a walk.
      const ContainerPlan& c = st.owners[owner].plan->containers[st.container_cursors[owner]];
      if (enforce && !raw_leaves && c.droppable) {
        st.cursors[owner] += c.leaves;
        st.container_cursors[owner] += c.containers;
        return false;
      }
      ++st.container_cursors[owner];
    }
    switch (type) {
      case simdjson::dom::element_type::OBJECT: {
        simdjson::dom::object obj = el.get_object().value_unsafe();
        std::string_view attr_key;
        bool is_attribute = AttributeKey(format, obj, attr_key);
        size_t start = out.size();
        out.push_back('{');
        bool any = false, wrote_any = false;
        bool key_parent = add_keys && owner != 0 && IsKeyParent();
        bool has_key = false;
        for (auto [key, value] : obj) {
          if (is_attribute && key == "key") {
            if (wrote_any) out.push_back(',');
            out += "\"key\":";
            json::AppendQuoted(out, attr_key);
            wrote_any = true;
            continue;
          }
          any = true;
          if (SkipDroppedLeaf(value, owner)) continue;  // nothing written, not even the key
          size_t before = out.size();
          if (wrote_any) out.push_back(',');
          json::AppendQuoted(out, key);
          out.push_back(':');
          st.path.push_back(key);
          bool wrote = Visit(value, owner);
          st.path.pop_back();
          if (wrote) {
            wrote_any = true;
            has_key = has_key || (key_parent && key == format.idempotency_key.back());
          } else {
            out.resize(before);
            if (is_attribute) {  // the value is gone: so is the attribute
              out.resize(start);
              return false;
            }
          }
        }
        if (key_parent && !has_key) {
          if (wrote_any) out.push_back(',');
          json::AppendQuoted(out, format.idempotency_key.back());
          out.push_back(':');
          if (slots != nullptr) {
            slots->push_back({static_cast<uint32_t>(out.size()), EmitTemplate::kNewKey, false});
          } else {
            AppendRandomUuid(out);
            ++keys_added;
          }
          wrote_any = true;
        }
        bool keep_empty = is_event || st.path.empty() || !any;
        if (!wrote_any && any && !keep_empty) {
          out.resize(start);
          return false;
        }
        out.push_back('}');
        return true;
      }
      case simdjson::dom::element_type::ARRAY: {
        simdjson::dom::array arr = el.get_array().value_unsafe();
        size_t depth = st.path.size();
        size_t start = out.size();
        out.push_back('[');
        bool any = false, wrote_any = false;
        size_t i = 0;
        for (simdjson::dom::element item : arr) {
          any = true;
          if (SkipDroppedLeaf(item, owner)) {
            ++i;
            continue;
          }
          // Inside an event, indices are never read (IsKeyParent compares names only).
          st.path.push_back(owner == 0 ? IndexText(st, depth, i) : std::string_view());
          ++i;
          size_t before = out.size();
          if (wrote_any) out.push_back(',');
          bool wrote = Visit(item, owner);
          st.path.pop_back();
          if (wrote) {
            wrote_any = true;
          } else {
            out.resize(before);
          }
        }
        if (!wrote_any && any && !st.path.empty()) {
          out.resize(start);
          return false;
        }
        out.push_back(']');
        return true;
      }
      default:
        return Leaf(el, owner);
    }
  }

  // Whether the object at st.path is where the current event keeps its idempotency key.
  bool IsKeyParent() const {
    const BodyPath key = format.idempotency_key;
    if (key.empty() || st.path.size() != event_depth + key.size() - 1) return false;
    for (size_t i = 0; i + 1 < key.size(); ++i) {
      if (st.path[event_depth + i] != key[i]) return false;
    }
    return true;
  }

  // Whether the leaf at the cursor is dropped.
  bool Dropped(size_t owner, uint32_t i) const {
    bool act =
        (enforce && !raw_leaves) || st.owners[owner].plan->leaves[i].kind == LeafKind::kCredential;
    return act && st.outcomes[owner][i].op == LeafOp::kDrop;
  }

  // When `el` is a scalar that is dropped: moves past it and returns true, so that its key and
  // separator are never written.
  bool SkipDroppedLeaf(simdjson::dom::element el, size_t owner) {
    simdjson::dom::element_type t = el.type();
    if (t == simdjson::dom::element_type::OBJECT || t == simdjson::dom::element_type::ARRAY) {
      return false;
    }
    if (!Dropped(owner, st.cursors[owner])) return false;
    ++st.cursors[owner];
    return true;
  }

  bool Leaf(simdjson::dom::element el, size_t owner) {
    uint32_t i = st.cursors[owner]++;
    const LeafOutcome& outcome = st.outcomes[owner][i];
    bool act =
        (enforce && !raw_leaves) || st.owners[owner].plan->leaves[i].kind == LeafKind::kCredential;
    if (act && outcome.op == LeafOp::kDrop) return false;
    if (slots != nullptr) {
      slots->push_back({static_cast<uint32_t>(out.size()), i, act});
      return true;
    }
    if (act && outcome.op == LeafOp::kReplace) {
      out.append(st.replacements, outcome.begin, outcome.length);
    } else {
      AppendScalar(el, out);
    }
    return true;
  }
};

}  // namespace

Status SplitBody(const PipelineImpl& pipeline, const IntegrationConfig& integration,
                 const PipelineImpl::VendorState& vendor, simdjson::dom::element root,
                 PipelineScratch::State& st) {
  st.owner_count = 0;
  st.path.clear();
  NewOwner(st, integration, vendor, false, root);
  ShapeWalker walker{pipeline, integration, vendor, *vendor.format, root, st, Status::Ok()};
  walker.Visit(root);
  return walker.status;
}

void DescribeLeaves(const EnvelopeFormat& format, simdjson::dom::element body_root,
                    const Owner& owner, PipelineScratch::State& st, std::vector<LeafPlan>& leaves,
                    std::vector<std::vector<std::string>>& segments,
                    std::vector<ContainerPlan>& containers) {
  st.pointer.clear();
  st.logical.clear();
  // The envelope's logical path starts at the body; an event's at the event.
  Describer d{format, body_root, owner, st, leaves, segments, containers, st.path.size(), {}};
  d.Visit(owner.root, false);
}

size_t EmitBody(const EnvelopeFormat& format, simdjson::dom::element root, bool enforce,
                bool add_idempotency_keys, PipelineScratch::State& st, std::string& out,
                bool raw_leaves) {
  st.path.clear();
  st.cursors.assign(st.owner_count, 0);
  st.container_cursors.assign(st.owner_count, 0);
  Emitter e{format, root, enforce, st, out, add_idempotency_keys && enforce};
  e.raw_leaves = raw_leaves;
  e.Visit(root, 0);
  return e.keys_added;
}

}  // namespace metagate::egress
