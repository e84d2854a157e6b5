#include <gtest/gtest.h>

#include <string>

#include "metagate/pdp/authzen.h"

namespace metagate::pdp {
namespace {

// Asserts that `r` failed with InvalidArgument and that its message mentions `field`.
template <typename T>
void ExpectInvalid(const Result<T>& r, const std::string& field) {
  ASSERT_FALSE(r.ok()) << "expected an error about " << field;
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find(field), std::string::npos) << r.status().message();
}

constexpr const char* kFull =
    R"({"subject":{"type":"user","id":"alice","properties":{"role":"admin"}},
        "action":{"name":"read","properties":{"soft":true}},
        "resource":{"type":"record","id":"record-1"},
        "context":{"time":"2025-06-27T18:03-07:00"}})";

TEST(AuthzenRequestTest, DecodesAFullEvaluation) {
  auto r = DecodeEvaluation(kFull);
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_EQ(r->subject->type, "user");
  EXPECT_EQ(r->subject->id, "alice");
  ASSERT_TRUE(r->subject->properties.has_value());
  EXPECT_EQ(r->subject->properties->Find("role")->as_string(), "admin");
  EXPECT_EQ(r->action->name, "read");
  EXPECT_TRUE(r->action->properties->Find("soft")->as_bool());
  EXPECT_EQ(r->resource->type, "record");
  EXPECT_EQ(r->resource->id, "record-1");
  EXPECT_FALSE(r->resource->properties.has_value());
  ASSERT_TRUE(r->context.has_value());
  EXPECT_NE(r->context->Find("time"), nullptr);
}

TEST(AuthzenRequestTest, IgnoresUnknownFieldsAndNullOptionals) {
  auto r = DecodeEvaluation(
      R"({"subject":{"type":"user","id":"a","_note":[1,2],"properties":null},
          "action":{"name":"read","extra":{}},"resource":{"type":"t","id":"1"},
          "context":null,"future_field":{"x":1}})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_FALSE(r->subject->properties.has_value());
  EXPECT_FALSE(r->context.has_value());
}

// The 400 cases of the certification scenario (certification/cases.json), typed in.
TEST(AuthzenRequestTest, CertificationEvaluationErrorCases) {
  struct Case {
    const char* id;
    const char* body;
    const char* field;
  };
  const Case cases[] = {
      {"c-2-4-1#1", R"({"action":{"name":"read"},"resource":{"type":"record","id":"record-1"}})",
       "subject"},
      {"c-2-4-1#2",
       R"({"subject":{"type":"user","id":"alice"},"resource":{"type":"record","id":"record-1"}})",
       "action"},
      {"c-2-4-1#3", R"({"subject":{"type":"user","id":"alice"},"action":{"name":"read"}})",
       "resource"},
      {"c-2-4-2#1",
       R"({"subject":{"id":"alice"},"action":{"name":"read"},"resource":{"type":"record","id":"record-1"}})",
       "subject.type"},
      {"c-2-4-2#2",
       R"({"subject":{"type":"user"},"action":{"name":"read"},"resource":{"type":"record","id":"record-1"}})",
       "subject.id"},
      {"c-2-4-2#3",
       R"({"subject":{"type":"user","id":"alice"},"action":{},"resource":{"type":"record","id":"record-1"}})",
       "action.name"},
      {"c-2-4-2#4",
       R"({"subject":{"type":"user","id":"alice"},"action":{"name":"read"},"resource":{"id":"record-1"}})",
       "resource.type"},
      {"c-2-4-2#5",
       R"({"subject":{"type":"user","id":"alice"},"action":{"name":"read"},"resource":{"type":"record"}})",
       "resource.id"},
      {"c-2-4-4", R"({"subject": {"type": "user", "id": "alice"},)", "not valid JSON"},
      {"c-2-4-5", "", "empty"},
      {"c-2-4-6#1",
       R"({"subject":"alice","action":{"name":"read"},"resource":{"type":"record","id":"record-1"}})",
       "subject must be an object"},
      {"c-2-4-6#2",
       R"({"subject":{"type":"user","id":"alice"},"action":{"name":123},"resource":{"type":"record","id":"record-1"}})",
       "action.name must be a string"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.id);
    ExpectInvalid(DecodeEvaluation(c.body), c.field);
  }
}

TEST(AuthzenRequestTest, MalformedJsonErrorHasLineAndColumn) {
  auto r = DecodeEvaluation("{\n  \"subject\": {\"type\": \"user\",, }\n}");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().loc().line, 2u);
  EXPECT_GT(r.status().loc().column, 1u);
  EXPECT_NE(r.status().ToString().find("2:"), std::string::npos);
}

TEST(AuthzenRequestTest, RejectsNonObjectBodies) {
  for (const char* body : {"[]", "null", "\"x\"", "42", "true", "   \n\t "}) {
    SCOPED_TRACE(body);
    auto r = DecodeEvaluation(body);
    ASSERT_FALSE(r.ok());
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  }
}

