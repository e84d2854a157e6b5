// The egress pipeline per body: split it into owners (the envelope and each event) by shape,
// take each owner's cached plan (or build it: catalog, Cedar), run the detectors where a plan
// needs them, apply the transforms and write the body that may leave. See docs/egress.md.
#include "metagate/egress/pipeline.h"

#include <algorithm>
#include <atomic>

#include "body_walk.h"
#include "json_text.h"
#include "pipeline_impl.h"

namespace metagate::egress {

namespace {

using classify::ClassId;
using classify::Form;

constexpr size_t kMaxCachedPlans = 1 << 14;  // per scratch; a flood of new shapes cannot grow it

std::atomic<uint64_t> g_serial{1};

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

Result<FilterResult> PipelineImpl::Filter(const IntegrationConfig& integration,
                                          const VendorState& vendor, std::string_view body,
                                          const FilterOptions& options,
                                          PipelineScratch::State& st) const {
  const bool record_fields = options.record_fields;
  // Plans belong to one pipeline; they are dropped between bodies, never during one (owners
  // hold pointers to them).
  if (st.owner != this || st.owner_serial != serial || st.owner_plans.size() >= kMaxCachedPlans ||
      st.field_plans.size() >= kMaxCachedPlans) {
    st.owner_plans.clear();
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
      return Status::Invalid("the body nests deeper than " + std::to_string(kMaxDepth) + " levels");
    }
    return Status::Invalid(std::string("the body is not valid JSON: ") +
                           simdjson::error_message(err));
  }
  if (!root.is_object() && !root.is_array()) {
    return Status::Invalid("the body is not a JSON object or array");
  }
  RETURN_IF_ERROR(SplitBody(*this, integration, vendor, root, st));
  if (st.owner_count < 2) {
    return Status::Invalid("the body holds no event of format '" + std::string(format.name) + "'");
  }
  st.path.clear();
  ASSIGN_OR_RETURN(st.owners[0].plan, PlanOwner(integration, vendor, st.owners[0], st));

  for (size_t i = 0; i < st.owner_count; ++i) {
    if (st.owners[i].leaves.size() != st.owners[i].plan->leaves.size()) {  // never expected
      return Status::Internal("the body's shape does not match its plan; nothing was sent");
    }
  }
  // The detectors, once per body, when some plan needs them.
  std::unordered_map<std::string_view, const classify::FieldLabel*> labels;
  Result<classify::BodyLabels> detected = classify::BodyLabels{};
  bool dynamic = false;
  for (size_t i = 0; i < st.owner_count; ++i) dynamic = dynamic || st.owners[i].plan->dynamic;
  if (dynamic) {
    detected = classifier->Classify(format.classifier_format, body, st.classifier);
    if (!detected.ok()) return detected.status();
    for (const classify::FieldLabel& f : detected->fields) labels.emplace(f.path, &f);
  }

  const bool enforce = config.mode == Mode::kEnforce;
  const bool envelope_blocks = st.owners[0].plan->blocks_all_events;
  FilterResult result;
  result.events.reserve(st.owner_count - 1);
  bool any_allowed = false;
  for (size_t i = 1; i < st.owner_count; ++i) {
    Owner& ev = st.owners[i];
    ev.allowed = ev.plan->allowed && !envelope_blocks;
    any_allowed = any_allowed || ev.allowed;
    EventDecision d{{}, ev.allowed, ev.plan->why, ev.plan->reasons};  // the name comes last
    if (ev.plan->allowed && envelope_blocks) d.why = "unknown_field";
    result.events.push_back(std::move(d));
  }
  result.forwarded = !enforce || any_allowed;

  st.replacements.clear();
  if (st.outcomes.size() < st.owner_count) {
    st.outcomes.resize(st.owner_count);
    st.leaf_classes.resize(st.owner_count);
  }
  for (size_t i = 0; i < st.owner_count; ++i) {
    ApplyPlan(integration, vendor, st.owners[i], st.outcomes[i], st.leaf_classes[i], labels, st);
  }

