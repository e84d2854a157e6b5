#include <gtest/gtest.h>

#include <string>

#include "metagate/pdp/authzen.h"

namespace metagate::pdp {
namespace {

template <typename T>
void ExpectInvalid(const Result<T>& r, const std::string& field) {
  ASSERT_FALSE(r.ok()) << "expected an error about " << field;
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(r.status().message().find(field), std::string::npos) << r.status().message();
}

// c-3-2-6 of the certification scenario: defaults for subject, action and context; the second
// item overrides the context.
TEST(AuthzenEvaluationsTest, MergesDefaultsItemByItem) {
  auto r = DecodeEvaluations(R"({
    "subject": {"type": "user", "id": "alice"}, "action": {"name": "read"},
    "context": {"time": "t0"},
    "evaluations": [
      {"resource": {"type": "record", "id": "record-1"}},
      {"resource": {"type": "record", "id": "record-2"}, "context": {"source": "batch-override"}}
    ]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  ASSERT_TRUE(r->evaluations.has_value());
  ASSERT_EQ(r->evaluations->size(), 2u);
  EXPECT_EQ(r->semantic, EvaluationsSemantic::kExecuteAll);

  AzRequest first = Merge(r->defaults, (*r->evaluations)[0]);
  EXPECT_TRUE(CheckComplete(first).ok());
  EXPECT_EQ(first.subject->id, "alice");
  EXPECT_EQ(first.action->name, "read");
  EXPECT_EQ(first.resource->id, "record-1");
  EXPECT_NE(first.context->Find("time"), nullptr);

  AzRequest second = Merge(r->defaults, (*r->evaluations)[1]);
  EXPECT_EQ(second.resource->id, "record-2");
  // The item's context replaces the default as a whole: no member-wise merge.
  EXPECT_EQ(second.context->Find("time"), nullptr);
  ASSERT_NE(second.context->Find("source"), nullptr);
  EXPECT_EQ(second.context->Find("source")->as_string(), "batch-override");
}

TEST(AuthzenEvaluationsTest, ItemEntityReplacesDefaultEntityWhole) {
  // c-3-2-7: the default resource has properties; an item's resource without them must not
  // inherit them.
  auto r = DecodeEvaluations(R"({
    "subject": {"type": "user", "id": "alice"}, "action": {"name": "write"},
    "resource": {"type": "record", "id": "record-1", "properties": {"status": "active"}},
    "evaluations": [{}, {"resource": {"type": "record", "id": "record-2"}}]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  AzRequest first = Merge(r->defaults, (*r->evaluations)[0]);
  EXPECT_EQ(first.resource->id, "record-1");
  EXPECT_EQ(first.resource->properties->Find("status")->as_string(), "active");
  AzRequest second = Merge(r->defaults, (*r->evaluations)[1]);
  EXPECT_EQ(second.resource->id, "record-2");
  EXPECT_FALSE(second.resource->properties.has_value());
  EXPECT_EQ(second.subject->id, "alice");
}

TEST(AuthzenEvaluationsTest, IncompleteItemIsAPerItemError) {
  // c-3-4-1: the second item has no resource and there is no default: the body decodes, the
  // item fails CheckComplete.
  auto r = DecodeEvaluations(R"({
    "subject": {"type": "user", "id": "alice"}, "action": {"name": "read"},
    "options": {"evaluations_semantic": "execute_all"},
    "evaluations": [{"resource": {"type": "record", "id": "record-1"}}, {}]})");
  ASSERT_TRUE(r.ok()) << r.status().ToString();
  EXPECT_TRUE(CheckComplete(Merge(r->defaults, (*r->evaluations)[0])).ok());
  Status st = CheckComplete(Merge(r->defaults, (*r->evaluations)[1]));
  EXPECT_FALSE(st.ok());
  EXPECT_NE(st.message().find("resource is required"), std::string::npos) << st.message();
  // An item whose subject lacks an id is incomplete too, even with a complete default subject.
  auto r2 = DecodeEvaluations(R"({"subject": {"type": "user", "id": "alice"},
    "action": {"name": "read"}, "evaluations": [{"subject": {"type": "user"},
    "resource": {"type": "t", "id": "1"}}]})");
  ASSERT_TRUE(r2.ok());
  Status st2 = CheckComplete(Merge(r2->defaults, (*r2->evaluations)[0]));
  EXPECT_NE(st2.message().find("subject.id is required"), std::string::npos) << st2.message();
}

TEST(AuthzenEvaluationsTest, MissingAndEmptyEvaluationsAreDistinguished) {
  auto none = DecodeEvaluations(R"({"subject":{"type":"u","id":"a"},"action":{"name":"r"},
                                    "resource":{"type":"t","id":"1"}})");
  ASSERT_TRUE(none.ok());
  EXPECT_FALSE(none->evaluations.has_value());
  EXPECT_TRUE(CheckComplete(none->defaults).ok());
  auto empty = DecodeEvaluations(R"({"subject":{"type":"u","id":"a"},"evaluations":[]})");
  ASSERT_TRUE(empty.ok());
  ASSERT_TRUE(empty->evaluations.has_value());
  EXPECT_TRUE(empty->evaluations->empty());
  EXPECT_FALSE(CheckComplete(empty->defaults).ok());
  auto null_items = DecodeEvaluations(R"({"evaluations":null})");
  ASSERT_TRUE(null_items.ok());
  EXPECT_FALSE(null_items->evaluations.has_value());
}

TEST(AuthzenEvaluationsTest, ReadsEachSemantic) {
  struct Case {
    const char* value;
    EvaluationsSemantic want;
  };
  for (const Case& c :
       {Case{"execute_all", EvaluationsSemantic::kExecuteAll},
        Case{"deny_on_first_deny", EvaluationsSemantic::kDenyOnFirstDeny},
        Case{"permit_on_first_permit", EvaluationsSemantic::kPermitOnFirstPermit}}) {
    auto r = DecodeEvaluations(std::string(R"({"options":{"evaluations_semantic":")") + c.value +
                               R"(","other_option":1},"evaluations":[]})");
    ASSERT_TRUE(r.ok()) << c.value;
    EXPECT_EQ(r->semantic, c.want) << c.value;
  }
}

