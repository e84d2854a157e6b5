#include <gtest/gtest.h>

#include "metagate/transform/generalize.h"

namespace metagate::transform {
namespace {

std::string Url(std::string_view v) {
  Result<std::string> r = GeneralizeUrl(v);
  EXPECT_TRUE(r.ok()) << v << ": " << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

std::string Ref(std::string_view v) {
  Result<std::string> r = GeneralizeReferrer(v);
  EXPECT_TRUE(r.ok()) << v << ": " << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

TEST(GeneralizeUrl, DropsQueryFragmentAndUserinfo) {
  EXPECT_EQ(Url("https://example.com/search?q=alice&x=1#top"), "https://example.com/search");
  EXPECT_EQ(Url("HTTPS://Example.COM/Path"), "https://example.com/Path");
  EXPECT_EQ(Url("https://bob:pw@example.com:8443/a"), "https://example.com:8443/a");
  EXPECT_EQ(Url("https://example.com"), "https://example.com");
  EXPECT_EQ(Url("https://example.com/"), "https://example.com/");
  EXPECT_EQ(Url("https://example.com?x=1"), "https://example.com");
  EXPECT_EQ(Url("//cdn.example.com/a/123"), "//cdn.example.com/a/:id");
}

TEST(GeneralizeUrl, MasksIdSegments) {
  EXPECT_EQ(Url("https://api.example.com/users/123/profile"),
            "https://api.example.com/users/:id/profile");
  EXPECT_EQ(Url("https://x.io/orders/550e8400-e29b-41d4-a716-446655440000/items/7"),
            "https://x.io/orders/:id/items/:id");
  EXPECT_EQ(Url("https://x.io/blob/deadbeefcafebabe0123"), "https://x.io/blob/:id");
  EXPECT_EQ(Url("https://x.io/u/alice@example.com/settings"), "https://x.io/u/:id/settings");
  EXPECT_EQ(Url("https://x.io/u/alice%40example.com"), "https://x.io/u/:id");
  EXPECT_EQ(Url("https://x.io/s/a8Fk29sLq0ZxP3"), "https://x.io/s/:id");
  EXPECT_EQ(Url("https://x.io/s/usr_2b7QhT9x1m"), "https://x.io/s/:id");
  // Near misses that stay: short hex, words, versions, slugs with a year.
  EXPECT_EQ(Url("https://x.io/v2/abc/cafe/sale-2024-shoes/index.html"),
            "https://x.io/v2/abc/cafe/sale-2024-shoes/index.html");
  EXPECT_EQ(Url("https://x.io/deadbeefcafe"), "https://x.io/deadbeefcafe");
  EXPECT_EQ(Url("https://x.io/archive/2024-11-29/a1"), "https://x.io/archive/2024-11-29/a1");
  // A UUID one digit short is still a long mixed token.
  EXPECT_EQ(Url("https://x.io/550e8400-e29b-41d4-a716-44665544000"), "https://x.io/:id");
}

TEST(GeneralizeUrl, PathOnly) {
  EXPECT_EQ(Url("/users/123/profile"), "/users/:id/profile");
  EXPECT_EQ(Url("/users/123/profile?tab=1"), "/users/:id/profile");
  EXPECT_EQ(Url("/"), "/");
  EXPECT_EQ(Url("/a//b/"), "/a//b/");
}

TEST(GeneralizeUrl, RejectsInvalid) {
  for (std::string_view bad :
       {"", "  ", "users/123", "example.com/x", "https://", "https:///x", "https://:80/x",
        "https://exa mple.com/", "https://x.io/a\x01", "mailto:bob@example.com"}) {
    EXPECT_FALSE(GeneralizeUrl(bad).ok()) << bad;
  }
}

TEST(GeneralizeReferrer, Origin) {
  EXPECT_EQ(Ref("https://www.google.com/search?q=secret"), "https://www.google.com");
  EXPECT_EQ(Ref("https://user:pw@Shop.Example.com:8080/cart/42#x"),
            "https://shop.example.com:8080");
  EXPECT_EQ(Ref("android-app://com.google.android.gm/"), "android-app://com.google.android.gm");
  EXPECT_EQ(Ref("example.com"), "example.com");
  EXPECT_EQ(Ref("Example.com/some/path"), "example.com");
  EXPECT_EQ(Ref("//example.com/a"), "example.com");
  for (std::string_view bad : {"", " ", "/just/a/path", "https://", "https://@/x", "a b"}) {
    EXPECT_FALSE(GeneralizeReferrer(bad).ok()) << bad;
  }
}

}  // namespace
}  // namespace metagate::transform
