// Test helper: compares two resolved schemas (ignoring source positions and sources).
#pragma once

#include <string>

#include "metagate/cedar/schema.h"

namespace metagate::cedar::testing {

inline std::string AnnotationsDiff(const SchemaAnnotations& a, const SchemaAnnotations& b,
                                   const std::string& where) {
  return a == b ? "" : "annotations differ at " + where;
}

inline std::string TypeDiff(const SchemaType* a, const SchemaType* b, const std::string& where) {
  if ((a == nullptr) != (b == nullptr)) return "type presence differs at " + where;
  if (a == nullptr) return "";
  if (a->kind != b->kind || a->name != b->name) {
    return "type differs at " + where + ": " + a->ToString() + " vs " + b->ToString();
  }
  if (a->kind == SchemaTypeKind::kSet) {
    return TypeDiff(a->element.get(), b->element.get(), where + "<>");
  }
  if (a->attributes.size() != b->attributes.size()) return "attribute count differs at " + where;
  for (size_t i = 0; i < a->attributes.size(); ++i) {
    const SchemaAttribute& x = a->attributes[i];
    const SchemaAttribute& y = b->attributes[i];
    std::string at = where + "." + x.name;
    if (x.name != y.name || x.required != y.required) return "attribute differs at " + at;
    std::string d = AnnotationsDiff(x.annotations, y.annotations, at);
    if (d.empty()) d = TypeDiff(x.type.get(), y.type.get(), at);
    if (!d.empty()) return d;
  }
  return "";
}

// Returns "" when the schemas declare the same things, else the first difference.
inline std::string SchemaDiff(const Schema& a, const Schema& b) {
  if (a.namespace_annotations() != b.namespace_annotations()) return "namespaces differ";
  if (a.entity_types().size() != b.entity_types().size()) return "entity type count differs";
  for (const auto& [name, x] : a.entity_types()) {
    const EntityTypeDecl* y = b.FindEntityType(name);
    if (y == nullptr) return "missing entity type " + name;
    if (x.member_of_types != y->member_of_types) return "parents differ for " + name;
    if (x.enum_ids != y->enum_ids) return "enum differs for " + name;
    std::string d = AnnotationsDiff(x.annotations, y->annotations, name);
    if (d.empty()) d = TypeDiff(x.attributes.get(), y->attributes.get(), name);
    if (d.empty()) d = TypeDiff(x.tags.get(), y->tags.get(), name + " tags");
    if (!d.empty()) return d;
  }
  if (a.actions().size() != b.actions().size()) return "action count differs";
  for (const ActionDecl& x : a.actions()) {
    const ActionDecl* y = b.FindAction(x.uid);
    std::string name = x.uid.ToString();
    if (y == nullptr) return "missing action " + name;
    if (x.member_of != y->member_of) return "action parents differ for " + name;
    if (x.has_applies_to != y->has_applies_to || x.principal_types != y->principal_types ||
        x.resource_types != y->resource_types) {
      return "appliesTo differs for " + name;
    }
    std::string d = AnnotationsDiff(x.annotations, y->annotations, name);
    if (d.empty()) d = TypeDiff(x.context.get(), y->context.get(), name + " context");
    if (!d.empty()) return d;
  }
  return "";
}

}  // namespace metagate::cedar::testing