TEST(AuthzenEvaluationsTest, RejectsBadShapes) {
  ExpectInvalid(DecodeEvaluations(R"({"evaluations":{}})"), "evaluations must be an array");
  ExpectInvalid(DecodeEvaluations(R"({"evaluations":[{},"x"]})"),
                "evaluations[1] must be an object");
  ExpectInvalid(DecodeEvaluations(R"({"evaluations":[{},{"subject":{"type":"u","id":5}}]})"),
                "evaluations[1].subject.id must be a string");
  ExpectInvalid(DecodeEvaluations(R"({"evaluations":[{"context":[]}]})"),
                "evaluations[0].context must be an object");
  ExpectInvalid(DecodeEvaluations(R"({"options":{"evaluations_semantic":"first_wins"}})"),
                "options.evaluations_semantic must be one of");
  ExpectInvalid(DecodeEvaluations(R"({"options":{"evaluations_semantic":1}})"),
                "options.evaluations_semantic must be one of");
  ExpectInvalid(DecodeEvaluations(R"({"options":"fast"})"), "options must be an object");
  ExpectInvalid(DecodeEvaluations(R"({"subject":"u","evaluations":[]})"),
                "subject must be an object");
  ExpectInvalid(DecodeEvaluations("[{}]"), "must be a JSON object");
}

std::string Batch(size_t n) {
  std::string body = R"({"subject":{"type":"u","id":"a"},"action":{"name":"r"},"evaluations":[)";
  for (size_t i = 0; i < n; ++i) {
    if (i > 0) body += ',';
    body += R"({"resource":{"type":"t","id":"1"}})";
  }
  return body + "]}";
}

TEST(AuthzenEvaluationsTest, CapsTheNumberOfItems) {
  auto at_cap = DecodeEvaluations(Batch(kMaxEvaluations));
  ASSERT_TRUE(at_cap.ok()) << at_cap.status().ToString();
  EXPECT_EQ(at_cap->evaluations->size(), 10000u);
  ExpectInvalid(DecodeEvaluations(Batch(10001)), "more than 10000 items");
}

TEST(AuthzenEvaluationsTest, MergeOfCompleteItemIgnoresDefaults) {
  AzRequest defaults;
  defaults.subject = AzEntity{"user", "bob", std::nullopt};
  defaults.action = AzAction{"write", std::nullopt};
  AzRequest item;
  item.subject = AzEntity{"user", "alice", std::nullopt};
  item.action = AzAction{"read", std::nullopt};
  item.resource = AzEntity{"record", "r1", std::nullopt};
  AzRequest m = Merge(defaults, item);
  EXPECT_EQ(m.subject->id, "alice");
  EXPECT_EQ(m.action->name, "read");
  EXPECT_FALSE(m.context.has_value());
  AzRequest only_defaults = Merge(defaults, AzRequest{});
  EXPECT_EQ(only_defaults.subject->id, "bob");
  EXPECT_FALSE(only_defaults.resource.has_value());
}

