// A concrete syntax tree of Cedar policy text for the formatter: it keeps every level of the
// grammar, the user's parentheses and token positions (so comments can be placed), the way
// Cedar's own formatter sees the text. Built only from text the real parser has accepted.
#pragma once

#include <memory>
#include <string_view>
#include <vector>

#include "metagate/common/status.h"
#include "parser/lexer.h"

namespace metagate::cedar::format_internal {

enum class CstKind {
  kPolicy,   // tok: effect; kids: annotations (count n), 3 var defs, conditions
  kAnno,     // tok: '@'; n: 1 if it has a value
  kVarDef,   // tok: variable; kids: [is-type Add] [rhs Expr]; has_is, ops[0]: ==/in token
  kCond,     // tok: when/unless; kids: [Expr]
  kIf,       // kids: cond, then, else
  kOr,       // kids joined by ops (||)
  kAnd,      // kids joined by ops (&&)
  kRel,      // kids: 1 (no operator) or 2 with ops[0]
  kHas,      // kids: target, field
  kLike,     // kids: target, pattern
  kIsIn,     // kids: target, type [, in-entity]
  kAdd,      // kids joined by ops (+, -)
  kMult,     // kids joined by ops (*)
  kUnary,    // n operators (0 for none), bang; kids: member
  kMember,   // kids: primary, accesses...
  kField,    // tok: '.'; tok + 1: the name
  kCall,     // first: '('; last: ')'; kids: arguments
  kIndex,    // first: '['; last: ']'; kids: the index expression
  kToken,    // a literal, slot: one token
  kName,     // a name or entity UID: tokens first..last
  kParen,    // kids: expression
  kList,     // kids: elements
  kRecord,   // kids: kRecInit
  kRecInit,  // kids: key expression, value expression
};

struct Cst {
  CstKind kind;
  int first = 0;  // first token index
  int last = 0;   // last token index (inclusive)
  int tok = -1;
  int n = 0;
  bool bang = false;
  bool has_is = false;
  std::vector<int> ops;
  std::vector<std::unique_ptr<Cst>> kids;
};
using CstPtr = std::unique_ptr<Cst>;

// Parses the policies of `tokens` (from Lex, ending with kEof).
Result<std::vector<CstPtr>> ParseCst(const std::vector<internal::Token>& tokens);

}  // namespace metagate::cedar::format_internal
