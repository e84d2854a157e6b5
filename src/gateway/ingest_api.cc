#include "ingest_api.h"

#include <simdjson.h>

#include <chrono>

#include "body_decoding.h"
#include "metagate/common/base64.h"
#include "metagate/common/clock.h"
#include "metagate/common/json.h"

namespace metagate::gateway {

namespace {

bool OneOf(std::string_view s, std::initializer_list<std::string_view> options) {
  for (std::string_view o : options) {
    if (s == o) return true;
  }
  return false;
}

void AddAuthorizationCredentials(const net::HttpRequest& request,
                                 std::vector<SenderCredential>& out) {
  const std::string* auth = request.Header("authorization");
  if (auth == nullptr) return;
  std::string_view v = *auth;
  if (v.size() > 7 && (v.substr(0, 7) == "Bearer " || v.substr(0, 7) == "bearer ")) {
    out.push_back({"bearer", std::string(v.substr(7))});
  } else if (v.size() > 6 && (v.substr(0, 6) == "Basic " || v.substr(0, 6) == "basic ")) {
    std::optional<std::string> decoded = base64::Decode(v.substr(6));
    if (decoded) {
      // Segment: the write key is the user name; Mixpanel /import: a project secret likewise.
      out.push_back({"write_key", decoded->substr(0, decoded->find(':'))});
    }
  }
}

// A credential written in the body (Segment writeKey, Amplitude/PostHog api_key, Mixpanel
// token).
void AddBodyCredentials(std::string_view format, simdjson::dom::element root,
                        std::vector<SenderCredential>& out) {
  std::string_view s;
  if (format == "segment" || format == "llm") {
    if (!root["writeKey"].get_string().get(s)) out.push_back({"write_key", std::string(s)});
  } else if (format == "amplitude" || format == "posthog") {
    if (!root["api_key"].get_string().get(s)) out.push_back({"api_key", std::string(s)});
  } else if (format == "mixpanel") {
    simdjson::dom::element first = root;
    if (root.is_array()) {
      simdjson::dom::array arr = root.get_array().value_unsafe();
      if (arr.size() == 0) return;
      first = *arr.begin();
    }
    if (!first.at_pointer("/properties/token").get_string().get(s)) {
      out.push_back({"api_key", std::string(s)});
    }
  }
}

// Segment's single calls may omit `type`: the path says it. `root` is `body` parsed.
std::string WithSegmentType(const std::string& body, simdjson::dom::element root,
                            std::string_view type) {
  simdjson::dom::element t;
  if (!root.is_object() || !root["type"].get(t)) return body;
  size_t brace = body.find('{');
  std::string out = body.substr(0, brace + 1);
  out += "\"type\":";
  json::AppendQuoted(out, type);
  size_t next = body.find_first_not_of(" \t\r\n", brace + 1);
  if (next != std::string::npos && body[next] != '}') out.push_back(',');
  out += body.substr(brace + 1);
  return out;
}

}  // namespace

Result<IngestRequest> DecodeIngest(std::string_view format, std::string_view path,
                                   const net::HttpRequest& request, const DecodeOptions& options,
                                   int* http_status) {
  int local_status = 0;
  int& status = http_status != nullptr ? *http_status : local_status;
  status = 400;
  if (request.method != "POST") {
    return Status::Invalid("only POST is accepted on ingest endpoints");
  }
  std::string_view segment_type;  // a Segment single call's type, from its path
  if (format == "segment" || format == "llm") {
    if (OneOf(path,
              {"/v1/track", "/v1/identify", "/v1/page", "/v1/screen", "/v1/group", "/v1/alias"})) {
      segment_type = path.substr(4);
    } else if (!OneOf(path, {"/v1/batch", "/v1/import"})) {
      status = 404;
      return Status::NotFound("no Segment endpoint " + std::string(path));
    }
  } else if (format == "mixpanel") {
    if (!OneOf(path, {"/track", "/engage", "/import", "/track/", "/engage/", "/import/"})) {
      status = 404;
      return Status::NotFound("no Mixpanel endpoint " + std::string(path));
    }
  } else if (format == "amplitude") {
    if (!OneOf(path, {"/2/httpapi", "/batch"})) {
      status = 404;
      return Status::NotFound("no Amplitude endpoint " + std::string(path));
    }
  } else if (format == "posthog") {
    if (!OneOf(path, {"/capture", "/capture/", "/batch", "/batch/", "/e", "/e/", "/i/v0/e",
                      "/i/v0/e/"})) {
      status = 404;
      return Status::NotFound("no PostHog endpoint " + std::string(path));
    }
  } else if (format == "otlp-logs" || format == "otlp-traces") {
    std::string_view want = format == "otlp-logs" ? "/v1/logs" : "/v1/traces";
    if (path != want) {
      status = 404;
      return Status::NotFound("no OTLP endpoint " + std::string(path));
    }
    const std::string* type = request.Header("content-type");
    if (type != nullptr && type->find("application/json") == std::string::npos) {
      return Status::Invalid("only OTLP/HTTP JSON (Content-Type: application/json) is accepted");
    }
  }
  // Content-Encoding first, for every format; then the format's own body encodings.
  std::optional<ContentEncoding> encoding = ContentEncoding::kIdentity;
  if (const std::string* coding = request.Header("content-encoding")) {
    encoding = ParseContentEncoding(*coding);
    if (!encoding) {
      status = 415;
      return Status::Invalid(
          "the Content-Encoding is not supported; send gzip, deflate or no Content-Encoding");
    }
  }
  IngestRequest out;
  ASSIGN_OR_RETURN(out.body,
                   DecodeContent(request.body, *encoding, options.max_body_bytes, &status));
  if (format == "mixpanel") {
    const std::string* type = request.Header("content-type");
    if (type != nullptr && type->find("application/x-www-form-urlencoded") != std::string::npos) {
      ASSIGN_OR_RETURN(out.body, MixpanelFormData(out.body));
    }
  }
  AddAuthorizationCredentials(request, out.credentials);
  // One parse for the body's credential and a Segment call's type; a body that does not parse
  // is left for the pipeline to refuse with its own message.
  thread_local simdjson::dom::parser parser;
  simdjson::dom::element root;
  if (!parser.parse(out.body).get(root)) {
    AddBodyCredentials(format, root, out.credentials);
    if (!segment_type.empty()) out.body = WithSegmentType(out.body, root, segment_type);
  }
  return out;
}

void ReplyAccepted(std::string_view format, std::string_view path, size_t events, size_t body_bytes,
                   net::HttpResponse& response) {
  response.status = 200;
  if (format == "segment" || format == "llm") {
    response.body = R"({"success":true})";
  } else if (format == "mixpanel") {
    if (path.substr(0, 7) == "/import") {
      response.body =
          "{\"code\":200,\"num_records_imported\":" + std::to_string(events) + ",\"status\":1}";
    } else {
      response.content_type = "text/plain";
      response.body = "1";
    }
  } else if (format == "amplitude") {
    int64_t now = UnixMillis();
    response.body = "{\"code\":200,\"events_ingested\":" + std::to_string(events) +
                    ",\"payload_size_bytes\":" + std::to_string(body_bytes) +
                    ",\"server_upload_time\":" + std::to_string(now) + "}";
  } else if (format == "posthog") {
    response.body = R"({"status":1})";
  } else {
    response.body = "{}";  // OTLP: an empty Export*ServiceResponse
  }
}

void ReplyError(std::string_view format, int status, std::string_view message,
                net::HttpResponse& response) {
  response.status = status;
  std::string msg;
  json::AppendQuoted(msg, message);
  if (format == "segment" || format == "llm") {
    response.body = "{\"success\":false,\"error\":" + msg + "}";
  } else if (format == "mixpanel") {
    response.body = "{\"status\":0,\"error\":" + msg + "}";
  } else if (format == "amplitude") {
    response.body = "{\"code\":" + std::to_string(status) + ",\"error\":" + msg + "}";
  } else if (format == "posthog") {
    response.body = "{\"type\":\"" +
                    std::string(status == 401 ? "authentication_error" : "validation_error") +
                    "\",\"detail\":" + msg + "}";
  } else {
    // OTLP: a google.rpc.Status (3 INVALID_ARGUMENT, 16 UNAUTHENTICATED, 14 UNAVAILABLE).
    int code = status == 401 ? 16 : status >= 500 || status == 429 ? 14 : 3;
    response.body = "{\"code\":" + std::to_string(code) + ",\"message\":" + msg + "}";
  }
}

}  // namespace metagate::gateway
