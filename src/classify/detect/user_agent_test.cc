#include "detect/user_agent.h"

#include <gtest/gtest.h>

namespace metagate::classify::detect {
namespace {

TEST(UserAgentDetect, Accepts) {
  for (const char* s :
       {"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) "
        "Chrome/120.0.0.0 Safari/537.36",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, "
        "like Gecko) Version/17.1 Mobile/15E148 Safari/604.1",
        "curl/8.4.0", "okhttp/4.12.0", "python-requests/2.31",
        "Dalvik/2.1.0 (Linux; U; Android 14; Pixel 8 Build/UD1A.230803.041)",
        "MyShop/3.2.1 (iPhone; iOS 17.0; Scale/3.00)", "Go-http-client/1.1",
        "Googlebot/2.1 (+http://www.google.com/bot.html)"}) {
    EXPECT_TRUE(IsUserAgent(s)) << s;
  }
}

TEST(UserAgentDetect, RejectsNearMisses) {
  for (const char* s :
       {"amplitude-ts/2.9.0", "analytics.js", "posthog-js", "segment/1.0", "Mozilla",
        "Chrome 120 on Windows", "(Windows NT 10.0)", "curl/8.4.0 (unclosed",
        "https://example.com/a/b", "10.4.2.117", "/users/1/profile", "a/b"}) {
    EXPECT_FALSE(IsUserAgent(s)) << s;
  }
}

}  // namespace
}  // namespace metagate::classify::detect
