#include "field_transform.h"

#include <gtest/gtest.h>

#include "metagate/classify/taxonomy.h"

namespace metagate::egress {
namespace {

TEST(ApplyForm, PseudonymIsAppendedAsAJsonString) {
  classify::Taxonomy taxonomy = classify::Taxonomy::Builtin();
  std::vector<classify::ClassId> classes = {classify::kEmail};
  transform::PseudonymKey key{"k1", "0123456789abcdef"};
  FieldValue v;
  v.text = "Ann@Example.com";
  v.classes = classes;
  v.key = &key;
  std::string out = "[";
  ASSERT_TRUE(ApplyForm(classify::Form::kPseudonymized, v, taxonomy, out).ok());
  EXPECT_EQ(out, "[\"" + transform::Pseudonymize(key, "email", "Ann@Example.com") + "\"");
  // A key id that JSON must escape is escaped.
  transform::PseudonymKey odd{"k\"1\\", "0123456789abcdef"};
  v.key = &odd;
  out.clear();
  ASSERT_TRUE(ApplyForm(classify::Form::kPseudonymized, v, taxonomy, out).ok());
  std::string ps = transform::Pseudonymize(odd, "email", "Ann@Example.com");
  EXPECT_EQ(out, "\"ps_k\\\"1\\\\_" + ps.substr(8) + "\"");
  // Without a key: an error, and nothing appended.
  v.key = nullptr;
  out = "x";
  EXPECT_FALSE(ApplyForm(classify::Form::kPseudonymized, v, taxonomy, out).ok());
  EXPECT_EQ(out, "x");
}

}  // namespace
}  // namespace metagate::egress
