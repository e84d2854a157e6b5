#include "body_decoding.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include "ingest_api.h"
#include "metagate/common/base64.h"

namespace metagate::gateway {
namespace {

// Compresses `in` with zlib as one gzip member (`gzip`) or one zlib stream.
std::string Compress(std::string_view in, bool gzip = true) {
  z_stream zs{};
  EXPECT_EQ(
      deflateInit2(&zs, Z_BEST_COMPRESSION, Z_DEFLATED, gzip ? 15 + 16 : 15, 9, Z_DEFAULT_STRATEGY),
      Z_OK);
  std::string out(deflateBound(&zs, in.size()), '\0');
  zs.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  zs.avail_in = static_cast<uInt>(in.size());
  zs.next_out = reinterpret_cast<Bytef*>(out.data());
  zs.avail_out = static_cast<uInt>(out.size());
  EXPECT_EQ(deflate(&zs, Z_FINISH), Z_STREAM_END);
  out.resize(zs.total_out);
  deflateEnd(&zs);
  return out;
}

constexpr std::string_view kBatch =
    R"({"batch":[{"type":"track","event":"Signed Up","userId":"u-1"}],"writeKey":"wk"})";

TEST(UrlDecode, PlusIsASpaceAndPercentIsAByte) {
  EXPECT_EQ(UrlDecode("a+b%20c%2Bd"), "a b c+d");
  EXPECT_EQ(UrlDecode("%7b%7D%00"), std::string("{}\0", 3));
  EXPECT_EQ(UrlDecode(""), "");
  EXPECT_EQ(UrlDecode("%25"), "%");
}

TEST(UrlDecode, BadOrTruncatedPercentIsRefused) {
  EXPECT_EQ(UrlDecode("%"), std::nullopt);
  EXPECT_EQ(UrlDecode("abc%4"), std::nullopt);
  EXPECT_EQ(UrlDecode("%zz"), std::nullopt);
  EXPECT_EQ(UrlDecode("%4g"), std::nullopt);
  EXPECT_EQ(UrlDecode("%+1"), std::nullopt);
}

TEST(MixpanelFormData, JsonBase64MissingAndInvalid) {
  std::string json = R"([{"event":"E"}])";
  EXPECT_EQ(*MixpanelFormData("data=" + json), json);
  EXPECT_EQ(*MixpanelFormData("ip=1&data=+%7B%7D&data=ignored"), " {}");  // first field wins
  std::string b64 = base64::Encode(json);
  EXPECT_EQ(*MixpanelFormData("verbose=1&data=" + b64), json);
  EXPECT_EQ(*MixpanelFormData("data="), "");  // empty base64 is empty; the pipeline refuses it

  Result<std::string> missing = MixpanelFormData("ip=1&verbose=1");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().message(), "the form has no 'data' field");
  EXPECT_FALSE(MixpanelFormData("").ok());
  EXPECT_FALSE(MixpanelFormData("xdata=e30=").ok());
  Result<std::string> bad_url = MixpanelFormData("data=%7");
  ASSERT_FALSE(bad_url.ok());
  EXPECT_EQ(bad_url.status().message(), "the form field 'data' is not URL-encoded correctly");
  Result<std::string> neither = MixpanelFormData("data=not*base64");
  ASSERT_FALSE(neither.ok());
  EXPECT_EQ(neither.status().message(), "the form field 'data' is neither JSON nor base64");
}

TEST(ContentEncoding, NamesAreCaseInsensitive) {
  EXPECT_EQ(ParseContentEncoding("gzip"), ContentEncoding::kGzip);
  EXPECT_EQ(ParseContentEncoding(" GZip "), ContentEncoding::kGzip);
  EXPECT_EQ(ParseContentEncoding("x-gzip"), ContentEncoding::kGzip);
  EXPECT_EQ(ParseContentEncoding("Deflate"), ContentEncoding::kDeflate);
  EXPECT_EQ(ParseContentEncoding("identity"), ContentEncoding::kIdentity);
  EXPECT_EQ(ParseContentEncoding(""), ContentEncoding::kIdentity);
  EXPECT_EQ(ParseContentEncoding("br"), std::nullopt);
  EXPECT_EQ(ParseContentEncoding("gzip, br"), std::nullopt);
  EXPECT_EQ(ParseContentEncoding("gzip2"), std::nullopt);
}

TEST(DecodeContent, GzipAndDeflateRoundTrip) {
  for (bool gzip : {true, false}) {
    int status = 0;
    Result<std::string> out =
        DecodeContent(Compress(kBatch, gzip),
                      gzip ? ContentEncoding::kGzip : ContentEncoding::kDeflate, 1 << 20, &status);
    ASSERT_TRUE(out.ok()) << out.status().ToString();
    EXPECT_EQ(*out, kBatch);
  }
  // Larger than one output chunk (64 KiB), and exactly the cap.
  std::string big;
  for (int i = 0; big.size() < 300000; ++i) big += std::to_string(i * 7919) + ",";
  Result<std::string> out = DecodeContent(Compress(big), ContentEncoding::kGzip, big.size());
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, big);
}

