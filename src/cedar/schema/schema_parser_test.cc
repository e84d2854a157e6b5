#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "metagate/cedar/schema.h"

namespace metagate::cedar {
namespace {

Schema MustParse(const std::string& text) {
  auto r = ParseSchemaText(text);
  EXPECT_TRUE(r.ok()) << r.status().ToString() << "\n" << text;
  return r.ok() ? std::move(r).value() : Schema();
}

Status ParseError(const std::string& text) {
  auto r = ParseSchemaText(text);
  EXPECT_FALSE(r.ok()) << text;
  return r.status();
}

TEST(SchemaParserTest, EntityDeclarationForms) {
  Schema s = MustParse(R"(
    entity C, D;
    // a comment
    entity A, B in [C, D] = {
      name: String,
      "quoted attr"?: Long,
      flags: Set<Bool>,
      nested: { inner?: __cedar::ipaddr, },
    } tags Set<String>;
    entity E in C { x: decimal };
    entity I in [] {};
    entity F enum ["a", "b", "a"];
    entity G {};
    entity H = {} tags Long;
  )");
  ASSERT_EQ(s.entity_types().size(), 9u);
  const EntityTypeDecl* a = s.FindEntityType("A");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->member_of_types, (std::vector<std::string>{"C", "D"}));
  ASSERT_EQ(a->attributes->attributes.size(), 4u);
  const SchemaAttribute* quoted = a->attributes->FindAttribute("quoted attr");
  ASSERT_NE(quoted, nullptr);
  EXPECT_FALSE(quoted->required);
  EXPECT_EQ(quoted->type->kind, SchemaTypeKind::kLong);
  EXPECT_EQ(a->attributes->FindAttribute("flags")->type->ToString(), "Set<Bool>");
  EXPECT_EQ(a->attributes->FindAttribute("nested")->type->ToString(), "{inner?: ipaddr}");
  ASSERT_NE(a->tags, nullptr);
  EXPECT_EQ(a->tags->ToString(), "Set<String>");
  EXPECT_EQ(a->loc.line, 4u);
  EXPECT_EQ(s.FindEntityType("B")->attributes, a->attributes);
  EXPECT_EQ(s.FindEntityType("E")->member_of_types, (std::vector<std::string>{"C"}));
  EXPECT_EQ(s.FindEntityType("E")->attributes->FindAttribute("x")->type->name, "decimal");
  const EntityTypeDecl* f = s.FindEntityType("F");
  ASSERT_TRUE(f->enum_ids.has_value());
  EXPECT_EQ(*f->enum_ids, (std::vector<std::string>{"a", "b", "a"}));
  EXPECT_EQ(s.FindEntityType("C")->tags, nullptr);
  EXPECT_TRUE(s.FindEntityType("C")->attributes->attributes.empty());
  EXPECT_EQ(s.FindEntityType("H")->tags->kind, SchemaTypeKind::kLong);
  EXPECT_EQ(s.FindEntityType("Z"), nullptr);
}

TEST(SchemaParserTest, RepeatedAttributeKeepsTheLastDeclaration) {
  Schema s = MustParse("entity A { x: Undeclared, x?: String };");
  const SchemaAttribute* x = s.FindEntityType("A")->attributes->FindAttribute("x");
  EXPECT_EQ(x->type->kind, SchemaTypeKind::kString);
  EXPECT_FALSE(x->required);
}

TEST(SchemaParserTest, ExtensionAndBuiltinTypes) {
  Schema s = MustParse(
      "entity A { a: ipaddr, b: decimal, c: datetime, d: duration, e: __cedar::Long,"
      " f: __cedar::Bool, g: Set<Set<__cedar::String>> };");
  const SchemaType& r = *s.FindEntityType("A")->attributes;
  EXPECT_EQ(r.FindAttribute("a")->type->kind, SchemaTypeKind::kExtension);
  EXPECT_EQ(r.FindAttribute("a")->type->name, "ipaddr");
  EXPECT_EQ(r.FindAttribute("d")->type->name, "duration");
  EXPECT_EQ(r.FindAttribute("e")->type->kind, SchemaTypeKind::kLong);
  EXPECT_EQ(r.FindAttribute("g")->type->ToString(), "Set<Set<String>>");
}

TEST(SchemaParserTest, CommonTypesAreInlined) {
  Schema s = MustParse(R"(
    type Ctx = { ip: Addr, user?: User };
    type Addr = ipaddr;
    entity User { ctx: Ctx };
    action view appliesTo { principal: User, resource: [User], context: Ctx };
  )");
  const SchemaType* ctx = s.ActionContextType(EntityUid("Action", "view"));
  ASSERT_NE(ctx, nullptr);
  EXPECT_EQ(ctx->ToString(), "{ip: ipaddr, user?: User}");
  EXPECT_EQ(s.FindEntityType("User")->attributes->FindAttribute("ctx")->type->ToString(),
            "{ip: ipaddr, user?: User}");
}

TEST(SchemaParserTest, NameResolutionOrder) {
  Schema s = MustParse(R"(
    type Foo = String;
    entity Foo;
    entity ipaddr;
    type Top = Long;
    entity B { a: Foo, b: ipaddr, c: __cedar::ipaddr, d: Top, e: N::T, f: N::E };
    namespace N {
      type T = Bool;
      entity E in [Foo] { t: T, top: Top, self: E, other: Foo };
      entity Long;
      entity L { x: Long, y: __cedar::Long };
    }
  )");
  const SchemaType& b = *s.FindEntityType("B")->attributes;
  EXPECT_EQ(b.FindAttribute("a")->type->kind, SchemaTypeKind::kString);  // common type first
  EXPECT_EQ(b.FindAttribute("b")->type->kind, SchemaTypeKind::kEntity);  // then entity types
  EXPECT_EQ(b.FindAttribute("c")->type->kind, SchemaTypeKind::kExtension);
  EXPECT_EQ(b.FindAttribute("d")->type->kind, SchemaTypeKind::kLong);
  EXPECT_EQ(b.FindAttribute("e")->type->kind, SchemaTypeKind::kBool);
  EXPECT_EQ(b.FindAttribute("f")->type->name, "N::E");
  const EntityTypeDecl* e = s.FindEntityType("N::E");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->member_of_types, (std::vector<std::string>{"Foo"}));
  EXPECT_EQ(e->attributes->FindAttribute("t")->type->kind, SchemaTypeKind::kBool);
  EXPECT_EQ(e->attributes->FindAttribute("top")->type->kind, SchemaTypeKind::kLong);
  EXPECT_EQ(e->attributes->FindAttribute("self")->type->name, "N::E");
  EXPECT_EQ(e->attributes->FindAttribute("other")->type->kind, SchemaTypeKind::kString);
  const SchemaType& l = *s.FindEntityType("N::L")->attributes;
  EXPECT_EQ(l.FindAttribute("x")->type->name, "N::Long");
  EXPECT_EQ(l.FindAttribute("y")->type->kind, SchemaTypeKind::kLong);
}

