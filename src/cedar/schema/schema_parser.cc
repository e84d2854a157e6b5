// Recursive-descent parser for the `.cedarschema` syntax, producing the unresolved RawSchema.
#include <string>
#include <utility>

#include "schema/schema_ast.h"
#include "schema/schema_lexer.h"

namespace metagate::cedar::schema_internal {

std::string RawPath::Joined() const {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += "::";
    out += p;
  }
  return out;
}

namespace {

bool IsReservedIdent(const std::string& s) {
  return s == "true" || s == "false" || s == "if" || s == "then" || s == "else" || s == "in" ||
         s == "is" || s == "like" || s == "has";
}

bool IsReservedTypeName(const std::string& s) {
  return s == "Bool" || s == "Boolean" || s == "Entity" || s == "Extension" || s == "Long" ||
         s == "Record" || s == "Set" || s == "String";
}

class Parser {
 public:
  explicit Parser(std::vector<Token> toks) : toks_(std::move(toks)) {}

  Result<RawSchema> Run() {
    RawSchema schema;
    schema.namespaces.emplace_back();
    while (!AtEnd()) {
      ASSIGN_OR_RETURN(SchemaAnnotations annotations, ParseAnnotations());
      if (IsIdent("namespace")) {
        RawNamespace ns;
        ns.annotations = std::move(annotations);
        RETURN_IF_ERROR(ParseNamespace(ns));
        schema.namespaces.push_back(std::move(ns));
      } else {
        RETURN_IF_ERROR(ParseDecl(schema.namespaces[0], std::move(annotations)));
      }
    }
    return schema;
  }

 private:
  const Token& Peek(size_t ahead = 0) const {
    size_t i = pos_ + ahead;
    return i < toks_.size() ? toks_[i] : toks_.back();
  }
  bool AtEnd() const { return Peek().kind == TokKind::kEnd; }
  bool IsPunct(const char* p, size_t ahead = 0) const {
    return Peek(ahead).kind == TokKind::kPunct && Peek(ahead).text == p;
  }
  bool IsIdent(const char* s) const { return Peek().kind == TokKind::kIdent && Peek().text == s; }
  const Token& Next() {
    const Token& t = Peek();
    if (pos_ < toks_.size() - 1) ++pos_;
    return t;
  }

  Status Unexpected(const std::string& expected) const {
    const Token& t = Peek();
    std::string found = t.kind == TokKind::kEnd      ? "end of input"
                        : t.kind == TokKind::kString ? "string literal"
                                                     : "`" + t.text + "`";
    return Status::Invalid("schema: unexpected " + found + ", expected " + expected, t.loc);
  }

  Status Expect(const char* p) {
    if (!IsPunct(p)) return Unexpected(std::string("`") + p + "`");
    Next();
    return Status::Ok();
  }

  Status ExpectKeyword(const char* kw) {
    if (!IsIdent(kw)) return Unexpected(std::string("`") + kw + "`");
    Next();
    return Status::Ok();
  }

  Result<std::string> ParseIdent(bool check_reserved = true) {
    if (Peek().kind != TokKind::kIdent) return Unexpected("an identifier");
    const Token& t = Next();
    if (check_reserved && IsReservedIdent(t.text)) {
      return Status::Invalid("schema: `" + t.text + "` is a reserved identifier", t.loc);
    }
    return t.text;
  }

  Result<RawPath> ParsePath() {
    RawPath path;
    path.loc = Peek().loc;
    ASSIGN_OR_RETURN(std::string first, ParseIdent());
    path.parts.push_back(std::move(first));
    while (IsPunct("::") && Peek(1).kind == TokKind::kIdent) {
      Next();
      ASSIGN_OR_RETURN(std::string part, ParseIdent());
      path.parts.push_back(std::move(part));
    }
    return path;
  }

