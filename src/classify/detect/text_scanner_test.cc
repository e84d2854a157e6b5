#include "detect/text_scanner.h"

#include <gtest/gtest.h>

#include <string>
#include <thread>

namespace metagate::classify::detect {
namespace {

const char* Name(ClassId cls) {
  switch (cls) {
    case kEmail:
      return "email";
    case kPhone:
      return "phone";
    case kIpAddress:
      return "ip";
    case kCreditCard:
      return "card";
    case kIban:
      return "iban";
    case kNationalId:
      return "ssn";
    case kSecret:
      return "secret";
    default:
      return "?";
  }
}

// "class:value;" for every finding, in order.
std::string Scan(std::string_view text) {
  static auto scanner = TextScanner::Create();
  EXPECT_TRUE(scanner.ok()) << scanner.status().ToString();
  Findings f;
  (*scanner)->Scan(text, f);
  std::string out;
  for (const Finding& x : f) {
    out +=
        std::string(Name(x.cls)) + ":" + std::string(text.substr(x.begin, x.end - x.begin)) + ";";
  }
  return out;
}

TEST(TextScanner, CardsAndPhones) {
  EXPECT_EQ(Scan("Payment declined for card 4111 1111 1111 1111 (Björn Dubois)"),
            "card:4111 1111 1111 1111;");
  EXPECT_EQ(Scan("I was charged twice on card 4111111111111111, please call me on "
                 "+1 (308) 616-2725."),
            "card:4111111111111111;phone:+1 (308) 616-2725;");
  EXPECT_EQ(Scan("Why was the card 5500-0000-0000-0004 declined?"), "card:5500-0000-0000-0004;");
  EXPECT_EQ(Scan("Sending SMS OTP to 06 83 00 66 37"), "phone:06 83 00 66 37;");
  EXPECT_EQ(Scan("call me at +55 11 97044-3681 after 6pm"), "phone:+55 11 97044-3681;");
  EXPECT_EQ(Scan("Sending SMS OTP to (11) 93330-7305"), "phone:(11) 93330-7305;");
  EXPECT_EQ(Scan("+91-9463660557"), "phone:+91-9463660557;");
  EXPECT_EQ(Scan("Contact phone 020 7946 0958, or +49 (0)30 12345678."),
            "phone:020 7946 0958;phone:+49 (0)30 12345678;");
  EXPECT_EQ(Scan("client_ip:2001:db8::1 peer=fe80::1"), "ip:2001:db8::1;ip:fe80::1;");
  EXPECT_EQ(Scan("IP 192.168.1.1:8080 and [2001:db8::1]:443"), "ip:192.168.1.1;ip:2001:db8::1;");
}

TEST(TextScanner, IbanSsnIp) {
  EXPECT_EQ(Scan("Refund to IBAN DE89 3704 0044 0532 0130 00, holder Sarah Khan."),
            "iban:DE89 3704 0044 0532 0130 00;");
  EXPECT_EQ(Scan("Refund ORD-2024-053858 to GB82WEST12345698765432 queued"),
            "iban:GB82WEST12345698765432;");
  EXPECT_EQ(Scan("please pay NL91 ABNA 0417 1643 00 ref ORD-2024-594136"),
            "iban:NL91 ABNA 0417 1643 00;");
  EXPECT_EQ(Scan("SSN lookup for 846-29-3176: 1 match"), "ssn:846-29-3176;");
  EXPECT_EQ(Scan("My SSN is 832-06-3442, why is it pending?"), "ssn:832-06-3442;");
  EXPECT_EQ(Scan("Can't log in 😕 from 2600:bfa::3a8a:a288:5ede:73c3, tried resetting the "
                 "password for aisha1923@mail.example.org"),
            "ip:2600:bfa::3a8a:a288:5ede:73c3;email:aisha1923@mail.example.org;");
  EXPECT_EQ(Scan("Connection reset by peer ::ffff:217.148.45.68"), "ip:::ffff:217.148.45.68;");
  EXPECT_EQ(Scan("My IP is 81.222.235.81, why am I blocked?"), "ip:81.222.235.81;");
}

TEST(TextScanner, EmailsAndSecrets) {
  EXPECT_EQ(Scan("GET /api/v1/users/5707?email=jane.doe+x@acme-corp.com 200 in 89ms"),
            "email:jane.doe+x@acme-corp.com;");
  EXPECT_EQ(Scan("invite jane%40example.org now"), "email:jane%40example.org;");
  EXPECT_EQ(Scan("Write to Ngozi (ngozi@hey.com)."), "email:ngozi@hey.com;");
  const std::string jwt =
      "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0."
      "rMcTN_ZO3ZQkMaSAgzEH94vwnoyZ11-2Zmv-H27QiEs";
  EXPECT_EQ(Scan("Debug: every call fails with Authorization: Bearer " + jwt),
            "secret:" + jwt + ";");
  EXPECT_EQ(Scan("Bearer " + jwt), "secret:Bearer " + jwt + ";");
  EXPECT_EQ(Scan("header Authorization: Bearer Q2x7vR9pLm4KzT8wYb3NhF6s sent"),
            "secret:Q2x7vR9pLm4KzT8wYb3NhF6s;");
  EXPECT_EQ(Scan("use this key sk-proj-Duy51LBIamy8AbgK5fe5ao5Ti8DNTtOlgziTk to list"),
            "secret:sk-proj-Duy51LBIamy8AbgK5fe5ao5Ti8DNTtOlgziTk;");
  EXPECT_EQ(Scan("rotated: AKIAUESMKRMLTUEUHDRT."), "secret:AKIAUESMKRMLTUEUHDRT;");
  EXPECT_EQ(Scan("Token expired for this user"), "");
  EXPECT_EQ(Scan("config api_key=Q2x7vR9pLm4KzT8wYb3NhF6s retries=3"),
            "secret:Q2x7vR9pLm4KzT8wYb3NhF6s;");
  EXPECT_EQ(Scan("{\"client_secret\": \"Q2x7vR9pLm4KzT8wYb3NhF6s\"}"),
            "secret:Q2x7vR9pLm4KzT8wYb3NhF6s;");
  EXPECT_EQ(Scan("token=11861475b9f9a096e559dac19c00431a630c28a1"), "");  // a hash
}

TEST(TextScanner, HardNegatives) {
  for (const char* s : {
           "Compare semantic versions 7.8.1.38 and 10.2.0",
           "Explain the diff in commit 11861475b9f9a096e559dac19c00431a630c28a1",
           "Tracking 2427-1569-3133-3837 shows nothing.",
           "Gift card 4707 5493 8906 1414 was rejected at checkout, order ORD-2024-409688",
           "Feature new_checkout_v2 took 685ms to load, and SKU-5008-EU is missing",
           "Upgrade to team-monthly failed after 6117 ms.",
           "App version 9.6.6.78 crashes (build ff15b4a)",
           "event at 2024-11-29T10:31:02Z took PT34M56S",
           "timestamp 1732435434890 order 49601630",
           "card ending in 4242, BIC DEUTDEFF500",
           "insert id 34b2b899-cb43-42d6-92e5-7810dd9de79f at 12:30:45",
           "std::vector<int> and a::b::c",
           "ts 2024-11-29 10:31:02 release 2024.11.29",
           "Ship to Rua Augusta, 511, 01161-798 São Paulo",
           "ref 4822 0107 2290 7264 settled",
           "trace 4bf92f3577b34da6a3ce929d0e0e4736 span 00f067aa0ba902b7",
       }) {
    EXPECT_EQ(Scan(s), "") << s;
  }
}

TEST(TextScanner, BoundariesAndOffsets) {
  EXPECT_EQ(Scan("ORD-4111111111111111"), "");
  EXPECT_EQ(Scan("x4111111111111111"), "");
  EXPECT_EQ(Scan("v81.222.235.81"), "");
  EXPECT_EQ(Scan("1.81.222.235.81"), "");
  auto scanner = TextScanner::Create();
  ASSERT_TRUE(scanner.ok());
  Findings f;
  std::string text = "😕😕 ip 10.0.0.1";
  (*scanner)->Scan(text, f);
  ASSERT_EQ(f.size(), 1u);
  EXPECT_EQ(f[0].begin, 12u);  // two 4-byte emoji, a space, "ip "
  EXPECT_EQ(f[0].end, text.size());
}

TEST(TextScanner, LongRunsAreNotValues) {
  std::string digits(100000, '7');
  EXPECT_EQ(Scan(digits), "");
  std::string spaced;
  for (int i = 0; i < 20000; ++i) spaced += "12 ";
  EXPECT_EQ(Scan(spaced), "");
  std::string dotted;
  for (int i = 0; i < 20000; ++i) dotted += "1.";
  EXPECT_EQ(Scan(dotted), "");
  std::string ats(50000, '@');
  EXPECT_EQ(Scan("a" + ats + ".com"), "");
  EXPECT_EQ(Scan(std::string(300, 'a') + "@example.com"), "");  // local part too long
}

TEST(TextScanner, ThreadSafe) {
  auto scanner = TextScanner::Create();
  ASSERT_TRUE(scanner.ok());
  std::vector<std::thread> threads;
  std::vector<size_t> counts(4);
  for (int i = 0; i < 4; ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 200; ++k) {
        Findings f;
        (*scanner)->Scan("mail a@b.example.com or call +44 7747 672875", f);
        counts[i] += f.size();
      }
    });
  }
  for (auto& t : threads) t.join();
  for (size_t c : counts) EXPECT_EQ(c, 400u);
}

}  // namespace
}  // namespace metagate::classify::detect
