#include "field_name.h"

#include <gtest/gtest.h>

namespace metagate::classify {
namespace {

TEST(FieldName, SpellingsOfOneNameAgree) {
  for (const char* n : {"emailAddress", "email_address", "$email_address", "Email-Address",
                        "EMAIL_ADDRESS", "email.address", "email address"}) {
    EXPECT_EQ(CanonicalFieldName(n), "email_address") << n;
  }
}

TEST(FieldName, AcronymsDigitsAndDots) {
  EXPECT_EQ(CanonicalFieldName("IPAddress"), "ip_address");
  EXPECT_EQ(CanonicalFieldName("userID"), "user_id");
  EXPECT_EQ(CanonicalFieldName("address_line1"), "address_line_1");
  EXPECT_EQ(CanonicalFieldName("addressLine1"), "address_line_1");
  EXPECT_EQ(CanonicalFieldName("user_agent.original"), "user_agent_original");
  EXPECT_EQ(CanonicalFieldName("http.request.header.authorization"),
            "http_request_header_authorization");
  EXPECT_EQ(CanonicalFieldName("mp_country_code"), "mp_country_code");
  EXPECT_EQ(CanonicalFieldName("$device:id"), "device_id");
  EXPECT_EQ(CanonicalFieldName("billing/iban"), "billing_iban");
}

TEST(FieldName, NonAsciiStaysInsideTokens) {
  EXPECT_EQ(CanonicalFieldName("straße_nr"), "straße_nr");
  EXPECT_EQ(CanonicalFieldName(""), "");
  EXPECT_EQ(CanonicalFieldName("$$__"), "");
}

}  // namespace
}  // namespace metagate::classify