  Result<SchemaAnnotations> ParseAnnotations() {
    SchemaAnnotations out;
    while (IsPunct("@")) {
      Next();
      SourceLoc loc = Peek().loc;
      ASSIGN_OR_RETURN(std::string key, ParseIdent(/*check_reserved=*/false));
      std::string value;
      if (IsPunct("(")) {
        Next();
        if (Peek().kind != TokKind::kString) return Unexpected("a string literal");
        value = Next().text;
        RETURN_IF_ERROR(Expect(")"));
      }
      if (out.count(key) != 0) {
        return Status::Invalid("schema: duplicate annotation `@" + key + "`", loc);
      }
      out.emplace(std::move(key), std::move(value));
    }
    return out;
  }

  Status ParseNamespace(RawNamespace& ns) {
    ns.loc = Peek().loc;
    Next();  // `namespace`
    ASSIGN_OR_RETURN(RawPath path, ParsePath());
    ns.name = path.Joined();
    ns.loc = path.loc;
    RETURN_IF_ERROR(Expect("{"));
    while (!IsPunct("}")) {
      if (AtEnd()) return Unexpected("`}`");
      ASSIGN_OR_RETURN(SchemaAnnotations annotations, ParseAnnotations());
      RETURN_IF_ERROR(ParseDecl(ns, std::move(annotations)));
    }
    Next();
    return Status::Ok();
  }

  Status ParseDecl(RawNamespace& ns, SchemaAnnotations annotations) {
    if (IsIdent("entity")) return ParseEntity(ns, std::move(annotations));
    if (IsIdent("action")) return ParseAction(ns, std::move(annotations));
    if (IsIdent("type")) return ParseCommonType(ns, std::move(annotations));
    return Unexpected("`action`, `entity`, `namespace` or `type`");
  }

  // A declared name: an identifier, or (for actions) a string literal.
  Result<RawName> ParseName(bool allow_string) {
    RawName name;
    name.loc = Peek().loc;
    if (allow_string && Peek().kind == TokKind::kString) {
      name.name = Next().text;
      return name;
    }
    ASSIGN_OR_RETURN(name.name, ParseIdent());
    return name;
  }

  Result<std::vector<RawName>> ParseNames(bool allow_string) {
    std::vector<RawName> names;
    do {
      if (!names.empty()) Next();  // `,`
      ASSIGN_OR_RETURN(RawName name, ParseName(allow_string));
      names.push_back(std::move(name));
    } while (IsPunct(","));
    return names;
  }

  // `Path` or `[Path, ...]`.
  Result<std::vector<RawPath>> ParseTypeList() {
    std::vector<RawPath> out;
    if (!IsPunct("[")) {
      ASSIGN_OR_RETURN(RawPath p, ParsePath());
      out.push_back(std::move(p));
      return out;
    }
    Next();
    // `[]` is allowed (and rejected later where it matters); a trailing comma is not.
    if (!IsPunct("]")) {
      do {
        if (!out.empty()) Next();  // `,`
        ASSIGN_OR_RETURN(RawPath p, ParsePath());
        out.push_back(std::move(p));
      } while (IsPunct(","));
    }
    RETURN_IF_ERROR(Expect("]"));
    return out;
  }

  Status ParseEntity(RawNamespace& ns, SchemaAnnotations annotations) {
    RawEntity e;
    e.loc = Next().loc;  // `entity`
    e.annotations = std::move(annotations);
    ASSIGN_OR_RETURN(e.names, ParseNames(/*allow_string=*/false));
    if (IsIdent("enum")) {
      Next();
      RETURN_IF_ERROR(Expect("["));
      std::vector<std::string> ids;
      do {
        if (!ids.empty()) Next();  // `,`
        if (Peek().kind != TokKind::kString) return Unexpected("a string literal");
        ids.push_back(Next().text);
      } while (IsPunct(","));
      RETURN_IF_ERROR(Expect("]"));
      e.enum_ids = std::move(ids);
    } else {
      if (IsIdent("in")) {
        Next();
        ASSIGN_OR_RETURN(e.parents, ParseTypeList());
      }
      if (IsPunct("=")) {
        Next();
        if (!IsPunct("{")) return Unexpected("`{`");
      }
      if (IsPunct("{")) {
        ASSIGN_OR_RETURN(e.shape, ParseRecordType());
      }
      if (IsIdent("tags")) {
        Next();
        ASSIGN_OR_RETURN(e.tags, ParseType());
      }
    }
    RETURN_IF_ERROR(Expect(";"));
    ns.entities.push_back(std::move(e));
    return Status::Ok();
  }

