// The Cedar abstract syntax tree: expressions, scope constraints, policies and policy sets,
// as produced by the parser (policy text) and the JSON policy reader, and consumed by the
// evaluator, validator and formatter. Immutable after construction; safe to share across threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "metagate/cedar/value.h"
#include "metagate/common/source_loc.h"

namespace metagate::cedar {

enum class Var : uint8_t { kPrincipal, kAction, kResource, kContext };
enum class SlotId : uint8_t { kPrincipal, kResource };  // ?principal, ?resource

enum class ExprKind : uint8_t {
  kLiteral,    // literal: Bool, Long, String or entity UID
  kVar,        // var
  kSlot,       // slot (only inside scope constraints of templates)
  kIf,         // args[0] ? args[1] : args[2]
  kAnd,        // args[0] && args[1], short-circuit
  kOr,         // args[0] || args[1], short-circuit
  kNot,        // !args[0]
  kNeg,        // -args[0] (Long, overflow is an error)
  kBinary,     // binary_op(args[0], args[1])
  kIsEmpty,    // args[0].isEmpty()
  kGetAttr,    // args[0].name or args[0]["name"]
  kHasAttr,    // args[0] has name (paths `has a.b` are desugared by the parser into &&)
  kLike,       // args[0] like pattern
  kIs,         // args[0] is name (entity type; `is T in E` is desugared into && with kBinary kIn)
  kSet,        // [args...]
  kRecord,     // {fields...}
  kExtCall,    // extension function `name`(args...); for methods args[0] is the receiver
};

enum class BinaryOp : uint8_t {
  kEq, kNotEq, kLess, kLessEq, kGreater, kGreaterEq,
  kAdd, kSub, kMul,
  kIn,           // entity (or set of entities on the right) hierarchy membership
  kContains,     // args[0].contains(args[1])
  kContainsAll,  // args[0].containsAll(args[1])
  kContainsAny,  // args[0].containsAny(args[1])
  kGetTag,       // args[0].getTag(args[1])
  kHasTag,       // args[0].hasTag(args[1])
};

// A `like` pattern: literal characters and `*` wildcards.
struct PatternElem {
  bool wildcard = false;
  uint32_t ch = 0;  // Unicode code point when !wildcard
};
struct Pattern {
  std::vector<PatternElem> elems;
};

struct Expr;
using ExprPtr = std::shared_ptr<const Expr>;

struct Expr {
  ExprKind kind = ExprKind::kLiteral;
  SourceLoc loc;
  Value literal;                   // kLiteral
  Var var = Var::kPrincipal;       // kVar
  SlotId slot = SlotId::kPrincipal;  // kSlot
  BinaryOp op = BinaryOp::kEq;     // kBinary
  std::string name;                // kGetAttr/kHasAttr attribute; kIs type; kExtCall function
  Pattern pattern;                 // kLike
  std::vector<ExprPtr> args;       // operands, set elements, call arguments
  std::vector<std::pair<std::string, ExprPtr>> fields;  // kRecord, in source order
};

enum class Effect : uint8_t { kPermit, kForbid };

// A principal, action or resource scope constraint.
struct ScopeConstraint {
  enum class Op : uint8_t {
    kAny,   // principal
    kEq,    // principal == E
    kIn,    // principal in E (for action: in E or in [E1, E2, ...])
    kIs,    // principal is T
    kIsIn,  // principal is T in E
  };
  Op op = Op::kAny;
  // The entity for kEq/kIn/kIsIn, unless `slot` is set (templates).
  std::optional<EntityUid> entity;
  std::optional<SlotId> slot;
  // For the action scope `action in [..]` only: the listed entities (entity is unset).
  std::vector<EntityUid> entity_list;
  bool is_list = false;
  std::string entity_type;  // kIs/kIsIn
};

struct Condition {
  bool is_when = true;  // when { } or unless { }
  ExprPtr expr;
};

struct Annotation {
  std::string key;
  std::optional<std::string> value;  // `@key` without a value has none
  SourceLoc loc;
};

// A static policy or a template (`is_template` when a scope constraint uses a slot).
struct Policy {
  std::string id;  // "policy0", "policy1", ... in file order for policy text
  Effect effect = Effect::kPermit;
  std::vector<Annotation> annotations;
  ScopeConstraint principal;
  ScopeConstraint action;
  ScopeConstraint resource;
  std::vector<Condition> conditions;  // in source order
  SourceLoc loc;                      // where the policy starts
  bool is_template = false;
  // For a template-linked policy: the template's id and the slot values.
  std::string template_id;
  std::optional<EntityUid> principal_slot_value;
  std::optional<EntityUid> resource_slot_value;
};

using PolicyPtr = std::shared_ptr<const Policy>;

}  // namespace metagate::cedar