// Search: the three kinds' required fields, including the certification 400 cases.
TEST(AuthzenSearchTest, SubjectSearchRequiredFields) {
  auto ok = DecodeSearch(R"({"subject":{"type":"user","id":"ignored"},"action":{"name":"read"},
                             "resource":{"type":"record","id":"record-1"},"page":{"limit":1}})",
                         SearchKind::kSubject);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_EQ(ok->query.subject->type, "user");
  EXPECT_FALSE(ok->query.subject->id.has_value());  // ignored by the spec, dropped
  EXPECT_EQ(ok->page_limit, 1);
  // c-4-7-1#1: no action.
  ExpectInvalid(DecodeSearch(R"({"subject":{"type":"user"},"resource":{"type":"record",
                                 "id":"record-1"}})",
                             SearchKind::kSubject),
                "action is required");
  // c-4-7-2#1: resource without id.
  ExpectInvalid(DecodeSearch(R"({"subject":{"type":"user"},"action":{"name":"read"},
                                 "resource":{"type":"record"}})",
                             SearchKind::kSubject),
                "resource.id is required");
  ExpectInvalid(DecodeSearch(R"({"subject":{},"action":{"name":"read"},
                                 "resource":{"type":"record","id":"1"}})",
                             SearchKind::kSubject),
                "subject.type is required");
}

TEST(AuthzenSearchTest, ResourceSearchRequiredFields) {
  auto ok = DecodeSearch(R"({"subject":{"type":"user","id":"alice"},"action":{"name":"read"},
                             "resource":{"type":"record"},"page":{"token":"abc"}})",
                         SearchKind::kResource);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_FALSE(ok->query.resource->id.has_value());
  EXPECT_EQ(ok->page_token, "abc");
  EXPECT_FALSE(ok->page_limit.has_value());
  // c-4-7-1#2: no subject.
  ExpectInvalid(DecodeSearch(R"({"action":{"name":"read"},"resource":{"type":"record"}})",
                             SearchKind::kResource),
                "subject is required");
  // c-4-7-2#2: subject without id.
  ExpectInvalid(DecodeSearch(R"({"subject":{"type":"user"},"action":{"name":"read"},
                                 "resource":{"type":"record"}})",
                             SearchKind::kResource),
                "subject.id is required");
  ExpectInvalid(DecodeSearch(R"({"subject":{"type":"user","id":"a"},"action":{},
                                 "resource":{"type":"record"}})",
                             SearchKind::kResource),
                "action.name is required");
}

TEST(AuthzenSearchTest, ActionSearchRequiredFields) {
  auto ok = DecodeSearch(R"({"subject":{"type":"user","id":"alice"},
                             "resource":{"type":"record","id":"record-1"}})",
                         SearchKind::kAction);
  ASSERT_TRUE(ok.ok()) << ok.status().ToString();
  EXPECT_FALSE(ok->query.action.has_value());
  auto empty_action = DecodeSearch(R"({"subject":{"type":"user","id":"alice"},"action":{},
                                       "resource":{"type":"record","id":"record-1"}})",
                                   SearchKind::kAction);
  ASSERT_TRUE(empty_action.ok());
  EXPECT_EQ(empty_action->query.action->name, "");
  // c-4-7-1#3: no resource.
  ExpectInvalid(DecodeSearch(R"({"subject":{"type":"user","id":"alice"}})", SearchKind::kAction),
                "resource is required");
  // c-4-7-2#3: subject without id.
  ExpectInvalid(DecodeSearch(R"({"subject":{"type":"user"},"resource":{"type":"record",
                                 "id":"record-1"}})",
                             SearchKind::kAction),
                "subject.id is required");
  ExpectInvalid(DecodeSearch(R"({"subject":{"type":"user","id":"a"},"resource":{"type":"r"}})",
                             SearchKind::kAction),
                "resource.id is required");
}

TEST(AuthzenSearchTest, ValidatesPage) {
  const std::string q = R"("subject":{"type":"u","id":"a"},"resource":{"type":"r","id":"1"})";
  for (const char* page : {R"({"limit":0})", R"({"limit":-3})", R"({"limit":1.5})",
                           R"({"limit":"10"})", R"({"limit":99999999999999999999})"}) {
    SCOPED_TRACE(page);
    ExpectInvalid(DecodeSearch("{" + q + R"(,"page":)" + page + "}", SearchKind::kAction),
                  "page.limit must be a positive integer");
  }
  ExpectInvalid(DecodeSearch("{" + q + R"(,"page":{"token":7}})", SearchKind::kAction),
                "page.token must be a string");
  ExpectInvalid(DecodeSearch("{" + q + R"(,"page":[]})", SearchKind::kAction),
                "page must be an object");
  auto legacy = DecodeSearch("{" + q + R"(,"page":{"next_token":"n1"}})", SearchKind::kAction);
  ASSERT_TRUE(legacy.ok());
  EXPECT_EQ(legacy->page_token, "n1");
  auto both =
      DecodeSearch("{" + q + R"(,"page":{"next_token":"old","token":"new"}})", SearchKind::kAction);
  ASSERT_TRUE(both.ok());
  EXPECT_EQ(both->page_token, "new");
}

}  // namespace
}  // namespace metagate::pdp
