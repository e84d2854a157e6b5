#include "metagate/classify/classifier.h"

#include <gtest/gtest.h>

#include <map>

#include "metagate/classify/config.h"

namespace metagate::classify {
namespace {

using ClassMap = std::map<std::string, std::vector<std::string>>;

class ClassifierTest : public ::testing::Test {
 protected:
  static std::shared_ptr<const Classifier> Make(const std::string& yaml = "") {
    Result<ClassifierConfig> config = ParseClassifierConfig(yaml);
    EXPECT_TRUE(config.ok()) << config.status().ToString();
    Result<std::shared_ptr<const Classifier>> c = Classifier::Create(*config);
    EXPECT_TRUE(c.ok()) << c.status().ToString();
    return *c;
  }
  BodyLabels Run(std::string_view format, std::string_view body) {
    Result<BodyLabels> r = classifier_->Classify(format, body, scratch_);
    EXPECT_TRUE(r.ok()) << r.status().ToString();
    return r.ok() ? *r : BodyLabels{};
  }
  ClassMap Classes(std::string_view format, std::string_view body) {
    ClassMap out;
    for (const FieldLabel& f : Run(format, body).fields) out[f.path] = f.classes;
    return out;
  }
  static std::shared_ptr<const Classifier> Default() {
    static const std::shared_ptr<const Classifier> c = Make();  // compiled once per run
    return c;
  }
  std::shared_ptr<const Classifier> classifier_ = Default();
  ClassifierScratch scratch_;
};

TEST_F(ClassifierTest, SegmentBatchByNameAndValue) {
  ClassMap got = Classes("segment", R"({"batch":[{"type":"identify","userId":"jo@example.org",
    "anonymousId":"6d2b8c4e-1f7a-4b55-9a8e-0c3f1d2e4a5b","messageId":"ajs-1f2e3d",
    "traits":{"email":"jo@example.org","plan":"pro"},
    "context":{"ip":"203.0.113.9","app":{"version":"10.4.2.117"},"groupId":"org_77",
               "userAgent":"Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0",
               "page":{"url":"https://app.example.com/u/jo%40example.org/settings",
                       "referrer":"$direct"}}}],"sentAt":"2024-11-27T15:33:34.408Z"})");
  EXPECT_EQ(got["/batch/0/userId"], (std::vector<std::string>{"user_id", "email"}));
  EXPECT_EQ(got["/batch/0/anonymousId"], std::vector<std::string>{"device_id"});
  EXPECT_EQ(got["/batch/0/traits/email"], std::vector<std::string>{"email"});
  EXPECT_EQ(got["/batch/0/context/ip"], std::vector<std::string>{"ip_address"});
  EXPECT_EQ(got["/batch/0/context/groupId"], std::vector<std::string>{"org_id"});
  EXPECT_EQ(got["/batch/0/context/userAgent"], std::vector<std::string>{"user_agent"});
  EXPECT_EQ(got["/batch/0/context/page/url"], (std::vector<std::string>{"url", "email"}));
  EXPECT_FALSE(got.count("/batch/0/context/app/version"));  // looks like IPv4, is a version
  EXPECT_FALSE(got.count("/batch/0/context/page/referrer"));
  EXPECT_FALSE(got.count("/batch/0/messageId"));
  EXPECT_FALSE(got.count("/sentAt"));
  EXPECT_FALSE(got.count("/batch/0/traits/plan"));
}

TEST_F(ClassifierTest, UrlSpansAreCodePoints) {
  BodyLabels l = Run("segment", R"({"type":"page","properties":{
    "url":"https://ex.com/ü/?email=ana@example.org"}})");
  ASSERT_EQ(l.fields.size(), 1u);
  ASSERT_EQ(l.fields[0].spans.size(), 1u);
  // "https://ex.com/ü/?email=" is 24 code points (ü is two bytes).
  EXPECT_EQ(l.fields[0].spans[0], (LabelSpan{24, 39, "email"}));
}

