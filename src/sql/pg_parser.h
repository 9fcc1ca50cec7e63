#pragma once
// RAII wrapper around libpg_query's parser (PostgreSQL 15 grammar).
#include <string>
#include <string_view>

#include <pg_query.h>

namespace flyguard::sql {

// libpg_query sets up its memory on a thread's first parse; pg_query_exit() on a thread that never
// parsed crashes, so the guard below only frees what was set up.
inline thread_local bool pg_query_used_on_this_thread = false;

class PgParseResult {
 public:
  // `sql` must not contain NUL bytes (libpg_query reads a C string).
  explicit PgParseResult(const std::string& sql) : result_(pg_query_parse(sql.c_str())) {
    pg_query_used_on_this_thread = true;
  }
  ~PgParseResult() { pg_query_free_parse_result(result_); }
  PgParseResult(const PgParseResult&) = delete;
  PgParseResult& operator=(const PgParseResult&) = delete;

  bool ok() const { return result_.error == nullptr; }
  std::string_view json() const { return result_.parse_tree ? std::string_view(result_.parse_tree) : std::string_view(); }
  std::string_view error_message() const { return ok() ? std::string_view() : std::string_view(result_.error->message); }
  // 1-based character position of the failing token in the parsed text; 0 when unknown.
  int error_cursor() const { return ok() ? 0 : result_.error->cursorpos; }

 private:
  PgQueryParseResult result_;
};

// PL/pgSQL: `sql` must be one CREATE FUNCTION/PROCEDURE statement; the result is a JSON array of functions.
class PgPlpgsqlParseResult {
 public:
  explicit PgPlpgsqlParseResult(const std::string& sql) : result_(pg_query_parse_plpgsql(sql.c_str())) {
    pg_query_used_on_this_thread = true;
  }
  ~PgPlpgsqlParseResult() { pg_query_free_plpgsql_parse_result(result_); }
  PgPlpgsqlParseResult(const PgPlpgsqlParseResult&) = delete;
  PgPlpgsqlParseResult& operator=(const PgPlpgsqlParseResult&) = delete;

  bool ok() const { return result_.error == nullptr && result_.plpgsql_funcs != nullptr; }
  std::string_view json() const { return ok() ? std::string_view(result_.plpgsql_funcs) : std::string_view(); }

 private:
  PgQueryPlpgsqlParseResult result_;
};

// Frees libpg_query's memory for the main thread at exit; the guard lives in main(). Worker threads
// must not use it: libpg_query frees their memory itself when they end (a thread-key destructor),
// and a second free corrupts the heap.
class PgThreadGuard {
 public:
  PgThreadGuard() = default;
  ~PgThreadGuard() {
    if (pg_query_used_on_this_thread) pg_query_exit();
  }
  PgThreadGuard(const PgThreadGuard&) = delete;
  PgThreadGuard& operator=(const PgThreadGuard&) = delete;
};

}  // namespace flyguard::sql
