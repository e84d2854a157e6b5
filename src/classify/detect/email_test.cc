#include "detect/email.h"

#include <gtest/gtest.h>

namespace metagate::classify::detect {
namespace {

TEST(EmailDetect, AcceptsDotAtomAddresses) {
  EXPECT_TRUE(IsEmail("jane@example.org"));
  EXPECT_TRUE(IsEmail("dmitri+billing@acme-corp.com"));
  EXPECT_TRUE(IsEmail("bjorn_obrien52@outlook.com"));
  EXPECT_TRUE(IsEmail("raj.lefevre@mail.example.org"));
  EXPECT_TRUE(IsEmail("A.B-C@sub.domain.co.uk"));
  EXPECT_TRUE(IsEmail("x@xn--bcher-kva.xn--p1ai"));
}

TEST(EmailDetect, RejectsNearMisses) {
  EXPECT_FALSE(IsEmail("jane%40example.org"));  // percent-encoded: only the scanner
  EXPECT_FALSE(IsEmail("jane@example"));        // no dot in the domain
  EXPECT_FALSE(IsEmail("jane@example.c"));      // one-letter TLD
  EXPECT_FALSE(IsEmail("jane@example.123"));    // numeric TLD
  EXPECT_FALSE(IsEmail(".jane@example.org"));
  EXPECT_FALSE(IsEmail("jane.@example.org"));
  EXPECT_FALSE(IsEmail("ja..ne@example.org"));
  EXPECT_FALSE(IsEmail("jane@-example.org"));
  EXPECT_FALSE(IsEmail("jane@example-.org"));
  EXPECT_FALSE(IsEmail("jane@@example.org"));
  EXPECT_FALSE(IsEmail("jane@exa mple.org"));
  EXPECT_FALSE(IsEmail("@example.org"));
  EXPECT_FALSE(IsEmail("jane@"));
  EXPECT_FALSE(IsEmail("user@10.0.0.1"));
  EXPECT_FALSE(IsEmail("git@github.com:org/repo.git"));
  EXPECT_FALSE(IsEmail(""));
}

}  // namespace
}  // namespace metagate::classify::detect
