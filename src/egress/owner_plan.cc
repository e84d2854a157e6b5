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
  return plan;
}

Result<const OwnerPlan*> PipelineImpl::PlanOwner(const IntegrationConfig& integration,
                                                 const VendorState& vendor, Owner& owner,
                                                 PipelineScratch::State& st) const {
  // The shape key starts with the integration, the vendor and the owner's kind (SplitBody).
  auto it = st.owner_plans.find(owner.shape_key());
  if (it != st.owner_plans.end()) return it->second.get();
  if (std::optional<size_t> depth = FindDuplicateKey(owner.root)) {
    // Named by depth only: keys can be data (a map keyed by e-mail addresses).
    return Status::Invalid("an object has a duplicate key (at depth " +
                           std::to_string(st.path.size() + *depth) + ")");
  }
  std::unique_ptr<OwnerPlan> plan = BuildPlan(integration, vendor, owner, st);
  return st.owner_plans.emplace(std::string(owner.shape_key()), std::move(plan))
      .first->second.get();
}

// ---- Applying a plan to one body ----------------------------------------------------------

void PipelineImpl::ApplyPlan(
    const IntegrationConfig& integration, const VendorState& vendor, const Owner& owner,
    std::vector<LeafOutcome>& out,
    const std::unordered_map<std::string_view, const classify::FieldLabel*>& labels,
    PipelineScratch::State& st) const {
  const OwnerPlan& plan = *owner.plan;
  const bool discover = config.mode == Mode::kDiscover;
  const bool enforce = config.mode == Mode::kEnforce;
  out.resize(plan.leaves.size());
  for (LeafOutcome& o : out) {
    o.op = LeafOp::kKeep;
    o.form = -1;
    o.reasons = nullptr;
    if (plan.dynamic) {  // static plans never fill these
      o.classes.clear();
      o.spans.clear();
    }
  }
  std::string_view ev = owner.is_event ? std::string_view(owner.name) : kEnvelopeEvent;

  // Dynamic owners: this body's classes, from the plan and the detectors, then combinations.
  if (plan.dynamic) {
    std::string pointer;
    std::vector<std::vector<ClassId>*> all;
    for (size_t i = 0; i < plan.leaves.size(); ++i) {
      const LeafPlan& leaf = plan.leaves[i];
      LeafOutcome& o = out[i];
      o.classes = leaf.classes;
      if (leaf.dynamic) {
        pointer.assign(owner.pointer);
        pointer.append(leaf.pointer);
        auto it = labels.find(pointer);
        if (it != labels.end()) {
          for (const std::string& name : it->second->classes) {
            std::optional<ClassId> id = taxonomy.Find(name);
            if (id && !HasClass(o.classes, *id)) o.classes.push_back(*id);
          }
          std::string_view text;
          if (!owner.leaves[i].get_string().get(text)) {
            for (const classify::LabelSpan& s : it->second->spans) {
              o.spans.push_back(transform::Span{utf8::ByteOffsetOfCodePoint(text, s.begin),
                                                utf8::ByteOffsetOfCodePoint(text, s.end), s.cls});
            }
          }
        }
        if (o.classes.empty()) o.classes.push_back(unclassified);
        // A declared field the detectors also label: `unclassified` gives way to what they found.
        if (o.classes.size() > 1 && o.classes.front() == unclassified) {
          o.classes.erase(o.classes.begin());
        }
      }
      all.push_back(&o.classes);
    }
    if (!discover) ApplyCombinations(all);
  }

  // The event's country, for generalizing cities, regions and postal codes (found on demand).
  std::optional<std::optional<std::string_view>> country;
  auto find_country = [&]() -> std::optional<std::string_view> {
    if (!country) {
      country.emplace();
      for (size_t j = 0; j < plan.leaves.size(); ++j) {
        const std::vector<ClassId>& cls = plan.dynamic ? out[j].classes : plan.leaves[j].classes;
        std::string_view s;
        if (HasClass(cls, classify::kCountry) && !owner.leaves[j].get_string().get(s)) {
          *country = s;
          break;
        }
      }
    }
    return *country;
  };

  const transform::PseudonymKey* key = vendor.pseudonym_key ? &*vendor.pseudonym_key : nullptr;
  for (size_t i = 0; i < plan.leaves.size(); ++i) {
    const LeafPlan& leaf = plan.leaves[i];
    LeafOutcome& o = out[i];
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
        continue;
      case LeafKind::kStructural:
        o.form = 0;
        continue;
      case LeafKind::kNormal:
        break;
    }
    if (leaf.unknown_drop) {
      o.op = LeafOp::kDrop;
      o.form = kFormDropped;
      continue;
    }
    if (discover) {
      o.form = 0;
      continue;
    }
    if (!owner.allowed && enforce) continue;  // the event does not leave at all
    const std::vector<ClassId>& classes = plan.dynamic ? o.classes : leaf.classes;
    const FieldPlan& fp = plan.dynamic ? PlanField(integration, vendor, ev, leaf.field, classes, st)
                                       : *leaf.field_plan;
    o.op = LeafOp::kDrop;
    o.form = kFormDropped;
    o.reasons = &fp.refusal_reasons;
    std::string text;
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
          text = ScalarText(owner.leaves[i], is_number);
          have_text = true;
        }
        FieldValue value;
        value.text = text;
        value.is_number = is_number;
        value.classes = classes;
        if (plan.dynamic) value.spans = o.spans;  // static plans have none (stale otherwise)
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
  }
}

}  // namespace metagate::egress
