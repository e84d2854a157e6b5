#include "metagate/net/request_record.h"

#include <algorithm>

#include "metagate/common/base64.h"
#include "metagate/common/json.h"
#include "metagate/common/utf8.h"

namespace metagate::net {

namespace {

std::string Lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

}  // namespace

bool IsSecretHeader(std::string_view name) {
  std::string n = Lower(name);
  return n == "authorization" || n == "proxy-authorization" || n == "cookie" || n == "set-cookie" ||
         n.find("api-key") != std::string::npos || n.find("apikey") != std::string::npos ||
         n.find("token") != std::string::npos || n.find("secret") != std::string::npos ||
         n.find("password") != std::string::npos;
}

void AppendRequestRecord(const HttpRequest& request, int status, uint64_t seq, int64_t time_ms,
                         std::string& out) {
  out += "{\"seq\":" + std::to_string(seq) + ",\"time_ms\":" + std::to_string(time_ms) +
         ",\"method\":";
  json::AppendQuoted(out, request.method);
  out += ",\"path\":";
  json::AppendQuoted(out, request.target);
  out += ",\"headers\":{";
  bool first = true;
  for (const auto& [name, value] : request.headers) {
    if (!first) out.push_back(',');
    first = false;
    std::string key = Lower(name);
    json::AppendQuoted(out, key);
    out.push_back(':');
    if (IsSecretHeader(name)) {
      out += "\"[redacted]\"";
    } else if (utf8::FindInvalid(value) == value.size()) {
      json::AppendQuoted(out, value);
    } else {
      out += "\"[not utf-8]\"";
    }
  }
  out += "}";
  if (utf8::FindInvalid(request.body) == request.body.size()) {
    out += ",\"body\":";
    json::AppendQuoted(out, request.body);
  } else {
    out += ",\"body_base64\":\"";
    out += base64::Encode(request.body);
    out += "\"";
  }
  out += ",\"status\":" + std::to_string(status) + "}";
}

}  // namespace metagate::net
