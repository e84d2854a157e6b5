// Tests of the JSON schema format (parsing, errors with positions, printing) and of the
// `.cedarschema` printer.
#include "metagate/cedar/schema_json.h"

#include <gtest/gtest.h>

#include <string>

#include "metagate/cedar/schema.h"
#include "schema/schema_test_util.h"

namespace metagate::cedar {
namespace {

Schema MustParseJson(const std::string& text) {
  auto r = ParseSchemaJson(text);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Schema();
}

Schema MustParseText(const std::string& text) {
  auto r = ParseSchemaText(text);
  EXPECT_TRUE(r.ok()) << r.status().ToString();
  return r.ok() ? *r : Schema();
}

std::string JsonError(const std::string& text) {
  auto r = ParseSchemaJson(text);
  return r.ok() ? "ok" : r.status().ToString();
}

TEST(SchemaJsonTest, ParsesAllForms) {
  Schema s = MustParseJson(R"({
    "": {"entityTypes": {"G": {}}, "actions": {}},
    "N": {
      "commonTypes": {"T": {"type": "Record", "attributes": {
        "a": {"type": "Long"},
        "b": {"type": "Set", "element": {"type": "Extension", "name": "ipaddr"},
              "required": false, "annotations": {"doc": "b"}},
        "c": {"type": "EntityOrCommon", "name": "E"},
        "d": {"type": "Entity", "name": "G"},
        "e": {"type": "Boolean"},
        "f": {"type": "String"},
        "g": {"type": "Bool"}}}},
      "entityTypes": {
        "E": {"memberOfTypes": ["F", "G"], "shape": {"type": "T"},
              "tags": {"type": "String"}, "annotations": {"a": null, "b": "x"}},
        "F": {"enum": ["a", "b"]}
      },
      "actions": {
        "view": {"appliesTo": {"principalTypes": ["E"], "resourceTypes": ["F"],
                               "context": {"type": "Record", "attributes": {}}},
                 "memberOf": [{"id": "all"}, {"id": "all", "type": "N::Action"}]},
        "all": {},
        "none": {"appliesTo": {"principalTypes": [], "resourceTypes": ["E"]}}
      },
      "annotations": {"doc": "ns"}
    }
  })");
  const EntityTypeDecl* e = s.FindEntityType("N::E");
  ASSERT_NE(e, nullptr);
  EXPECT_EQ(e->member_of_types, (std::vector<std::string>{"N::F", "G"}));
  EXPECT_EQ(e->attributes->ToString(),
            "{a: Long, b?: Set<ipaddr>, c: N::E, d: G, e: Bool, f: String, g: Bool}");
  EXPECT_EQ(e->attributes->FindAttribute("b")->annotations.at("doc"), "b");
  EXPECT_EQ(e->tags->ToString(), "String");
  EXPECT_EQ(e->annotations.at("a"), "");
  const EntityTypeDecl* f = s.FindEntityType("N::F");
  ASSERT_NE(f, nullptr);
  EXPECT_EQ(*f->enum_ids, (std::vector<std::string>{"a", "b"}));
  const ActionDecl* view = s.FindAction(EntityUid("N::Action", "view"));
  ASSERT_NE(view, nullptr);
  EXPECT_TRUE(view->has_applies_to);
  EXPECT_EQ(view->principal_types, (std::vector<std::string>{"N::E"}));
  EXPECT_EQ(view->member_of.size(), 2u);
  const ActionDecl* none = s.FindAction(EntityUid("N::Action", "none"));
  ASSERT_NE(none, nullptr);
  EXPECT_FALSE(none->has_applies_to);
  EXPECT_EQ(s.namespace_annotations().at("N").at("doc"), "ns");
}

TEST(SchemaJsonTest, JsonKeywordTypesAreBuiltinsEvenWhenShadowed) {
  // An entity type named `Long`: {"type": "Long"} is still the primitive, EntityOrCommon is not.
  Schema s = MustParseJson(R"({"": {"entityTypes": {"Long": {}, "U": {"shape": {
      "type": "Record", "attributes": {
        "a": {"type": "Long"}, "b": {"type": "EntityOrCommon", "name": "Long"},
        "c": {"type": "__cedar::Long"}}}}}, "actions": {}}})");
  EXPECT_EQ(s.FindEntityType("U")->attributes->ToString(), "{a: Long, b: Long, c: Long}");
  EXPECT_EQ(s.FindEntityType("U")->attributes->FindAttribute("b")->type->kind,
            SchemaTypeKind::kEntity);
  EXPECT_EQ(s.FindEntityType("U")->attributes->FindAttribute("a")->type->kind,
            SchemaTypeKind::kLong);
  // Printed as text, the primitive keeps its meaning.
  Schema again = MustParseText(SchemaToText(s));
  EXPECT_EQ(testing::SchemaDiff(s, again), "");
}