TEST_F(ClassifierTest, SeveralSpansAfterMultibyteTextKeepTheirCodePoints) {
  BodyLabels l = Run("segment", R"({"type":"track","properties":{
    "message":"😀 a@b.co é 😀 c@d.io ü e@f.net"}})");
  ASSERT_EQ(l.fields.size(), 1u);
  EXPECT_EQ(l.fields[0].spans,
            (std::vector<LabelSpan>{{2, 8, "email"}, {13, 19, "email"}, {22, 29, "email"}}));
}

TEST_F(ClassifierTest, VendorCredentialsInTheEnvelopeAreNotLabelled) {
  ClassMap amp = Classes("amplitude", R"({"api_key":"e32cbadeca8eab6b4bcd405adf94ec6c",
    "events":[{"device_id":"4d185ded80566905","session_id":1732433868895,"ip":"$remote",
               "event_properties":{"api_key":"sk-proj-JmcQxBlHUpf0nWFOpGwpfxARJN37kn5LyDQa"}}]})");
  EXPECT_FALSE(amp.count("/api_key"));
  EXPECT_EQ(amp["/events/0/event_properties/api_key"], std::vector<std::string>{"secret"});
  EXPECT_EQ(amp["/events/0/session_id"], std::vector<std::string>{"session_id"});
  EXPECT_EQ(amp["/events/0/device_id"], std::vector<std::string>{"device_id"});
  EXPECT_FALSE(amp.count("/events/0/ip"));  // "$remote" asks Amplitude to use the socket IP

  ClassMap mp = Classes("mixpanel", R"([{"event":"x","properties":{
    "token":"975c38978aa79bcd4cf7df56cd364840",
    "distinct_id":"$device:a2352cd9-e353-4dec-afdd-a01cce748212","time":1731661801}}])");
  EXPECT_FALSE(mp.count("/0/properties/token"));
  EXPECT_EQ(mp["/0/properties/distinct_id"], std::vector<std::string>{"device_id"});
}

TEST_F(ClassifierTest, AnonymousDistinctIdEqualToTheDeviceIsTheDevice) {
  ClassMap ph = Classes("posthog", R"({"api_key":"phc_7FnQR1jNj3hJDiFgVqerlyh0AfM8LIa3r24Z4vm3zGU",
    "batch":[{"event":"a","distinct_id":"63d7bdf6-87e1-4edd-b200-a829873d0fd9",
              "properties":{"$device_id":"63d7bdf6-87e1-4edd-b200-a829873d0fd9"}},
             {"event":"b","distinct_id":"usr_hymaax3hpsgp",
              "properties":{"$device_id":"11111111-87e1-4edd-b200-a829873d0fd9"}}]})");
  EXPECT_EQ(ph["/batch/0/distinct_id"], std::vector<std::string>{"device_id"});
  EXPECT_EQ(ph["/batch/1/distinct_id"], std::vector<std::string>{"user_id"});
  EXPECT_FALSE(ph.count("/api_key"));
}

