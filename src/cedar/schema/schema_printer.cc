// Prints a schema in the `.cedarschema` format from its declarations as written, in Cedar's
// layout: the empty namespace first, then each namespace; common types, entity types, then
// actions; records one attribute per line.
#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "metagate/cedar/schema_json.h"
#include "metagate/cedar/value.h"
#include "metagate/common/utf8.h"
#include "schema/schema_ast.h"
#include "schema/schema_source.h"

namespace metagate::cedar {
namespace {

using schema_internal::RawAction;
using schema_internal::RawActionRef;
using schema_internal::RawEntity;
using schema_internal::RawNamespace;
using schema_internal::RawPath;
using schema_internal::RawType;

bool IsPlainIdentifier(const std::string& s) {
  if (s.empty()) return false;
  for (size_t i = 0; i < s.size(); ++i) {
    char c = s[i];
    bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' ||
              (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return !(s == "true" || s == "false" || s == "if" || s == "then" || s == "else" || s == "in" ||
           s == "is" || s == "like" || s == "has");
}

// Code points Cedar's printer writes as `\u{...}` beyond the ASCII controls: C1 controls and
// private-use characters (a subset of what Rust's escape_debug escapes).
bool EscapedByCedar(uint32_t cp) {
  return (cp >= 0x80 && cp <= 0x9f) || (cp >= 0xe000 && cp <= 0xf8ff) || cp >= 0xf0000;
}

// A Cedar string literal written as Cedar's printer writes it: AppendCedarQuoted's escapes, plus
// `\'` and the code points above. REQUIRES: `s` is valid UTF-8 (the parsers check it).
std::string Quoted(const std::string& s) {
  std::string literal;
  AppendCedarQuoted(literal, s);
  std::string out;
  for (size_t i = 0; i < literal.size();) {
    size_t start = i;
    uint32_t cp = utf8::Decode(literal, &i);
    if (cp == '\'') {
      out += "\\'";
    } else if (EscapedByCedar(cp)) {
      char buf[16];
      std::snprintf(buf, sizeof(buf), "\\u{%x}", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(literal, start, i - start);
    }
  }
  return out;
}

class Printer {
 public:
  explicit Printer(const Schema& schema) : schema_(schema) {}

  // Namespaces and declarations are printed sorted by name, one name per declaration, as Cedar
  // prints them.
  std::string Run(const schema_internal::RawSchema& raw) {
    bool first = true;
    std::map<std::string, const RawNamespace*> sorted;
    for (const RawNamespace& ns : raw.namespaces) {
      if (ns.name.empty()) {
        PrintDecls(ns, 0, first);
      } else {
        sorted[ns.name] = &ns;
      }
    }
    for (const auto& [name, ns_ptr] : sorted) {
      const RawNamespace& ns = *ns_ptr;
      if (!first) out_ += "\n";
      first = false;
      PrintAnnotations(ns.annotations, 0);
      out_ += "namespace " + ns.name + " {\n";
      bool inner_first = true;
      PrintDecls(ns, 1, inner_first);
      out_ += "}\n";
    }
    return std::move(out_);
  }

 private:
  void Indent(int depth) { out_.append(static_cast<size_t>(depth) * 2, ' '); }

  void PrintAnnotations(const SchemaAnnotations& annotations, int depth) {
    for (const auto& [key, value] : annotations) {
      Indent(depth);
      out_ += "@" + key + "(" + Quoted(value) + ")\n";
    }
  }

  void PrintDecls(const RawNamespace& ns, int depth, bool& first) {
    auto separate = [&] {
      if (!first) out_ += "\n";
      first = false;
    };
    std::map<std::string, const schema_internal::RawCommonType*> common;
    std::map<std::string, const RawEntity*> entities;
    std::map<std::string, const RawAction*> actions;
    for (const auto& t : ns.common_types) common[t.name.name] = &t;
    for (const RawEntity& e : ns.entities) {
      for (const auto& n : e.names) entities[n.name] = &e;
    }
    for (const RawAction& a : ns.actions) {
      for (const auto& n : a.names) actions[n.name] = &a;
    }
    for (const auto& [name, t] : common) {
      separate();
      PrintAnnotations(t->annotations, depth);
      Indent(depth);
      out_ += "type " + name + " = ";
      PrintType(*t->type, depth);
      out_ += ";\n";
    }
    for (const auto& [name, e] : entities) {
      separate();
      PrintEntity(ns.name, name, *e, depth);
    }
    for (const auto& [name, a] : actions) {
      separate();
      PrintAction(name, *a, depth);
    }
  }

  static std::string Qualify(const std::string& ns, const std::string& name) {
    return ns.empty() ? name : ns + "::" + name;
  }

  void PrintPathList(const std::vector<RawPath>& paths) {
    out_ += "[";
    for (size_t i = 0; i < paths.size(); ++i) {
      if (i > 0) out_ += ", ";
      out_ += paths[i].Joined();
    }
    out_ += "]";
  }

  void PrintEntity(const std::string& ns, const std::string& name, const RawEntity& e, int depth) {
    PrintAnnotations(e.annotations, depth);
    Indent(depth);
    out_ += "entity " + name;
    if (e.enum_ids) {
      out_ += " enum [";
      for (size_t i = 0; i < e.enum_ids->size(); ++i) {
        if (i > 0) out_ += ", ";
        out_ += Quoted((*e.enum_ids)[i]);
      }
      out_ += "];\n";
      return;
    }
    if (!e.parents.empty()) {
      out_ += " in ";
      PrintPathList(e.parents);
    }
    if (e.shape && e.shape->kind == RawType::Kind::kRecord) {
      if (!e.shape->attrs.empty()) {
        out_ += " = ";
        PrintType(*e.shape, depth);
      }
    } else if (e.shape) {
      // The text format has no syntax for a shape given by name: print the resolved record.
      const EntityTypeDecl* decl = schema_.FindEntityType(Qualify(ns, name));
      if (decl != nullptr && !decl->attributes->attributes.empty()) {
        out_ += " = ";
        PrintType(*schema_internal::UnresolveType(*decl->attributes), depth);
      }
    }
    if (e.tags) {
      out_ += " tags ";
      PrintType(*e.tags, depth);
    }
    out_ += ";\n";
  }

  void PrintActionRef(const RawActionRef& ref) {
    if (ref.type) out_ += ref.type->Joined() + "::";
    out_ += Quoted(ref.id);
  }

  void PrintAction(const std::string& name, const RawAction& a, int depth) {
    PrintAnnotations(a.annotations, depth);
    Indent(depth);
    out_ += "action " + Quoted(name);
    if (!a.parents.empty()) {
      out_ += " in [";
      for (size_t i = 0; i < a.parents.size(); ++i) {
        if (i > 0) out_ += ", ";
        PrintActionRef(a.parents[i]);
      }
      out_ += "]";
    }
    if (schema_internal::AppliesToSomething(a)) {
      out_ += " appliesTo {\n";
      Indent(depth + 1);
      out_ += "principal: ";
      PrintPathList(a.principals.value_or(std::vector<RawPath>{}));
      out_ += ",\n";
      Indent(depth + 1);
      out_ += "resource: ";
      PrintPathList(a.resources.value_or(std::vector<RawPath>{}));
      out_ += ",\n";
      Indent(depth + 1);
      out_ += "context: ";
      if (a.context && !(a.context->kind == RawType::Kind::kRecord && a.context->attrs.empty())) {
        PrintType(*a.context, depth + 1);
      } else {
        out_ += "{}";
      }
      out_ += "\n";
      Indent(depth);
      out_ += "}";
    }
    out_ += ";\n";
  }

  void PrintType(const RawType& t, int depth) {
    switch (t.kind) {
      case RawType::Kind::kName:
      case RawType::Kind::kEntity:
      case RawType::Kind::kCommon:
        out_ += t.name.Joined();
        return;
      case RawType::Kind::kBuiltin:
        out_ += "__cedar::" + t.name.Joined();
        return;
      case RawType::Kind::kSet:
        out_ += "Set<";
        PrintType(*t.element, depth);
        out_ += ">";
        return;
      case RawType::Kind::kRecord:
        PrintRecord(t, depth);
        return;
    }
  }

  void PrintRecord(const RawType& t, int depth) {
    auto attrs = schema_internal::LastAttributes(t);
    if (attrs.empty()) {
      // Cedar's layout: the braces enclose the indentation of the line.
      out_ += "{";
      Indent(depth);
      out_ += "}";
      return;
    }
    out_ += "{\n";
    bool first = true;
    for (const auto& [name, a] : attrs) {
      if (!first) out_ += ",\n";
      first = false;
      PrintAnnotations(a->annotations, depth + 1);
      Indent(depth + 1);
      out_ += IsPlainIdentifier(name) ? name : Quoted(name);
      if (!a->required) out_ += "?";
      out_ += ": ";
      PrintType(*a->type, depth + 1);
    }
    out_ += "\n";
    Indent(depth);
    out_ += "}";
  }

  const Schema& schema_;
  std::string out_;
};

}  // namespace

std::string SchemaToText(const Schema& schema) {
  std::shared_ptr<const schema_internal::RawSchema> raw = schema_internal::SourceOf(schema);
  return Printer(schema).Run(*raw);
}

}  // namespace metagate::cedar