TEST(SchemaJsonTest, ErrorsCarryPositions) {
  EXPECT_EQ(JsonError("{\"\": {\"entityTypes\": {}}}"),
            "1:6: schema JSON: a namespace needs `actions`");
  EXPECT_EQ(JsonError("{\"\": {\"entityTypes\": {}, \"actions\": {},\n \"foo\": 1}}"),
            "2:9: schema JSON: unknown field `foo` in a namespace");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {"in": {}}, "actions": {}}})"),
            "1:29: schema JSON: invalid entity type name `in`");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {"A": {"memberOfTypes": ["B"]}}, "actions": {}}})"),
            "1:47: schema: undeclared entity type `B`");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {"A": {}}, "actions": {}, "annotations": {}}})"),
            "1:63: schema JSON: the empty namespace cannot have annotations");
  EXPECT_EQ(
      JsonError(R"({"": {"entityTypes": {"A": {"shape": {"type": "Long"}}}, "actions": {}}})"),
      "1:38: schema: the shape of an entity type is not a record");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {"A": {"enum": ["a"], "tags": {"type": "Long"}}},
                         "actions": {}}})"),
            "1:52: schema JSON: `tags` is not allowed beside `enum`");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {"A": {"enum": []}}, "actions": {}}})"),
            "1:37: schema JSON: `enum` must not be empty");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {"A": {"shape": {"type": "Set"}}}, "actions": {}}})"),
            "1:38: schema JSON: a `Set` type needs `element`");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {}, "actions": {"a": {"attributes": {}}}}})"),
            "1:58: schema JSON: action attributes are not supported");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {"A": {}, "A": {}}, "actions": {}}})"),
            "1:37: schema JSON: duplicate entity type `A`");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {"A": {"shape": {"type": "Record", "attributes": {
             "a": {"type": "Long", "required": 1}}}}}, "actions": {}}})"),
            "2:48: schema JSON: `required` must be a boolean, not integer");
  EXPECT_EQ(JsonError(R"({"": {"commonTypes": {"Long": {"type": "String"}}, "entityTypes": {},
                         "actions": {}}})"),
            "1:31: schema JSON: `Long` is reserved and cannot name a common type");
  EXPECT_EQ(JsonError(R"({"": {"commonTypes": {"T": {"type": "Extension", "name": "foo"}},
                         "entityTypes": {}, "actions": {}}})"),
            "1:58: schema: unknown extension type `foo`");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {"A": {"shape": {"type": "Record", "attributes": {
             "a": {"type": "T"}}}}}, "actions": {}}})"),
            "2:28: schema: undeclared common type `T`");
  EXPECT_EQ(JsonError("[]"), "1:1: schema JSON: a schema must be an object, not array");
  EXPECT_EQ(JsonError("{").substr(0, 4), "1:2:");
}

TEST(SchemaJsonTest, EntityReferencesAreEntitiesOnly) {
  EXPECT_EQ(JsonError(R"({"": {"commonTypes": {"T": {"type": "Long"}}, "entityTypes": {"A": {
      "shape": {"type": "Record", "attributes": {"a": {"type": "Entity", "name": "T"}}}}},
      "actions": {}}})"),
            "2:82: schema: undeclared entity type `T`");
  // A common type reference does not find entity types.
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {"A": {"shape": {"type": "Record", "attributes": {
      "a": {"type": "A"}}}}}, "actions": {}}})"),
            "2:21: schema: undeclared common type `A`");
}

