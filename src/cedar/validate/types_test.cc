// Strict least upper bounds and the schema hierarchy used by the typechecker.
#include "validate/types.h"

#include <gtest/gtest.h>

#include "validate/hierarchy.h"

namespace metagate::cedar::validate {
namespace {

TEST(StrictLubTest, BooleansJoinOtherTypesMustMatch) {
  EXPECT_EQ((*StrictLub(Type::True(), Type::False()))->kind, TypeKind::kBool);
  EXPECT_EQ((*StrictLub(Type::True(), Type::True()))->kind, TypeKind::kTrue);
  EXPECT_FALSE(StrictLub(Type::Long(), Type::String()));
  EXPECT_FALSE(StrictLub(Type::Entity("User"), Type::Entity("Group")));
  EXPECT_TRUE(StrictLub(Type::Entity("User"), Type::Entity("User")));
  EXPECT_FALSE(StrictLub(Type::Extension("decimal"), Type::Extension("ipaddr")));
  EXPECT_EQ((*StrictLub(Type::Set(Type::True()), Type::Set(Type::Bool())))->ToString(),
            "Set<Bool>");
  EXPECT_FALSE(StrictLub(Type::Set(Type::Long()), Type::Set(Type::String())));
  EXPECT_EQ((*StrictLub(Type::Never(), Type::Long()))->kind, TypeKind::kLong);
}

TEST(StrictLubTest, RecordsNeedTheSameAttributesAndRequiredness) {
  TypePtr a = Type::Record({{"a", AttrType{Type::Long(), true}}});
  TypePtr a_opt = Type::Record({{"a", AttrType{Type::Long(), false}}});
  TypePtr ab =
      Type::Record({{"a", AttrType{Type::Long(), true}}, {"b", AttrType{Type::Long(), true}}});
  EXPECT_TRUE(StrictLub(a, a));
  EXPECT_FALSE(StrictLub(a, a_opt));
  EXPECT_FALSE(StrictLub(a, ab));
  EXPECT_EQ(a_opt->ToString(), "{a?: Long}");
}

TEST(HierarchyTest, EntityTypesAndActions) {
  auto schema = ParseSchemaText(R"(
    entity Org; entity Group in [Org]; entity User in [Group];
    action all; action read in [all]; action view in [read];
  )");
  ASSERT_TRUE(schema.ok()) << schema.status().ToString();
  Hierarchy h(*schema);
  EXPECT_TRUE(h.TypeMayBeIn("User", "Org"));
  EXPECT_TRUE(h.TypeMayBeIn("User", "User"));
  EXPECT_FALSE(h.TypeMayBeIn("Org", "User"));
  EXPECT_TRUE(h.ActionIn(EntityUid("Action", "view"), EntityUid("Action", "all")));
  EXPECT_FALSE(h.ActionIn(EntityUid("Action", "all"), EntityUid("Action", "view")));
  EXPECT_TRUE(h.IsKnownType("Action"));
  EXPECT_FALSE(h.IsKnownType("Nope"));
}

}  // namespace
}  // namespace metagate::cedar::validate
