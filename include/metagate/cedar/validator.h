// The Cedar validator: checks policies against a schema (strict-mode typechecking, unknown
// entity types and actions, action applicability), requests against the schema (declared
// action, allowed principal/resource types, context type) and entity sets against the schema.
// Messages name policy ids, attributes, types and source positions, never attribute values or
// entity ids taken from data. Stateless; thread-safe.
#pragma once

#include <string>
#include <vector>

#include "metagate/cedar/ast.h"
#include "metagate/cedar/entities.h"
#include "metagate/cedar/evaluator.h"
#include "metagate/cedar/schema.h"
#include "metagate/common/source_loc.h"
#include "metagate/common/status.h"

namespace metagate::cedar {

// Only Cedar's strict mode is implemented (the mode Cedar's own tools default to).
enum class ValidationMode : uint8_t { kStrict };

enum class ValidationCode : uint8_t {
  kUnknownEntityType,   // an entity type (literal or `is`) that the schema does not declare
  kUnknownAction,       // an action entity that the schema does not declare
  kInvalidEnumEntity,   // an id that an enumerated entity type does not list
  kNoApplicableAction,  // no action/principal/resource combination matches the policy scope
  kUnexpectedType,      // an operand of the wrong type
  kIncompatibleTypes,   // operands whose types have no common type in strict mode
  kAttributeNotFound,   // an attribute the type does not declare
  kUnsafeOptionalAttr,  // an optional attribute read without a `has` guard
  kUnsafeTagAccess,     // a tag read without a `hasTag` guard
  kEmptySetLiteral,     // `[]` (its element type is unknown)
  kExtensionArgument,   // a malformed or non-literal extension constructor argument
  kExtensionArity,      // an extension function called with the wrong number of arguments
};

struct ValidationFinding {
  std::string policy_id;
  SourceLoc loc;  // of the offending expression (or of the policy)
  ValidationCode code = ValidationCode::kUnexpectedType;
  std::string message;
};

struct ValidationResult {
  std::vector<ValidationFinding> findings;  // by policy, then source position; no duplicates
  bool ok() const { return findings.empty(); }
};

// Validates every policy (and template) against the schema.
ValidationResult ValidatePolicies(const Schema& schema, const std::vector<PolicyPtr>& policies,
                                  ValidationMode mode = ValidationMode::kStrict);

// Checks a request against the schema: the action is declared and applies to the principal's
// and the resource's types, and the context has the action's context type.
Status ValidateRequest(const Schema& schema, const Request& request);

// Checks an entity set against the schema: every entity's type is declared (or it is a declared
// action), attributes and tags have their declared types, required attributes are present and
// no undeclared ones are, parents have allowed types, and enumerated ids are listed.
// (EntitiesFromJson with a schema already applies these checks while reading.)
Status ValidateEntities(const Schema& schema, const Entities& entities);

// Whether `value` has the schema type `type` (records are closed: required attributes must be
// present and no others may be). On mismatch returns an error naming `what` (e.g. "context").
Status CheckValueType(const Schema& schema, const Value& value, const SchemaType& type,
                      const std::string& what);

}  // namespace metagate::cedar
