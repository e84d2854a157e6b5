// Strict-mode typechecking of one expression in one request environment (principal type,
// action, resource type, context type), with capability tracking: `has` / `hasTag` guards
// that are known to hold make later attribute and tag accesses safe.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "metagate/cedar/ast.h"
#include "metagate/cedar/schema.h"
#include "metagate/cedar/validator.h"
#include "validate/hierarchy.h"
#include "validate/types.h"

namespace metagate::cedar::validate {

struct RequestEnv {
  std::string principal;     // entity type
  const ActionDecl* action;  // never null
  std::string resource;      // entity type
  TypePtr context;           // a record
};

// Facts that hold when an expression evaluates to true: "<expr key>.<attr>" for attributes,
// "<expr key>#<tag expr key>" for tags.
using Capabilities = std::set<std::string>;

struct Typed {
  TypePtr type;          // nullptr when the expression has a type error (already reported)
  Capabilities effects;  // capabilities gained when the expression is true
};

// Collects findings for one policy, dropping duplicates (the same problem in several
// environments).
class Reporter {
 public:
  Reporter(std::string policy_id, std::vector<ValidationFinding>& out)
      : policy_id_(std::move(policy_id)), out_(out) {}
  void Report(SourceLoc loc, ValidationCode code, std::string message);
  bool any() const { return count_ > 0; }

 private:
  std::string policy_id_;
  std::vector<ValidationFinding>& out_;
  std::set<std::pair<uint32_t, std::string>> seen_;
  int count_ = 0;
};

// Attribute record types of entity types, converted from the schema on first use; shared by the
// typecheckers of one validation run.
using AttrTypeCache = std::map<std::string, TypePtr>;

class Typechecker {
 public:
  // REQUIRES: all arguments outlive the typechecker.
  Typechecker(const Schema& schema, const Hierarchy& hierarchy, const RequestEnv& env,
              Reporter& reporter, AttrTypeCache& attr_cache)
      : schema_(schema),
        hierarchy_(hierarchy),
        env_(env),
        reporter_(reporter),
        entity_attr_cache_(attr_cache) {}

  Typed Check(const Expr& e, const Capabilities& prior);
  // Check, and report unless the type is boolean (then the result has no type).
  Typed CheckBool(const Expr& e, const Capabilities& prior);

 private:
  Typed CheckIf(const Expr& e, const Capabilities& prior);
  Typed CheckAnd(const Expr& e, const Capabilities& prior);
  Typed CheckOr(const Expr& e, const Capabilities& prior);
  Typed CheckBinary(const Expr& e, const Capabilities& prior);
  Typed CheckEquality(const Expr& e, const Typed& l, const Typed& r);
  Typed CheckIn(const Expr& e, const Typed& l, const Typed& r);
  Typed CheckAttr(const Expr& e, const Capabilities& prior, bool is_has);
  Typed CheckTag(const Expr& e, const Typed& l, const Typed& r, const Capabilities& prior,
                 bool is_has);
  Typed CheckSet(const Expr& e, const Capabilities& prior);
  Typed CheckRecord(const Expr& e, const Capabilities& prior);
  Typed CheckExtCall(const Expr& e, const Capabilities& prior);

  // The attributes of an entity type (nullptr for action types and unknown types) or record.
  const std::map<std::string, AttrType>* AttributesOf(const Type& t);
  // Reports "expected X but saw Y" and returns false unless `ok`.
  bool Expect(bool ok, const Expr& at, const std::string& expected, const TypePtr& saw);
  bool Compatible(const Expr& at, const TypePtr& a, const TypePtr& b);
  // For an entity literal or the `action` variable: the entity uid it denotes.
  const EntityUid* KnownUid(const Expr& e) const;

  const Schema& schema_;
  const Hierarchy& hierarchy_;
  const RequestEnv& env_;
  Reporter& reporter_;
  AttrTypeCache& entity_attr_cache_;
};

}  // namespace metagate::cedar::validate
