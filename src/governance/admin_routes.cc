// The admin API's endpoints: routing, inputs, resources and backend calls.
#include "admin_routes.h"

#include <charconv>
#include <map>
#include <set>

#include "admin_http.h"
#include "metagate/common/json.h"

namespace metagate::governance {
namespace {

using Query = std::map<std::string, std::string>;

constexpr size_t kMaxRecords = 10000;
constexpr size_t kMaxClasses = 64;

cedar::Value StringSet(const std::vector<std::string>& items) {
  std::vector<cedar::Value> values;
  values.reserve(items.size());
  for (const std::string& s : items) values.push_back(cedar::Value::String(s));
  return cedar::Value::Set(std::move(values));
}

const char* MapContentType(MapFormat f) {
  switch (f) {
    case MapFormat::kJson:
      return "application/json";
    case MapFormat::kCsv:
      return "text/csv; charset=utf-8";
    case MapFormat::kHtml:
      return "text/html; charset=utf-8";
    case MapFormat::kDot:
      return "text/vnd.graphviz; charset=utf-8";
    case MapFormat::kTable:
      break;
  }
  return "text/plain; charset=utf-8";
}

// Answers 200 with `body` or the backend's failure.
void Reply(net::HttpResponse& resp, Result<std::string> body,
           const char* content_type = "application/json") {
  if (!body.ok()) return FailBackend(resp, body.status());
  resp.status = 200;
  resp.content_type = content_type;
  resp.body = std::move(*body);
}

Result<size_t> Count(const Query& q, const std::string& name, size_t fallback) {
  auto it = q.find(name);
  if (it == q.end()) return fallback;
  const std::string& v = it->second;
  size_t n = 0;
  auto [ptr, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
  if (v.empty() || ec != std::errc() || ptr != v.data() + v.size() || n == 0 || n > kMaxRecords) {
    return Status::Invalid("'" + name + "' must be a whole number from 1 to " +
                           std::to_string(kMaxRecords));
  }
  return n;
}

Result<std::optional<int64_t>> Instant(const Query& q, const std::string& name) {
  auto it = q.find(name);
  if (it == q.end()) return std::optional<int64_t>();
  ASSIGN_OR_RETURN(int64_t ms, ParseInstantMs(it->second, "'" + name + "'"));
  return std::optional<int64_t>(ms);
}

std::string Get(const Query& q, const std::string& name) {
  auto it = q.find(name);
  return it == q.end() ? std::string() : it->second;
}

bool IsClassName(std::string_view s) {
  if (s.empty() || s.size() > 64) return false;
  for (char c : s) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  return true;
}

// The optional body of approve: {} or {"classes": ["email", ...]}.
Result<std::vector<std::string>> ApproveClasses(const net::HttpRequest& req) {
  std::vector<std::string> classes;
  if (req.body.empty()) return classes;
  const std::string* ct = req.Header("content-type");
  if (ct != nullptr && !std::string_view(*ct).starts_with("application/json")) {
    return Status::Invalid("the body must be JSON (Content-Type: application/json)");
  }
  Result<json::Value> doc = json::Parse(req.body, 8);
  if (!doc.ok()) return Status::Invalid("the body is not JSON: " + doc.status().ToString());
  if (!doc->is_object()) return Status::Invalid("the body must be an object: {\"classes\": [..]}");
  for (const auto& [key, v] : doc->members()) {
    if (key != "classes") {
      return Status::Invalid("unknown body member '" + key + "' (accepted: classes)");
    }
    if (!v.is_array() || v.items().size() > kMaxClasses) {
      return Status::Invalid("'classes' must be a list of at most " + std::to_string(kMaxClasses) +
                             " class names");
    }
    for (const json::Value& c : v.items()) {
      if (!c.is_string() || !IsClassName(c.as_string())) {
        return Status::Invalid(
            "each of 'classes' must be a class name (letters, digits, '_', '-', '.')");
      }
      classes.push_back(c.as_string());
    }
  }
  return classes;
}

Result<int64_t> ApprovalId(std::string_view text) {
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || id <= 0) {
    return Status::Invalid("an approval id is a positive whole number (see GET approvals)");
  }
  return id;
}

// Approve and deny: the approval's facts as resource attributes. `extra_classes`: the classes
// an approver asks for, added to the detected ones so that policies see both.
Result<AdminCall> DecisionCall(const AdminRoute& route, const net::HttpRequest& req,
                               AdminBackend& backend) {
  ASSIGN_OR_RETURN(int64_t id, ApprovalId(route.approval_id));
  std::vector<std::string> requested;
  if (route.endpoint == AdminEndpoint::kApprove) {
    ASSIGN_OR_RETURN(requested, ApproveClasses(req));
  } else if (!req.body.empty() && req.body != "{}") {
    return Status::Invalid("deny takes no body (or {})");
  }
  ASSIGN_OR_RETURN(ApprovalInfo info, backend.GetApproval(id));
  std::set<std::string> classes(info.classes.begin(), info.classes.end());
  classes.insert(requested.begin(), requested.end());
  AdminCall call;
  call.resource = cedar::EntityUid("Approval", std::to_string(id));
  call.resource_attrs = cedar::Value::Record({
      {"classes", StringSet({classes.begin(), classes.end()})},
      {"event", cedar::Value::String(info.event)},
      {"integration", cedar::Value::String(info.integration)},
      {"kind", cedar::Value::String(info.kind)},
      {"path", cedar::Value::String(info.path)},
      {"vendors", StringSet(info.vendors)},
  });
  if (route.endpoint == AdminEndpoint::kApprove) {
    call.run = [id, requested](AdminBackend& b, std::string_view user, net::HttpResponse& resp) {
      Reply(resp, b.Approve(id, requested, user));
    };
  } else {
    call.run = [id](AdminBackend& b, std::string_view user, net::HttpResponse& resp) {
      Reply(resp, b.Deny(id, user));
    };
  }
  return call;
}

Result<AdminCall> Build(const AdminRoute& route, const net::HttpRequest& req,
                        AdminBackend& backend) {
  AdminCall call;
  call.resource = AdminResource(route);
  switch (route.endpoint) {
    case AdminEndpoint::kMap: {
      ASSIGN_OR_RETURN(Query q, ParseQuery(req.target, {"since", "format"}));
      ASSIGN_OR_RETURN(std::optional<int64_t> since, Instant(q, "since"));
      MapFormat format = MapFormat::kJson;
      if (q.count("format")) {
        ASSIGN_OR_RETURN(format, ParseMapFormat(q["format"]));
      }
      call.run = [since, format](AdminBackend& b, std::string_view, net::HttpResponse& resp) {
        Reply(resp, b.MapDocument(since, format), MapContentType(format));
      };
      return call;
    }
    case AdminEndpoint::kApprovals: {
      ASSIGN_OR_RETURN(Query q, ParseQuery(req.target, {"status"}));
      std::string status = q.count("status") ? q["status"] : "pending";
      if (status != "pending" && status != "approved" && status != "denied" && status != "all") {
        return Status::Invalid("'status' must be pending, approved, denied or all");
      }
      call.run = [status](AdminBackend& b, std::string_view, net::HttpResponse& resp) {
        Reply(resp, b.ListApprovals(status));
      };
      return call;
    }
    case AdminEndpoint::kApprove:
    case AdminEndpoint::kDeny:
      RETURN_IF_ERROR(ParseQuery(req.target, {}).status());
      return DecisionCall(route, req, backend);
    case AdminEndpoint::kAuditTail: {
      ASSIGN_OR_RETURN(Query q, ParseQuery(req.target, {"n"}));
      ASSIGN_OR_RETURN(size_t n, Count(q, "n", 100));
      call.run = [n](AdminBackend& b, std::string_view, net::HttpResponse& resp) {
        Reply(resp, b.AuditTail(n));
      };
      return call;
    }
    case AdminEndpoint::kAuditSearch: {
      ASSIGN_OR_RETURN(Query q, ParseQuery(req.target, {"kind", "integration", "vendor", "event",
                                                        "policy", "since", "until", "limit"}));
      AuditQuery a;
      a.kind = Get(q, "kind");
      a.integration = Get(q, "integration");
      a.vendor = Get(q, "vendor");
      a.event = Get(q, "event");
      a.policy = Get(q, "policy");
      ASSIGN_OR_RETURN(a.since_ms, Instant(q, "since"));
      ASSIGN_OR_RETURN(a.until_ms, Instant(q, "until"));
      ASSIGN_OR_RETURN(a.limit, Count(q, "limit", 100));
      if (a.since_ms && a.until_ms && *a.until_ms <= *a.since_ms) {
        return Status::Invalid("'until' must be after 'since'");
      }
      call.run = [a](AdminBackend& b, std::string_view, net::HttpResponse& resp) {
        Reply(resp, b.AuditSearch(a));
      };
      return call;
    }
    case AdminEndpoint::kAuditVerify:
      RETURN_IF_ERROR(ParseQuery(req.target, {}).status());
      call.run = [](AdminBackend& b, std::string_view, net::HttpResponse& resp) {
        Reply(resp, b.AuditVerify());
      };
      return call;
    case AdminEndpoint::kExportUsage: {
      ASSIGN_OR_RETURN(Query q, ParseQuery(req.target, {"since"}));
      ASSIGN_OR_RETURN(std::optional<int64_t> since, Instant(q, "since"));
      call.resource_attrs = cedar::Value::Record({{"aggregated", cedar::Value::Bool(true)}});
      call.run = [since](AdminBackend& b, std::string_view, net::HttpResponse& resp) {
        Reply(resp, b.UsageReport(since));
      };
      return call;
    }
    case AdminEndpoint::kExportHeld: {
      RETURN_IF_ERROR(ParseQuery(req.target, {}).status());
      // The classes decide the authorization, so the export is read first; it is sent only once
      // permitted.
      ASSIGN_OR_RETURN(HeldEventsExport held, backend.ExportHeldEvents());
      call.resource_attrs =
          cedar::Value::Record({{"classes", StringSet({held.classes.begin(), held.classes.end()})},
                                {"raw", cedar::Value::Bool(true)}});
      auto body = std::make_shared<std::string>(std::move(held.jsonl));
      call.run = [body](AdminBackend&, std::string_view, net::HttpResponse& resp) {
        resp.status = 200;
        resp.content_type = "application/x-ndjson";
        resp.body = std::move(*body);
      };
      return call;
    }
  }
  return Status::Internal("unknown admin endpoint");
}

}  // namespace

std::optional<AdminRoute> MatchAdminRoute(std::string_view path) {
  constexpr std::string_view kPrefix = "/admin/v1/";
  if (!path.starts_with(kPrefix)) return std::nullopt;
  std::string_view rest = path.substr(kPrefix.size());
  static const std::pair<std::string_view, AdminEndpoint> kFixed[] = {
      {"map", AdminEndpoint::kMap},
      {"approvals", AdminEndpoint::kApprovals},
      {"audit/tail", AdminEndpoint::kAuditTail},
      {"audit/search", AdminEndpoint::kAuditSearch},
      {"audit/verify", AdminEndpoint::kAuditVerify},
      {"export/usage", AdminEndpoint::kExportUsage},
      {"export/held-events", AdminEndpoint::kExportHeld},
  };
  for (const auto& [p, e] : kFixed) {
    if (rest == p) return AdminRoute{e, "", "GET"};
  }
  constexpr std::string_view kApprovals = "approvals/";
  if (!rest.starts_with(kApprovals)) return std::nullopt;
  rest.remove_prefix(kApprovals.size());
  size_t slash = rest.find('/');
  if (slash == std::string_view::npos || slash == 0) return std::nullopt;
  std::string_view verb = rest.substr(slash + 1);
  AdminRoute r;
  r.approval_id = std::string(rest.substr(0, slash));
  r.method = "POST";
  if (verb == "approve") {
    r.endpoint = AdminEndpoint::kApprove;
  } else if (verb == "deny") {
    r.endpoint = AdminEndpoint::kDeny;
  } else {
    return std::nullopt;
  }
  return r;
}

const char* AdminAction(AdminEndpoint endpoint) {
  switch (endpoint) {
    case AdminEndpoint::kMap:
      return "view_map";
    case AdminEndpoint::kApprovals:
      return "list_approvals";
    case AdminEndpoint::kApprove:
      return "approve";
    case AdminEndpoint::kDeny:
      return "deny";
    case AdminEndpoint::kAuditTail:
    case AdminEndpoint::kAuditSearch:
      return "read_audit";
    case AdminEndpoint::kAuditVerify:
      return "verify_audit";
    case AdminEndpoint::kExportUsage:
    case AdminEndpoint::kExportHeld:
      break;
  }
  return "export";
}

cedar::EntityUid AdminResource(const AdminRoute& route) {
  switch (route.endpoint) {
    case AdminEndpoint::kMap:
      return {"DataMap", "flows"};
    case AdminEndpoint::kApprovals:
      return {"ApprovalQueue", "approvals"};
    case AdminEndpoint::kApprove:
    case AdminEndpoint::kDeny:
      return {"Approval", route.approval_id.substr(0, 32)};
    case AdminEndpoint::kAuditTail:
    case AdminEndpoint::kAuditSearch:
    case AdminEndpoint::kAuditVerify:
      return {"AuditLog", "decisions"};
    case AdminEndpoint::kExportUsage:
      return {"Report", "usage"};
    case AdminEndpoint::kExportHeld:
      break;
  }
  return {"EventLog", "held"};
}

std::optional<AdminCall> PrepareAdminCall(const AdminRoute& route, const net::HttpRequest& req,
                                          AdminBackend& backend, net::HttpResponse& resp) {
  Result<AdminCall> call = Build(route, req, backend);
  if (!call.ok()) {
    FailBackend(resp, call.status());
    return std::nullopt;
  }
  return std::move(*call);
}

void FailBackend(net::HttpResponse& resp, const Status& status) {
  switch (status.code()) {
    case StatusCode::kInvalidArgument:
      return FailJson(resp, 400, status.message());
    case StatusCode::kNotFound:
      return FailJson(resp, 404, status.message());
    case StatusCode::kConflict:
      return FailJson(resp, 409, status.message());
    default:
      return FailJson(resp, 503,
                      "the governance store could not answer; retry later, and see the server's "
                      "log if it persists");
  }
}

}  // namespace metagate::governance
