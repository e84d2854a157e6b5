// PdpService: the AuthZEN endpoints (evaluation, evaluations, the three searches, discovery).
#include <charconv>

#include "http_util.h"
#include "metagate/common/base64.h"
#include "metagate/pdp/pdp_service.h"

namespace metagate::pdp {

namespace {

constexpr int64_t kDefaultPageLimit = 1000;
constexpr int64_t kMaxPageLimit = 1000;

json::Value ReasonContext(const std::string& note) {
  return json::Value::Object(
      {{"reason_admin", json::Value::Object({{"en", json::Value::String(note)}})}});
}

// A per-item error of an evaluations answer, as the spec shows it.
json::Value ErrorContext(int status, const std::string& message) {
  return json::Value::Object(
      {{"error", json::Value::Object({{"status", json::Value::Int(status)},
                                      {"message", json::Value::String(message)}})}});
}

// Page tokens are the offset of the next result, opaque to clients.
std::string PageToken(size_t offset) { return base64::EncodeUrl("o:" + std::to_string(offset)); }

Result<size_t> PageOffset(const std::string& token) {
  std::optional<std::string> raw = base64::DecodeUrl(token);
  size_t offset = 0;
  if (raw && raw->starts_with("o:")) {
    auto [end, ec] = std::from_chars(raw->data() + 2, raw->data() + raw->size(), offset);
    if (ec == std::errc() && end == raw->data() + raw->size()) return offset;
  }
  return Status::Invalid("page.token is not a token this PDP issued");
}

}  // namespace

void PdpService::Authzen(const net::HttpRequest& req, std::string_view path,
                         net::HttpResponse& resp) const {
  if (req.method != "POST") {
    resp.headers.emplace_back("Allow", "POST");
    return Fail(resp, 405, "use POST");
  }
  if (!IsJsonContent(req))
    return Fail(resp, 400, "the body must be JSON (Content-Type: application/json)");
  if (path == "/access/v1/evaluation") {
    Result<AzRequest> r = DecodeEvaluation(req.body);
    if (!r.ok()) return Fail(resp, 400, r.status().ToString());
    Result<PdpAnswer> a = pdp_->Evaluate(*r);
    if (!a.ok()) return Fail(resp, HttpStatusOf(a.status()), a.status().message());
    if (a->note.empty()) {
      resp.body = EncodeDecision(a->allow, nullptr);
    } else {
      json::Value context = ReasonContext(a->note);
      resp.body = EncodeDecision(a->allow, &context);
    }
    return;
  }
  if (path == "/access/v1/evaluations") {
    Result<AzEvaluationsRequest> r = DecodeEvaluations(req.body);
    if (!r.ok()) return Fail(resp, 400, r.status().ToString());
    if (!r->evaluations || r->evaluations->empty()) {
      // No items: one evaluation of the top-level request, answered as such.
      Status complete = CheckComplete(r->defaults);
      if (!complete.ok()) return Fail(resp, 400, complete.message());
      Result<PdpAnswer> a = pdp_->Evaluate(r->defaults);
      if (!a.ok()) return Fail(resp, HttpStatusOf(a.status()), a.status().message());
      resp.body = EncodeDecision(a->allow, nullptr);
      return;
    }
    std::vector<ItemResult> items;
    items.reserve(r->evaluations->size());
    for (const AzRequest& item : *r->evaluations) {
      AzRequest merged = Merge(r->defaults, item);
      ItemResult out;
      Status complete = CheckComplete(merged);
      if (!complete.ok()) {
        out.context = ErrorContext(400, complete.message());
      } else if (Result<PdpAnswer> a = pdp_->Evaluate(merged); !a.ok()) {
        out.context = ErrorContext(HttpStatusOf(a.status()), a.status().message());
      } else {
        out.decision = a->allow;
        if (!a->note.empty()) out.context = ReasonContext(a->note);
      }
      bool stop = (r->semantic == EvaluationsSemantic::kDenyOnFirstDeny && !out.decision) ||
                  (r->semantic == EvaluationsSemantic::kPermitOnFirstPermit && out.decision);
      items.push_back(std::move(out));
      if (stop) break;
    }
    resp.body = EncodeEvaluations(items);
    return;
  }
  SearchKind kind;
  if (path == "/access/v1/search/subject") {
    kind = SearchKind::kSubject;
  } else if (path == "/access/v1/search/resource") {
    kind = SearchKind::kResource;
  } else if (path == "/access/v1/search/action") {
    kind = SearchKind::kAction;
  } else {
    return Fail(resp, 404, "no such AuthZEN endpoint");
  }
  Result<AzSearchRequest> r = DecodeSearch(req.body, kind);
  if (!r.ok()) return Fail(resp, 400, r.status().ToString());
  size_t offset = 0;
  if (r->page_token) {
    Result<size_t> o = PageOffset(*r->page_token);
    if (!o.ok()) return Fail(resp, 400, o.status().message());
    offset = *o;
  }
  size_t limit =
      static_cast<size_t>(std::min(r->page_limit.value_or(kDefaultPageLimit), kMaxPageLimit));
  Result<std::vector<SearchHit>> hits = pdp_->Search(kind, r->query);
  if (!hits.ok()) return Fail(resp, HttpStatusOf(hits.status()), hits.status().message());
  std::vector<SearchHit> page;
  for (size_t i = offset; i < hits->size() && page.size() < limit; ++i) page.push_back((*hits)[i]);
  // As the spec's examples show, the last page carries an empty next_token.
  std::string next;
  if (offset + page.size() < hits->size()) next = PageToken(offset + page.size());
  resp.body = EncodeSearchResults(kind, page, next);
}

void PdpService::Discovery(const net::HttpRequest& req, net::HttpResponse& resp) const {
  if (req.method != "GET" && req.method != "HEAD") {
    resp.headers.emplace_back("Allow", "GET");
    return Fail(resp, 405, "use GET");
  }
  std::string base = pdp_->config().base_url;
  if (base.empty()) {
    const std::string* host = req.Header("host");
    if (host == nullptr || host->empty()) return Fail(resp, 400, "a Host header is required");
    for (char c : *host) {
      bool ok = std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
                c == '[' || c == ']';
      if (!ok) return Fail(resp, 400, "the Host header is not a host name");
    }
    base = std::string(tls_ ? "https://" : "http://") + *host;
  }
  resp.body = EncodeMetadata(base, true);
}

}  // namespace metagate::pdp
