// Typechecker: set and record literals and extension function calls.
#include "metagate/cedar/extensions.h"
#include "validate/ext_signatures.h"
#include "validate/typecheck_util.h"
#include "validate/typechecker.h"

namespace metagate::cedar::validate {

Typed Typechecker::CheckSet(const Expr& e, const Capabilities& prior) {
  if (e.args.empty()) {
    reporter_.Report(e.loc, ValidationCode::kEmptySetLiteral,
                     "empty set literals are forbidden in policies (their element type is "
                     "unknown)");
    return Failed();
  }
  TypePtr elem;
  bool ok = true;
  for (const ExprPtr& x : e.args) {
    Typed t = Check(*x, prior);
    if (!t.type) {
      ok = false;
      continue;
    }
    if (!elem) {
      elem = t.type;
      continue;
    }
    auto lub = StrictLub(elem, t.type);
    if (!lub) {
      Compatible(e, elem, t.type);
      ok = false;
      continue;
    }
    elem = *lub;
  }
  if (!ok) return Failed();
  return Of(Type::Set(elem));
}

Typed Typechecker::CheckRecord(const Expr& e, const Capabilities& prior) {
  std::map<std::string, AttrType> attrs;
  bool ok = true;
  for (const auto& [k, v] : e.fields) {
    Typed t = Check(*v, prior);
    if (!t.type) {
      ok = false;
      continue;
    }
    attrs[k] = AttrType{t.type, true};
  }
  if (!ok) return Failed();
  return Of(Type::Record(std::move(attrs)));
}

Typed Typechecker::CheckExtCall(const Expr& e, const Capabilities& prior) {
  const ExtSignature* sig = FindExtSignature(e.name);
  std::vector<TypePtr> args;
  bool ok = true;
  for (const ExprPtr& x : e.args) {
    Typed t = Check(*x, prior);
    if (!t.type) ok = false;
    args.push_back(t.type);
  }
  if (sig == nullptr) {
    reporter_.Report(e.loc, ValidationCode::kUnexpectedType,
                     "unknown extension function " + Quote(e.name));
    return Failed();
  }
  if (args.size() != sig->params.size()) {
    reporter_.Report(e.loc, ValidationCode::kExtensionArity,
                     "wrong number of arguments in extension function application. Expected " +
                         std::to_string(sig->params.size()) + ", got " +
                         std::to_string(args.size()));
    return Failed();
  }
  if (!ok) return Failed();
  for (size_t i = 0; i < args.size(); ++i) {
    const TypePtr& want = sig->params[i];
    bool match = args[i]->kind == want->kind && args[i]->name == want->name;
    if (!Expect(match, *e.args[i], want->ToString(), args[i])) ok = false;
  }
  if (!ok) return Failed();
  if (sig->is_constructor) {
    const Expr& arg = *e.args[0];
    if (arg.kind != ExprKind::kLiteral || !arg.literal.is_string()) {
      reporter_.Report(e.loc, ValidationCode::kExtensionArgument,
                       "extension constructors may not be called with non-literal expressions");
      return Failed();
    }
    auto v = ConstructExtensionValue(e.name, arg.literal.as_string());
    if (!v.ok()) {
      reporter_.Report(e.loc, ValidationCode::kExtensionArgument,
                       "invalid argument of " + Quote(e.name) + ": " + v.status().message());
      return Failed();
    }
  }
  return Of(sig->result);
}

}  // namespace metagate::cedar::validate
