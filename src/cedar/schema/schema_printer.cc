// Prints a schema in the `.cedarschema` format from its declarations as written, in Cedar's
// layout: the empty namespace first, then each namespace; common types, entity types, then
// actions; records one attribute per line.
#include <string>
#include <vector>

#include "metagate/cedar/schema_json.h"
#include "metagate/cedar/value.h"
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

std::string Quoted(const std::string& s) {
  std::string out;
  AppendCedarQuoted(out, s);
  return out;
}

class Printer {
 public:
  explicit Printer(const Schema& schema) : schema_(schema) {}

  std::string Run(const schema_internal::RawSchema& raw) {
    bool first = true;
    for (const RawNamespace& ns : raw.namespaces) {
      if (!ns.name.empty()) continue;
      PrintDecls(ns, 0, first);
    }
    for (const RawNamespace& ns : raw.namespaces) {
      if (ns.name.empty()) continue;
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
    for (const auto& t : ns.common_types) {
      separate();
      PrintAnnotations(t.annotations, depth);
      Indent(depth);
      out_ += "type " + t.name.name + " = ";
      PrintType(*t.type, depth);
      out_ += ";\n";
    }
    for (const RawEntity& e : ns.entities) {
      separate();
      PrintEntity(ns.name, e, depth);
    }
    for (const RawAction& a : ns.actions) {
      separate();
      PrintAction(a, depth);
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

  void PrintEntity(const std::string& ns, const RawEntity& e, int depth) {
    PrintAnnotations(e.annotations, depth);
    Indent(depth);
    out_ += "entity ";
    for (size_t i = 0; i < e.names.size(); ++i) {
      if (i > 0) out_ += ", ";
      out_ += e.names[i].name;
    }
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
      const EntityTypeDecl* decl = schema_.FindEntityType(Qualify(ns, e.names[0].name));
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

  void PrintAction(const RawAction& a, int depth) {
    PrintAnnotations(a.annotations, depth);
    Indent(depth);
    out_ += "action ";
    for (size_t i = 0; i < a.names.size(); ++i) {
      if (i > 0) out_ += ", ";
      out_ += Quoted(a.names[i].name);
    }
    if (!a.parents.empty()) {
      out_ += " in [";
      for (size_t i = 0; i < a.parents.size(); ++i) {
        if (i > 0) out_ += ", ";
        PrintActionRef(a.parents[i]);
      }
      out_ += "]";
    }
    if (a.has_applies_to) {
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
      if (a.context) {
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
      out_ += "{}";
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
