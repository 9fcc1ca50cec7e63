#pragma once
// The SQL statements a DO block runs. A DO block executes while the migration runs, inside its
// transaction, so its DDL takes the same locks as DDL written at the top level; flyguard parses the
// block with PostgreSQL's PL/pgSQL parser and checks each embedded statement like any other.
#include <string>
#include <string_view>
#include <vector>

namespace flyguard::sql {

// A statement inside a PL/pgSQL body: its SQL and where that text starts in the body (npos when it
// cannot be found verbatim, e.g. EXECUTE of a literal with doubled quotes).
struct EmbeddedSql {
  std::string sql;
  std::size_t body_offset = std::string::npos;
};

// The statements of a PL/pgSQL block body (the text between the DO block's quotes), in source order:
// plain SQL statements and EXECUTE of a constant string. Dynamic EXECUTE and bodies PostgreSQL's
// PL/pgSQL parser rejects give nothing (the server reports those when the block runs).
std::vector<EmbeddedSql> plpgsql_statements(std::string_view body);

}  // namespace flyguard::sql
