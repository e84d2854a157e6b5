// Implementation of the binary operators.
#include "eval/binary_ops.h"

#include <string>

#include "ext/datetime.h"
#include "ext/ext_util.h"

namespace metagate::cedar {
namespace {

using ext::AsExt;
using ext::DatetimeValue;
using ext::DurationValue;

Result<Value> Arith(BinaryOp op, const Value& a, const Value& b) {
  if (!a.is_long()) return EvalTypeError("long", a);
  if (!b.is_long()) return EvalTypeError("long", b);
  int64_t out = 0;
  bool overflow = false;
  const char* sym = "+";
  switch (op) {
    case BinaryOp::kAdd:
      overflow = __builtin_add_overflow(a.as_long(), b.as_long(), &out);
      break;
    case BinaryOp::kSub:
      sym = "-";
      overflow = __builtin_sub_overflow(a.as_long(), b.as_long(), &out);
      break;
    default:
      sym = "*";
      overflow = __builtin_mul_overflow(a.as_long(), b.as_long(), &out);
      break;
  }
  if (overflow) return Status::Invalid(std::string("integer overflow in `") + sym + "`");
  return Value::Long(out);
}

// The comparable i64 behind a long, datetime or duration; `kind` names the operand type.
Result<int64_t> Ordinal(const Value& v, const char*& kind) {
  if (v.is_long()) {
    kind = "long";
    return v.as_long();
  }
  if (const auto* dt = AsExt<DatetimeValue>(v)) {
    kind = "datetime";
    return dt->millis();
  }
  if (const auto* du = AsExt<DurationValue>(v)) {
    kind = "duration";
    return du->millis();
  }
  return EvalTypeError("one of [long, datetime, duration]", v);
}

Result<Value> Compare(BinaryOp op, const Value& a, const Value& b) {
  const char* ka = nullptr;
  const char* kb = nullptr;
  ASSIGN_OR_RETURN(int64_t x, Ordinal(a, ka));
  auto y_or = Ordinal(b, kb);
  if (!y_or.ok() || std::string_view(ka) != kb) return EvalTypeError(ka, b);
  int64_t y = *y_or;
  switch (op) {
    case BinaryOp::kLess:
      return Value::Bool(x < y);
    case BinaryOp::kLessEq:
      return Value::Bool(x <= y);
    case BinaryOp::kGreater:
      return Value::Bool(x > y);
    default:
      return Value::Bool(x >= y);
  }
}

Result<Value> In(const Value& a, const Value& b, const EntityLookup& entities) {
  if (!a.is_entity()) return EvalTypeError("entity", a);
  if (b.is_entity()) return Value::Bool(entities.IsInOrEqual(a.as_entity(), b.as_entity()));
  if (!b.is_set()) return EvalTypeError("one of [set, entity]", b);
  // Every element must be an entity, even after a match has been found.
  bool found = false;
  for (const Value& e : b.set_elems()) {
    if (!e.is_entity()) return EvalTypeError("entity", e);
    if (!found) found = entities.IsInOrEqual(a.as_entity(), e.as_entity());
  }
  return Value::Bool(found);
}

Result<Value> SetOp(BinaryOp op, const Value& a, const Value& b) {
  if (!a.is_set()) return EvalTypeError("set", a);
  if (op == BinaryOp::kContains) return Value::Bool(a.SetContains(b));
  if (!b.is_set()) return EvalTypeError("set", b);
  if (op == BinaryOp::kContainsAll) {
    for (const Value& e : b.set_elems()) {
      if (!a.SetContains(e)) return Value::Bool(false);
    }
    return Value::Bool(true);
  }
  for (const Value& e : b.set_elems()) {
    if (a.SetContains(e)) return Value::Bool(true);
  }
  return Value::Bool(false);
}

Result<Value> Tag(BinaryOp op, const Value& a, const Value& b, const EntityLookup& entities) {
  if (!a.is_entity()) return EvalTypeError("entity", a);
  if (!b.is_string()) return EvalTypeError("string", b);
  const Entity* e = entities.Find(a.as_entity());
  if (op == BinaryOp::kHasTag) {
    return Value::Bool(e != nullptr && e->tags.FindField(b.as_string()) != nullptr);
  }
  if (e == nullptr) {
    return Status::Invalid("entity of type `" + a.as_entity().type() + "` does not exist");
  }
  const Value* v = e->tags.FindField(b.as_string());
  if (v == nullptr) {
    // The tag name is computed at runtime (it may be data), so it is not part of the message.
    return Status::Invalid("tag not found on entity of type `" + a.as_entity().type() + "`");
  }
  return *v;
}

}  // namespace

Status EvalTypeError(std::string_view expected, const Value& got) {
  return ext::TypeError(expected, got);
}

Result<Value> ApplyBinary(BinaryOp op, const Value& lhs, const Value& rhs,
                          const EntityLookup& entities) {
  switch (op) {
    case BinaryOp::kEq:
      return Value::Bool(lhs == rhs);
    case BinaryOp::kNotEq:
      return Value::Bool(lhs != rhs);
    case BinaryOp::kLess:
    case BinaryOp::kLessEq:
    case BinaryOp::kGreater:
    case BinaryOp::kGreaterEq:
      return Compare(op, lhs, rhs);
    case BinaryOp::kAdd:
    case BinaryOp::kSub:
    case BinaryOp::kMul:
      return Arith(op, lhs, rhs);
    case BinaryOp::kIn:
      return In(lhs, rhs, entities);
    case BinaryOp::kContains:
    case BinaryOp::kContainsAll:
    case BinaryOp::kContainsAny:
      return SetOp(op, lhs, rhs);
    case BinaryOp::kGetTag:
    case BinaryOp::kHasTag:
      return Tag(op, lhs, rhs, entities);
  }
  return Status::Internal("unknown binary operator");
}

}  // namespace metagate::cedar
