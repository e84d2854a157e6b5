// Whether a policy's scope (principal, action and resource constraints) can match requests of
// one request environment.
#pragma once

#include "metagate/cedar/ast.h"
#include "validate/hierarchy.h"
#include "validate/typechecker.h"

namespace metagate::cedar::validate {

bool ScopeMayMatch(const Policy& policy, const RequestEnv& env, const Hierarchy& hierarchy);

}  // namespace metagate::cedar::validate
