// Evaluates Cedar expressions and policy conditions for one request, with Cedar's semantics:
// strict types, short-circuiting && / || / if, Long overflow as an error, `in` over the
// entity hierarchy. Errors are values (Status), never exceptions. Not thread-safe per instance;
// create one per request (cheap: holds references only).
#pragma once

#include "metagate/cedar/ast.h"
#include "metagate/cedar/entities.h"
#include "metagate/cedar/value.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

struct Request {
  EntityUid principal;
  EntityUid action;
  EntityUid resource;
  Value context = Value::Record({});  // a Record
};

class Evaluator {
 public:
  // REQUIRES: `request` and `entities` outlive the evaluator.
  Evaluator(const Request& request, const EntityLookup& entities)
      : request_(request),
        entities_(entities),
        principal_(Value::Entity(request.principal)),
        action_(Value::Entity(request.action)),
        resource_(Value::Entity(request.resource)) {}

  // Evaluates an expression. Slots evaluate to an error (they only appear in templates).
  Result<Value> Evaluate(const Expr& expr);

  // Evaluates a policy: its scope constraints, then its conditions in order (`when` must be
  // true, `unless` must be false). Returns whether the policy is satisfied, or the error that
  // stopped the evaluation. For template-linked policies, slots take the linked values.
  Result<bool> Satisfied(const Policy& policy);

 private:
  // Evaluates `expr` to a borrowed value where it can (literals, variables, attributes of
  // records and entities), else into `scratch`; the result lives as long as `scratch`, the
  // request, the expression and the entities.
  Result<const Value*> EvaluateRef(const Expr& expr, Value& scratch);
  // Evaluates an expression that must be a Bool (`when`/`unless`, &&, ||, !, if conditions).
  Result<bool> EvaluateBool(const Expr& expr);

  const Request& request_;
  const EntityLookup& entities_;
  Value principal_, action_, resource_;  // the request's entities as values
};

}  // namespace metagate::cedar
