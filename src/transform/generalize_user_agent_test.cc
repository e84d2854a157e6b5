#include <gtest/gtest.h>

#include "metagate/transform/generalize.h"

namespace metagate::transform {
namespace {

std::string Ok(std::string_view v) {
  Result<std::string> r = GeneralizeUserAgent(v);
  EXPECT_TRUE(r.ok()) << v << ": " << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

TEST(GeneralizeUserAgent, Browsers) {
  EXPECT_EQ(Ok("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/130.0.0.0 Safari/537.36"),
            "Chrome 130 on Windows");
  EXPECT_EQ(Ok("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, "
               "like Gecko) Version/17.4.1 Safari/605.1.15"),
            "Safari 17 on macOS");
  EXPECT_EQ(Ok("Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0"),
            "Firefox 131 on Linux");
  EXPECT_EQ(Ok("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
               "(KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1"),
            "Mobile Safari 17 on iOS");
  EXPECT_EQ(Ok("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/125.0.0.0 Safari/537.36 Edg/125.0.2535.67"),
            "Edge 125 on Windows");
  EXPECT_EQ(Ok("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/124.0.6367.82 Mobile Safari/537.36"),
            "Chrome 124 on Android");
  EXPECT_EQ(Ok("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
               "(KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1"),
            "Chrome 126 on iOS");
  EXPECT_EQ(Ok("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/129.0.0.0 Safari/537.36 OPR/114.0.0.0"),
            "Opera 114 on Windows");
  EXPECT_EQ(Ok("Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) "
               "Chrome/128.0.0.0 Safari/537.36"),
            "Chrome 128 on Chrome OS");
}

TEST(GeneralizeUserAgent, NonBrowserClients) {
  EXPECT_EQ(Ok("curl/8.4.0"), "curl 8");
  EXPECT_EQ(Ok("python-requests/2.31.0"), "python-requests 2");
  EXPECT_EQ(Ok("Wget/1.21.3"), "Wget 1");
  EXPECT_EQ(Ok("Go-http-client/2.0"), "Go-http-client 2");
  EXPECT_EQ(Ok("curl/"), "curl");
}

TEST(GeneralizeUserAgent, UnknownIsOther) {
  EXPECT_EQ(Ok("Googlebot/2.1 (+http://www.google.com/bot.html)"), "Other");
  EXPECT_EQ(Ok("my-internal-tool"), "Other");
  EXPECT_EQ(Ok("\xff\xfe garbage"), "Other");
  // Near misses: Safari marker without Version, client name not at the start.
  EXPECT_EQ(Ok("Mozilla/5.0 (Macintosh) AppleWebKit/605.1.15 Safari/605.1.15"), "Other");
  EXPECT_EQ(Ok("wrapper curl/8.4.0"), "Other");
  EXPECT_FALSE(GeneralizeUserAgent("").ok());
  EXPECT_FALSE(GeneralizeUserAgent("  \t").ok());
}

}  // namespace
}  // namespace metagate::transform
