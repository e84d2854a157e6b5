// Governance: the data map aggregation, the approvals queue, held events and their replay, and
// the decision records of every request with something to record.
#include "metagate/governance/governance.h"

#include <openssl/evp.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <thread>

#include "hold_cipher.h"
#include "metagate/common/clock.h"
#include "metagate/common/digest.h"
#include "metagate/common/json.h"
#include "metagate/governance/flow_counter.h"

namespace metagate::governance {

namespace {

constexpr size_t kShards = 16;
constexpr size_t kMaxTransformsPerRecord = 256;
constexpr char kSep = '\x1f';

using json::AppendMember;

// Adds one shard's sighting to `into`, summing the counts of the same entry and vendor.
void AddSighting(std::unordered_map<std::string, ApprovalSighting>& into, const std::string& key,
                 ApprovalSighting s) {
  auto [it, inserted] = into.emplace(key, s);
  if (inserted) return;
  it->second.count += s.count;
  it->second.first_seen_ms = std::min(it->second.first_seen_ms, s.first_seen_ms);
  it->second.last_seen_ms = std::max(it->second.last_seen_ms, s.last_seen_ms);
}

}  // namespace

// Counts gathered since the last flush by the threads that hash to this shard.
struct Governance::Shard {
  std::mutex mu;
  FlowCounter flows;
  std::unordered_map<std::string, ApprovalSighting> sightings;  // key: id and vendor
};

Governance::~Governance() = default;

Result<std::unique_ptr<Governance>> Governance::Open(const GovernanceOptions& options,
                                                     AuditSink* audit) {
  std::unique_ptr<Governance> g(new Governance());
  ASSIGN_OR_RETURN(g->store_, GovernanceStore::Open(options.data_dir));
  ASSIGN_OR_RETURN(HoldCipher cipher, HoldCipher::Create(options.hold_key));
  g->cipher_ = std::make_unique<HoldCipher>(std::move(cipher));
  g->audit_ = audit;
  g->hold_ = options.hold;
  for (size_t i = 0; i < kShards; ++i) g->shards_.push_back(std::make_unique<Shard>());
  return g;
}

Governance::Shard& Governance::ShardForThisThread() {
  return *shards_[std::hash<std::thread::id>()(std::this_thread::get_id()) % kShards];
}

Result<int64_t> Governance::ApprovalId(const ApprovalSighting& sighting, std::string_view key,
                                       bool& created, bool& counted) {
  created = false;
  counted = false;
  {
    std::lock_guard lk(ids_mu_);
    auto it = approval_ids_.find(std::string(key));
    if (it != approval_ids_.end()) return it->second;
  }
  std::vector<bool> fresh;
  ASSIGN_OR_RETURN(std::vector<int64_t> ids, store_->NoteApprovals({sighting}, &fresh));
  created = fresh[0];
  counted = true;
  std::lock_guard lk(ids_mu_);
  approval_ids_.emplace(std::string(key), ids[0]);
  return ids[0];
}

Status Governance::Observe(const ObservedRequest& r, egress::PipelineScratch& scratch) {
  const egress::FilterResult& res = *r.result;
  const egress::EgressConfig& config = r.pipeline->config();
  const int64_t now = UnixMillis();
  const bool hold = hold_ && !res.held_events.empty();

  // Each event's decision as the map records it, then the map's counts.
  std::vector<bool> held(res.events.size(), false);
  if (hold) {
    for (uint32_t i : res.held_events) held[i] = true;
  }
  const std::vector<std::string> decisions = EventDecisions(res, config.mode, held);
  auto event_name = [&](const egress::FieldDecision& f) -> std::string_view {
    return f.event == UINT32_MAX ? egress::kEnvelopeEvent
                                 : std::string_view(res.events[f.event].name);
  };
  {
    Shard& shard = ShardForThisThread();
    std::lock_guard lk(shard.mu);
    shard.flows.Add(r.integration, r.vendor, res, decisions, config.mode, now);
  }

  // Approvals: unknown events, and unknown fields of events that are not unknown themselves.
  struct Seen {
    ApprovalSighting sighting;
    std::string pointer;  // one occurrence, for the example
    std::vector<uint32_t> events;
  };
  std::map<std::string, Seen> seen;  // ordered: records come in a stable order
  for (size_t i = 0; i < res.events.size(); ++i) {
    const egress::EventDecision& e = res.events[i];
    if (e.allowed || e.why != "unknown_event") continue;
    std::string key = std::string("event") + kSep + std::string(r.integration) + kSep + e.name;
    Seen& s = seen[key];
    if (s.sighting.count == 0) {
      s.sighting = {
          "event", std::string(r.integration), std::string(r.vendor), e.name, "", {}, "", 0, now,
          now};
    }
    ++s.sighting.count;
    s.events.push_back(static_cast<uint32_t>(i));
  }
  for (const egress::FieldDecision& f : res.fields) {
    if (!f.pending) continue;
    // Fields of an unknown event wait for the event's approval; a denied event's never count.
    if (f.event != UINT32_MAX &&
        (res.events[f.event].why == "unknown_event" || res.events[f.event].why == "denied")) {
      continue;
    }
    std::string_view ev = event_name(f);
    std::string key = std::string("field") + kSep + std::string(r.integration) + kSep +
                      std::string(ev) + kSep + f.field;
    Seen& s = seen[key];
    if (s.sighting.count == 0) {
      s.sighting = {"field",
                    std::string(r.integration),
                    std::string(r.vendor),
                    std::string(ev),
                    f.field,
                    f.classes,
                    "",
                    0,
                    now,
                    now};
      s.pointer = f.path;
    }
    ++s.sighting.count;
    s.events.push_back(f.event);
  }
  // Ids: known ones from the cache; new ones are described (detectors, masked example) and
  // written now, since a held event must name what it waits on.
  std::vector<std::string> unknown_keys;
  {
    std::lock_guard lk(ids_mu_);
    for (const auto& [key, s] : seen) {
      if (!approval_ids_.count(key)) unknown_keys.push_back(key);
    }
  }
  if (!unknown_keys.empty()) {
    std::vector<std::string> pointers;
    for (const std::string& key : unknown_keys) {
      Seen& s = seen[key];
      if (s.sighting.kind != "field") continue;
      pointers.push_back(s.pointer);
    }
    if (!pointers.empty()) {
      Result<std::vector<egress::FieldDescription>> described =
          r.pipeline->DescribeFields(r.vendor, r.body, pointers, scratch);
      if (described.ok()) {
        size_t j = 0;
        for (const std::string& key : unknown_keys) {
          Seen& s = seen[key];
          if (s.sighting.kind != "field") continue;
          const egress::FieldDescription& d = (*described)[j++];
          s.sighting.example = d.example;
          if (!d.classes.empty()) s.sighting.classes = d.classes;
        }
      }
    }
  }
  std::map<uint32_t, std::vector<int64_t>> waits_by_event;  // UINT32_MAX: the envelope's
  for (auto& [key, s] : seen) {
    bool is_new = false, counted = false;
    Result<int64_t> id = ApprovalId(s.sighting, key, is_new, counted);
    if (!id.ok()) {
      if (hold) return id.status();  // cannot say what held events wait on: refuse (503)
      continue;
    }
    for (uint32_t e : s.events) waits_by_event[e].push_back(*id);
    if (is_new) {
      std::string m;
      m += "\"approval\":" + std::to_string(*id);
      AppendMember(m, "subject", s.sighting.kind);
      AppendMember(m, "integration", s.sighting.integration);
      AppendMember(m, "vendor", s.sighting.vendor);
      AppendMember(m, "event", s.sighting.event);
      if (s.sighting.kind == "field") AppendMember(m, "field", s.sighting.path);
      m += ",\"classes\":";
      json::AppendStringArray(m, s.sighting.classes);
      if (audit_ != nullptr) audit_->Record("approval_requested", m);
    }
    if (counted) continue;  // this sighting's count was written with the id
    Shard& shard = ShardForThisThread();
    std::lock_guard lk(shard.mu);
    std::string skey = std::to_string(*id) + kSep + std::string(r.vendor);
    auto [it, inserted] = shard.sightings.emplace(skey, s.sighting);
    if (!inserted) {
      it->second.count += s.sighting.count;
      it->second.last_seen_ms = now;
    }
  }

  // Held events, one entry each: sealed and on disk before the sender is answered.
  std::vector<std::pair<int64_t, std::vector<int64_t>>> held_entries;  // id, waits
  if (hold) {
    for (size_t k = 0; k < res.held_events.size(); ++k) {
      uint32_t i = res.held_events[k];
      // Its own approvals and the envelope's: an unknown envelope field blocks every event, so
      // a replay before both are decided would only be held again.
      std::vector<int64_t> waits;
      auto own = waits_by_event.find(i);
      if (own != waits_by_event.end()) waits = own->second;
      auto env = waits_by_event.find(UINT32_MAX);
      if (env != waits_by_event.end()) {
        waits.insert(waits.end(), env->second.begin(), env->second.end());
      }
      std::sort(waits.begin(), waits.end());
      waits.erase(std::unique(waits.begin(), waits.end()), waits.end());
      HeldEvents h;
      h.integration = std::string(r.integration);
      h.vendor = std::string(r.vendor);
      h.ingest_path = std::string(r.ingest_path);
      h.waits_on = waits;
      h.events = 1;
      h.held_ms = now;
      ASSIGN_OR_RETURN(h.sealed,
                       cipher_->Seal(res.held_bodies[k],
                                     HeldAssociatedData(h.integration, h.vendor, h.ingest_path)));
      ASSIGN_OR_RETURN(int64_t id, store_->Hold(h));
      held_entries.emplace_back(id, std::move(waits));
    }
  }

  // The decision record: blocks, holds and transforms, with the policies behind them.
  if (audit_ == nullptr) return Status::Ok();
  std::string blocked;
  size_t allowed = 0;
  for (size_t i = 0; i < res.events.size(); ++i) {
    const egress::EventDecision& e = res.events[i];
    if (e.allowed) {
      ++allowed;
      continue;
    }
    blocked += blocked.empty() ? "[" : ",";
    blocked += "{\"event\":";
    json::AppendQuoted(blocked, e.name);
    blocked += ",\"why\":";
    json::AppendQuoted(blocked, held[i] ? "held:" + e.why : e.why);
    blocked += ",\"policies\":";
    json::AppendStringArray(blocked, e.reasons);
    blocked += "}";
  }
  // Transforms, aggregated by (event, field, classes, form).
  std::map<std::tuple<std::string_view, std::string_view, std::string, std::string_view>,
           std::pair<size_t, const std::vector<std::string>*>>
      transforms;
  // (Fields waiting for approval are recorded by their approval entry and the data map: a record
  // per request naming each again would only repeat them.)
  std::vector<std::string_view> sorted;
  std::string classes;
  for (const egress::FieldDecision& f : res.fields) {
    if (f.form == "raw" || f.pending || f.source == egress::ClassSource::kStructural) continue;
    if (f.source == egress::ClassSource::kCredential) continue;
    JoinClasses(f.classes, sorted, classes);
    auto& t = transforms[{event_name(f), f.field, classes, f.form}];
    ++t.first;
    t.second = &f.reasons;
  }
  if (blocked.empty() && transforms.empty()) return Status::Ok();
  std::string m;
  AppendMember(m, "integration", r.integration);
  AppendMember(m, "vendor", r.vendor);
  AppendMember(m, "path", r.ingest_path);
  AppendMember(m, "mode", egress::ModeName(config.mode));
  if (r.replay) m += ",\"replay\":true";
  m += ",\"events\":" + std::to_string(res.events.size());
  m += ",\"allowed\":" + std::to_string(allowed);
  if (!blocked.empty()) m += ",\"blocked\":" + blocked + "]";
  if (!held_entries.empty()) {
    m += ",\"held\":[";
    for (size_t k = 0; k < held_entries.size(); ++k) {
      const auto& [id, waits] = held_entries[k];
      m += (k ? ",{\"id\":" : "{\"id\":") + std::to_string(id) + ",\"waits_on\":[";
      for (size_t i = 0; i < waits.size(); ++i) m += (i ? "," : "") + std::to_string(waits[i]);
      m += "]}";
    }
    m += "]";
  }
  if (!transforms.empty()) {
    m += ",\"transforms\":[";
    size_t n = 0;
    for (const auto& [k, v] : transforms) {
      if (n == kMaxTransformsPerRecord) break;
      if (n++) m.push_back(',');
      m += "{\"event\":";
      json::AppendQuoted(m, std::get<0>(k));
      m += ",\"field\":";
      json::AppendQuoted(m, std::get<1>(k));
      m += ",\"classes\":";
      json::AppendQuoted(m, std::get<2>(k));
      m += ",\"form\":";
      json::AppendQuoted(m, std::get<3>(k));
      m += ",\"count\":" + std::to_string(v.first) + ",\"policies\":";
      json::AppendStringArray(m, *v.second);
      m += "}";
    }
    m += "]";
    if (transforms.size() > kMaxTransformsPerRecord) m += ",\"transforms_truncated\":true";
  }
  audit_->Record(held_entries.empty() ? "decision" : "quarantine", m);
  return Status::Ok();
}

Status Governance::Flush() {
  std::lock_guard flush_lock(flush_mu_);
  FlowCounter all;
  std::unordered_map<std::string, ApprovalSighting> sightings;  // key: id and vendor
  for (auto& shard : shards_) {
    std::vector<FlowRow> rows;
    std::unordered_map<std::string, ApprovalSighting> seen;
    {
      std::lock_guard lk(shard->mu);
      rows = shard->flows.Take();
      seen.swap(shard->sightings);
    }
    all.Merge(std::move(rows));
    for (auto& [k, s] : seen) AddSighting(sightings, k, std::move(s));
  }
  std::vector<FlowRow> rows = all.Take();
  Status s = store_->AddFlows(rows);
  if (s.ok()) {
    std::vector<ApprovalSighting> list;
    for (const auto& [k, a] : sightings) list.push_back(a);
    s = store_->NoteApprovals(list).status();
    if (s.ok()) return s;
    rows.clear();  // written: only the approval counts are kept
  }
  // Keep what was not written for the next flush.
  Shard& shard = *shards_[0];
  std::lock_guard lk(shard.mu);
  shard.flows.Merge(std::move(rows));
  for (auto& [k, a] : sightings) AddSighting(shard.sightings, k, std::move(a));
  return s;
}

Result<Approval> Governance::Decide(int64_t id, bool approve,
                                    const std::vector<std::string>& classes, std::string_view by) {
  return store_->Decide(id, approve, classes, by, UnixMillis());
}

Status Governance::LogDecisions() {
  if (audit_ == nullptr) return Status::Ok();
  ASSIGN_OR_RETURN(std::vector<Approval> decided, store_->TakeUnloggedDecisions());
  for (const Approval& a : decided) {
    std::string m = "\"approval\":" + std::to_string(a.id);
    AppendMember(m, "decision", a.status);
    AppendMember(m, "subject", a.kind);
    AppendMember(m, "integration", a.integration);
    AppendMember(m, "event", a.event);
    if (a.kind == "field") AppendMember(m, "field", a.path);
    m += ",\"classes\":";
    json::AppendStringArray(m, a.decided_classes.empty() ? a.classes : a.decided_classes);
    AppendMember(m, "by", a.decided_by);
    m += ",\"decided_ms\":" + std::to_string(a.decided_ms);
    audit_->Record("approval_decided", m);
  }
  return Status::Ok();
}

Result<size_t> Governance::ReplayReady(const Replayer& replay) {
  // Only the entries held before this call: a replay held again (a decision the pipeline does
  // not apply yet) would otherwise be ready at once and replayed over and over.
  ASSIGN_OR_RETURN(int64_t last, store_->LastHeldId());
  size_t done = 0;
  std::set<int64_t> unreadable;  // kept held (a changed hold key?), and skipped by this call
  while (true) {
    ASSIGN_OR_RETURN(std::vector<HeldEvents> ready, store_->ReadyToReplay(64 + unreadable.size()));
    bool progressed = false;
    for (const HeldEvents& h : ready) {
      if (h.id > last) return done;  // oldest first: the rest are newer too
      if (unreadable.count(h.id)) continue;
      Result<std::string> body =
          cipher_->Open(h.sealed, HeldAssociatedData(h.integration, h.vendor, h.ingest_path));
      if (!body.ok()) {
        unreadable.insert(h.id);
        if (audit_ != nullptr) {
          audit_->Record("held_unreadable", "\"held\":" + std::to_string(h.id));
        }
        continue;
      }
      progressed = true;
      RETURN_IF_ERROR(replay(h, *body));
      RETURN_IF_ERROR(store_->DeleteHeld(h.id));
      ++done;
      if (audit_ != nullptr) {
        std::string m = "\"held\":" + std::to_string(h.id);
        AppendMember(m, "integration", h.integration);
        AppendMember(m, "vendor", h.vendor);
        m += ",\"events\":" + std::to_string(h.events);
        audit_->Record("replayed", m);
      }
    }
    if (!progressed) return done;
  }
}

Result<std::vector<std::pair<HeldEvents, std::string>>> Governance::OpenHeld(size_t limit) {
  ASSIGN_OR_RETURN(std::vector<HeldEvents> all, store_->AllHeld(limit));
  std::vector<std::pair<HeldEvents, std::string>> out;
  for (HeldEvents& h : all) {
    Result<std::string> body =
        cipher_->Open(h.sealed, HeldAssociatedData(h.integration, h.vendor, h.ingest_path));
    if (!body.ok()) continue;  // sealed with another key: ReplayReady reports it
    out.emplace_back(std::move(h), std::move(*body));
  }
  return out;
}

std::string Governance::HeldJsonLine(const HeldEvents& h, std::string_view body) {
  std::string out = "{\"id\":" + std::to_string(h.id);
  std::string m;
  AppendMember(m, "integration", h.integration);
  AppendMember(m, "vendor", h.vendor);
  AppendMember(m, "path", h.ingest_path);
  out += "," + m + ",\"held_at_ms\":" + std::to_string(h.held_ms) + ",\"body\":";
  out.append(body);
  out += "}\n";
  return out;
}

Result<std::string> Governance::ExportHeld(size_t limit) {
  ASSIGN_OR_RETURN(auto all, OpenHeld(limit));
  std::string out;
  for (const auto& [h, body] : all) out += HeldJsonLine(h, body);
  return out;
}

void Governance::RecordPolicies(const egress::Pipeline& pipeline, std::string_view why) {
  std::vector<std::pair<std::string, std::string>> digests;
  std::string all;
  for (const auto& [id, text] : pipeline.PolicyTexts()) {
    digests.emplace_back(id, Sha256Hex(text));
    all += id + "\n" + digests.back().second + "\n";
  }
  std::sort(digests.begin(), digests.end());
  std::vector<std::string> added, removed, changed;
  std::lock_guard lk(policies_mu_);
  bool first = policy_digests_.empty();
  std::map<std::string, std::string> before(policy_digests_.begin(), policy_digests_.end());
  for (const auto& [id, d] : digests) {
    auto it = before.find(id);
    if (it == before.end()) {
      added.push_back(id);
    } else if (it->second != d) {
      changed.push_back(id);
    }
    if (it != before.end()) before.erase(it);
  }
  for (const auto& [id, d] : before) removed.push_back(id);
  policy_digests_ = digests;
  if (audit_ == nullptr || (!first && added.empty() && removed.empty() && changed.empty())) return;
  std::string m;
  AppendMember(m, "why", why);
  m += ",\"policies\":" + std::to_string(digests.size());
  AppendMember(m, "digest", Sha256Hex(all));
  m += ",\"added\":";
  json::AppendStringArray(m, added);
  m += ",\"removed\":";
  json::AppendStringArray(m, removed);
  m += ",\"changed\":";
  json::AppendStringArray(m, changed);
  audit_->Record(first ? "policies_loaded" : "policy_change", m);
}

}  // namespace metagate::governance
