#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "metagate_testing/address_parts.h"
#include "text/address.h"
#include "text/regions.h"

namespace metagate::classify::text {
namespace {

// The region findings of FindAddresses, as text.
std::vector<std::string> Regions(std::string_view text) {
  Findings f;
  FindAddresses(text, f);
  std::vector<std::string> out;
  for (const Finding& x : f) {
    if (x.cls == kRegion) out.push_back(std::string(text.substr(x.begin, x.end - x.begin)));
  }
  return out;
}

using V = std::vector<std::string>;
constexpr auto Parts = AddressParts;

TEST(AddressRegionTest, UnitedStates) {
  EXPECT_EQ(Parts("Ship to 102 Shattuck Ave, Berkeley, CA 94700 by Friday"),
            (V{"S:102 Shattuck Ave", "C:Berkeley", "R:CA", "Z:94700"}));
  EXPECT_EQ(Regions("Mail 123 Main St, Springfield, IL 62704-1234 today"), V{"IL"});
  EXPECT_EQ(Regions("Ship to 102 Shattuck Ave, Berkeley, California 94700."), V{"California"});
  EXPECT_EQ(Regions("at 858 W 34th St, New York, NY 10001"), V{"NY"});
  EXPECT_EQ(Regions("deliver to 500 Congress Ave, Austin, Texas"), V{"Texas"});
}

TEST(AddressRegionTest, Canada) {
  EXPECT_EQ(Parts("Livrer au 162 rue Sainte-Catherine O, Montréal QC H2X 3R2"),
            (V{"S:162 rue Sainte-Catherine O", "C:Montréal", "R:QC", "Z:H2X 3R2"}));
  EXPECT_EQ(Regions("Ship to 221 Queen St W, Toronto, ON M5V 1Z4"), V{"ON"});
  EXPECT_EQ(Regions("Ship to 221 Queen St W, Toronto, Ontario M5V 1Z4"), V{"Ontario"});
  EXPECT_EQ(Regions("12 rue Saint-Jean, Québec, Québec G1R 1N8"), V{"Québec"});
}

TEST(AddressRegionTest, Australia) {
  EXPECT_EQ(Parts("Send it to 76 Smith Street, Fitzroy VIC 3065 please"),
            (V{"S:76 Smith Street", "C:Fitzroy", "R:VIC", "Z:3065"}));
  EXPECT_EQ(Regions("at 1 Martin Place, Sydney NSW 2000"), V{"NSW"});
  EXPECT_EQ(Regions("at 10 Eagle Street, Brisbane QLD 4000"), V{"QLD"});
}

TEST(AddressRegionTest, RegionNameAfterCity) {
  EXPECT_EQ(Parts("Calle Morelos 128, 64657 Monterrey, Nuevo León"),
            (V{"S:Calle Morelos 128", "Z:64657", "C:Monterrey", "R:Nuevo León"}));
  EXPECT_EQ(Parts("Av. Paulista, 1578 - Bela Vista, São Paulo - SP"),
            (V{"S:Av. Paulista, 1578", "C:São Paulo", "R:SP"}));
  EXPECT_EQ(Parts("Ship to 12 MG Road, Bengaluru, Karnataka 560001."),
            (V{"S:12 MG Road", "C:Bengaluru", "R:Karnataka", "Z:560001"}));
  EXPECT_EQ(Regions("Marienplatz 8, 80331 München, Bayern"), V{"Bayern"});
  EXPECT_EQ(Regions("Calle de Alcalá 45, 28014 Madrid, Comunidad de Madrid"),
            V{"Comunidad de Madrid"});
  EXPECT_EQ(Regions("Via Roma 12, 20121 Milano, Lombardia"), V{"Lombardia"});
  EXPECT_EQ(Regions("Rua Augusta, 1099, 01305-100 São Paulo - SP"), V{"SP"});
}

TEST(AddressRegionTest, Japan) {
  EXPECT_EQ(Regions("2-11-3 Umeda, Kita-ku, 530-0001 Osaka, Osaka-fu"), V{"Osaka-fu"});
  EXPECT_TRUE(IsSubdivisionName("神奈川県"));
  EXPECT_TRUE(IsSubdivisionName("Kanagawa"));
  EXPECT_TRUE(IsSubdivisionName("東京都"));
}

TEST(AddressRegionTest, SpansAreTight) {
  std::string_view text = "Ship to 102 Shattuck Ave, Berkeley, California, 94700.";
  Findings f;
  FindAddresses(text, f);
  for (const Finding& x : f) {
    if (x.cls != kRegion) continue;
    EXPECT_EQ(text.substr(x.begin, x.end - x.begin), "California");
  }
}

TEST(AddressRegionTest, NearMisses) {
  for (const char* t : {
           "Please open a CA-1234 ticket for the outage",
           "Georgia said the 45 Valencia Street office is closed",
           "Ship to 45 Valencia Street, Georgia will sign",
           "WA is sunny today",
           "We moved from Texas to California last year",
           "CA 94700",
           "Ship to 10115 Berlin, Georgia",
           "Ship to 26 Rustaveli Ave, Tbilisi, Georgia",
           "Send to 10115 Berlin DE",
           "Send to 10115 Berlin, Bayern",  // a postal code and city without a street
           "Order 12345 Berlin warehouse in CA",
       }) {
    EXPECT_TRUE(Regions(t).empty()) << t;
  }
}

TEST(AddressRegionTest, Tables) {
  for (const char* c : {"CA", "QC", "NSW", "VIC", "SP", "KA", "NLE", "BY", "MD"}) {
    EXPECT_TRUE(IsSubdivisionCode(c)) << c;
  }
  for (const char* c : {"ca", "XX", "USA", "Calif"}) EXPECT_FALSE(IsSubdivisionCode(c)) << c;
  for (const char* n : {"California", "Québec", "Nouvelle-Écosse", "Nuevo León", "Karnataka",
                        "Baden-Württemberg", "Cataluña", "Lombardia", "Kanagawa-ken"}) {
    EXPECT_TRUE(IsSubdivisionName(n)) << n;
  }
  for (const char* n : {"california", "Acme", "", "Kanagawa-xx"}) {
    EXPECT_FALSE(IsSubdivisionName(n)) << n;
  }
}

}  // namespace
}  // namespace metagate::classify::text
