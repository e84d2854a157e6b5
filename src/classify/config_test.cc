#include "metagate/classify/config.h"

#include <gtest/gtest.h>

namespace metagate::classify {
namespace {

TEST(ClassifierConfig, ParsesAllSections) {
  Result<ClassifierConfig> c = ParseClassifierConfig(R"(
classes:
  - name: employee_id
    parents: [direct_identifier]
    ladder: [pseudonymized, redacted]
field_names:
  - names: [emp_no, employeeNumber]
    class: employee_id
  - names: internal_note
    free_text: true
  - names: [debug_blob]
    ignore: true
combinations:
  - when: [ip_address, user_agent]
    add: device_fingerprint
)");
  ASSERT_TRUE(c.ok()) << c.status().ToString();
  ASSERT_EQ(c->classes.size(), 1u);
  EXPECT_EQ(c->classes[0].ladder, (std::vector<Form>{Form::kPseudonymized, Form::kRedacted}));
  ASSERT_EQ(c->field_names.size(), 3u);
  EXPECT_EQ(c->field_names[0].names, (std::vector<std::string>{"emp_no", "employeeNumber"}));
  EXPECT_TRUE(c->field_names[1].free_text);
  EXPECT_TRUE(c->field_names[2].ignore);
  ASSERT_EQ(c->combinations.size(), 1u);
  EXPECT_EQ(c->combinations[0].add, "device_fingerprint");
}

TEST(ClassifierConfig, EmptyIsValid) {
  EXPECT_TRUE(ParseClassifierConfig("").ok());
  EXPECT_TRUE(ParseClassifierConfig("# nothing\n").ok());
}

TEST(ClassifierConfig, ErrorsNameLineAndColumn) {
  Result<ClassifierConfig> bad_form =
      ParseClassifierConfig("classes:\n  - name: x\n    ladder: [raw, hashed]\n");
  ASSERT_FALSE(bad_form.ok());
  EXPECT_EQ(bad_form.status().loc().line, 3u);
  EXPECT_NE(bad_form.status().message().find("hashed"), std::string::npos);

  Result<ClassifierConfig> unknown = ParseClassifierConfig("field_names:\n  - nmes: [a]\n");
  ASSERT_FALSE(unknown.ok());
  EXPECT_EQ(unknown.status().loc().line, 2u);
  EXPECT_NE(unknown.status().message().find("nmes"), std::string::npos);

  Result<ClassifierConfig> syntax = ParseClassifierConfig("classes: [\n");
  ASSERT_FALSE(syntax.ok());
  EXPECT_TRUE(syntax.status().loc().known());

  Result<ClassifierConfig> both =
      ParseClassifierConfig("field_names:\n  - names: [a]\n    class: email\n    ignore: true\n");
  EXPECT_FALSE(both.ok());
  Result<ClassifierConfig> lonely =
      ParseClassifierConfig("combinations:\n  - when: [email]\n    add: x\n");
  EXPECT_FALSE(lonely.ok());
}

}  // namespace
}  // namespace metagate::classify
