#include "metagate/governance/admin_service.h"

#include <map>
#include <set>

#include "metagate/common/clock.h"
#include "metagate/common/json.h"
#include "metagate/governance/decision_log.h"
#include "metagate/governance/decision_log_read.h"
#include "metagate/governance/decision_log_verify.h"

namespace metagate::governance {

namespace {

constexpr size_t kMaxHeldExport = 10000;

using json::AppendMember;

}  // namespace

void AppendApprovalJson(std::string& out, const Approval& a) {
  out += "{\"id\":" + std::to_string(a.id);
  AppendMember(out, "kind", a.kind);
  AppendMember(out, "status", a.status);
  AppendMember(out, "integration", a.integration);
  AppendMember(out, "event", a.event);
  if (a.kind == "field") AppendMember(out, "field", a.path);
  out += ",\"vendors\":";
  json::AppendStringArray(out, a.vendors);
  out += ",\"classes\":";
  json::AppendStringArray(out, a.classes);
  AppendMember(out, "example", a.example);
  out += ",\"count\":" + std::to_string(a.count);
  out += ",\"first_seen_ms\":" + std::to_string(a.first_seen_ms);
  out += ",\"last_seen_ms\":" + std::to_string(a.last_seen_ms);
  if (a.status != "pending") {
    out += ",\"decided_classes\":";
    json::AppendStringArray(out, a.decided_classes);
    AppendMember(out, "decided_by", a.decided_by);
    out += ",\"decided_ms\":" + std::to_string(a.decided_ms);
  }
  out += "}";
}

Result<FlowMap> ReadFlowMap(GovernanceStore& store, const egress::Pipeline* pipeline,
                            std::optional<int64_t> since_ms, std::string source) {
  FlowMap map;
  ASSIGN_OR_RETURN(map.rows, store.Flows());
  map.generated_ms = UnixMillis();
  map.source = std::move(source);
  map.since_ms = since_ms;
  if (pipeline != nullptr) {
    for (std::string& c : pipeline->ClassesIn("identifier")) map.identifier_classes.insert(c);
  }
  return map;
}

Result<std::string> GovernanceAdminBackend::MapDocument(std::optional<int64_t> since_ms,
                                                        MapFormat format) {
  RETURN_IF_ERROR(d_.governance->Flush());
  std::shared_ptr<const egress::Pipeline> p = d_.pipeline ? d_.pipeline() : nullptr;
  ASSIGN_OR_RETURN(FlowMap map, ReadFlowMap(d_.governance->store(), p.get(), since_ms, d_.source));
  return RenderMap(map, format);
}

Result<std::string> GovernanceAdminBackend::ListApprovals(std::string_view status) {
  RETURN_IF_ERROR(d_.governance->Flush());  // counts up to now
  ASSIGN_OR_RETURN(std::vector<Approval> all, d_.governance->store().Approvals(status));
  std::string out = "[";
  for (size_t i = 0; i < all.size(); ++i) {
    if (i) out.push_back(',');
    AppendApprovalJson(out, all[i]);
  }
  return out + "]";
}

Result<ApprovalInfo> GovernanceAdminBackend::GetApproval(int64_t id) {
  ASSIGN_OR_RETURN(Approval a, d_.governance->store().GetApproval(id));
  return ApprovalInfo{a.id, a.kind, a.integration, a.event, a.path, a.status, a.vendors, a.classes};
}

Result<std::string> GovernanceAdminBackend::Approve(int64_t id,
                                                    const std::vector<std::string>& classes,
                                                    std::string_view by) {
  std::shared_ptr<const egress::Pipeline> p = d_.pipeline ? d_.pipeline() : nullptr;
  for (const std::string& c : classes) {
    if (p != nullptr && !p->KnowsClass(c)) {
      return Status::Invalid("unknown class '" + c + "' (see `metagate classify --taxonomy`)");
    }
  }
  ASSIGN_OR_RETURN(Approval a, d_.governance->Decide(id, true, classes, by));
  if (d_.decided) d_.decided();
  std::string out;
  AppendApprovalJson(out, a);
  return out;
}

Result<std::string> GovernanceAdminBackend::Deny(int64_t id, std::string_view by) {
  ASSIGN_OR_RETURN(Approval a, d_.governance->Decide(id, false, {}, by));
  if (d_.decided) d_.decided();
  std::string out;
  AppendApprovalJson(out, a);
  return out;
}

Result<std::string> GovernanceAdminBackend::AuditTail(size_t n) {
  if (d_.log != nullptr) RETURN_IF_ERROR(d_.log->Flush());
  ASSIGN_OR_RETURN(std::vector<std::string> lines, TailDecisionLog(d_.log_path, n));
  std::string out = "[";
  for (size_t i = 0; i < lines.size(); ++i) {
    if (i) out.push_back(',');
    out += lines[i];
  }
  return out + "]";
}

Result<std::string> GovernanceAdminBackend::AuditSearch(const AuditQuery& q) {
  if (d_.log != nullptr) RETURN_IF_ERROR(d_.log->Flush());
  DecisionQuery dq;
  auto set = [](std::optional<std::string>& to, const std::string& v) {
    if (!v.empty()) to = v;
  };
  set(dq.kind, q.kind);
  set(dq.integration, q.integration);
  set(dq.vendor, q.vendor);
  set(dq.event, q.event);
  set(dq.policy, q.policy);
  dq.since_ms = q.since_ms;
  dq.until_ms = q.until_ms;
  std::string out = "[";
  size_t n = 0;
  RETURN_IF_ERROR(SearchDecisionLog(d_.log_path, dq, [&](std::string_view line) {
    if (n >= q.limit) return;
    if (n++) out.push_back(',');
    out += line;
  }));
  return out + "]";
}

Result<std::string> GovernanceAdminBackend::AuditVerify() {
  if (d_.log != nullptr) RETURN_IF_ERROR(d_.log->Flush());
  ASSIGN_OR_RETURN(AuditVerifyReport r, VerifyDecisionLog(d_.log_path, d_.audit_key));
  std::string out = std::string("{\"ok\":") + (r.ok() ? "true" : "false");
  out += ",\"records\":" + std::to_string(r.records);
  out += ",\"checkpoints\":" + std::to_string(r.checkpoints);
  out += ",\"last_seq\":" + std::to_string(r.last_seq);
  out += ",\"unsigned_tail\":" + std::to_string(r.unsigned_tail);
  out += std::string(",\"macs_checked\":") + (r.macs_checked ? "true" : "false");
  out += ",\"problems\":[";
  for (size_t i = 0; i < r.problems.size(); ++i) {
    const AuditProblem& p = r.problems[i];
    if (i) out.push_back(',');
    out += "{\"line\":" + std::to_string(p.line) + ",\"seq\":" + std::to_string(p.seq);
    AppendMember(out, "what", p.what);
    out += "}";
  }
  return out + "]}";
}

Result<std::string> GovernanceAdminBackend::UsageReport(std::optional<int64_t> since_ms) {
  RETURN_IF_ERROR(d_.governance->Flush());
  ASSIGN_OR_RETURN(std::vector<FlowRow> rows, d_.governance->store().Flows(since_ms));
  // Event rows only: how many events each integration sent each vendor, by decision.
  std::map<std::tuple<std::string, std::string, std::string, std::string>, uint64_t> counts;
  for (const FlowRow& r : rows) {
    if (!r.field.empty()) continue;
    counts[{r.integration, r.vendor, r.event, r.decision}] += r.count;
  }
  std::string out = "{\"generated_ms\":" + std::to_string(UnixMillis());
  out += ",\"since_ms\":" + (since_ms ? std::to_string(*since_ms) : std::string("null"));
  out += ",\"usage\":[";
  size_t i = 0;
  for (const auto& [k, n] : counts) {
    if (i++) out.push_back(',');
    out += "{\"integration\":";
    json::AppendQuoted(out, std::get<0>(k));
    AppendMember(out, "vendor", std::get<1>(k));
    AppendMember(out, "event", std::get<2>(k));
    AppendMember(out, "decision", std::get<3>(k));
    out += ",\"events\":" + std::to_string(n) + "}";
  }
  return out + "]}";
}

Result<HeldEventsExport> GovernanceAdminBackend::ExportHeldEvents() {
  HeldEventsExport out;
  ASSIGN_OR_RETURN(auto held, d_.governance->OpenHeld(kMaxHeldExport));
  std::shared_ptr<const egress::Pipeline> p = d_.pipeline ? d_.pipeline() : nullptr;
  // The classes they carry: what their approvals name, and what the detectors find in them.
  std::set<int64_t> approvals;
  egress::PipelineScratch scratch;
  for (const auto& [h, body] : held) {
    out.jsonl += Governance::HeldJsonLine(h, body);
    approvals.insert(h.waits_on.begin(), h.waits_on.end());
    if (p != nullptr) {
      Result<std::vector<std::string>> found = p->ClassesInBody(h.vendor, body, scratch);
      if (found.ok()) out.classes.insert(found->begin(), found->end());
    }
  }
  for (int64_t id : approvals) {
    Result<Approval> a = d_.governance->store().GetApproval(id);
    if (a.ok()) out.classes.insert(a->classes.begin(), a->classes.end());
  }
  if (p != nullptr) {
    std::set<std::string> groups;
    for (const std::string& c : out.classes) {
      for (std::string& g : p->GroupsOf(c)) groups.insert(std::move(g));
    }
    out.classes.insert(groups.begin(), groups.end());
  }
  out.classes.erase("");
  return out;
}

void GovernanceAdminBackend::RecordAdminDecision(const AdminDecisionRecord& r) {
  if (d_.audit == nullptr) return;
  std::string m = "\"user\":";
  json::AppendQuoted(m, r.user);
  AppendMember(m, "action", r.action);
  AppendMember(m, "resource", r.resource);
  m += std::string(",\"allowed\":") + (r.allowed ? "true" : "false");
  m += ",\"policies\":";
  json::AppendStringArray(m, r.policy_ids);
  if (!r.errored_policy_ids.empty()) {
    m += ",\"errored_policies\":";
    json::AppendStringArray(m, r.errored_policy_ids);
  }
  m += ",\"status\":" + std::to_string(r.http_status);
  d_.audit->Record("admin", m);
}

}  // namespace metagate::governance
