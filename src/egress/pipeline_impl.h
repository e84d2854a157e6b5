// PipelineImpl: the loaded state behind a Pipeline (policies, entities, catalog, classifier,
// keys) and the per-body steps: collect leaves, classify, decide, transform, emit.
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
#include "policy_loader.h"

namespace metagate::egress {

inline constexpr uint32_t kNoEvent = UINT32_MAX;

// What Cedar said about one event name for one (integration, vendor).
struct EventPlan {
  bool allowed = false;
  std::vector<std::string> reasons;
};

// What Cedar said about one field shape: the permitted forms in ladder order, with the policies
// behind each, and the refusal's policies when none is permitted.
struct FieldPlan {
  std::vector<classify::Form> permitted;
  std::vector<std::vector<std::string>> permit_reasons;  // parallel to `permitted`
  std::vector<std::string> refusal_reasons;
};

enum class LeafKind : uint8_t { kNormal, kStructural, kCredential };

// One scalar of the body, from collection to its outcome.
struct Leaf {
  std::string pointer;                // RFC 6901 pointer into the body
  std::string field;                  // logical path, '.'-joined
  std::vector<std::string> segments;  // logical path segments
  uint32_t event = kNoEvent;
  simdjson::dom::element el;
  LeafKind kind = LeafKind::kNormal;
  std::vector<classify::ClassId> classes;  // whole-value classes first
  std::vector<transform::Span> spans;      // embedded values, bytes
  ClassSource source = ClassSource::kCatalog;
  bool pending = false;
  bool unknown_dropped = false;  // dropped because the catalog does not list it
  // Outcome.
  bool drop = false;
  bool replace = false;
  std::string replacement;  // JSON text
  std::string form;         // as recorded
  std::vector<std::string> reasons;
};

struct EventInfo {
  std::string name;
  bool allowed = true;
  std::string why;
  std::vector<std::string> reasons;
};

struct PipelineScratch::State {
  simdjson::dom::parser parser;
  std::string buffer;
  classify::ClassifierScratch classifier;
  const void* owner = nullptr;
  uint64_t owner_serial = 0;
  std::unordered_map<std::string, EventPlan> event_plans;
  std::unordered_map<std::string, FieldPlan> field_plans;
  std::string key;
  // Walk state (see Walker and Emitter in pipeline.cc).
  std::vector<std::string_view> path;     // body path
  std::vector<std::string> index_text;    // per depth, backing `path` for array indices
  std::vector<std::string_view> logical;  // logical path from the root
  std::string pointer;
  std::vector<Leaf> leaves;
  std::vector<EventInfo> events;
  size_t cursor = 0;  // next leaf during emission
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
                              std::string_view body, PipelineScratch::State& st) const;
  const EventPlan& PlanEvent(const IntegrationConfig& integration, const VendorState& vendor,
                             const std::string& event, PipelineScratch::State& st) const;
  const FieldPlan& PlanField(const IntegrationConfig& integration, const VendorState& vendor,
                             std::string_view event, const Leaf& leaf,
                             PipelineScratch::State& st) const;
  // Asks Cedar about one rung; fills `reasons`.
  bool AskField(const IntegrationConfig& integration, const VendorState& vendor,
                std::string_view event, std::string_view field, classify::ClassId cls,
                classify::Form form, std::vector<std::string>& reasons) const;
  bool AskEvent(const IntegrationConfig& integration, const VendorState& vendor,
                std::string_view event, std::vector<std::string>& reasons) const;
  // The forms every class's ladder holds, in ladder order.
  std::vector<classify::Form> CommonLadder(const std::vector<classify::ClassId>& classes) const;
  void Classify(const IntegrationConfig& integration, const VendorState& vendor,
                std::string_view body, PipelineScratch::State& st) const;
  void Decide(const IntegrationConfig& integration, const VendorState& vendor,
              PipelineScratch::State& st) const;
};

}  // namespace metagate::egress
