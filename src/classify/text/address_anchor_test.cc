// Streets found from a "<postal> <known city>" anchor, without a street-type word.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "metagate_testing/address_parts.h"
#include "text/address.h"

namespace metagate::classify::text {
namespace {

using V = std::vector<std::string>;
constexpr auto Parts = AddressParts;

TEST(AddressAnchorTest, TypelessStreetBeforePostalAndCity) {
  EXPECT_EQ(Parts("Deliver to: Nyhavn 17, 1051 København."),
            (V{"S:Nyhavn 17", "Z:1051", "C:København"}));
  EXPECT_EQ(Parts("label: Signe Holm, Akademias 22, 106 71 Athens"),
            (V{"S:Akademias 22", "Z:106 71", "C:Athens"}));
  EXPECT_EQ(Parts("geocoder gave up on \"Hafnarstræti 9, 600 Akureyri\""),
            (V{"S:Hafnarstræti 9", "Z:600", "C:Akureyri"}));
  EXPECT_EQ(Parts("send it to 7 Torggata, 0181 Oslo"), (V{"S:7 Torggata", "Z:0181", "C:Oslo"}));
  EXPECT_EQ(Parts("Karl Johans gate 31, 0159 Oslo"),
            (V{"S:Karl Johans gate 31", "Z:0159", "C:Oslo"}));
  EXPECT_EQ(Parts("Kirkegade 3, DK-6700 Esbjerg"), (V{"S:Kirkegade 3", "Z:DK-6700", "C:Esbjerg"}));
  EXPECT_EQ(Parts("Storgata 4, Tromsø 9008"), (V{"S:Storgata 4", "C:Tromsø", "Z:9008"}));
}

TEST(AddressAnchorTest, UnknownCityAfterFullPostalCode) {
  EXPECT_EQ(Parts("to Strandvejen 88, 29000 Hellerupby"),
            (V{"S:Strandvejen 88", "Z:29000", "C:Hellerupby"}));
  EXPECT_EQ(Parts("Quinta do Lago 4, 8135-024 Almancil"),
            (V{"S:Quinta do Lago 4", "Z:8135-024", "C:Almancil"}));
  EXPECT_EQ(Parts("Rosenvej 3, 28013 Madrid please"), (V{"S:Rosenvej 3", "Z:28013", "C:Madrid"}));
}

TEST(AddressAnchorTest, JapaneseBlockNumberWithWard) {
  EXPECT_EQ(Parts("Ship: 4-5-6 Shinsaibashi, Chuo-ku, 542-0085 Osaka"),
            (V{"S:4-5-6 Shinsaibashi, Chuo-ku", "Z:542-0085", "C:Osaka"}));
}

TEST(AddressAnchorTest, CityBeforePostal) {
  EXPECT_EQ(Parts("office: Nevsky 28, Moscow 101000"), (V{"S:Nevsky 28", "C:Moscow", "Z:101000"}));
}

TEST(AddressAnchorTest, TypeWordBeforeNumber) {
  EXPECT_EQ(Parts("Bağdat Caddesi 210, 34728 İstanbul"),
            (V{"S:Bağdat Caddesi 210", "Z:34728", "C:İstanbul"}));
  EXPECT_EQ(Parts("deliver to Moi Avenue 9"), (V{"S:Moi Avenue 9"}));
  EXPECT_TRUE(Parts("Chapter Road 5 is a good read").empty());
}

TEST(AddressAnchorTest, IrishEircode) {
  EXPECT_EQ(Parts("to 8 Quay Street, H91 K2FX Galway"),
            (V{"S:8 Quay Street", "Z:H91 K2FX", "C:Galway"}));
  EXPECT_EQ(Parts("Eircode A65F4E2 Wexford"), (V{"Z:A65F4E2", "C:Wexford"}));
}

TEST(AddressAnchorTest, NearMisses) {
  // A short number next to a city needs a street before it.
  EXPECT_TRUE(Parts("We sold 300 Berlin tickets").empty());
  EXPECT_TRUE(Parts("Room 12, 5003 Bergen").empty());
  EXPECT_TRUE(Parts("Gate 7, 101 Reykjavík").empty());
  // Numbered things are not streets, though a full postal code still pairs with its city.
  EXPECT_EQ(Parts("Order 4411, 10115 Berlin"), (V{"Z:10115", "C:Berlin"}));
  EXPECT_TRUE(Parts("Version 2, 2024 Paris").empty());
  EXPECT_TRUE(Parts("Stark Industries, 2024 Paris").empty());
  EXPECT_EQ(Parts("Model 3, 10115 Berlin"), (V{"Z:10115", "C:Berlin"}));
  EXPECT_TRUE(Parts("Kestrel 7, 2040 Hanoi edition").empty());
}

}  // namespace
}  // namespace metagate::classify::text