TEST(DecodeContent, ConcatenatedGzipMembersAreJoined) {
  std::string two = Compress("[1,") + Compress("2]");
  Result<std::string> out = DecodeContent(two, ContentEncoding::kGzip, 100);
  ASSERT_TRUE(out.ok()) << out.status().ToString();
  EXPECT_EQ(*out, "[1,2]");
  // The cap counts all members together.
  int status = 0;
  EXPECT_FALSE(DecodeContent(two, ContentEncoding::kGzip, 4, &status).ok());
  EXPECT_EQ(status, 413);
  // Anything else after a member is corrupt, and a zlib stream has exactly one.
  EXPECT_FALSE(DecodeContent(Compress("[1]") + "junk", ContentEncoding::kGzip, 100).ok());
  EXPECT_FALSE(
      DecodeContent(Compress("[1]") + std::string(4, '\0'), ContentEncoding::kGzip, 100).ok());
  Result<std::string> zlib_tail = DecodeContent(Compress("[1]", false) + Compress("[2]", false),
                                                ContentEncoding::kDeflate, 100, &status);
  ASSERT_FALSE(zlib_tail.ok());
  EXPECT_EQ(status, 400);
  EXPECT_EQ(zlib_tail.status().message(),
            "the deflate-encoded body has bytes after its compressed stream");
}

TEST(DecodeContent, CorruptGzipIs400WithoutBodyBytes) {
  int status = 0;
  Result<std::string> plain = DecodeContent("{\"secret\":1}", ContentEncoding::kGzip, 100, &status);
  ASSERT_FALSE(plain.ok());
  EXPECT_EQ(status, 400);
  EXPECT_EQ(plain.status().message(), "the gzip-encoded body is corrupt (incorrect header check)");

  std::string flipped = Compress(kBatch);
  flipped[flipped.size() - 6] ^= 0x55;  // in the CRC-32 trailer
  Result<std::string> crc = DecodeContent(flipped, ContentEncoding::kGzip, 1 << 20, &status);
  ASSERT_FALSE(crc.ok());
  EXPECT_EQ(status, 400);
  EXPECT_EQ(crc.status().message().find("Signed"), std::string::npos);
  EXPECT_NE(crc.status().message().find("corrupt"), std::string::npos);

  Result<std::string> deflate = DecodeContent("not zlib", ContentEncoding::kDeflate, 100, &status);
  ASSERT_FALSE(deflate.ok());
  EXPECT_EQ(status, 400);
}

TEST(DecodeContent, TruncatedGzipIs400) {
  std::string packed = Compress(kBatch);
  for (size_t cut : {size_t{1}, size_t{10}, packed.size() / 2, packed.size() - 1}) {
    int status = 0;
    Result<std::string> out =
        DecodeContent(packed.substr(0, cut), ContentEncoding::kGzip, 1 << 20, &status);
    ASSERT_FALSE(out.ok()) << cut;
    EXPECT_EQ(status, 400);
    EXPECT_EQ(out.status().message(),
              "the gzip-encoded body ends before its compressed stream does");
  }
}

TEST(DecodeContent, CapStopsABombEarly) {
  // 20 MB of zeros compress to about 20 KB; the cap is 1 MB.
  std::string packed = Compress(std::string(20 << 20, '\0'));
  ASSERT_LT(packed.size(), 100u << 10);
  int status = 0;
  InflateStats stats;
  Result<std::string> out = DecodeContent(packed, ContentEncoding::kGzip, 1 << 20, &status, &stats);
  ASSERT_FALSE(out.ok());
  EXPECT_EQ(status, 413);
  EXPECT_EQ(out.status().message(), "the decompressed body exceeds 1048576 bytes");
  // It stopped one byte past the cap, having read about a twentieth of the stream.
  EXPECT_EQ(stats.bytes_out, (1u << 20) + 1);
  EXPECT_LT(stats.bytes_in, packed.size() / 4);
}