TEST(SchemaParserTest, ActionsAndGroups) {
  Schema s = MustParse(R"(
    entity User;
    entity Doc;
    action all;
    action "read", write in [all] appliesTo {
      resource: [Doc],
      principal: [User],
      context: { ip: ipaddr, },
    };
    action admin in all;
    namespace Ns {
      entity Thing;
      action group;
      action "view" in [group, "group", Action::"group", Ns::Action::"group", Action::"all"]
        appliesTo { principal: [Thing, User], resource: Thing };
    }
  )");
  const ActionDecl* read = s.FindAction(EntityUid("Action", "read"));
  ASSERT_NE(read, nullptr);
  EXPECT_TRUE(read->has_applies_to);
  EXPECT_EQ(read->member_of, (std::vector<EntityUid>{EntityUid("Action", "all")}));
  EXPECT_EQ(read->principal_types, (std::vector<std::string>{"User"}));
  EXPECT_EQ(read->resource_types, (std::vector<std::string>{"Doc"}));
  EXPECT_EQ(read->context->ToString(), "{ip: ipaddr}");
  EXPECT_NE(s.FindAction(EntityUid("Action", "write")), nullptr);

  const ActionDecl* all = s.FindAction(EntityUid("Action", "all"));
  EXPECT_FALSE(all->has_applies_to);
  EXPECT_TRUE(all->principal_types.empty());
  EXPECT_TRUE(all->context->attributes.empty());

  const ActionDecl* view = s.FindAction(EntityUid("Ns::Action", "view"));
  ASSERT_NE(view, nullptr);
  EntityUid group("Ns::Action", "group");
  EXPECT_EQ(view->member_of,
            (std::vector<EntityUid>{group, group, group, group, EntityUid("Action", "all")}));
  EXPECT_EQ(view->principal_types, (std::vector<std::string>{"Ns::Thing", "User"}));
  EXPECT_EQ(view->resource_types, (std::vector<std::string>{"Ns::Thing"}));
  EXPECT_TRUE(s.IsActionEntityType("Ns::Action"));
  EXPECT_FALSE(s.IsActionEntityType("User"));
  EXPECT_EQ(s.ActionContextType(EntityUid("Action", "nope")), nullptr);

  std::vector<Entity> ents = s.ActionEntities();
  ASSERT_EQ(ents.size(), 6u);
  auto it = std::find_if(ents.begin(), ents.end(),
                         [](const Entity& e) { return e.uid == EntityUid("Action", "admin"); });
  ASSERT_NE(it, ents.end());
  EXPECT_EQ(it->parents, (std::vector<EntityUid>{EntityUid("Action", "all")}));
}

