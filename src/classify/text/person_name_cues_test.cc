// Names found by one known part or by their context: possessives, greetings, title separators,
// Vietnamese order, Cyrillic and CJK names inside other scripts.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "text/person_name.h"

namespace metagate::classify::text {
namespace {

std::vector<std::string> Names(std::string_view text) {
  Findings f;
  FindPersonNames(text, f);
  std::vector<std::string> out;
  for (const Finding& x : f) out.emplace_back(text.substr(x.begin, x.end - x.begin));
  return out;
}

using V = std::vector<std::string>;

TEST(PersonNameCueTest, UnknownGivenNameWithKnownSurname) {
  EXPECT_EQ(Names("Zorvan Papadakis approved the refund"), (V{"Zorvan Papadakis"}));
  EXPECT_EQ(Names("Settings – Quilla Mwangi | Brightline"), (V{"Quilla Mwangi"}));
  EXPECT_EQ(Names("Orvella Kowalska joined"), (V{"Orvella Kowalska"}));
}

TEST(PersonNameCueTest, KnownGivenNameWithUnknownSurname) {
  EXPECT_EQ(Names("Dashboard · Ragnhild Quorvane"), (V{"Ragnhild Quorvane"}));
  EXPECT_EQ(Names("escalated by Tinashe Brevlock today"), (V{"Tinashe Brevlock"}));
}

TEST(PersonNameCueTest, PossessiveAndGreeting) {
  EXPECT_EQ(Names("Brisel Vantongo's workspace"), (V{"Brisel Vantongo"}));
  EXPECT_EQ(Names("hey Quenby Ashdale, call me back"), (V{"Quenby Ashdale"}));
  EXPECT_EQ(Names("Hello Torvik Emberlane!"), (V{"Torvik Emberlane"}));
}

TEST(PersonNameCueTest, SurnameEndingsAndLabels) {
  EXPECT_EQ(Names("письмо от Эльвира Гарипова"), (V{"Эльвира Гарипова"}));
  EXPECT_EQ(Names("invoice for Dagrun Kowalewska"), (V{"Dagrun Kowalewska"}));
  EXPECT_EQ(Names("shipping label: Tavoy Brenlish, 4 Elm Road"), (V{"Tavoy Brenlish"}));
}

TEST(PersonNameCueTest, PersonPageTitles) {
  EXPECT_EQ(Names("Profile – Ikaika Nāone | Brightline"), (V{"Ikaika Nāone"}));
  EXPECT_EQ(Names("Member · Tavoy Brenlish"), (V{"Tavoy Brenlish"}));
  EXPECT_TRUE(Names("Profile – Getting Started Guide | Brightline").empty());
  EXPECT_TRUE(Names("Docs – Getting Started | Brightline").empty());
  EXPECT_TRUE(Names("Account – Billing Overview | Brightline").empty());
}

TEST(PersonNameCueTest, FieldLabels) {
  EXPECT_EQ(Names("Name: Ikaika Nāone\nPlan: Pro"), (V{"Ikaika Nāone"}));
  EXPECT_EQ(Names("Empfänger: Tavoy Brenlish, Hafenweg 3"), (V{"Tavoy Brenlish"}));
  EXPECT_TRUE(Names("Name: Quarterly Planning\n").empty());
  EXPECT_TRUE(Names("Plan: Business Premium").empty());
}

TEST(PersonNameCueTest, EastAsianOrderWithoutCue) {
  EXPECT_EQ(Names("Yamada Haruto signed in"), (V{"Yamada Haruto"}));
  EXPECT_EQ(Names("Park Ji-hoon updated the plan"), (V{"Park Ji-hoon"}));
  EXPECT_TRUE(Names("Park Avenue 12").empty());
  EXPECT_TRUE(Names("Sun Yoga classes").empty());
  EXPECT_TRUE(Names("Ho Chi Minh City office").empty());
}

TEST(PersonNameCueTest, LogLinesAboutAUser) {
  EXPECT_EQ(Names("user Ikaika Nāone changed mobile"), (V{"Ikaika Nāone"}));
  EXPECT_TRUE(Names("user Settings Page opened").empty());
  EXPECT_TRUE(Names("user Onboarding Flow started").empty());
  EXPECT_EQ(Names("deleted user Ikaika Nāone."), (V{"Ikaika Nāone"}));
}

TEST(PersonNameCueTest, VietnameseOrder) {
  EXPECT_EQ(Names("Đặng Thị Thu Hà paid"), (V{"Đặng Thị Thu Hà"}));
  EXPECT_EQ(Names("Trương Văn Bình updated the order"), (V{"Trương Văn Bình"}));
  EXPECT_EQ(Names("Lê Thị Hạnh's invoices"), (V{"Lê Thị Hạnh"}));
  EXPECT_TRUE(LooksLikePersonName("Phạm Văn An"));
}

TEST(PersonNameCueTest, OtherScriptsInsideText) {
  EXPECT_EQ(Names("要約: Сергей Волков からの依頼"), (V{"Сергей Волков"}));
  EXPECT_EQ(Names("Settings · 李娜"), (V{"李娜"}));
  EXPECT_EQ(Names("メモ: 이서연 さんへ"), (V{"이서연"}));
}

TEST(PersonNameCueTest, NearMissesStayUnnamed) {
  for (const char* text :
       {"Stark Industries's quarterly report", "Acme Corp's dashboard", "hey Team Alpha, ready?",
        "Blue Harbor Logistics shipped it", "Nordwind Cloud's status page", "flights to New York",
        "San Francisco office", "Monday Morning sync", "Tidewater Analytics's dashboard",
        "hello World Cup fans", "Profile – Pricing | Nordwind", "Order Beef Stroganov tonight",
        "Acme Rocket's launch date", "Riverside Park opening hours", "Label: Urgent Fix, ship",
        "Новая Почта доставка", "Visit Hamilton Island", "Wesley Chapel campus"}) {
    EXPECT_TRUE(Names(text).empty()) << text;
  }
}

}  // namespace
}  // namespace metagate::classify::text
