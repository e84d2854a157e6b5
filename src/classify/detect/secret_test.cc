#include "detect/secret.h"

#include <gtest/gtest.h>

namespace metagate::classify::detect {
namespace {

constexpr const char* kJwt =
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwiaWF0IjoxNzMyMjUzNDE4fQ."
    "rMcTN_ZO3ZQkMaSAgzEH94vwnoyZ11-2Zmv-H27QiEs";

TEST(SecretDetect, KnownPrefixes) {
  EXPECT_TRUE(IsSecret("sk-proj-Duy51LBIamy8AbgK5fe5ao5Ti8DNTtOlgziTkNk42oGNIUfD"));
  EXPECT_TRUE(IsSecret("sk-V9qra3gARX83S66RGVMy10JcJuuNby3mHQEzDtd80eVhWAsa"));
  EXPECT_TRUE(IsSecret("AKIAUESMKRMLTUEUHDRT"));
  EXPECT_TRUE(IsSecret("ASIAY34FZKBOKMUTVV7A"));
  EXPECT_TRUE(IsSecret("ghp_Y8hvvpwIBgMVEVdKRdvqpPiyuILrbneIQq6F"));
  EXPECT_TRUE(IsSecret("github_pat_11ABCDEFG0123456789abc_defghijklmnopqrstuvwxyzABCDEFGHIJ"));
  EXPECT_TRUE(IsSecret("xoxb-44209463912-9398902210489-aNtnlJcLUkJTLUpXlk1ft9YY"));
  EXPECT_TRUE(IsSecret("sk_live_4eC39HqLyjWDarjtT1zdp7dc"));
  EXPECT_TRUE(IsSecret("AIzaSyDaGmWKa4JsXZ-HjGw7ISLn_3namBGewQe"));
  EXPECT_TRUE(IsSecret(kJwt));
}

TEST(SecretDetect, AuthorizationValues) {
  EXPECT_TRUE(IsSecret(std::string("Bearer ") + kJwt));
  EXPECT_TRUE(IsSecret("Bearer 8f3kLm29QpZx7RtY4vWn"));
  EXPECT_TRUE(IsSecret("Token ghp_Y8hvvpwIBgMVEVdKRdvqpPiyuILrbneIQq6F"));
  EXPECT_TRUE(IsSecret("Basic YWxhZGRpbjpvcGVuc2VzYW1l"));  // aladdin:opensesame
  EXPECT_FALSE(IsSecret("Bearer undefined"));
  EXPECT_FALSE(IsSecret("Bearer null"));
  EXPECT_FALSE(IsSecret("Basic realm"));
  EXPECT_FALSE(IsSecret("Token expired for this user"));
}

TEST(SecretDetect, RejectsNearMisses) {
  EXPECT_FALSE(IsSecret("sk-short"));
  EXPECT_FALSE(IsSecret("AKIA1234567890123456"));  // 0, 1, 8, 9 are not base32
  EXPECT_FALSE(IsSecret("AKIAUESMKRMLTUEUHDR"));   // 15 body characters
  EXPECT_FALSE(IsSecret("ghp_tooShort123"));
  EXPECT_FALSE(IsSecret("ghx_Y8hvvpwIBgMVEVdKRdvqpPiyuILrbneIQq6F"));
  EXPECT_FALSE(IsSecret("xoxz-44209463912-9398902210489-aNtnlJcLUk"));
  EXPECT_FALSE(IsSecret("pk_live_4eC39HqLyjWDarjtT1zdp7dc"));             // publishable
  EXPECT_FALSE(IsSecret("eyJzdWIiOiIxMjM0In0.eyJzdWIiOiIxMjM0In0.abc"));  // header without alg
  EXPECT_FALSE(IsSecret("eyJhbGciOiJIUzI1NiJ9.payload"));                 // two segments
  EXPECT_FALSE(IsSecret("11861475b9f9a096e559dac19c00431a630c28a1"));
  EXPECT_FALSE(IsSecret("task-force-for-the-checkout-flow-v2"));
}

TEST(SecretDetect, HighEntropyTokens) {
  EXPECT_TRUE(IsHighEntropyToken("kPU7YGLfkasgRcnVmHwjdvoD"));
  EXPECT_TRUE(IsHighEntropyToken("Q2x7vR9pLm4KzT8wYb3NhF6s"));
  EXPECT_TRUE(IsHighEntropyToken("a8f3k2m9q4z7x1c6v5b0n3m8"));
  EXPECT_FALSE(IsHighEntropyToken("11861475b9f9a096e559dac19c00431a630c28a1"));  // commit
  EXPECT_FALSE(IsHighEntropyToken("d41d8cd98f00b204e9800998ecf8427e"));          // md5
  EXPECT_FALSE(IsHighEntropyToken("34b2b899-cb43-42d6-92e5-7810dd9de79f"));      // uuid
  EXPECT_FALSE(IsHighEntropyToken("new_checkout_flow_enabled"));
  EXPECT_FALSE(IsHighEntropyToken("AAAAAAAAAAAAAAAAAAAAAAAA1"));
  EXPECT_FALSE(IsHighEntropyToken("shortToken123"));
  EXPECT_FALSE(IsHighEntropyToken("user_profile_settings_v2"));
  EXPECT_FALSE(IsHighEntropyToken("abc def ghi jkl mno pqr stu"));
}

}  // namespace
}  // namespace metagate::classify::detect