TEST(AuthzenRequestTest, RejectsWrongTypesNamingTheField) {
  const std::string ok_action = R"("action":{"name":"read"})";
  const std::string ok_resource = R"("resource":{"type":"r","id":"1"})";
  struct Case {
    std::string body;
    const char* field;
  };
  const Case cases[] = {
      {R"({"subject":{"type":"u","id":7},)" + ok_action + "," + ok_resource + "}",
       "subject.id must be a string"},
      {R"({"subject":{"type":["u"],"id":"a"},)" + ok_action + "," + ok_resource + "}",
       "subject.type must be a string"},
      {R"({"subject":{"type":"","id":"a"},)" + ok_action + "," + ok_resource + "}",
       "subject.type must not be empty"},
      {R"({"subject":{"type":"u","id":""},)" + ok_action + "," + ok_resource + "}",
       "subject.id must not be empty"},
      {R"({"subject":{"type":"u","id":"a","properties":[1]},)" + ok_action + "," + ok_resource +
           "}",
       "subject.properties must be an object"},
      {R"({"subject":{"type":"u","id":"a"},"action":{"name":"r","properties":"p"},)" + ok_resource +
           "}",
       "action.properties must be an object"},
      {R"({"subject":{"type":"u","id":"a"},)" + ok_action + R"(,"resource":[],)" +
           R"("context":{}})",
       "resource must be an object"},
      {R"({"subject":{"type":"u","id":"a"},)" + ok_action + "," + ok_resource +
           R"(,"context":"now"})",
       "context must be an object"},
      {R"({"subject":{"type":"u","id":"a"},)" + ok_action + "," + ok_resource +
           R"(,"context":{},"context":{}})",
       "context appears more than once"},
      {R"({"subject":{"type":"u","id":"a","id":"b"},)" + ok_action + "," + ok_resource + "}",
       "subject.id appears more than once"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.body);
    ExpectInvalid(DecodeEvaluation(c.body), c.field);
  }
}

TEST(AuthzenRequestTest, ErrorsNeverEchoValuesFromTheBody) {
  const std::string secret = "sekr3t-t0ken-value";
  const std::string bodies[] = {
      R"({"subject":{"type":"user","id":")" + secret + R"(",},"action":{"name":"x"}})",
      R"({"subject":")" + secret + R"(","action":{"name":"x"},"resource":{"type":"t","id":"1"}})",
      R"({"subject":{"type":"user","id":")" + secret + R"("},"action":{"name":")" + secret +
          R"("},"resource":{"type":"t","id":")" + secret + R"(","properties":")" + secret +
          R"("}})",
      R"({"subject":{"type":"user","id":")" + secret + R"("},"action":{"name":)" + "12345678" +
          R"(},"resource":{"type":"t","id":"1"}})",
      R"({")" + secret + R"(":1,"subject":{"type":)" + "\"" + secret + "\"}}",
      R"({"evaluations":[{"subject":{"type":")" + secret + R"(","id":5}}]})",
      R"({"options":{"evaluations_semantic":")" + secret + R"("}})",
  };
  for (const std::string& body : bodies) {
    SCOPED_TRACE(body);
    for (const Status& st : {DecodeEvaluation(body).status(), DecodeEvaluations(body).status(),
                             DecodeSearch(body, SearchKind::kResource).status()}) {
      if (st.ok()) continue;
      EXPECT_EQ(st.ToString().find(secret), std::string::npos) << st.ToString();
      EXPECT_EQ(st.ToString().find("12345678"), std::string::npos) << st.ToString();
    }
  }
  // At least the evaluation decoder must have rejected every body above.
  for (const std::string& body : bodies) EXPECT_FALSE(DecodeEvaluation(body).ok()) << body;
}

TEST(AuthzenRequestTest, RejectsInvalidUtf8InStrings) {
  std::string body = R"({"subject":{"type":"user","id":"a)";
  body += "\xc3\x28";  // a lead byte followed by a non-continuation byte
  body += R"("},"action":{"name":"r"},"resource":{"type":"t","id":"1"}})";
  auto r = DecodeEvaluation(body);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("UTF-8"), std::string::npos) << r.status().message();
}

TEST(AuthzenRequestTest, RejectsNestingDeeperThanTheLimit) {
  auto nested = [](int depth) {
    std::string props(depth, '[');
    props += std::string(depth, ']');
    return R"({"subject":{"type":"u","id":"a","properties":{"p":)" + props +
           R"(}},"action":{"name":"r"},"resource":{"type":"t","id":"1"}})";
  };
  // The body, subject and properties objects are levels 0 to 2; the arrays start at level 3.
  EXPECT_TRUE(DecodeEvaluation(nested(kMaxJsonDepth - 2)).ok());
  EXPECT_FALSE(DecodeEvaluation(nested(kMaxJsonDepth - 1)).ok());
  // A depth bomb: a million open brackets must fail cleanly.
  std::string bomb = "{\"context\":" + std::string(1000000, '[');
  for (auto st : {DecodeEvaluation(bomb).status(), DecodeEvaluations(bomb).status(),
                  DecodeSearch(bomb, SearchKind::kAction).status()}) {
    EXPECT_EQ(st.code(), StatusCode::kInvalidArgument);
    EXPECT_NE(st.message().find("nested too deeply"), std::string::npos) << st.message();
  }
}

}  // namespace
}  // namespace metagate::pdp