TEST_F(ClassifierTest, OtlpAttributesAreClassifiedByKeyNotPosition) {
  auto body = [](const std::string& attrs) {
    return R"({"resourceLogs":[{"resource":{"attributes":[{"key":"service.version",
      "value":{"stringValue":"6.7.9.245"}}]},"scopeLogs":[{"scope":{"name":"x"},
      "logRecords":[{"timeUnixNano":"1731709614412697085","body":{"stringValue":"ok"},
      "traceId":"b044fa4d56771265bbfa0fd7f00a8ec6","attributes":[)" +
           attrs + "]}]}]}]}";
  };
  std::string a = R"({"key":"user.email","value":{"stringValue":"li@example.net"}})";
  std::string b = R"({"key":"client.address","value":{"stringValue":"198.51.100.7"}})";
  std::string c = R"({"key":"enduser.id","value":{"intValue":"4242"}})";
  ClassMap one = Classes("otlp-logs", body(a + "," + b + "," + c));
  ClassMap two = Classes("otlp-logs", body(c + "," + a + "," + b));
  const std::string rec = "/resourceLogs/0/scopeLogs/0/logRecords/0/attributes/";
  EXPECT_EQ(one[rec + "0/value/stringValue"], std::vector<std::string>{"email"});
  EXPECT_EQ(one[rec + "1/value/stringValue"], std::vector<std::string>{"ip_address"});
  EXPECT_EQ(one[rec + "2/value/intValue"], std::vector<std::string>{"user_id"});
  EXPECT_EQ(two[rec + "1/value/stringValue"], std::vector<std::string>{"email"});
  EXPECT_EQ(two[rec + "2/value/stringValue"], std::vector<std::string>{"ip_address"});
  EXPECT_EQ(two[rec + "0/value/intValue"], std::vector<std::string>{"user_id"});
  EXPECT_EQ(one.size(), 3u);  // version, trace id, timestamps and the attribute keys stay clean
}

TEST_F(ClassifierTest, PromptTextAndFreeTextSpans) {
  BodyLabels l = Run("llm", R"({"type":"track","event":"LLM Call","properties":{
    "model":"gpt-4o-mini","prompt_snippet":"😀 reply to ines.dubois@example.org by Friday",
    "comment":"Upgrade to team-monthly failed after 6117 ms.","error_code":429}})");
  std::map<std::string, FieldLabel> by;
  for (const FieldLabel& f : l.fields) by[f.path] = f;
  EXPECT_EQ(by["/properties/model"].classes, std::vector<std::string>{"model_name"});
  EXPECT_EQ(by["/properties/error_code"].classes, std::vector<std::string>{"error_code"});
  EXPECT_EQ(by["/properties/prompt_snippet"].classes,
            (std::vector<std::string>{"prompt_text", "email"}));
  ASSERT_EQ(by["/properties/prompt_snippet"].spans.size(), 1u);
  EXPECT_EQ(by["/properties/prompt_snippet"].spans[0], (LabelSpan{11, 34, "email"}));
  EXPECT_FALSE(by.count("/properties/comment"));
}

TEST_F(ClassifierTest, CombinationRulesFromConfig) {
  auto c = Make("combinations:\n  - when: [ip_address, user_agent]\n    add: device_fingerprint\n");
  std::string body = R"({"batch":[
    {"context":{"ip":"203.0.113.9","userAgent":"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36"}},
    {"context":{"ip":"203.0.113.10"}}]})";
  Result<BodyLabels> r = c->Classify("segment", body, scratch_);
  ASSERT_TRUE(r.ok());
  ClassMap got;
  for (const FieldLabel& f : r->fields) got[f.path] = f.classes;
  EXPECT_EQ(got["/batch/0/context/ip"],
            (std::vector<std::string>{"ip_address", "device_fingerprint"}));
  EXPECT_EQ(got["/batch/0/context/userAgent"],
            (std::vector<std::string>{"user_agent", "device_fingerprint"}));
  EXPECT_EQ(got["/batch/1/context/ip"], std::vector<std::string>{"ip_address"});  // other event
}

TEST_F(ClassifierTest, ConfigAddsClassesAndFieldNames) {
  auto c = Make(R"(
classes:
  - name: employee_id
    parents: [direct_identifier]
    ladder: [pseudonymized]
field_names:
  - names: [badgeNumber]
    class: employee_id
  - names: [email]
    ignore: true
)");
  Result<BodyLabels> r =
      c->Classify("segment", R"({"properties":{"badge_number":"B-1","email":"a@b.co"}})", scratch_);
  ASSERT_TRUE(r.ok());
  ASSERT_EQ(r->fields.size(), 1u);
  EXPECT_EQ(r->fields[0].classes, std::vector<std::string>{"employee_id"});
  ClassifierConfig bad;
  bad.field_names.push_back({{"x"}, "no_such_class", false, false, {}});
  EXPECT_FALSE(Classifier::Create(bad).ok());
}

TEST_F(ClassifierTest, BadInputIsAnErrorNotACrash) {
  Result<BodyLabels> r = classifier_->Classify("segment", R"({"batch":[)", scratch_);
  EXPECT_FALSE(r.ok());
  Result<BodyLabels> f = classifier_->Classify("nope", "{}", scratch_);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("otlp-logs"), std::string::npos);
  std::string deep(5000, '[');
  EXPECT_FALSE(classifier_->Classify("segment", deep, scratch_).ok());
}

}  // namespace
}  // namespace metagate::classify
