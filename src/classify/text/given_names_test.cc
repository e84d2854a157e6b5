#include "text/given_names.h"

#include <gtest/gtest.h>

namespace metagate::classify::text {
namespace {

TEST(GivenNamesTest, TableIsBroad) { EXPECT_GE(GivenNameCount(), 6000u); }

TEST(GivenNamesTest, CoversManyRegions) {
  for (const char* name :
       {"Sigrún",    "Ragnhild", "Vaida",    "Kęstutis",   "Oleksandr", "Dragana",
        "Efthymios", "Yağmur",   "Shahrzad", "Abdelkader", "Yitzhak",   "Gurpreet",
        "Nyambura",  "Tinashe",  "Wiremu",   "Caoimhín",   "Xiaoming",  "Seojun",
        "Ximena",    "Gonçalo",  "Zsófia",   "Αλέξανδρος", "Дмитрий"}) {
    EXPECT_NE(LookupGivenName(name), GivenNameKind::kNone) << name;
  }
  for (const char* name : {"Blessing", "Star", "Sunday", "Luz"}) {
    EXPECT_EQ(LookupGivenName(name), GivenNameKind::kAmbiguous) << name;
  }
}

TEST(GivenNamesTest, MatchesAcrossCulturesCaseInsensitively) {
  for (const char* name :
       {"Sarah", "MICHAEL", "josé",  "María",  "Łukasz", "Jürgen",  "Björn",  "Søren", "Zoë",
        "Anaïs", "Inês",    "Chloé", "Émilie", "Lucía",  "Mehmet",  "Fatima", "Priya", "Olamide",
        "Ngozi", "Kenji",   "Wei",   "Minjun", "Thanh",  "Siobhan", "Иван",   "Ольга"}) {
    EXPECT_NE(LookupGivenName(name), GivenNameKind::kNone) << name;
  }
}

TEST(GivenNamesTest, AcceptsAsciiFoldedSpellings) {
  for (const char* name : {"Jurgen", "Lukasz", "Zoe", "Anais", "Soren", "Bjorn", "Ines", "Lucia",
                           "Emilie", "Malgorzata"}) {
    EXPECT_EQ(LookupGivenName(name), GivenNameKind::kName) << name;
  }
}

TEST(GivenNamesTest, HyphenatedNamesUseTheFirstPart) {
  EXPECT_EQ(LookupGivenName("Jean-Luc"), GivenNameKind::kName);
  EXPECT_EQ(LookupGivenName("Anna-Lena"), GivenNameKind::kName);
}

TEST(GivenNamesTest, CommonWordsAreAmbiguous) {
  for (const char* name : {"May", "Will", "Mark", "Bill", "Grace", "Joy", "Hope", "Summer", "Page",
                           "Art", "Austin", "Victoria"}) {
    EXPECT_EQ(LookupGivenName(name), GivenNameKind::kAmbiguous) << name;
  }
}

TEST(GivenNamesTest, NearMissesAreNotNames) {
  for (const char* word : {"Settings", "Checkout", "Invoice", "Stark", "Wonka", "Friday", "London",
                           "", "Sarahx", "Acme"}) {
    EXPECT_EQ(LookupGivenName(word), GivenNameKind::kNone) << word;
  }
}

TEST(GivenNamesTest, FoldsLatinLetters) {
  char lower[64];
  char folded[64];
  std::string_view l = LowerInto("ŁUKASZ Straße Øre", lower, sizeof lower);
  EXPECT_EQ(l, "łukasz straße øre");
  EXPECT_EQ(FoldInto(l, folded, sizeof folded), "lukasz strasse ore");
  EXPECT_TRUE(LowerInto("toolong", lower, 3).empty());
}

}  // namespace
}  // namespace metagate::classify::text
