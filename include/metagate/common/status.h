// Status and Result<T>: errors as values, for hot paths and API boundaries.
// A Status is OK or carries a code, a message a user can act on, and optionally a source location.
// Thread-compatible value types.
#pragma once

#include <cassert>
#include <optional>
#include <string>
#include <utility>
#include <variant>

#include "metagate/common/source_loc.h"

namespace metagate {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,  // bad input from a user: policy text, JSON, a UID, a flag
  kNotFound,
  kIo,
  kUnimplemented,
  kInternal,
  kUnavailable,  // a resource is full or stopped for now: retry later (the spool answers 503)
  kConflict,     // the target changed since the caller read it (a stale version): 409
};

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message, SourceLoc loc = {})
      : code_(code), message_(std::move(message)), loc_(loc) {}

  static Status Ok() { return Status(); }
  static Status Invalid(std::string message, SourceLoc loc = {}) {
    return Status(StatusCode::kInvalidArgument, std::move(message), loc);
  }
  static Status NotFound(std::string message) {
    return Status(StatusCode::kNotFound, std::move(message));
  }
  static Status Io(std::string message) { return Status(StatusCode::kIo, std::move(message)); }
  static Status Internal(std::string message) {
    return Status(StatusCode::kInternal, std::move(message));
  }
  static Status Unavailable(std::string message) {
    return Status(StatusCode::kUnavailable, std::move(message));
  }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  const SourceLoc& loc() const { return loc_; }

  // Returns "L:C: message" when a location is known, else the message.
  std::string ToString() const;
  // Returns a copy whose message is prefixed with `context` (for example a file name).
  Status WithContext(const std::string& context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
  SourceLoc loc_;
};

// Holds either a T or a non-OK Status.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : data_(std::in_place_index<0>, std::move(value)) {}        // NOLINT
  Result(Status status) : data_(std::in_place_index<1>, std::move(status)) {  // NOLINT
    assert(!std::get<1>(data_).ok());
  }

  bool ok() const { return data_.index() == 0; }
  const Status& status() const {
    static const Status kOkStatus;
    return ok() ? kOkStatus : std::get<1>(data_);
  }
  T& value() & { return std::get<0>(data_); }
  const T& value() const& { return std::get<0>(data_); }
  T&& value() && { return std::get<0>(std::move(data_)); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }

 private:
  std::variant<T, Status> data_;
};

}  // namespace metagate

#define METAGATE_CONCAT_INNER_(a, b) a##b
#define METAGATE_CONCAT_(a, b) METAGATE_CONCAT_INNER_(a, b)

// Returns the Status from the enclosing function if `expr` is not OK.
#define RETURN_IF_ERROR(expr)        \
  do {                               \
    ::metagate::Status _st = (expr); \
    if (!_st.ok()) return _st;       \
  } while (0)

// Evaluates `rexpr` (a Result<T>); on error returns its Status, else moves the value into `lhs`.
#define ASSIGN_OR_RETURN(lhs, rexpr) \
  ASSIGN_OR_RETURN_IMPL_(METAGATE_CONCAT_(_res_, __LINE__), lhs, rexpr)
#define ASSIGN_OR_RETURN_IMPL_(tmp, lhs, rexpr) \
  auto tmp = (rexpr);                           \
  if (!tmp.ok()) return tmp.status();           \
  lhs = std::move(tmp).value()
