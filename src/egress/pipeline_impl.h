// PipelineImpl: the loaded state behind a Pipeline (policies, entities, catalog, classifier,
// keys) and the per-body steps. A body splits into owners: the envelope and each event. Each
// owner's shape (its keys, leaf types, OTLP attribute names and event name) selects a cached
// OwnerPlan that says, leaf by leaf, what leaves and in which forms; only leaves whose classes
// depend on their value (unknown fields under `classify`, free text) go to the detectors.
#pragma once

#include <simdjson.h>

#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "catalog.h"
#include "formats/envelope.h"
#include "metagate/cedar/authorizer.h"
#include "metagate/classify/classifier.h"
#include "metagate/egress/pipeline.h"
#include "metagate/transform/pseudonymize.h"
#include "metagate/transform/redact.h"
#include "plan_cache.h"
#include "policy_loader.h"

namespace metagate::egress {

inline constexpr size_t kMaxDepth = 128;

// What Cedar said about one field shape: the permitted forms in ladder order, with the policies
// behind each, and the refusal's policies when none is permitted.
struct FieldPlan {
  std::vector<classify::Form> permitted;
  std::vector<std::vector<std::string>> permit_reasons;  // parallel to `permitted`
  std::vector<std::string> refusal_reasons;
};

enum class LeafKind : uint8_t { kNormal, kStructural, kCredential };

// What the plan knows about one leaf of an owner, in walk order.
struct LeafPlan {
  LeafKind kind = LeafKind::kNormal;
  std::string pointer;                     // RFC 6901 pointer from the owner's root
  std::string field;                       // logical path, '.'-joined, as policies see it
  std::vector<classify::ClassId> classes;  // catalog classes (+ combinations when static)
  ClassSource source = ClassSource::kCatalog;
  bool pending = false;       // not in the catalog
  bool unknown_drop = false;  // not in the catalog and not classified: dropped
  bool dynamic = false;       // its classes depend on its value: the detectors run per body
  const FieldPlan* field_plan = nullptr;  // static leaves with classes
};

// One container (object or array) of an owner shape, in walk order. In enforce mode the emitter
// skips a droppable container whole, without walking or writing it.
struct ContainerPlan {
  uint32_t first_leaf = 0;  // its leaves (walk order) are [first_leaf, first_leaf + leaves)
  uint32_t leaves = 0;
  uint32_t containers = 1;   // itself and the containers below it
  bool keeps_shape = false;  // it or a container below it is written whatever its leaves do: an
                             // empty container, an event inside, an idempotency key's parent
  bool droppable = false;    // not keeps_shape, and the plan drops every leaf below it
};

// An event's output under its plan, precomputed by its first emission: the text around its
// written values. It holds for a body whose leaves are written and dropped exactly as then.
struct EmitTemplate {
  static constexpr uint32_t kNewKey = UINT32_MAX;  // a slot for a new idempotency key
  struct Slot {
    uint32_t end;   // the text before this slot ends here
    uint32_t leaf;  // the leaf whose value goes here, or kNewKey
    bool act;       // the leaf's replacement applies (enforce, or the credential)
  };
  bool enforce = false;
  bool add_keys = false;
  bool usable = true;            // false: the event is always walked
  std::vector<uint8_t> dropped;  // per leaf
  std::string text;
  std::vector<Slot> slots;
};

struct ConstantOutcomes;

// The plan of one owner shape for one (integration, vendor) under one Pipeline.
struct OwnerPlan {
  std::string shape;    // the shape key it was built for
  bool allowed = true;  // events: send_event and the unknown-event/field rules
  std::string why;
  std::vector<std::string> reasons;
  bool blocks_all_events = false;  // the envelope holds a field unknown_fields: block refuses
  bool dynamic = false;            // some leaf is dynamic
  std::vector<LeafPlan> leaves;
  std::vector<ContainerPlan> containers;
  bool has_credential = false;  // some leaf is the vendor's ingest credential
  // Built on first use (plans belong to one scratch, so to one thread at a time): the emitter's
  // template, and for static plans the outcomes that do not depend on the body.
  mutable std::unique_ptr<EmitTemplate> emit;
  mutable std::unique_ptr<ConstantOutcomes> constant;
};

// One owner of a body being filtered: the envelope (owner 0) or an event.
struct Owner {
  bool is_event = false;
  simdjson::dom::element root;
  std::string name;     // the event's name
  std::string pointer;  // the event's pointer in the body ("" for the envelope)
  std::string shape;    // the shape key (see ShapeWalker) is its first shape_size bytes
  size_t shape_size = 0;
  std::string_view shape_key() const { return std::string_view(shape.data(), shape_size); }
  std::vector<simdjson::dom::element> leaves;
  const OwnerPlan* plan = nullptr;
  bool allowed = true;  // this body: the plan's decision and the envelope's unknown fields
};

// The outcome of one leaf for this body. Plain data: a plan's constant outcomes are copied whole.
enum class LeafOp : uint8_t { kKeep, kDrop, kReplace };
struct LeafOutcome {
  LeafOp op = LeafOp::kKeep;
  int16_t form = -1;               // index into kFormNames; -1: not decided
  uint32_t begin = 0, length = 0;  // replacement text in State::replacements
  const std::vector<std::string>* reasons = nullptr;
};

// A leaf's classes and embedded spans for this body: dynamic plans only.
struct LeafClasses {
  std::vector<classify::ClassId> classes;
  std::vector<transform::Span> spans;
};

// A static plan's outcomes for an owner that leaves: `outcomes` holds every leaf's outcome that
// does not depend on the body; `per_body` lists the leaves decided per body (a transform, whose
// result or failure depends on the value, and the credential, whose replacement is written per
// body). `country_leaf`: the first leaf of class country, or -1.
struct ConstantOutcomes {
  std::vector<LeafOutcome> outcomes;
  std::vector<uint32_t> per_body;
  int32_t country_leaf = -1;
};

struct PipelineScratch::State {
  simdjson::dom::parser parser;
  std::string buffer;
  classify::ClassifierScratch classifier;
  const void* owner = nullptr;
  uint64_t owner_serial = 0;
  // Plans: owner plans by shape key, field plans by field-shape key. Cleared together (owner
  // plans point into field plans) when either reaches its bound.
  PlanCache owner_plans;
  std::unordered_map<std::string, std::unique_ptr<FieldPlan>> field_plans;
  std::string key;
  // Per body, reused: owners and their outcomes.
  std::vector<Owner> owners;
  size_t owner_count = 0;
  std::vector<std::vector<LeafOutcome>> outcomes;
  std::vector<std::vector<LeafClasses>> leaf_classes;  // per owner of a dynamic plan
  std::string replacements;
  std::vector<uint32_t> cursors;            // per owner, during emission: the next leaf
  std::vector<uint32_t> container_cursors;  // and the next container
  // Walk state.
  std::vector<std::string_view> path;     // body path
  std::vector<std::string> index_text;    // per depth, backing `path` for array indices
  std::vector<std::string_view> logical;  // logical path (describe walks)
  std::string pointer;                    // pointer (describe walks)
  State();
};

class PipelineImpl {
 public:
  EgressConfig config;
  std::shared_ptr<const classify::Classifier> classifier;
  classify::Taxonomy taxonomy;  // the classifier's plus `unclassified`
  classify::ClassId unclassified = classify::kNoClass;
  LoadedPolicies cedar;
  Catalog catalog;
  struct Combination {
    std::vector<classify::ClassId> when;
    classify::ClassId add;
  };
  std::vector<Combination> combinations;
  struct VendorState {
    const VendorConfig* config = nullptr;
    const EnvelopeFormat* format = nullptr;
    std::optional<std::string> ingest_key;
    std::optional<transform::PseudonymKey> pseudonym_key;
  };
  std::unordered_map<std::string, VendorState> vendors;
  std::unordered_map<std::string, const IntegrationConfig*> integrations;
  uint64_t serial = 0;  // distinguishes pipelines that reuse an address