TEST(SchemaParserTest, ActionEntityTypesCanBeReferenced) {
  Schema s = MustParse(R"(
    action a;
    entity A { x: Action, y: N::Action } tags Set<Action>;
    namespace N { action b; entity B { z: Action }; }
  )");
  const EntityTypeDecl* a = s.FindEntityType("A");
  EXPECT_EQ(a->tags->ToString(), "Set<Action>");
  EXPECT_EQ(a->attributes->FindAttribute("x")->type->name, "Action");
  EXPECT_EQ(a->attributes->FindAttribute("y")->type->name, "N::Action");
  EXPECT_EQ(s.FindEntityType("N::B")->attributes->FindAttribute("z")->type->name, "N::Action");
  EXPECT_FALSE(ParseSchemaText("entity A { x: Action };").ok());  // no actions declared
  // Not as parents, principals or resources.
  EXPECT_FALSE(ParseSchemaText("action a; entity A in [Action];").ok());
  EXPECT_FALSE(
      ParseSchemaText("action a; entity A; action b appliesTo {principal: Action, resource: A};")
          .ok());
}

TEST(SchemaParserTest, StringEscapesInNames) {
  Schema s = MustParse(R"(action "a\"b\n\u{e9}\0" ; action "\u{1F600}" in ["a\"b\n\u{e9}\0"];)");
  EXPECT_NE(s.FindAction(EntityUid("Action", std::string("a\"b\n\xc3\xa9\0", 7))), nullptr);
  EXPECT_NE(s.FindAction(EntityUid("Action", "\xf0\x9f\x98\x80")), nullptr);
}

TEST(SchemaParserTest, AnnotationsAreKept) {
  Schema s = MustParse(R"(
    @doc("the namespace")
    namespace N {
      @doc("users") @internal
      entity User { @doc("name") name: String };
      @doc("view")
      action view;
      @doc("common")
      type T = Long;
    }
  )");
  EXPECT_EQ(s.namespace_annotations().at("N").at("doc"), "the namespace");
  const EntityTypeDecl* u = s.FindEntityType("N::User");
  EXPECT_EQ(u->annotations.at("doc"), "users");
  EXPECT_EQ(u->annotations.at("internal"), "");
  EXPECT_EQ(u->attributes->FindAttribute("name")->annotations.at("doc"), "name");
  EXPECT_EQ(s.FindAction(EntityUid("N::Action", "view"))->annotations.at("doc"), "view");
}

TEST(SchemaParserTest, QualifiedNamesAreAbsolute) {
  Schema s = MustParse(R"(
    namespace N { entity B in [N::M::A] { x: N::M::T }; action a in [N::M::Action::"b"]; }
    namespace N::M { entity A; type T = Long; action b; }
    action c attributes {};
  )");
  EXPECT_EQ(s.FindEntityType("N::B")->member_of_types, (std::vector<std::string>{"N::M::A"}));
  EXPECT_EQ(s.FindAction(EntityUid("N::Action", "a"))->member_of,
            (std::vector<EntityUid>{EntityUid("N::M::Action", "b")}));
}

TEST(SchemaParserTest, EmptySchema) {
  Schema s = MustParse("  // nothing\n");
  EXPECT_TRUE(s.entity_types().empty());
  EXPECT_TRUE(s.actions().empty());
}

struct ErrorCase {
  const char* text;
  uint32_t line, column;
  const char* fragment;
};

