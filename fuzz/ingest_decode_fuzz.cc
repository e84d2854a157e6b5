// Fuzzes DecodeIngest over every ingest format and path with headers chosen from the input:
// byte 0 picks the format, byte 1 the path (one of the format's, another format's, or unknown),
// byte 2 the method and Content-Type, byte 3 the Content-Encoding and Authorization; bit 7 of
// byte 3 gzips the rest of the input before it becomes the body, so the decoders behind the
// inflater see well-formed streams too. Properties: errors answer 400, 404, 413 or 415 only, and
// a decoded body is never larger than the cap plus the `"type":"…",` a Segment call may gain.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "ingest_api.h"
#include "zlib_compress.h"

using namespace metagate;
using namespace metagate::gateway;

namespace {

constexpr std::string_view kFormats[] = {"segment", "llm",       "mixpanel",   "amplitude",
                                         "posthog", "otlp-logs", "otlp-traces"};
constexpr std::string_view kPaths[] = {
    "/v1/track",  "/v1/identify", "/v1/page", "/v1/screen", "/v1/group",  "/v1/alias", "/v1/batch",
    "/v1/import", "/track",       "/engage",  "/import/",   "/2/httpapi", "/batch",    "/capture",
    "/e/",        "/i/v0/e",      "/v1/logs", "/v1/traces", "/",          ""};
constexpr std::string_view kContentTypes[] = {"",
                                              "application/json",
                                              "application/x-www-form-urlencoded",
                                              "application/x-www-form-urlencoded; charset=utf-8",
                                              "text/plain",
                                              "application/x-protobuf"};
constexpr std::string_view kEncodings[] = {"",       "gzip", "GZIP",     " deflate ",
                                           "x-gzip", "br",   "gzip, br", "identity"};
constexpr std::string_view kAuthorizations[] = {"", "Bearer tok", "Basic d2s6", "Basic ???",
                                                "bearer "};

template <typename T, size_t N>
const T& Pick(const T (&options)[N], unsigned byte) {
  return options[byte % N];
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 4) return 0;
  std::string_view format = Pick(kFormats, data[0]);
  std::string_view path = Pick(kPaths, data[1]);
  net::HttpRequest request;
  request.method = (data[2] & 0x80) != 0 ? "GET" : "POST";
  request.target = std::string(path);
  if (std::string_view type = Pick(kContentTypes, data[2] & 0x7f); !type.empty()) {
    request.headers.emplace_back("Content-Type", std::string(type));
  }
  std::string_view encoding = Pick(kEncodings, data[3] & 0x07);
  if (!encoding.empty()) request.headers.emplace_back("Content-Encoding", std::string(encoding));
  if (std::string_view auth = Pick(kAuthorizations, (data[3] >> 3) & 0x0f); !auth.empty()) {
    request.headers.emplace_back("Authorization", std::string(auth));
  }
  std::string_view rest(reinterpret_cast<const char*>(data + 4), size - 4);
  request.body = (data[3] & 0x80) != 0 ? FuzzCompress(rest, true) : std::string(rest);

  DecodeOptions options;
  options.max_body_bytes = 4096;
  int status = 0;
  Result<IngestRequest> ingest = DecodeIngest(format, path, request, options, &status);
  if (!ingest.ok()) {
    if (status != 400 && status != 404 && status != 413 && status != 415) __builtin_trap();
    if (ingest.status().message().empty()) __builtin_trap();
  } else if (ingest->body.size() > options.max_body_bytes + 32) {
    __builtin_trap();
  }
  return 0;
}
