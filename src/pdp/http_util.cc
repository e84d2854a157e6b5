#include "http_util.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include "metagate/common/hex.h"
#include "metagate/pdp/authzen.h"

namespace metagate::pdp {

bool BearerMatches(const net::HttpRequest& req, const std::string& sha256) {
  const std::string* auth = req.Header("authorization");
  if (auth == nullptr || auth->size() < 7) return false;
  std::string_view v = *auth;
  std::string scheme(v.substr(0, 7));
  for (char& c : scheme) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (scheme != "bearer ") return false;
  std::string digest = Sha256(v.substr(7));
  return digest.size() == sha256.size() &&
         CRYPTO_memcmp(digest.data(), sha256.data(), digest.size()) == 0;
}

void Fail(net::HttpResponse& resp, int status, std::string_view message) {
  resp.status = status;
  resp.content_type = "application/json";
  resp.body = EncodeError(status, message);
}

int HttpStatusOf(const Status& s) {
  switch (s.code()) {
    case StatusCode::kInvalidArgument:
      return 400;
    case StatusCode::kNotFound:
      return 404;
    case StatusCode::kConflict:
      return 409;
    case StatusCode::kUnavailable:
      return 503;
    default:
      return 500;
  }
}

bool IsJsonContent(const net::HttpRequest& req) {
  const std::string* ct = req.Header("content-type");
  if (ct == nullptr) return true;
  std::string_view v = *ct;
  v = v.substr(0, v.find(';'));
  while (!v.empty() && v.back() == ' ') v.remove_suffix(1);
  while (!v.empty() && v.front() == ' ') v.remove_prefix(1);
  std::string lower(v);
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return lower == "application/json" ||
         (lower.starts_with("application/") && lower.ends_with("+json"));
}

void EchoRequestId(const net::HttpRequest& req, net::HttpResponse& resp) {
  const std::string* id = req.Header("x-request-id");
  if (id == nullptr || id->empty() || id->size() > 256) return;
  for (char c : *id) {
    if (c < 0x21 || c > 0x7e) return;
  }
  resp.headers.emplace_back("X-Request-ID", *id);
}

std::string_view PathOf(std::string_view target) { return target.substr(0, target.find('?')); }

}  // namespace metagate::pdp
