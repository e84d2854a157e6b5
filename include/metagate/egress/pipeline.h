// Pipeline: the egress decision path. Given who sends (an integration), to whom (a vendor) and a
// request body in the vendor's wire format, it produces the body that may leave and a decision
// record: per event `send_event`, per field the first form of the field's ladder that Cedar's
// `send_field` permits for every class of the field (else the field is dropped). Plans are cached
// per (integration, vendor, event shape) in the scratch; a Pipeline is immutable (a reload builds
// a new one, which invalidates every plan) and thread-safe. See docs/egress.md.
#pragma once

#include <array>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "metagate/egress/config.h"

namespace metagate::egress {

// Fields outside any event (a batch's `sentAt`, OTLP resource attributes) are decided with this
// event name.
inline constexpr std::string_view kEnvelopeEvent = "(envelope)";

// Where a field's classes came from.
enum class ClassSource : uint8_t { kCatalog, kDetector, kUnknown, kStructural, kCredential };
std::string_view ClassSourceName(ClassSource s);

struct FieldDecision {
  std::string path;                  // RFC 6901 pointer into the input body
  std::string field;                 // the path inside its event, as policies see it
  uint32_t event = 0;                // index into FilterResult::events; envelope: UINT32_MAX
  std::vector<std::string> classes;  // empty for structural fields
  std::string form;                  // raw | generalized | pseudonymized | redacted | dropped
  std::vector<std::string> reasons;  // ids of the policies that decided the applied form (or
                                     // refused the last rung, when dropped)
  ClassSource source = ClassSource::kCatalog;
  bool pending = false;  // not in the catalog: waits for approval
};

struct EventDecision {
  std::string name;
  bool allowed = true;
  std::string why;                   // policy | unknown_event | unknown_field | "" when allowed
  std::vector<std::string> reasons;  // policy ids behind the send_event decision
};

// The forms a field can leave in; FilterResult::form_counts follows this order. "replaced" is
// the sender's vendor credential swapped for (or removed in favour of) the configured one.
inline constexpr std::string_view kFieldForms[] = {"raw",      "generalized", "pseudonymized",
                                                   "redacted", "dropped",     "replaced"};
inline constexpr size_t kFieldFormCount = std::size(kFieldForms);

struct FilterResult {
  bool forwarded = false;  // false: nothing leaves (every event blocked, or nothing left)
  std::string body;        // the body that may leave
  std::vector<EventDecision> events;
  std::vector<FieldDecision> fields;
  bool credential_replaced = false;   // the sender's vendor credential was swapped or removed
  size_t idempotency_keys_added = 0;  // with FilterOptions::add_idempotency_keys
  // Fields of allowed events by the form they leave in (recorded even without record_fields).
  std::array<uint32_t, kFieldFormCount> form_counts{};
  // With FilterOptions::hold_unknown: the events blocked only because the catalog does not know
  // them or one of their fields (why unknown_event or unknown_field), each as a body of the
  // vendor's format holding just that event (so each waits only for its own approvals), its
  // values as they came (the credential replaced as in `body`) and an idempotency key added
  // where missing, so a replay after approval can be de-duplicated. `held_events` indexes
  // `events`; `held_bodies` is parallel to it.
  std::vector<uint32_t> held_events;
  std::vector<std::string> held_bodies;
};

// Appends one decision record as a JSON line (no newline): line number, integration, vendor,
// mode, events, fields. Never contains a field value.
void AppendDecisionJson(const FilterResult& result, int64_t line, std::string_view integration,
                        std::string_view vendor, std::string_view mode, std::string& out);

// Why a field leaves in the form it does: each rung of its ladder with Cedar's answer per class.
struct RungDecision {
  std::string form;
  std::string cls;
  bool allowed = false;
  std::vector<std::string> reasons;
};
struct Explanation {
  std::vector<std::string> classes;
  ClassSource source = ClassSource::kCatalog;
  bool event_allowed = false;
  std::vector<std::string> event_reasons;
  std::vector<RungDecision> rungs;  // in the order asked
  std::string form;                 // the form applied, or "dropped"
};

// What an approver may see of a field that waits for approval: the classes the detectors find in
// its value, and the value masked (letters x, digits 9, other ASCII kept, cut at 24 characters;
// numbers "<number>", booleans "<boolean>"). Never the value itself.
struct FieldDescription {
  std::vector<std::string> classes;
  std::string example;
};

// The masked form of a string value, as FieldDescription::example holds it.
std::string MaskExample(std::string_view text);

struct FilterOptions {
  bool record_fields = true;  // fill FilterResult::fields (events are always recorded)
  // Enforce mode: give each allowed event that lacks its vendor's idempotency key (Segment
  // messageId, Mixpanel properties.$insert_id, Amplitude insert_id, PostHog uuid) a random UUID,
  // so a retried delivery can be de-duplicated by the vendor. Observe/discover forward unchanged.
  bool add_idempotency_keys = false;
  // Enforce mode: fill FilterResult::held_body and held_events (quarantine for approval).
  bool hold_unknown = false;
};

// Per-thread working memory (JSON parser, classifier scratch, the plan cache). Reuse it.
class PipelineScratch {
 public:
  PipelineScratch();
  ~PipelineScratch();
  PipelineScratch(const PipelineScratch&) = delete;
  PipelineScratch& operator=(const PipelineScratch&) = delete;
  struct State;
  State& state() { return *state_; }

