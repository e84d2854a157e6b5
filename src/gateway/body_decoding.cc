#include "body_decoding.h"

#include <zlib.h>

#include <algorithm>
#include <climits>

#include "metagate/common/base64.h"
#include "metagate/common/hex.h"

namespace metagate::gateway {

namespace {

std::string_view Trim(std::string_view s) {
  size_t first = s.find_first_not_of(" \t");
  if (first == std::string_view::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t") - first + 1);
}

bool EqualsIgnoreCase(std::string_view a, std::string_view b) {
  auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(),
                                            [&](char x, char y) { return lower(x) == lower(y); });
}

// Replaces `out` by a buffer of exactly `capacity` bytes holding the same contents. (Growing a
// std::string in place may double its capacity past the cap.)
void GrowExactly(std::string& out, size_t capacity) {
  std::string bigger;
  bigger.reserve(capacity);
  bigger.assign(out);
  out.swap(bigger);
}

// Owns a z_stream set up for inflating.
class Inflater {
 public:
  explicit Inflater(int window_bits) { ok_ = inflateInit2(&stream_, window_bits) == Z_OK; }
  ~Inflater() {
    if (ok_) inflateEnd(&stream_);
  }
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;

  bool ok() const { return ok_; }
  z_stream& stream() { return stream_; }

 private:
  z_stream stream_{};
  bool ok_ = false;
};

constexpr size_t kFirstChunk = 64 << 10;

// DecodeContent for gzip and deflate; sets `http_status` to 413 when the output exceeds the cap.
Result<std::string> Inflate(std::string_view body, ContentEncoding encoding, size_t max_bytes,
                            int& http_status, InflateStats& stats) {
  const bool gzip = encoding == ContentEncoding::kGzip;
  const char* name = gzip ? "gzip" : "deflate";
  Inflater inflater(gzip ? 15 + 16 : 15);  // 15: a 32 KiB window; +16: the gzip wrapper only
  if (!inflater.ok()) return Status::Internal("cannot start inflating the body (out of memory)");
  z_stream& zs = inflater.stream();
  const size_t limit = max_bytes == SIZE_MAX ? max_bytes : max_bytes + 1;  // one past the cap
  std::string out;
  size_t fed = 0;  // bytes of `body` handed to zlib
  size_t produced = 0;
  for (;;) {
    if (zs.avail_in == 0 && fed < body.size()) {
      size_t n = std::min<size_t>(body.size() - fed, UINT_MAX);
      zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(body.data() + fed));
      zs.avail_in = static_cast<uInt>(n);
      fed += n;
    }
    if (produced == out.size()) {
      if (out.size() >= limit) break;  // the output would pass the cap
      size_t next = std::min(limit, std::max(kFirstChunk, out.size() * 2));
      GrowExactly(out, next);
      out.resize(next);
    }
    size_t room = std::min<size_t>(out.size() - produced, UINT_MAX);
    zs.next_out = reinterpret_cast<Bytef*>(out.data() + produced);
    zs.avail_out = static_cast<uInt>(room);
    int rc = inflate(&zs, Z_NO_FLUSH);
    produced += room - zs.avail_out;
    stats.bytes_in = fed - zs.avail_in;
    stats.bytes_out = produced;
    if (rc == Z_STREAM_END) {
      if (zs.avail_in == 0 && fed == body.size()) break;
      if (!gzip) {
        return Status::Invalid("the deflate-encoded body has bytes after its compressed stream");
      }
      if (inflateReset(&zs) != Z_OK) return Status::Internal("cannot inflate the next gzip member");
      continue;  // another gzip member follows
    }
    if (rc == Z_BUF_ERROR) {  // no progress: the input ran out (there was room for output)
      return Status::Invalid(std::string("the ") + name +
                             "-encoded body ends before its compressed stream does");
    }
    if (rc == Z_MEM_ERROR) return Status::Internal("out of memory while inflating the body");
    if (rc != Z_OK) {
      // zlib's messages are fixed texts ("incorrect header check"), never input bytes.
      return Status::Invalid(std::string("the ") + name + "-encoded body is corrupt (" +
                             (zs.msg != nullptr ? zs.msg : "invalid stream") + ")");
    }
  }
  if (produced > max_bytes) {
    http_status = 413;
    return Status::Invalid("the decompressed body exceeds " + std::to_string(max_bytes) + " bytes");
  }
  out.resize(produced);
  return out;
}

}  // namespace

std::optional<std::string> UrlDecode(std::string_view in) {
  std::string out;
  out.reserve(in.size());
  for (size_t i = 0; i < in.size(); ++i) {
    char c = in[i];
    if (c == '+') {
      out.push_back(' ');
    } else if (c == '%') {
      if (i + 2 >= in.size()) return std::nullopt;
      int hi = HexDigitValue(in[i + 1]), lo = HexDigitValue(in[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      out.push_back(static_cast<char>(hi * 16 + lo));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

Result<std::string> MixpanelFormData(std::string_view body) {
  size_t start = 0;
  while (start <= body.size()) {
    size_t end = body.find('&', start);
    if (end == std::string_view::npos) end = body.size();
    std::string_view pair = body.substr(start, end - start);
    if (pair.substr(0, 5) == "data=") {
      std::optional<std::string> value = UrlDecode(pair.substr(5));
      if (!value) return Status::Invalid("the form field 'data' is not URL-encoded correctly");
      size_t first = value->find_first_not_of(" \t\r\n");
      if (first != std::string::npos && ((*value)[first] == '[' || (*value)[first] == '{')) {
        return *value;
      }
      std::optional<std::string> decoded = base64::Decode(*value);
      if (!decoded) return Status::Invalid("the form field 'data' is neither JSON nor base64");
      return *decoded;
    }
    start = end + 1;
  }
  return Status::Invalid("the form has no 'data' field");
}

std::optional<ContentEncoding> ParseContentEncoding(std::string_view header) {
  std::string_view coding = Trim(header);
  if (coding.empty() || EqualsIgnoreCase(coding, "identity")) return ContentEncoding::kIdentity;
  if (EqualsIgnoreCase(coding, "gzip") || EqualsIgnoreCase(coding, "x-gzip")) {
    return ContentEncoding::kGzip;
  }
  if (EqualsIgnoreCase(coding, "deflate")) return ContentEncoding::kDeflate;
  return std::nullopt;
}

Result<std::string> DecodeContent(std::string_view body, ContentEncoding encoding, size_t max_bytes,
                                  int* http_status, InflateStats* stats) {
  int local_status = 0;
  int& status = http_status != nullptr ? *http_status : local_status;
  status = 400;
  InflateStats local_stats;
  InflateStats& s = stats != nullptr ? *stats : local_stats;
  s = InflateStats{};
  if (encoding == ContentEncoding::kIdentity || body.empty()) {
    if (body.size() > max_bytes) {
      status = 413;
      return Status::Invalid("the body exceeds " + std::to_string(max_bytes) + " bytes");
    }
    s.bytes_in = s.bytes_out = body.size();
    return std::string(body);
  }
  return Inflate(body, encoding, max_bytes, status, s);
}

}  // namespace metagate::gateway