TEST(DecodeContent, EmptyAndIdentityBodies) {
  for (ContentEncoding e :
       {ContentEncoding::kIdentity, ContentEncoding::kGzip, ContentEncoding::kDeflate}) {
    Result<std::string> out = DecodeContent("", e, 0);
    ASSERT_TRUE(out.ok());
    EXPECT_EQ(*out, "");
  }
  EXPECT_EQ(*DecodeContent("{}", ContentEncoding::kIdentity, 2), "{}");
  int status = 0;
  EXPECT_FALSE(DecodeContent("{} ", ContentEncoding::kIdentity, 2, &status).ok());
  EXPECT_EQ(status, 413);
  // A gzip of nothing is a valid empty body.
  EXPECT_EQ(*DecodeContent(Compress(""), ContentEncoding::kGzip, 0), "");
}

net::HttpRequest Post(std::string body, std::vector<std::pair<std::string, std::string>> h) {
  net::HttpRequest r;
  r.method = "POST";
  r.body = std::move(body);
  r.headers = std::move(h);
  return r;
}

TEST(DecodeIngest, GzipBodiesForEveryFormat) {
  std::string mixpanel = R"([{"event":"E","properties":{"token":"t"}}])";
  struct Case {
    std::string_view format, path;
    std::string body;
    std::vector<std::pair<std::string, std::string>> headers;
    std::string want;
  };
  std::vector<Case> cases = {
      {"segment", "/v1/batch", std::string(kBatch), {}, std::string(kBatch)},
      {"segment",
       "/v1/track",
       R"({"event":"E","writeKey":"w"})",
       {},
       R"({"type":"track","event":"E","writeKey":"w"})"},
      {"posthog", "/batch", R"({"api_key":"k","batch":[]})", {}, R"({"api_key":"k","batch":[]})"},
      {"amplitude",
       "/2/httpapi",
       R"({"api_key":"k","events":[]})",
       {},
       R"({"api_key":"k","events":[]})"},
      {"otlp-logs",
       "/v1/logs",
       "{}",
       {{"Content-Type", "application/json"}, {"Authorization", "Bearer tok"}},
       "{}"},
      {"mixpanel",
       "/track",
       "data=" + base64::Encode(mixpanel),
       {{"Content-Type", "application/x-www-form-urlencoded"}},
       mixpanel},
  };
  for (Case& c : cases) {
    c.headers.emplace_back("Content-Encoding", "GZIP");
    int status = 0;
    Result<IngestRequest> r =
        DecodeIngest(c.format, c.path, Post(Compress(c.body), c.headers), {}, &status);
    ASSERT_TRUE(r.ok()) << c.format << ": " << r.status().ToString();
    EXPECT_EQ(r->body, c.want) << c.format;
    EXPECT_FALSE(r->credentials.empty()) << c.format;
  }
}

TEST(DecodeIngest, EncodingErrorsHaveTheirStatus) {
  int status = 0;
  Result<IngestRequest> br =
      DecodeIngest("segment", "/v1/batch", Post("x", {{"Content-Encoding", "br"}}), {}, &status);
  ASSERT_FALSE(br.ok());
  EXPECT_EQ(status, 415);
  Result<IngestRequest> corrupt =
      DecodeIngest("posthog", "/e", Post("x", {{"Content-Encoding", "gzip"}}), {}, &status);
  ASSERT_FALSE(corrupt.ok());
  EXPECT_EQ(status, 400);
  DecodeOptions small;
  small.max_body_bytes = 1000;
  Result<IngestRequest> big = DecodeIngest(
      "amplitude", "/batch", Post(Compress(std::string(5000, ' ')), {{"Content-Encoding", "gzip"}}),
      small, &status);
  ASSERT_FALSE(big.ok());
  EXPECT_EQ(status, 413);
  EXPECT_EQ(big.status().message(), "the decompressed body exceeds 1000 bytes");
  // The path is checked before the body is inflated.
  Result<IngestRequest> path =
      DecodeIngest("amplitude", "/nope", Post("x", {{"Content-Encoding", "br"}}), {}, &status);
  ASSERT_FALSE(path.ok());
  EXPECT_EQ(status, 404);
}

}  // namespace
}  // namespace metagate::gateway