 private:
  std::unique_ptr<State> state_;
};

class PipelineImpl;

class Pipeline {
 public:
  // Loads everything the config names: policies (validated against the schema when one is
  // given), entities, keys, the classifier; builds the Integration, Vendor and DataClass
  // entities. Errors name the file and, where there is one, line:col.
  static Result<std::shared_ptr<const Pipeline>> Create(const EgressConfig& config);
  ~Pipeline();

  // Decides one request body. Fails (the caller reports it per line) for an unknown
  // integration or vendor and for a body that is not acceptable JSON of the vendor's format;
  // the message never quotes the body.
  Result<FilterResult> Filter(std::string_view integration, std::string_view vendor,
                              std::string_view body, PipelineScratch& scratch,
                              const FilterOptions& options = {}) const;

  // Explains the form of `path` (a catalog-style path inside event `event`). Without `classes`
  // the catalog's classes for the path are used.
  Result<Explanation> Explain(std::string_view integration, std::string_view vendor,
                              std::string_view event, std::string_view path,
                              const std::vector<std::string>& classes) const;

  // Describes the leaves at `pointers` (RFC 6901, into `body`, as FieldDecision::path gives
  // them) for the approvals queue: runs the detectors over the body once.
  Result<std::vector<FieldDescription>> DescribeFields(std::string_view vendor,
                                                       std::string_view body,
                                                       const std::vector<std::string>& pointers,
                                                       PipelineScratch& scratch) const;

  // The class names in `group` (a parent in the taxonomy, or a super-group such as
  // "identifier"), sorted.
  std::vector<std::string> ClassesIn(std::string_view group) const;
  // Whether the taxonomy in force has a class of this name.
  bool KnowsClass(std::string_view name) const;
  // The groups a class is in: its parents and their super-groups (empty for an unknown class).
  std::vector<std::string> GroupsOf(std::string_view name) const;
  // Every class the detectors find anywhere in `body` (a body of `vendor`'s format), sorted.
  Result<std::vector<std::string>> ClassesInBody(std::string_view vendor, std::string_view body,
                                                 PipelineScratch& scratch) const;
  // Every policy in force as (id, its text as the formatter writes it), in load order: what a
  // policy-change record compares.
  std::vector<std::pair<std::string, std::string>> PolicyTexts() const;

  const EgressConfig& config() const;

 private:
  explicit Pipeline(std::unique_ptr<PipelineImpl> impl);
  std::unique_ptr<PipelineImpl> impl_;
};

}  // namespace metagate::egress
