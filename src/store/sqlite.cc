#include "metagate/store/sqlite.h"

#include <sqlite3.h>

#include <utility>

namespace metagate::store {

namespace {

Status SqliteError(const std::string& file, const char* what, sqlite3* db) {
  return Status::Io("SQLite store " + file + ": " + what + ": " + sqlite3_errmsg(db));
}

}  // namespace

// ---- SqliteStatement --------------------------------------------------------------------------

SqliteStatement::SqliteStatement(SqliteStatement&& other) noexcept
    : stmt_(std::exchange(other.stmt_, nullptr)), file_(other.file_) {}

SqliteStatement& SqliteStatement::operator=(SqliteStatement&& other) noexcept {
  if (this != &other) {
    sqlite3_finalize(stmt_);
    stmt_ = std::exchange(other.stmt_, nullptr);
    file_ = other.file_;
  }
  return *this;
}

SqliteStatement::~SqliteStatement() { sqlite3_finalize(stmt_); }

SqliteStatement& SqliteStatement::Bind(int index, int64_t value) {
  sqlite3_bind_int64(stmt_, index, value);
  return *this;
}

SqliteStatement& SqliteStatement::BindText(int index, std::string_view text) {
  sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_STATIC, SQLITE_UTF8);
  return *this;
}

SqliteStatement& SqliteStatement::BindBlob(int index, std::string_view bytes) {
  sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_STATIC);
  return *this;
}

Status SqliteStatement::Error(const char* what) const {
  return SqliteError(*file_, what, sqlite3_db_handle(stmt_));
}

Result<bool> SqliteStatement::Step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  return Error("a statement failed");
}

Status SqliteStatement::Run() {
  Result<bool> row = Step();
  while (row.ok() && *row) row = Step();
  Status out = row.ok() ? Status::Ok() : row.status();
  Reset();
  return out;
}

void SqliteStatement::Reset() {
  sqlite3_reset(stmt_);
  sqlite3_clear_bindings(stmt_);
}

int64_t SqliteStatement::Int(int column) const { return sqlite3_column_int64(stmt_, column); }

std::string_view SqliteStatement::Text(int column) const {
  const unsigned char* p = sqlite3_column_text(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(p), n);
}

std::string_view SqliteStatement::Blob(int column) const {
  const void* p = sqlite3_column_blob(stmt_, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p == nullptr ? std::string_view() : std::string_view(static_cast<const char*>(p), n);
}

// ---- SqliteDb ---------------------------------------------------------------------------------

Result<std::unique_ptr<SqliteDb>> SqliteDb::Open(const std::string& file) {
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(
      file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, nullptr);
  if (rc != SQLITE_OK) {
    Status s = Status::Io("cannot open the SQLite store " + file + ": " +
                          (db != nullptr ? sqlite3_errmsg(db) : sqlite3_errstr(rc)));
    sqlite3_close(db);
    return s;
  }
  std::unique_ptr<SqliteDb> out(new SqliteDb(db, file));
  sqlite3_busy_timeout(db, 5000);
  // WAL: readers do not block the writer; FULL: each commit is fsync'd before it returns.
  RETURN_IF_ERROR(out->Exec("PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"));
  return out;
}

SqliteDb::~SqliteDb() { sqlite3_close(db_); }

Status SqliteDb::Exec(const char* sql) {
  char* err = nullptr;
  if (sqlite3_exec(db_, sql, nullptr, nullptr, &err) != SQLITE_OK) {
    std::string why = err != nullptr ? err : sqlite3_errmsg(db_);
    sqlite3_free(err);
    return Status::Io("SQLite store " + file_ + ": " + why);
  }
  return Status::Ok();
}

Result<SqliteStatement> SqliteDb::Prepare(std::string_view sql) {
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v3(db_, sql.data(), static_cast<int>(sql.size()), SQLITE_PREPARE_PERSISTENT,
                         &stmt, nullptr) != SQLITE_OK) {
    return SqliteError(file_, "cannot prepare a statement", db_);
  }
  return SqliteStatement(stmt, &file_);
}

int64_t SqliteDb::LastInsertId() const { return sqlite3_last_insert_rowid(db_); }

}  // namespace metagate::store