TEST(SchemaJsonTest, PrintsJsonLikeCedar) {
  Schema s = MustParseText(R"(
    @doc("x") namespace N {
      type T = {a: Long, "b c"?: Set<ipaddr>};
      @a entity E in [F] = {x: T} tags String;
      entity F enum ["a"];
      action v in [Action::"x"] appliesTo { principal: E, resource: [E, F], context: T };
      action x;
    })");
  EXPECT_EQ(SchemaToJson(s), R"({
  "N": {
    "commonTypes": {
      "T": {
        "type": "Record",
        "attributes": {
          "a": {
            "type": "EntityOrCommon",
            "name": "Long"
          },
          "b c": {
            "type": "Set",
            "element": {
              "type": "EntityOrCommon",
              "name": "ipaddr"
            },
            "required": false
          }
        }
      }
    },
    "entityTypes": {
      "E": {
        "memberOfTypes": [
          "F"
        ],
        "shape": {
          "type": "Record",
          "attributes": {
            "x": {
              "type": "EntityOrCommon",
              "name": "T"
            }
          }
        },
        "tags": {
          "type": "EntityOrCommon",
          "name": "String"
        },
        "annotations": {
          "a": ""
        }
      },
      "F": {
        "enum": [
          "a"
        ]
      }
    },
    "actions": {
      "v": {
        "appliesTo": {
          "resourceTypes": [
            "E",
            "F"
          ],
          "principalTypes": [
            "E"
          ],
          "context": {
            "type": "T"
          }
        },
        "memberOf": [
          {
            "id": "x",
            "type": "Action"
          }
        ]
      },
      "x": {
        "appliesTo": {
          "resourceTypes": [],
          "principalTypes": []
        }
      }
    },
    "annotations": {
      "doc": "x"
    }
  }
}
)");
}

TEST(SchemaJsonTest, PrintsText) {
  Schema s = MustParseText(R"(
    entity G;
    action "z" appliesTo {principal: G, resource: G};
    @doc("x") namespace N {
      type T = {a: Long, "b c"?: Set<ipaddr>, "in": {@doc("q") d: Bool}};
      @a entity E, E2 in [F] = {x: T} tags String;
      entity F enum ["a", "b\"c"];
      action "v", w in [Action::"x", "y"] appliesTo { principal: E, resource: [E, F], context: T };
      action x, y;
    })");
  EXPECT_EQ(SchemaToText(s), R"(entity G;

action "z" appliesTo {
  principal: [G],
  resource: [G],
  context: {}
};

@doc("x")
namespace N {
  type T = {
    a: Long,
    "b c"?: Set<ipaddr>,
    "in": {
      @doc("q")
      d: Bool
    }
  };

  @a("")
  entity E in [F] = {
    x: T
  } tags String;

  @a("")
  entity E2 in [F] = {
    x: T
  } tags String;

  entity F enum ["a", "b\"c"];

  action "v" in [Action::"x", "y"] appliesTo {
    principal: [E],
    resource: [E, F],
    context: T
  };

  action "w" in [Action::"x", "y"] appliesTo {
    principal: [E],
    resource: [E, F],
    context: T
  };

  action "x";

  action "y";
}
)");
  EXPECT_EQ(testing::SchemaDiff(s, MustParseText(SchemaToText(s))), "");
}

TEST(SchemaJsonTest, JsonToTextInlinesShapesGivenByName) {
  Schema s = MustParseJson(R"({"N": {"commonTypes": {"T": {"type": "Record", "attributes": {
      "a": {"type": "Long"}}}}, "entityTypes": {"A": {"shape": {"type": "T"}}},
      "actions": {}}})");
  EXPECT_EQ(SchemaToText(s), R"(namespace N {
  type T = {
    a: __cedar::Long
  };

  entity A = {
    a: __cedar::Long
  };
}
)");
  EXPECT_EQ(testing::SchemaDiff(s, MustParseText(SchemaToText(s))), "");
}