  for (size_t i = 0; i < st.owner_count; ++i) {
    const Owner& owner = st.owners[i];
    if (owner.plan->has_credential) result.credential_replaced = true;
    // Counted only for what leaves (structural leaves of a blocked event have a form too).
    const bool counted = owner.is_event ? owner.allowed || !enforce : result.forwarded;
    if (!counted && !record_fields) continue;
    const size_t n = owner.plan->leaves.size();
    const LeafOutcome* outcomes = st.outcomes[i].data();
    for (size_t j = 0; j < n; ++j) {
      const LeafOutcome& o = outcomes[j];
      if (o.form < 0) continue;  // in a blocked event
      if (counted) ++result.form_counts[o.form];
      if (!record_fields) continue;
      const LeafPlan& leaf = owner.plan->leaves[j];
      static const std::vector<ClassId> kNone;
      const std::vector<ClassId>& classes =
          owner.plan->dynamic ? st.leaf_classes[i][j].classes : kNone;
      FieldDecision d;
      d.path = owner.pointer + leaf.pointer;
      d.field = leaf.field;
      d.event = owner.is_event ? static_cast<uint32_t>(i - 1) : UINT32_MAX;
      for (ClassId c : owner.plan->dynamic ? classes : leaf.classes) {
        d.classes.emplace_back(taxonomy.Name(c));
      }
      d.form = std::string(kFormNames[o.form]);
      if (o.reasons != nullptr) d.reasons = *o.reasons;
      d.source = leaf.source;
      if (leaf.dynamic && leaf.source == ClassSource::kUnknown &&
          !(classes.size() == 1 && classes[0] == unclassified)) {
        d.source = ClassSource::kDetector;
      }
      d.pending = leaf.pending;
      result.fields.push_back(std::move(d));
    }
  }
  if (result.forwarded) {
    result.body.reserve(body.size() + 64);  // the output is rarely larger than the input
    result.idempotency_keys_added =
        EmitBody(format, root, enforce, options.add_idempotency_keys, st, result.body);
  }
  if (options.hold_unknown && enforce) {
    for (size_t i = 1; i < st.owner_count; ++i) {
      const EventDecision& d = result.events[i - 1];
      if (!d.allowed && (d.why == "unknown_field" || d.why == "unknown_event")) {
        result.held_events.push_back(static_cast<uint32_t>(i - 1));
      }
    }
    // One body per held event: EmitBody selects events by Owner::allowed, which nothing reads
    // after this.
    for (uint32_t held : result.held_events) {
      for (size_t i = 1; i < st.owner_count; ++i) st.owners[i].allowed = i == held + 1;
      EmitBody(format, root, true, true, st, result.held_bodies.emplace_back(),
               /*raw_leaves=*/true);
    }
  }
  // Owner names are made anew per body: moved, not copied.
  for (size_t i = 1; i < st.owner_count; ++i)
    result.events[i - 1].name = std::move(st.owners[i].name);
  return result;
}

// ---- Pipeline ---------------------------------------------------------------------------------

Pipeline::Pipeline(std::unique_ptr<PipelineImpl> impl) : impl_(std::move(impl)) {}
Pipeline::~Pipeline() = default;

const EgressConfig& Pipeline::config() const { return impl_->config; }

Result<FilterResult> Pipeline::Filter(std::string_view integration, std::string_view vendor,
                                      std::string_view body, PipelineScratch& scratch,
                                      const FilterOptions& options) const {
  auto in = impl_->integrations.find(std::string(integration));
  if (in == impl_->integrations.end()) {
    return Status::NotFound("unknown integration '" + std::string(integration) + "'");
  }
  auto v = impl_->vendors.find(std::string(vendor));
  if (v == impl_->vendors.end()) {
    return Status::NotFound("unknown vendor '" + std::string(vendor) + "'");
  }
  return impl_->Filter(*in->second, v->second, body, options, scratch.state());
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
  if (p.catalog.EventDenied(in->second->id, event)) {
    ex.event_allowed = false;
    ex.event_reasons.clear();
  }
  if (ex.event_allowed && event != kEnvelopeEvent && !p.catalog.EventKnown(in->second->id, event) &&
      p.config.unknown_events == UnknownEvents::kBlock) {
    ex.event_allowed = false;
    ex.event_reasons.clear();
  }
  ASSIGN_OR_RETURN(std::vector<std::string> segments, SplitFieldPath(path));
  LeafPlan leaf;  // the field as a plan would see it
  for (size_t i = 0; i < segments.size(); ++i) {
    if (i) leaf.field.push_back('.');
    leaf.field += segments[i];
  }
  if (!classes.empty()) {
    for (const std::string& name : classes) {
      std::optional<ClassId> id = p.taxonomy.Find(name);
      if (!id) {
        return Status::Invalid("unknown class '" + name + "' (see `metagate classify --taxonomy`)");
      }
      leaf.classes.push_back(*id);
    }
    ex.source = ClassSource::kDetector;
  } else {
    std::vector<std::string_view> segs(segments.begin(), segments.end());
    bool denied = false;
    const std::vector<ClassId>* declared =
        p.catalog.Find(in->second->id, event, segs, leaf.field, &denied);
    if (denied) {
      ex.source = ClassSource::kCatalog;
      ex.form = "dropped";
      return ex;
    }
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
    ASSIGN_OR_RETURN(
        impl->unclassified,
        impl->taxonomy.Define(
            {"unclassified", {}, {Form::kRaw}, "a field no catalog entry or detector classifies"}));
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
      vs.pseudonym_key =
          vc.own_pseudonym_key ? transform::DeriveVendorKey(*master, vc.id) : *master;
    }
    impl->vendors.emplace(vc.id, std::move(vs));
  }
  for (const IntegrationConfig& ic : impl->config.integrations) {
    impl->integrations.emplace(ic.id, &ic);
  }
  return std::shared_ptr<const Pipeline>(new Pipeline(std::move(impl)));
}

}  // namespace metagate::egress
