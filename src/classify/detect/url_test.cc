#include "detect/url.h"

#include <gtest/gtest.h>

#include <string>

namespace metagate::classify::detect {
namespace {

std::string Spans(std::string_view url) {
  Findings f;
  FindInUrl(url, f);
  std::string out;
  for (const Finding& x : f) {
    out += std::string(x.cls == kEmail    ? "email:"
                       : x.cls == kSecret ? "secret:"
                                          : "?:") +
           std::string(url.substr(x.begin, x.end - x.begin)) + ";";
  }
  return out;
}

TEST(UrlDetect, IsUrl) {
  EXPECT_TRUE(IsUrl("https://shop.example.com/users/1/profile?x=1#top"));
  EXPECT_TRUE(IsUrl("http://localhost:8080/"));
  EXPECT_TRUE(IsUrl("ftp://files.example.org"));
  EXPECT_TRUE(IsUrl("//cdn.example.com/a.js"));
  EXPECT_TRUE(IsUrl("https://user@[2001:db8::1]:443/x"));
  EXPECT_FALSE(IsUrl("/users/1/profile"));
  EXPECT_FALSE(IsUrl("mailto:jane@example.org"));
  EXPECT_FALSE(IsUrl("https://"));
  EXPECT_FALSE(IsUrl("https://exa mple.com/"));
  EXPECT_FALSE(IsUrl("https://example.com:port/"));
  EXPECT_FALSE(IsUrl("javascript://alert(1)"));
  EXPECT_FALSE(IsUrl("analytics.js"));
}

TEST(UrlDetect, FindsEmails) {
  EXPECT_EQ(
      Spans("https://a.example.com/users/jose1783@gmail.com/profile?invite=jose1783@gmail.com"),
      "email:jose1783@gmail.com;email:jose1783@gmail.com;");
  EXPECT_EQ(Spans("/users/wei.chen@outlook.com/profile"), "email:wei.chen@outlook.com;");
  EXPECT_EQ(Spans("https://a.example.com/p?email=jane%40example.org&x=1"),
            "email:jane%40example.org;");
  EXPECT_EQ(Spans("https://jane@example.org/p"), "");  // userinfo, not path
}

TEST(UrlDetect, FindsSecrets) {
  EXPECT_EQ(Spans("https://a.example.com/?api_key=xoxb-44209463912-9398902210489-aNtnlJcLUk"),
            "secret:xoxb-44209463912-9398902210489-aNtnlJcLUk;");
  EXPECT_EQ(Spans("https://a.example.com/o/1?access_token=AKIAUESMKRMLTUEUHDRT"),
            "secret:AKIAUESMKRMLTUEUHDRT;");
  EXPECT_EQ(Spans("https://a.example.com/o/1?sig=Q2x7vR9pLm4KzT8wYb3NhF6s&page=2"),
            "secret:Q2x7vR9pLm4KzT8wYb3NhF6s;");
  EXPECT_EQ(Spans("https://a.example.com/cb#access_token=Q2x7vR9pLm4KzT8wYb3NhF6s"),
            "secret:Q2x7vR9pLm4KzT8wYb3NhF6s;");
}

TEST(UrlDetect, NearMisses) {
  EXPECT_EQ(Spans("https://git.example.com/commit/11861475b9f9a096e559dac19c00431a630c28a1"), "");
  EXPECT_EQ(Spans("https://a.example.com/projects/34b2b899-cb43-42d6-92e5-7810dd9de79f/settings"),
            "");
  EXPECT_EQ(Spans("https://a.example.com/p?ref=Q2x7vR9pLm4KzT8wYb3NhF6s"), "");  // not a key name
  EXPECT_EQ(Spans("https://a.example.com/p?token=11861475b9f9a096e559dac19c00431a630c28a1"), "");
  EXPECT_EQ(Spans("https://a.example.com/p?utm_source=newsletter&q=jane@example"), "");
}

}  // namespace
}  // namespace metagate::classify::detect
