#include "text/person_name.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace metagate::classify::text {
namespace {

std::vector<std::string> Names(std::string_view text) {
  Findings f;
  FindPersonNames(text, f);
  std::vector<std::string> out;
  for (const Finding& x : f) {
    EXPECT_EQ(x.cls, kPersonName);
    out.emplace_back(text.substr(x.begin, x.end - x.begin));
  }
  return out;
}

using V = std::vector<std::string>;

TEST(PersonNameTest, WholeValues) {
  for (const char* v : {"Fatima Petrov", "Jürgen Müller", "Søren Andersson", "Zoë Johnson",
                        "Kenji Lefèvre", "María García-López", "Michael O'Brien",
                        "Ludwig van Beethoven", "Costa, María", "Wang Wei", "李娜", "王伟", "陈静",
                        "김민준", "佐藤 花子", "Иван Петров", "Grace Hopper", "Mary Jane Watson"}) {
    EXPECT_TRUE(LooksLikePersonName(v)) << v;
  }
}

TEST(PersonNameTest, WholeValueNearMisses) {
  for (const char* v : {"Wonka Foods",
                        "Standing Desk",
                        "Stark Industries",
                        "Acme Corp",
                        "Getting started",
                        "Noise-cancelling Headphones",
                        "analytics.js",
                        "Checkout",
                        "Settings",
                        "Wayne Enterprises",
                        "Sarah",
                        "New York",
                        "San Francisco",
                        "Summer Sale",
                        "Rose Gold",
                        "Howard Street",
                        "sarah smith@example.com",
                        "Espresso Beans 1kg",
                        "",
                        "李",
                        "中国银行"}) {
    EXPECT_FALSE(LooksLikePersonName(v)) << v;
  }
}

TEST(PersonNameTest, FindsNamesAfterCues) {
  EXPECT_EQ(Names("Invoice for María Costa – Hooli"), V{"María Costa"});
  EXPECT_EQ(Names("Invoice for 김민준 – Stark Industries"), V{"김민준"});
  EXPECT_EQ(Names("Payment declined for card 345428622461835 (李娜)"), V{"李娜"});
  EXPECT_EQ(Names("Hi, this is Michael O'Brien. I was charged twice."), V{"Michael O'Brien"});
  EXPECT_EQ(Names("Refund to IBAN GB06KUDB67955348237474, holder Kenji Adeyemi."),
            V{"Kenji Adeyemi"});
  EXPECT_EQ(Names("Write a polite decline email to Inês Patel (ines+billing@gmail.com)"),
            V{"Inês Patel"});
  EXPECT_EQ(Names("Classify this ticket: customer Lucía Sharma at 52 Valencia Street, 94120 San "
                  "Francisco wants a refund"),
            V{"Lucía Sharma"});
  EXPECT_EQ(Names("Draft an offer letter for Jürgen Costa, SSN 022-84-5149"), V{"Jürgen Costa"});
  EXPECT_EQ(Names("Invoice for 佐藤 花子 – Hooli"), V{"佐藤 花子"});
}

TEST(PersonNameTest, WholeTextAndPunctuation) {
  EXPECT_EQ(Names("Fatima Petrov"), V{"Fatima Petrov"});
  EXPECT_EQ(Names("李娜"), V{"李娜"});
  EXPECT_EQ(Names("Sarah Dubois."), V{"Sarah Dubois"});
  EXPECT_EQ(Names("Sarah Smith's account was locked"), V{"Sarah Smith"});
}

TEST(PersonNameTest, OtherScriptsAndOrders) {
  EXPECT_EQ(Names("Escalate to Carlos de la Cruz please"), V{"Carlos de la Cruz"});
  EXPECT_EQ(Names("Customer Nguyễn Văn An called"), V{"Nguyễn Văn An"});
  EXPECT_EQ(Names("Письмо для Ольга Смирнова"), V{"Ольга Смирнова"});
  EXPECT_EQ(Names("Ticket assigned to Hiroshi Watanabe"), V{"Hiroshi Watanabe"});
  EXPECT_EQ(Names("Invoice for Tomás Ó Briain – Globex"), V{"Tomás Ó Briain"});
  EXPECT_EQ(Names("Invoice for فاطمة الزهراء – Globex"), V{"فاطمة الزهراء"});
  EXPECT_EQ(Names("Invoice for דוד כהן – Globex"), V{"דוד כהן"});
  EXPECT_TRUE(LooksLikePersonName("राहुल शर्मा"));
  EXPECT_TRUE(Names("مرحبا بكم في الموقع").empty());
}

TEST(PersonNameTest, NamesOutsideTheGazetteerNeedStrongContext) {
  EXPECT_EQ(Names("Refund queued, holder Xolani Dlamini."), V{"Xolani Dlamini"});
  EXPECT_EQ(Names("Contact: Dr. Olusegun Obasanjo"), V{"Olusegun Obasanjo"});
  EXPECT_EQ(Names("Write to Keoni Kahale (keoni@example.com)"), V{"Keoni Kahale"});
  EXPECT_EQ(Names("Invoice for Keoni Nakamura – Globex"), V{"Keoni Nakamura"});
  EXPECT_TRUE(Names("Invoice for Pied Piper – Globex").empty());
  EXPECT_TRUE(Names("Hi, this is Customer Support.").empty());
  EXPECT_TRUE(Names("Sent by Jenkins Pipeline").empty());
  EXPECT_TRUE(LooksLikePersonName("Xolani Dlamini"));
  EXPECT_FALSE(LooksLikePersonName("Thanks, Priya"));
  EXPECT_FALSE(LooksLikePersonName("Wireless Mouse"));
}

TEST(PersonNameTest, AmbiguousNamesNeedACue) {
  EXPECT_EQ(Names("Please send the contract to Mark Zuckerberg"), V{"Mark Zuckerberg"});
  EXPECT_TRUE(Names("Mark This Ticket as resolved").empty());
  EXPECT_TRUE(Names("Victoria Station is closed").empty());
  EXPECT_TRUE(Names("Summer Sale starts today").empty());
}

TEST(PersonNameTest, Negatives) {
  for (const char* t :
       {"Dashboard – Acme Corp", "Getting started – Initech",
        "Summarize this thread and reply to ines.dubois@outlook.com by Friday",
        "What's our refund policy for plan enterprise?", "Translate to German: call me at 555",
        "Write release notes for 2.6.6.52 🚀", "Monday May 5", "New York", "San Francisco",
        "Thomas Cook Group", "Ship to 1501 Howard Street", "Rua Oscar Freire, 900",
        "Contact Sarah.Smith@example.com", "Wayne Enterprises", "Santa Clara County"}) {
    EXPECT_TRUE(Names(t).empty()) << t;
  }
}

}  // namespace
}  // namespace metagate::classify::text
