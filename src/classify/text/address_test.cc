#include "text/address.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "metagate_testing/address_parts.h"

namespace metagate::classify::text {
namespace {

using V = std::vector<std::string>;
constexpr auto Parts = AddressParts;

TEST(AddressTest, EnglishOrder) {
  EXPECT_EQ(Parts("Ship to 45 Valencia Street, 94103 San Francisco instead please."),
            (V{"S:45 Valencia Street", "Z:94103", "C:San Francisco"}));
  EXPECT_EQ(Parts("Address validation failed for 2102 Kingsland Rd, ZT5 1HZ London"),
            (V{"S:2102 Kingsland Rd", "Z:ZT5 1HZ", "C:London"}));
  EXPECT_EQ(Parts("Ship to 2026 Yonge Street, X4G 6F3 Toronto"),
            (V{"S:2026 Yonge Street", "Z:X4G 6F3", "C:Toronto"}));
  EXPECT_EQ(Parts("at 858 W 34th St, 10028 New York"),
            (V{"S:858 W 34th St", "Z:10028", "C:New York"}));
  EXPECT_EQ(Parts("for 1050 Queen St W, K5V 7Z6 Toronto"),
            (V{"S:1050 Queen St W", "Z:K5V 7Z6", "C:Toronto"}));
  EXPECT_EQ(Parts("to 614 Broadway, 10017 New York"),
            (V{"S:614 Broadway", "Z:10017", "C:New York"}));
  EXPECT_EQ(Parts("Mail 123 Main St, Springfield, IL 62704 today"),
            (V{"S:123 Main St", "C:Springfield", "R:IL", "Z:62704"}));
  EXPECT_EQ(Parts("Ship to 221B Baker Street, London NW1 6XE"),
            (V{"S:221B Baker Street", "C:London", "Z:NW1 6XE"}));
  EXPECT_EQ(Parts("45 Park Avenue, Apt 5B, New York"),
            (V{"S:45 Park Avenue, Apt 5B", "C:New York"}));
}

TEST(AddressTest, AbbreviationsAndLongCityNames) {
  EXPECT_EQ(Parts("for 500 Boylston St., Boston, MA 02116"),
            (V{"S:500 Boylston St", "C:Boston", "R:MA", "Z:02116"}));
  EXPECT_EQ(Parts("for 17 Nguyen Hue Boulevard, 700000 Ho Chi Minh City"),
            (V{"S:17 Nguyen Hue Boulevard", "Z:700000", "C:Ho Chi Minh City"}));
  EXPECT_EQ(Parts("Av. Paulista, 1578 - Bela Vista, São Paulo - SP, 01310-200"),
            (V{"S:Av. Paulista, 1578", "C:São Paulo", "R:SP", "Z:01310-200"}));
}

TEST(AddressTest, EnglishOrderStreetNeedsContext) {
  EXPECT_EQ(Parts("Ship to 45 Valencia Street instead"), V{"S:45 Valencia Street"});
  EXPECT_EQ(Parts("Customer lives at 16 Hauptstraße in Bonn"), V{"S:16 Hauptstraße"});
  EXPECT_TRUE(Parts("Top 10 Hiking Trail").empty());
  EXPECT_TRUE(Parts("We sold 5 Google Drive licences").empty());
}

TEST(AddressTest, IndianOrder) {
  EXPECT_EQ(Parts("Address validation failed for 1897, Linking Road, 400051 Mumbai"),
            (V{"S:1897, Linking Road", "Z:400051", "C:Mumbai"}));
}

TEST(AddressTest, NumberAfterStreet) {
  EXPECT_EQ(Parts("Kastanienallee 1040, 10755 Berlin"),
            (V{"S:Kastanienallee 1040", "Z:10755", "C:Berlin"}));
  EXPECT_EQ(Parts("Friedrichstraße 738, 10117 Berlin"),
            (V{"S:Friedrichstraße 738", "Z:10117", "C:Berlin"}));
  EXPECT_EQ(Parts("Berliner Straße 12, 10715 Berlin"),
            (V{"S:Berliner Straße 12", "Z:10715", "C:Berlin"}));
  EXPECT_EQ(Parts("Keizersgracht 123, 1015 CJ Amsterdam"),
            (V{"S:Keizersgracht 123", "Z:1015 CJ", "C:Amsterdam"}));
  EXPECT_EQ(Parts("Drottninggatan 5, 111 51 Stockholm"),
            (V{"S:Drottninggatan 5", "Z:111 51", "C:Stockholm"}));
}

TEST(AddressTest, RomanceOrders) {
  EXPECT_EQ(Parts("Address validation failed for 155 rue Oberkampf, 75011 Paris"),
            (V{"S:155 rue Oberkampf", "Z:75011", "C:Paris"}));
  EXPECT_EQ(Parts("Adresse: 12 rue de la Paix, 75002 Paris"),
            (V{"S:12 rue de la Paix", "Z:75002", "C:Paris"}));
  EXPECT_EQ(Parts("customer at Avenida Paulista, 1124, 03042-625 São Paulo wants a refund"),
            (V{"S:Avenida Paulista, 1124", "Z:03042-625", "C:São Paulo"}));
  EXPECT_EQ(Parts("Rua Augusta, 1099, 01305-100 São Paulo"),
            (V{"S:Rua Augusta, 1099", "Z:01305-100", "C:São Paulo"}));
  EXPECT_EQ(Parts("Calle de Alcalá 45, 28014 Madrid"),
            (V{"S:Calle de Alcalá 45", "Z:28014", "C:Madrid"}));
  EXPECT_EQ(Parts("ul. Marszałkowska 10, 00-590 Warszawa"),
            (V{"S:ul. Marszałkowska 10", "Z:00-590", "C:Warszawa"}));
}

TEST(AddressTest, PostalCodeNextToKnownCity) {
  EXPECT_EQ(Parts("Send to 10115 Berlin."), (V{"Z:10115", "C:Berlin"}));
  EXPECT_TRUE(Parts("Order 12345 Berlin warehouse").empty());
}

TEST(AddressTest, Negatives) {
  for (const char* t :
       {"Upgrade to team-monthly failed after 6117 ms.",
        "Feature dark_mode took 2863ms to load, and SKU-6404-EU is missing",
        "Refund ORD-2024-374958 to GB27 NPLS 0127 7415 1455 23 queued", "release 11.3.7.160",
        "invoice ORD-2024-033356", "Top 10 things to do in 2024", "The 2024 Paris Olympics",
        "My SSN is 022-84-5149", "Sent via Slack 3 times", "health check ok in 12ms",
        "Tracking 94103 shows nothing."}) {
    EXPECT_TRUE(Parts(t).empty()) << t;
  }
}

TEST(AddressTest, KnownCities) {
  for (const char* c : {"São Paulo", "Sao Paulo", "München", "Munich", "Zürich", "Köln", "Kraków",
                        "new york", "東京", "서울", "Mumbai"}) {
    EXPECT_TRUE(IsKnownCity(c)) << c;
  }
  for (const char* c : {"Checkout", "Acme Corp", "", "Paulista"}) EXPECT_FALSE(IsKnownCity(c));
}

TEST(AddressTest, Countries) {
  for (const char* c : {"DE", "US", "GBR", "BRA", "Germany", "deutschland", "United States",
                        "España", "Côte d'Ivoire", "日本", "Brasil"}) {
    EXPECT_TRUE(IsCountry(c)) << c;
  }
  for (const char* c : {"de", "us", "XX", "Berlin", "", "Stark Industries"}) {
    EXPECT_FALSE(IsCountry(c)) << c;
  }
}

}  // namespace
}  // namespace metagate::classify::text
