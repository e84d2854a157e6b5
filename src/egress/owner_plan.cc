// Plans: what Cedar says about an owner's shape (built once, cached per scratch), and applying
// a plan to one body's values (transforms, the detectors for dynamic leaves).
#include <algorithm>

#include "body_walk.h"
#include "field_transform.h"
#include "json_text.h"
#include "metagate/common/json.h"
#include "metagate/common/utf8.h"
#include "pipeline_impl.h"

namespace metagate::egress {

namespace {

using classify::ClassId;
using classify::Form;

void AppendKey(std::string& key, std::string_view part) {
  key.append(part);
  key.push_back('\x1f');
}

bool HasClass(const std::vector<ClassId>& classes, ClassId c) {
  return std::find(classes.begin(), classes.end(), c) != classes.end();
}

}  // namespace

// ---- Cedar questions ------------------------------------------------------------------------

bool PipelineImpl::AskEvent(const IntegrationConfig& integration, const VendorState& vendor,
                            std::string_view event, std::vector<std::string>& reasons) const {
  cedar::Request req;
  req.principal = cedar::EntityUid("Integration", integration.id);
  req.action = cedar::EntityUid("Action", "send_event");
  req.resource = cedar::EntityUid("Vendor", vendor.config->id);
  req.context =
      cedar::Value::Record({{"environment", cedar::Value::String(integration.environment)},
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
  req.context = cedar::Value::Record(
      {{"environment", cedar::Value::String(integration.environment)},
       {"event", cedar::Value::String(std::string(event))},
       {"path", cedar::Value::String(std::string(field))},
       {"class",
        cedar::Value::Entity(cedar::EntityUid("DataClass", std::string(taxonomy.Name(cls))))},
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

const FieldPlan& PipelineImpl::PlanField(const IntegrationConfig& integration,
                                         const VendorState& vendor, std::string_view event,
                                         std::string_view field,
                                         const std::vector<ClassId>& classes,
                                         PipelineScratch::State& st) const {
  st.key.clear();
  AppendKey(st.key, integration.id);
  AppendKey(st.key, vendor.config->id);
  AppendKey(st.key, event);
  AppendKey(st.key, field);
  for (ClassId c : classes) {
    st.key.push_back(static_cast<char>(c >> 8));
    st.key.push_back(static_cast<char>(c & 0xff));
  }
  auto it = st.field_plans.find(st.key);
  if (it != st.field_plans.end()) return *it->second;
  auto plan = std::make_unique<FieldPlan>();
  for (Form form : CommonLadder(classes)) {
    std::vector<std::string> all_reasons;
    bool allowed = true;
    for (ClassId c : classes) {
      std::vector<std::string> reasons;
      if (!AskField(integration, vendor, event, field, c, form, reasons)) {
        allowed = false;
        plan->refusal_reasons = std::move(reasons);
        break;
      }
      for (std::string& r : reasons) {
        if (!std::count(all_reasons.begin(), all_reasons.end(), r)) {
          all_reasons.push_back(std::move(r));
        }
      }
    }
    if (allowed) {
      std::sort(all_reasons.begin(), all_reasons.end());
      plan->permitted.push_back(form);
      plan->permit_reasons.push_back(std::move(all_reasons));
    }
  }
  return *st.field_plans.emplace(st.key, std::move(plan)).first->second;
}

// ---- Owner plans ------------------------------------------------------------------------------

void PipelineImpl::ApplyCombinations(std::vector<std::vector<ClassId>*>& classes) const {
  for (const Combination& c : combinations) {
    std::vector<bool> seen(c.when.size());
    for (const std::vector<ClassId>* cls : classes) {
      for (size_t w = 0; w < c.when.size(); ++w) seen[w] = seen[w] || HasClass(*cls, c.when[w]);
    }
    if (std::find(seen.begin(), seen.end(), false) != seen.end()) continue;
    for (std::vector<ClassId>* cls : classes) {
      bool holds = std::any_of(cls->begin(), cls->end(), [&](ClassId x) {
        return std::find(c.when.begin(), c.when.end(), x) != c.when.end();
      });
      if (holds && !HasClass(*cls, c.add)) cls->push_back(c.add);
    }
  }
}

std::unique_ptr<OwnerPlan> PipelineImpl::BuildPlan(const IntegrationConfig& integration,
                                                   const VendorState& vendor, Owner& owner,
                                                   PipelineScratch::State& st) const {
  auto plan = std::make_unique<OwnerPlan>();
  std::vector<std::vector<std::string>> segments;
  DescribeLeaves(*vendor.format, st.owners[0].root, owner, st, plan->leaves, segments,
                 plan->containers);
  const bool discover = config.mode == Mode::kDiscover;
  const bool classify_unknown = config.unknown_fields == UnknownFields::kClassify || discover;
  std::string_view ev = owner.is_event ? std::string_view(owner.name) : kEnvelopeEvent;
  bool any_unknown_dropped = false;
  for (size_t i = 0; i < plan->leaves.size(); ++i) {
    LeafPlan& leaf = plan->leaves[i];
    if (leaf.kind != LeafKind::kNormal) continue;
    std::vector<std::string_view> segs(segments[i].begin(), segments[i].end());
    bool denied = false;
    const std::vector<ClassId>* declared =
        catalog.Find(integration.id, ev, segs, leaf.field, &denied);
    if (denied) {  // an approver said no: dropped, and no longer waiting
      leaf.source = ClassSource::kCatalog;
      leaf.unknown_drop = true;
    } else if (declared != nullptr) {
      leaf.source = ClassSource::kCatalog;
      leaf.classes = *declared;
      for (ClassId c : leaf.classes) {
        const std::vector<std::string>& parents = taxonomy.Info(c).parents;
        if (std::count(parents.begin(), parents.end(), "free_text")) {
          leaf.dynamic = true;  // free text: the detectors find the spans to redact
        }
      }
    } else {
      leaf.pending = true;
      leaf.source = ClassSource::kUnknown;
      if (classify_unknown) {
        leaf.dynamic = true;
      } else {
        leaf.unknown_drop = true;
        any_unknown_dropped = true;
      }
    }
    plan->dynamic = plan->dynamic || leaf.dynamic;
  }
  // Containers whose every leaf is dropped whatever its value (unknown or denied fields).
  for (ContainerPlan& c : plan->containers) {
    c.droppable = !c.keeps_shape && c.leaves > 0;
    for (uint32_t i = c.first_leaf; c.droppable && i < c.first_leaf + c.leaves; ++i) {
      const LeafPlan& leaf = plan->leaves[i];
      c.droppable = leaf.kind == LeafKind::kNormal && leaf.unknown_drop;
    }
  }
  if (!discover) {
    if (owner.is_event) {
      plan->allowed = AskEvent(integration, vendor, owner.name, plan->reasons);
      if (catalog.EventDenied(integration.id, owner.name)) {
        plan->allowed = false;
        plan->why = "denied";
        plan->reasons.clear();
      } else if (!catalog.EventKnown(integration.id, owner.name) &&
                 config.unknown_events == UnknownEvents::kBlock) {
        plan->allowed = false;
        plan->why = "unknown_event";
      } else if (!plan->allowed) {
        plan->why = "policy";
      }
    }
    if (any_unknown_dropped && config.unknown_fields == UnknownFields::kBlock) {
      if (owner.is_event && plan->allowed) {
        plan->allowed = false;
        plan->why = "unknown_field";
      }
      if (!owner.is_event) plan->blocks_all_events = true;
    }
  }
  if (!plan->dynamic && !discover) {
    std::vector<std::vector<ClassId>*> classes;
    for (LeafPlan& leaf : plan->leaves) classes.push_back(&leaf.classes);
    ApplyCombinations(classes);
    for (LeafPlan& leaf : plan->leaves) {
      if (leaf.kind == LeafKind::kNormal && !leaf.unknown_drop && !leaf.classes.empty()) {
        leaf.field_plan = &PlanField(integration, vendor, ev, leaf.field, leaf.classes, st);
      }
    }
  }
  for (const LeafPlan& leaf : plan->leaves) {
    plan->has_credential = plan->has_credential || leaf.kind == LeafKind::kCredential;
  }
  return plan;
}

Result<const OwnerPlan*> PipelineImpl::PlanOwner(const IntegrationConfig& integration,
                                                 const VendorState& vendor, Owner& owner,
                                                 PipelineScratch::State& st) const {
  // The shape key starts with the integration, the vendor and the owner's kind (SplitBody).
  const uint64_t hash = PlanCache::Hash(owner.shape_key());
  if (const OwnerPlan* plan = st.owner_plans.Find(owner.shape_key(), hash)) return plan;
  if (std::optional<size_t> depth = FindDuplicateKey(owner.root)) {
    // Named by depth only: keys can be data (a map keyed by e-mail addresses).
    return Status::Invalid("an object has a duplicate key (at depth " +
                           std::to_string(st.path.size() + *depth) + ")");
  }
  std::unique_ptr<OwnerPlan> plan = BuildPlan(integration, vendor, owner, st);
  return st.owner_plans.Insert(owner.shape_key(), hash, std::move(plan));
}

// ---- Applying a plan to one body ----------------------------------------------------------

void PipelineImpl::ApplyPlan(
    const IntegrationConfig& integration, const VendorState& vendor, const Owner& owner,
    std::vector<LeafOutcome>& out, std::vector<LeafClasses>& leaf_classes,
    const std::unordered_map<std::string_view, const classify::FieldLabel*>& labels,
    PipelineScratch::State& st) const {
  const OwnerPlan& plan = *owner.plan;
  const bool discover = config.mode == Mode::kDiscover;
  const bool enforce = config.mode == Mode::kEnforce;
  const size_t n = plan.leaves.size();
  std::string_view ev = owner.is_event ? std::string_view(owner.name) : kEnvelopeEvent;
  // A static plan for an owner that leaves: its constant outcomes, then the per-body leaves.
  const bool constant = !plan.dynamic && (owner.allowed || !enforce);

  // Dynamic owners: this body's classes, from the plan and the detectors, then combinations.
  if (plan.dynamic) {
    leaf_classes.resize(n);
    std::string pointer;
    std::vector<std::vector<ClassId>*> all;
    for (size_t i = 0; i < n; ++i) {
      const LeafPlan& leaf = plan.leaves[i];
      LeafClasses& lc = leaf_classes[i];
      lc.classes = leaf.classes;
      lc.spans.clear();
      if (leaf.dynamic) {
        pointer.assign(owner.pointer);
        pointer.append(leaf.pointer);
        auto it = labels.find(pointer);
        if (it != labels.end()) {
          for (const std::string& name : it->second->classes) {
            std::optional<ClassId> id = taxonomy.Find(name);
            if (id && !HasClass(lc.classes, *id)) lc.classes.push_back(*id);
          }
          std::string_view text;
          if (!owner.leaves[i].get_string().get(text)) {
            for (const classify::LabelSpan& sp : it->second->spans) {
              lc.spans.push_back(transform::Span{utf8::ByteOffsetOfCodePoint(text, sp.begin),
                                                 utf8::ByteOffsetOfCodePoint(text, sp.end),
                                                 sp.cls});
            }
          }
        }
        if (lc.classes.empty()) lc.classes.push_back(unclassified);
        // A declared field the detectors also label: `unclassified` gives way to what they found.
        if (lc.classes.size() > 1 && lc.classes.front() == unclassified) {
          lc.classes.erase(lc.classes.begin());
        }
      }
      all.push_back(&lc.classes);
    }
    if (!discover) ApplyCombinations(all);
  }
  auto classes_of = [&](size_t j) -> const std::vector<ClassId>& {
    return plan.dynamic ? leaf_classes[j].classes : plan.leaves[j].classes;
  };

  // The event's country, for generalizing cities, regions and postal codes (found on demand).
  std::optional<std::optional<std::string_view>> country;
  auto find_country = [&]() -> std::optional<std::string_view> {
    if (!country) {
      country.emplace();
      if (constant) {
        std::string_view s;
        int32_t j = plan.constant->country_leaf;
        if (j >= 0 && !owner.leaves[j].get_string().get(s)) *country = s;
      } else {
        for (size_t j = 0; j < n; ++j) {
          std::string_view s;
          if (HasClass(classes_of(j), classify::kCountry) && !owner.leaves[j].get_string().get(s)) {
            *country = s;
            break;
          }
        }
      }
    }
    return *country;
  };

  const transform::PseudonymKey* key = vendor.pseudonym_key ? &*vendor.pseudonym_key : nullptr;
  // Decides leaf i; returns false when its outcome would be the same for every body of the shape
  // (used once per static plan, to find the leaves decided per body).
  auto decide = [&](size_t i) -> bool {
    const LeafPlan& leaf = plan.leaves[i];
    LeafOutcome& o = out[i];
    o = LeafOutcome{};
    switch (leaf.kind) {
      case LeafKind::kCredential:
        if (vendor.ingest_key) {
          o.op = LeafOp::kReplace;
          o.begin = static_cast<uint32_t>(st.replacements.size());
          json::AppendQuoted(st.replacements, *vendor.ingest_key);
          o.length = static_cast<uint32_t>(st.replacements.size() - o.begin);
          o.form = kFormReplaced;
        } else {
          o.op = LeafOp::kDrop;
          o.form = kFormDropped;
        }
        return true;
      case LeafKind::kStructural:
        o.form = 0;
        return false;
      case LeafKind::kNormal:
        break;
    }
    if (leaf.unknown_drop) {
      o.op = LeafOp::kDrop;
      o.form = kFormDropped;
      return false;
    }
    if (discover) {
      o.form = 0;
      return false;
    }
    if (!owner.allowed && enforce) return false;  // the event does not leave at all
    const std::vector<ClassId>& classes = classes_of(i);
    const FieldPlan& fp = plan.dynamic ? PlanField(integration, vendor, ev, leaf.field, classes, st)
                                       : *leaf.field_plan;
    o.op = LeafOp::kDrop;
    o.form = kFormDropped;
    o.reasons = &fp.refusal_reasons;
    std::string number;     // a number's (or a boolean's) JSON text
    std::string_view text;  // a string's own bytes, in the parse
    bool have_text = false, is_number = false;
    for (size_t f = 0; f < fp.permitted.size(); ++f) {
      Form form = fp.permitted[f];
      if (form == Form::kRaw) {
        o.op = LeafOp::kKeep;
      } else if (owner.leaves[i].is_null()) {
        // A null carries no value to transform: it leaves as null in any permitted form (a
        // pseudonym of "null" would make every absent id look like one user to the vendor).
        o.op = LeafOp::kKeep;
      } else {
        if (!have_text) {
          if (owner.leaves[i].get_string().get(text) != simdjson::SUCCESS) {
            is_number = owner.leaves[i].is_number();
            AppendScalar(owner.leaves[i], number);
            text = number;
          }
          have_text = true;
        }
        FieldValue value;
        value.text = text;
        value.is_number = is_number;
        value.classes = classes;
        if (plan.dynamic) value.spans = leaf_classes[i].spans;  // static plans have none
        if (HasClass(classes, classify::kCity) || HasClass(classes, classify::kRegion) ||
            HasClass(classes, classify::kPostalCode)) {
          value.country = find_country();
        }
        value.key = key;
        size_t begin = st.replacements.size();
        if (!ApplyForm(form, value, taxonomy, st.replacements).ok()) {
          continue;  // this value cannot take this form: try the next one
        }
        o.op = LeafOp::kReplace;
        o.begin = static_cast<uint32_t>(begin);
        o.length = static_cast<uint32_t>(st.replacements.size() - begin);
      }
      o.form = static_cast<int16_t>(form);
      o.reasons = &fp.permit_reasons[f];
      break;
    }
    // Raw first (or nothing permitted) is the same for every value; a transform is not.
    return !fp.permitted.empty() && fp.permitted[0] != Form::kRaw;
  };

  out.resize(n);
  if (!constant) {
    for (size_t i = 0; i < n; ++i) decide(i);
    return;
  }
  if (plan.constant == nullptr) {
    auto c = std::make_unique<ConstantOutcomes>();
    for (size_t j = 0; j < n && c->country_leaf < 0; ++j) {
      if (HasClass(plan.leaves[j].classes, classify::kCountry)) {
        c->country_leaf = static_cast<int32_t>(j);
      }
    }
    plan.constant = std::move(c);
    for (size_t i = 0; i < n; ++i) {
      if (decide(i)) plan.constant->per_body.push_back(static_cast<uint32_t>(i));
    }
    plan.constant->outcomes = out;
    return;
  }
  std::copy(plan.constant->outcomes.begin(), plan.constant->outcomes.end(), out.begin());
  for (uint32_t i : plan.constant->per_body) decide(i);
}

}  // namespace metagate::egress