TEST(SchemaJsonTest, RoundTrips) {
  const char* texts[] = {
      "entity A; action a;",
      "namespace N { entity A in [B]; entity B = {a?: Set<Set<A>>, b: __cedar::String}; }",
      "type T = Long; entity T; entity U = {t: T};",
      "namespace A::B { entity C tags Set<String>; action \"a\\n\" appliesTo "
      "{principal: C, resource: C, context: {x: decimal}}; }",
      "namespace N {} namespace M { @doc entity X enum [\"\"]; }",
  };
  for (const char* text : texts) {
    Schema s = MustParseText(text);
    Schema via_json = MustParseJson(SchemaToJson(s));
    EXPECT_EQ(testing::SchemaDiff(s, via_json), "") << text;
    EXPECT_EQ(testing::SchemaDiff(s, MustParseText(SchemaToText(s))), "") << text;
    EXPECT_EQ(testing::SchemaDiff(s, MustParseText(SchemaToText(via_json))), "") << text;
    EXPECT_EQ(SchemaToJson(via_json), SchemaToJson(s)) << text;
  }
}

TEST(SchemaJsonTest, TextWithInvalidUtf8IsRejected) {
  // Else the name could not be printed as JSON.
  auto r = ParseSchemaText("entity A;\naction \"a\xf7\";");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().ToString(), "2:10: schema: text is not valid UTF-8");
}

TEST(SchemaJsonTest, EmptyAppliesToListsAreStillChecked) {
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {}, "actions": {"a": {"appliesTo": {
      "principalTypes": ["B"], "resourceTypes": []}}}}})"),
            "2:26: schema: undeclared entity type `B`");
  EXPECT_EQ(JsonError(R"({"": {"entityTypes": {}, "actions": {"a": {"appliesTo": {
      "principalTypes": [], "resourceTypes": [], "context": {"type": "Long"}}}}}})"),
            "2:61: schema: the context of action `a` is not a record");
  Schema s = MustParseJson(R"({"": {"entityTypes": {"A": {}}, "actions": {"a": {"appliesTo": {
      "principalTypes": ["A"], "resourceTypes": [], "context": {"type": "Record",
      "attributes": {"x": {"type": "Long"}}}}}}}})");
  const ActionDecl* a = s.FindAction(EntityUid("Action", "a"));
  EXPECT_FALSE(a->has_applies_to);
  EXPECT_TRUE(a->principal_types.empty());
  EXPECT_TRUE(a->context->attributes.empty());
  EXPECT_EQ(SchemaToText(s), "entity A;\n\naction \"a\";\n");
  EXPECT_EQ(testing::SchemaDiff(s, MustParseJson(SchemaToJson(s))), "");
}

TEST(SchemaJsonTest, ActionParentTypeMayBeNull) {
  Schema s = MustParseJson(R"({"": {"entityTypes": {}, "actions": {
      "a": {"memberOf": [{"id": "b", "type": null}]}, "b": {}}}})");
  EXPECT_EQ(s.FindAction(EntityUid("Action", "a"))->member_of[0], EntityUid("Action", "b"));
}

TEST(SchemaJsonTest, PrintsSchemasBuiltWithoutParser) {
  Schema s;
  EntityTypeDecl user;
  user.name = "Ns::User";
  user.attributes = SchemaType::Record({SchemaAttribute{"age", SchemaType::Long(), false, {}, {}}});
  s.AddEntityType(user);
  ActionDecl view;
  view.uid = EntityUid("Ns::Action", "view");
  view.principal_types = {"Ns::User"};
  view.resource_types = {"Ns::User"};
  view.context = SchemaType::Record({});
  view.has_applies_to = true;
  s.AddAction(view);
  s.SetNamespaceAnnotations("Ns", {});
  EXPECT_EQ(testing::SchemaDiff(s, MustParseJson(SchemaToJson(s))), "");
  EXPECT_EQ(testing::SchemaDiff(s, MustParseText(SchemaToText(s))), "");
}

}  // namespace
}  // namespace metagate::cedar
