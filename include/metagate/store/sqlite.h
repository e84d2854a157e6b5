// SQLite: a thin RAII layer over sqlite3 for metagate's embedded store (the spool, and later the
// data map and decision log). A database opens in WAL mode with synchronous=FULL, so a committed
// transaction is on disk (fsync'd); statements are prepared once and reused. Errors are Status
// values naming the file and SQLite's reason, never a bound value.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "metagate/common/status.h"

struct sqlite3;
struct sqlite3_stmt;

namespace metagate::store {

class SqliteStatement {
 public:
  SqliteStatement() = default;
  SqliteStatement(sqlite3_stmt* stmt, const std::string* file) : stmt_(stmt), file_(file) {}
  SqliteStatement(SqliteStatement&& other) noexcept;
  SqliteStatement& operator=(SqliteStatement&& other) noexcept;
  ~SqliteStatement();

  // Parameters are numbered from 1. Text and blobs are not copied: they must stay alive until the
  // statement is run (Run) or reset.
  SqliteStatement& Bind(int index, int64_t value);
  SqliteStatement& BindText(int index, std::string_view text);
  SqliteStatement& BindBlob(int index, std::string_view bytes);
  // One step: true when a row is ready to read, false when done.
  Result<bool> Step();
  // Steps to the end (for statements without rows) and resets.
  Status Run();
  // Resets for another run and clears the bindings.
  void Reset();

  // Columns of the current row, numbered from 0. Views live until the next Step or Reset.
  int64_t Int(int column) const;
  std::string_view Text(int column) const;
  std::string_view Blob(int column) const;

 private:
  Status Error(const char* what) const;
  sqlite3_stmt* stmt_ = nullptr;
  const std::string* file_ = nullptr;
};

class SqliteDb {
 public:
  // Opens (creating it when absent) `file` in WAL mode with synchronous=FULL and a busy timeout.
  static Result<std::unique_ptr<SqliteDb>> Open(const std::string& file);
  ~SqliteDb();
  SqliteDb(const SqliteDb&) = delete;
  SqliteDb& operator=(const SqliteDb&) = delete;

  // Runs one or more statements without parameters or rows (schema, BEGIN, COMMIT).
  Status Exec(const char* sql);
  Result<SqliteStatement> Prepare(std::string_view sql);
  int64_t LastInsertId() const;
  const std::string& file() const { return file_; }

 private:
  SqliteDb(sqlite3* db, std::string file) : db_(db), file_(std::move(file)) {}
  sqlite3* db_;
  std::string file_;
};

}  // namespace metagate::store
