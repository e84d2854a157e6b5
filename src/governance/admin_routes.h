// Internal: the admin API's endpoints: the path and method each answers, the Cedar action and
// resource each is authorized as, its inputs, and the backend call it makes once permitted.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "metagate/cedar/value.h"
#include "metagate/governance/admin_backend.h"
#include "metagate/net/http_server.h"

namespace metagate::governance {

enum class AdminEndpoint : uint8_t {
  kMap,
  kApprovals,
  kApprove,
  kDeny,
  kAuditTail,
  kAuditSearch,
  kAuditVerify,
  kExportUsage,
  kExportHeld,
};

struct AdminRoute {
  AdminEndpoint endpoint = AdminEndpoint::kMap;
  std::string approval_id;     // kApprove, kDeny: the {id} path segment as sent
  const char* method = "GET";  // the one method the endpoint answers
};

// The endpoint at `path` (under /admin/v1/), or nullopt.
std::optional<AdminRoute> MatchAdminRoute(std::string_view path);

// The Cedar action name of an endpoint ("view_map", ...).
const char* AdminAction(AdminEndpoint endpoint);

// The resource an endpoint acts on, before its attributes are known (for records of requests
// that were not authenticated). An approval id is cut to 32 characters.
cedar::EntityUid AdminResource(const AdminRoute& route);

// A request ready to be authorized and run.
struct AdminCall {
  cedar::EntityUid resource;
  cedar::Value resource_attrs = cedar::Value::Record({});
  // Runs the permitted request against the backend for `user` and fills the response.
  std::function<void(AdminBackend& backend, std::string_view user, net::HttpResponse& resp)> run;
};

// Reads the request's query and body and fetches what authorizing it needs (the approval, the
// held events' classes). On failure fills `resp` (400, 404, 409, 503) and returns nullopt.
std::optional<AdminCall> PrepareAdminCall(const AdminRoute& route, const net::HttpRequest& req,
                                          AdminBackend& backend, net::HttpResponse& resp);

// Answers a backend failure: 400, 404 and 409 carry the backend's message (backends never put
// values in messages), anything else is 503 with a fixed message.
void FailBackend(net::HttpResponse& resp, const Status& status);

}  // namespace metagate::governance