TEST(SchemaParserTest, ErrorsCarryLineAndColumn) {
  const ErrorCase cases[] = {
      {"entity A {\n  x: Lng };", 2, 6, "undeclared type `Lng`"},
      {"entity A in [B];", 1, 14, "undeclared entity type `B`"},
      {"entity A;\nentity A;", 2, 8, "declared twice"},
      {"action a;\naction \"a\";", 2, 8, "declared twice"},
      {"type T = Long;\ntype T = String;", 2, 6, "declared twice"},
      {"action b in [c];", 1, 14, "undeclared action `c`"},
      {"entity A {\n  in: Long };", 2, 3, "`in` is a reserved identifier"},
      {"entity if;", 1, 8, "reserved identifier"},
      {"type Long = String;", 1, 6, "reserved"},
      {"entity A { x: Boolean };", 1, 15, "undeclared type `Boolean`"},
      {"entity A { x: Long", 1, 19, "end of input"},
      {"entity A { x: Long }", 1, 21, "expected `;`"},
      {"entity A;\n  entity B { , };", 2, 14, "expected an attribute name"},
      {"entity E in [A] enum [\"a\"];", 1, 17, "expected `;`"},
      {"entity E enum [];", 1, 16, "string literal"},
      {"entity E enum [\"a\"] tags Long;", 1, 21, "expected `;`"},
      {"entity A;\naction a appliesTo { resource: [A] };", 2, 8, "`principal`"},
      {"entity A;\naction a appliesTo { principal: [], resource: A };", 2, 22, "`principal`"},
      {"entity A;\naction a appliesTo { principal: A, principal: A };", 2, 36, "duplicate"},
      {"entity A;\naction a appliesTo { };", 2, 22, "`principal`"},
      {"entity A;\naction a appliesTo { principal: A, resource: A, context: Long };", 2, 58,
       "not a record"},
      {"type X = Y;\ntype Y = X;", 1, 6, "cycle"},
      {"action a in b;\naction b in a;", 1, 8, "cycle"},
      {"namespace N { entity A; }\nnamespace N { entity B; }", 2, 11, "duplicate namespace"},
      {"namespace __cedar { entity A; }", 1, 11, "reserved"},
      {"entity A;\nnamespace N { entity A; }", 2, 22, "shadows"},
      {"type A = Long;\nnamespace N { entity A; }", 2, 22, "shadows"},
      {"action a;\nnamespace N { action a; }", 2, 22, "shadows"},
      {"entity Action;", 1, 8, "`Action`"},
      {"@doc(\"a\") @doc(\"b\") entity A;", 1, 12, "duplicate annotation"},
      {"entity A { x: \"a\\q\" };", 1, 17, "escape"},
      {"entity A { x: Long } $", 1, 22, "unexpected character"},
      {"action \"abc;", 1, 8, "unterminated"},
      {"namespace N { namespace M {} }", 1, 15, "expected `action`"},
      {"action a, b in [a] attributes { x: \"s\" };", 1, 33, "not supported"},
      {"type __cedar = Long;", 1, 6, "reserved"},
      {"entity __cedar;", 1, 8, "reserved"},
      {"namespace N { entity B in [M::A]; }\nnamespace N::M { entity A; }", 1, 28,
       "undeclared entity type `M::A`"},
      {"namespace N { entity B { x: M::T }; }\nnamespace N::M { type T = Long; }", 1, 29,
       "undeclared type `M::T`"},
      {"namespace N { action a in [M::Action::\"b\"]; }\nnamespace N::M { action b; }", 1, 28,
       "undeclared action"},
      {"entity B;\nentity A in [B,];", 2, 16, "expected an identifier"},
      {"action b;\naction a in [b,];", 2, 16, "expected an identifier"},
      {"action a in [];", 1, 14, "expected an identifier"},
      {"entity E enum [\"a\",];", 1, 20, "string literal"},
      {"entity A;\naction a appliesTo { principal: [A,], resource: A };", 2, 36,
       "expected an identifier"},
  };
  for (const ErrorCase& c : cases) {
    Status st = ParseError(c.text);
    EXPECT_EQ(st.loc().line, c.line) << c.text << " -> " << st.ToString();
    EXPECT_EQ(st.loc().column, c.column) << c.text << " -> " << st.ToString();
    EXPECT_NE(st.message().find(c.fragment), std::string::npos)
        << c.text << " -> " << st.ToString();
  }
}

TEST(SchemaParserTest, DeepNestingIsAnErrorNotACrash) {
  std::string deep = "entity A { x: " + std::string(100000, '{') + "}; ";
  EXPECT_FALSE(ParseSchemaText(deep).ok());
  std::string sets = "entity A { x: ";
  for (int i = 0; i < 100000; ++i) sets += "Set<";
  EXPECT_FALSE(ParseSchemaText(sets).ok());
  std::string chain;
  for (int i = 0; i < 5000; ++i) {
    chain += "type T" + std::to_string(i) + " = T" + std::to_string(i + 1) + ";\n";
  }
  chain += "type T5000 = Long;";
  EXPECT_FALSE(ParseSchemaText(chain).ok());
  // Moderate depth is fine.
  std::string nested = "entity A { x: ";
  for (int i = 0; i < 100; ++i) nested += "Set<";
  nested += "Long" + std::string(100, '>') + " };";
  EXPECT_TRUE(ParseSchemaText(nested).ok());
}

}  // namespace
}  // namespace metagate::cedar