  Result<RawActionRef> ParseActionRef() {
    RawActionRef ref;
    ref.loc = Peek().loc;
    if (Peek().kind == TokKind::kString) {
      ref.id = Next().text;
      return ref;
    }
    RawPath path;
    path.loc = Peek().loc;
    ASSIGN_OR_RETURN(std::string first, ParseIdent());
    path.parts.push_back(std::move(first));
    while (IsPunct("::")) {
      Next();
      if (Peek().kind == TokKind::kString) {
        ref.id = Next().text;
        ref.type = std::move(path);
        return ref;
      }
      ASSIGN_OR_RETURN(std::string part, ParseIdent());
      path.parts.push_back(std::move(part));
    }
    if (path.parts.size() != 1) return Unexpected("`::` and a string literal");
    ref.id = path.parts[0];
    return ref;
  }

  Status ParseAppliesTo(RawAction& a) {
    RETURN_IF_ERROR(Expect("{"));
    bool first = true;
    while (!IsPunct("}")) {
      if (!first) {
        RETURN_IF_ERROR(Expect(","));
        if (IsPunct("}")) break;
      }
      first = false;
      const Token& key = Peek();
      SourceLoc loc = key.loc;
      if (key.kind == TokKind::kIdent &&
          (key.text == "principal" || key.text == "resource" || key.text == "context")) {
        std::string which = Next().text;
        RETURN_IF_ERROR(Expect(":"));
        if (which == "context") {
          if (a.context) {
            return Status::Invalid("schema: duplicate `context` declaration in an action", loc);
          }
          if (IsPunct("{")) {
            ASSIGN_OR_RETURN(a.context, ParseRecordType());
          } else {
            auto t = std::make_shared<RawType>();
            t->loc = Peek().loc;
            ASSIGN_OR_RETURN(t->name, ParsePath());
            a.context = std::move(t);
          }
          continue;
        }
        auto& slot = which == "principal" ? a.principals : a.resources;
        if (slot) {
          return Status::Invalid("schema: duplicate `" + which + "` declaration in an action", loc);
        }
        (which == "principal" ? a.principal_loc : a.resource_loc) = loc;
        ASSIGN_OR_RETURN(slot, ParseTypeList());
        continue;
      }
      return Unexpected("`context`, `principal` or `resource`");
    }
    if (first) return Unexpected("`context`, `principal` or `resource`");
    Next();  // `}`
    return Status::Ok();
  }

  Status ParseAction(RawNamespace& ns, SchemaAnnotations annotations) {
    RawAction a;
    a.loc = Next().loc;  // `action`
    a.annotations = std::move(annotations);
    ASSIGN_OR_RETURN(a.names, ParseNames(/*allow_string=*/true));
    if (IsIdent("in")) {
      Next();
      if (IsPunct("[")) {
        Next();
        // At least one parent, no trailing comma.
        do {
          if (!a.parents.empty()) Next();  // `,`
          ASSIGN_OR_RETURN(RawActionRef ref, ParseActionRef());
          a.parents.push_back(std::move(ref));
        } while (IsPunct(","));
        RETURN_IF_ERROR(Expect("]"));
      } else {
        ASSIGN_OR_RETURN(RawActionRef ref, ParseActionRef());
        a.parents.push_back(std::move(ref));
      }
    }
    if (IsIdent("appliesTo")) {
      Next();
      a.has_applies_to = true;
      RETURN_IF_ERROR(ParseAppliesTo(a));
    }
    if (IsIdent("attributes")) {
      // Cedar accepts only an empty attribute block here.
      Next();
      RETURN_IF_ERROR(Expect("{"));
      if (!IsPunct("}")) {
        return Status::Invalid("schema: action attributes are not supported", Peek().loc);
      }
      Next();
    }
    RETURN_IF_ERROR(Expect(";"));
    ns.actions.push_back(std::move(a));
    return Status::Ok();
  }

