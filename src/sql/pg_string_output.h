#pragma once
// The faster appendStringInfo flyguard links into libpg_query (src/sql/pg_string_output.cpp).

namespace flyguard::sql {

// On by default. Off sends every call to libpg_query's own formatter, so that tests can compare the two.
void set_fast_json_output(bool enabled);

}  // namespace flyguard::sql
