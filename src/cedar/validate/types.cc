#include "validate/types.h"

#include <utility>

namespace metagate::cedar::validate {

namespace {
TypePtr Make(TypeKind kind) {
  auto t = std::make_shared<Type>();
  t->kind = kind;
  return t;
}
}  // namespace

std::string Type::ToString() const {
  switch (kind) {
    case TypeKind::kNever:
      return "Never";
    case TypeKind::kTrue:
      return "True";
    case TypeKind::kFalse:
      return "False";
    case TypeKind::kBool:
      return "Bool";
    case TypeKind::kLong:
      return "Long";
    case TypeKind::kString:
      return "String";
    case TypeKind::kEntity:
    case TypeKind::kExtension:
      return name;
    case TypeKind::kSet:
      return "Set<" + element->ToString() + ">";
    case TypeKind::kRecord: {
      std::string out = "{";
      for (const auto& [n, a] : attrs) {
        if (out.size() > 1) out += ", ";
        out += n + (a.required ? ": " : "?: ") + a.type->ToString();
      }
      return out + "}";
    }
  }
  return "?";
}

TypePtr Type::Never() {
  static const TypePtr t = Make(TypeKind::kNever);
  return t;
}
TypePtr Type::True() {
  static const TypePtr t = Make(TypeKind::kTrue);
  return t;
}
TypePtr Type::False() {
  static const TypePtr t = Make(TypeKind::kFalse);
  return t;
}
TypePtr Type::Bool() {
  static const TypePtr t = Make(TypeKind::kBool);
  return t;
}
TypePtr Type::Long() {
  static const TypePtr t = Make(TypeKind::kLong);
  return t;
}
TypePtr Type::String() {
  static const TypePtr t = Make(TypeKind::kString);
  return t;
}
TypePtr Type::Entity(std::string name) {
  auto t = std::make_shared<Type>();
  t->kind = TypeKind::kEntity;
  t->name = std::move(name);
  return t;
}
TypePtr Type::Extension(std::string name) {
  auto t = std::make_shared<Type>();
  t->kind = TypeKind::kExtension;
  t->name = std::move(name);
  return t;
}
TypePtr Type::Set(TypePtr element) {
  auto t = std::make_shared<Type>();
  t->kind = TypeKind::kSet;
  t->element = std::move(element);
  return t;
}
TypePtr Type::Record(std::map<std::string, AttrType> attrs) {
  auto t = std::make_shared<Type>();
  t->kind = TypeKind::kRecord;
  t->attrs = std::move(attrs);
  return t;
}

TypePtr FromSchema(const SchemaType& type) {
  switch (type.kind) {
    case SchemaTypeKind::kBool:
      return Type::Bool();
    case SchemaTypeKind::kLong:
      return Type::Long();
    case SchemaTypeKind::kString:
      return Type::String();
    case SchemaTypeKind::kEntity:
      return Type::Entity(type.name);
    case SchemaTypeKind::kExtension:
      return Type::Extension(type.name);
    case SchemaTypeKind::kSet:
      return Type::Set(FromSchema(*type.element));
    case SchemaTypeKind::kRecord: {
      std::map<std::string, AttrType> attrs;
      for (const SchemaAttribute& a : type.attributes) {
        attrs[a.name] = AttrType{FromSchema(*a.type), a.required};
      }
      return Type::Record(std::move(attrs));
    }
  }
  return Type::Never();
}

std::optional<TypePtr> StrictLub(const TypePtr& a, const TypePtr& b) {
  if (a->kind == TypeKind::kNever) return b;
  if (b->kind == TypeKind::kNever) return a;
  if (a->IsBoolish() && b->IsBoolish()) return a->kind == b->kind ? a : Type::Bool();
  if (a->kind != b->kind) return std::nullopt;
  switch (a->kind) {
    case TypeKind::kLong:
    case TypeKind::kString:
      return a;
    case TypeKind::kEntity:
    case TypeKind::kExtension:
      if (a->name != b->name) return std::nullopt;
      return a;
    case TypeKind::kSet: {
      auto e = StrictLub(a->element, b->element);
      if (!e) return std::nullopt;
      return Type::Set(*e);
    }
    case TypeKind::kRecord: {
      if (a->attrs.size() != b->attrs.size()) return std::nullopt;
      std::map<std::string, AttrType> attrs;
      for (const auto& [n, at] : a->attrs) {
        auto it = b->attrs.find(n);
        if (it == b->attrs.end() || it->second.required != at.required) return std::nullopt;
        auto t = StrictLub(at.type, it->second.type);
        if (!t) return std::nullopt;
        attrs[n] = AttrType{*t, at.required};
      }
      return Type::Record(std::move(attrs));
    }
    default:
      return std::nullopt;
  }
}

}  // namespace metagate::cedar::validate
