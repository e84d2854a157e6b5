// Fuzzes the gateway's inflater (DecodeContent for gzip and deflate bodies). The first byte picks
// the encoding (bit 0) and a small cap (bits 1-7, times 64 bytes); the rest is the body.
// Properties: the output never exceeds the cap, nor does the inflater produce more than one byte
// past it; errors are 400 or 413 only. The rest is also compressed with zlib and must inflate
// back to itself (413 when the cap is one byte short), split in two gzip members too, and any
// proper prefix of the compressed stream must be refused with 400.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "body_decoding.h"
#include "zlib_compress.h"

using namespace metagate;
using namespace metagate::gateway;

namespace {}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  const bool gzip = (data[0] & 1) == 0;
  const ContentEncoding encoding = gzip ? ContentEncoding::kGzip : ContentEncoding::kDeflate;
  const size_t cap = static_cast<size_t>(data[0] >> 1) * 64;
  std::string_view body(reinterpret_cast<const char*>(data + 1), size - 1);

  int status = 0;
  InflateStats stats;
  Result<std::string> out = DecodeContent(body, encoding, cap, &status, &stats);
  if (stats.bytes_out > cap + 1 || stats.bytes_in > body.size()) __builtin_trap();
  if (out.ok() && out->size() > cap) __builtin_trap();
  if (!out.ok() && status != 400 && status != 413) __builtin_trap();
  if (!out.ok() && status == 413 && stats.bytes_out != cap + 1) __builtin_trap();

  // Round trip through zlib's compressor.
  std::string packed = FuzzCompress(body, gzip);
  Result<std::string> back = DecodeContent(packed, encoding, body.size(), &status);
  if (!back.ok() || *back != body) __builtin_trap();
  if (!body.empty()) {
    Result<std::string> short_cap = DecodeContent(packed, encoding, body.size() - 1, &status);
    if (short_cap.ok() || status != 413) __builtin_trap();
  }
  size_t cut = packed.size() > 1 ? 1 + cap % (packed.size() - 1) : 0;
  if (cut > 0) {
    Result<std::string> prefix = DecodeContent(packed.substr(0, cut), encoding, 1 << 20, &status);
    if (prefix.ok() || status != 400) __builtin_trap();
  }
  if (gzip) {
    size_t half = cap % (body.size() + 1);
    std::string two =
        FuzzCompress(body.substr(0, half), true) + FuzzCompress(body.substr(half), true);
    Result<std::string> joined = DecodeContent(two, encoding, body.size(), &status);
    if (!joined.ok() || *joined != body) __builtin_trap();
  }
  return 0;
}
