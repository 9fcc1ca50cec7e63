#pragma once
// The faster appendStringInfo flyguard links into libpg_query (src/sql/pg_string_output.cpp), and the
// parts of libpg_query's string buffers it works with.
#include <cstdarg>

namespace flyguard::sql {

// PostgreSQL's StringInfoData (lib/stringinfo.h), unchanged since PostgreSQL 7: data[len] is always '\0'.
// libpg_query's headers do not declare it.
struct PgStringInfo {
  char* data;
  int len;
  int maxlen;
  int cursor;
};

// On by default. Off sends every call to libpg_query's own formatter, so that tests can compare the two.
void set_fast_json_output(bool enabled);

}  // namespace flyguard::sql

extern "C" {
// libpg_query's own (its stringinfo.c).
void initStringInfo(flyguard::sql::PgStringInfo* str);
void enlargeStringInfo(flyguard::sql::PgStringInfo* str, int needed);
int appendStringInfoVA(flyguard::sql::PgStringInfo* str, const char* fmt, va_list args);
}