  Result<FilterResult> Filter(const IntegrationConfig& integration, const VendorState& vendor,
                              std::string_view body, const FilterOptions& options,
                              PipelineScratch::State& st) const;

  // Cedar questions (owner_plan.cc).
  bool AskEvent(const IntegrationConfig& integration, const VendorState& vendor,
                std::string_view event, std::vector<std::string>& reasons) const;
  bool AskField(const IntegrationConfig& integration, const VendorState& vendor,
                std::string_view event, std::string_view field, classify::ClassId cls,
                classify::Form form, std::vector<std::string>& reasons) const;
  // The forms every class's ladder holds, in ladder order.
  std::vector<classify::Form> CommonLadder(const std::vector<classify::ClassId>& classes) const;
  const FieldPlan& PlanField(const IntegrationConfig& integration, const VendorState& vendor,
                             std::string_view event, std::string_view field,
                             const std::vector<classify::ClassId>& classes,
                             PipelineScratch::State& st) const;

  // Plans (owner_plan.cc): the cached plan of `owner`, built on a miss (the describe walk
  // needs st.path at the owner's root). A miss also checks the owner for duplicate keys (an
  // error): a shape key lists every key, so bodies that hit a plan have none.
  Result<const OwnerPlan*> PlanOwner(const IntegrationConfig& integration,
                                     const VendorState& vendor, Owner& owner,
                                     PipelineScratch::State& st) const;
  // Decides every leaf of `owner` for this body. `labels` maps body pointers to detector labels
  // (filled only when some plan is dynamic).
  void ApplyPlan(const IntegrationConfig& integration, const VendorState& vendor,
                 const Owner& owner, std::vector<LeafOutcome>& out,
                 std::vector<LeafClasses>& classes,
                 const std::unordered_map<std::string_view, const classify::FieldLabel*>& labels,
                 PipelineScratch::State& st) const;
  void ApplyCombinations(std::vector<std::vector<classify::ClassId>*>& classes) const;

 private:
  std::unique_ptr<OwnerPlan> BuildPlan(const IntegrationConfig& integration,
                                       const VendorState& vendor, Owner& owner,
                                       PipelineScratch::State& st) const;
};

// The names of the forms a leaf outcome can record, indexed by LeafOutcome::form.
inline constexpr const auto& kFormNames = kFieldForms;
inline constexpr int16_t kFormDropped = 4;
inline constexpr int16_t kFormReplaced = 5;

}  // namespace metagate::egress
