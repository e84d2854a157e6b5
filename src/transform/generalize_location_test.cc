#include <gtest/gtest.h>

#include "metagate/transform/generalize.h"

namespace metagate::transform {
namespace {

std::string Ok(std::string_view v, std::optional<std::string_view> cc = std::nullopt) {
  Result<std::string> r = GeneralizePostalCode(v, cc);
  EXPECT_TRUE(r.ok()) << v << ": " << r.status().ToString();
  return r.ok() ? *r : "<error>";
}

TEST(GeneralizePostalCode, UsZip) {
  EXPECT_EQ(Ok("94103"), "941");
  EXPECT_EQ(Ok("94103-1234"), "941");
  EXPECT_EQ(Ok(" 02139 "), "021");
  EXPECT_EQ(Ok("94103", "us"), "941");
  EXPECT_FALSE(GeneralizePostalCode("9410", "US").ok());
  EXPECT_FALSE(GeneralizePostalCode("94103-12", "US").ok());
  EXPECT_FALSE(GeneralizePostalCode("SW1A 1AA", "US").ok());
}

TEST(GeneralizePostalCode, UkOutward) {
  EXPECT_EQ(Ok("SW1A 1AA"), "SW1A");
  EXPECT_EQ(Ok("sw1a1aa"), "SW1A");
  EXPECT_EQ(Ok("M1 1AE"), "M1");
  EXPECT_EQ(Ok("B33 8TH"), "B33");
  EXPECT_EQ(Ok("CR2 6XH"), "CR2");
  EXPECT_EQ(Ok("DN55 1PT"), "DN55");
  EXPECT_EQ(Ok("W1A 0AX", "GB"), "W1A");
  EXPECT_FALSE(GeneralizePostalCode("12345", "GB").ok());
}

TEST(GeneralizePostalCode, OthersFirstTwo) {
  EXPECT_EQ(Ok("75008"), "750");       // five digits look like a ZIP without a country…
  EXPECT_EQ(Ok("75008", "FR"), "75");  // …and use the generic rule with one
  EXPECT_EQ(Ok("10115", "DE"), "10");
  EXPECT_EQ(Ok("K1A 0B1"), "K1");   // Canada
  EXPECT_EQ(Ok("1012 AB"), "10");   // Netherlands
  EXPECT_EQ(Ok("100-0001"), "10");  // Japan
  EXPECT_EQ(Ok("\xc3\x85"
               "b12"),
            "\xc3\x85"
            "B");
}

TEST(GeneralizePostalCode, RejectsInvalid) {
  for (std::string_view bad : {"", "  ", "1", "12", "-1234", " .5", "\xff\xfe\x31\x32"}) {
    EXPECT_FALSE(GeneralizePostalCode(bad).ok()) << bad;
  }
}

TEST(GeneralizeLocality, CountryOrError) {
  Result<std::string> r = GeneralizeLocality("Paris", "France");
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(*r, "France");
  EXPECT_EQ(*GeneralizeLocality(" Bavaria ", " DE "), "DE");
  EXPECT_FALSE(GeneralizeLocality("Paris", std::nullopt).ok());
  EXPECT_FALSE(GeneralizeLocality("Paris", "").ok());
  EXPECT_FALSE(GeneralizeLocality("Paris", "  ").ok());
  EXPECT_FALSE(GeneralizeLocality("", "France").ok());
}

}  // namespace
}  // namespace metagate::transform