  Status ParseCommonType(RawNamespace& ns, SchemaAnnotations annotations) {
    RawCommonType t;
    t.loc = Next().loc;  // `type`
    t.annotations = std::move(annotations);
    ASSIGN_OR_RETURN(t.name, ParseName(/*allow_string=*/false));
    if (IsReservedTypeName(t.name.name)) {
      return Status::Invalid("schema: `" + t.name.name + "` is reserved and cannot name a type",
                             t.name.loc);
    }
    RETURN_IF_ERROR(Expect("="));
    ASSIGN_OR_RETURN(t.type, ParseType());
    RETURN_IF_ERROR(Expect(";"));
    ns.common_types.push_back(std::move(t));
    return Status::Ok();
  }

  // Bounds the nesting of types, so that hostile input cannot exhaust the stack.
  static constexpr int kMaxTypeDepth = 512;

  Result<RawTypePtr> ParseType() {
    if (++depth_ > kMaxTypeDepth) {
      return Status::Invalid("schema: types are nested too deeply", Peek().loc);
    }
    auto r = ParseTypeInner();
    --depth_;
    return r;
  }

  Result<RawTypePtr> ParseTypeInner() {
    if (IsPunct("{")) return ParseRecordType();
    auto t = std::make_shared<RawType>();
    t->loc = Peek().loc;
    if (IsIdent("Set") && IsPunct("<", 1)) {
      Next();
      Next();
      t->kind = RawType::Kind::kSet;
      ASSIGN_OR_RETURN(t->element, ParseType());
      RETURN_IF_ERROR(Expect(">"));
      return RawTypePtr(std::move(t));
    }
    ASSIGN_OR_RETURN(t->name, ParsePath());
    return RawTypePtr(std::move(t));
  }

  Result<RawTypePtr> ParseRecordType() {
    auto t = std::make_shared<RawType>();
    t->kind = RawType::Kind::kRecord;
    t->loc = Peek().loc;
    RETURN_IF_ERROR(Expect("{"));
    while (!IsPunct("}")) {
      RawAttr attr;
      ASSIGN_OR_RETURN(attr.annotations, ParseAnnotations());
      attr.loc = Peek().loc;
      if (Peek().kind == TokKind::kString) {
        attr.name = Next().text;
      } else if (Peek().kind == TokKind::kIdent) {
        ASSIGN_OR_RETURN(attr.name, ParseIdent());
      } else {
        return Unexpected("an attribute name or `}`");
      }
      if (IsPunct("?")) {
        Next();
        attr.required = false;
      }
      RETURN_IF_ERROR(Expect(":"));
      ASSIGN_OR_RETURN(attr.type, ParseType());
      t->attrs.push_back(std::move(attr));
      if (!IsPunct(",")) break;
      Next();
    }
    RETURN_IF_ERROR(Expect("}"));
    return RawTypePtr(std::move(t));
  }

  std::vector<Token> toks_;
  size_t pos_ = 0;
  int depth_ = 0;
};

}  // namespace

Result<RawSchema> ParseRawSchema(std::string_view text) {
  ASSIGN_OR_RETURN(std::vector<Token> toks, LexSchema(text));
  return Parser(std::move(toks)).Run();
}

}  // namespace metagate::cedar::schema_internal
