#pragma once
// Reads Flyway's schema history table: one SELECT in a read-only transaction under a statement timeout.
#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "flyway/history.h"

namespace flyguard::db {

struct HistoryTable {
  std::optional<std::string> schema;  // none: the connection's search_path decides, as for Flyway
  std::string table = "flyway_schema_history";
  // "schema"."table", quoted as Flyway creates it.
  std::string qualified_name() const;
};

struct SchemaHistory {
  bool exists = false;  // false: no such table or schema, i.e. nothing applied yet
  std::vector<flyway::HistoryRow> rows;  // ordered by installed_rank
};

// Throws DatabaseError (with the server's reason and what to do) when the table exists but cannot
// be read: permissions, timeout, not a Flyway history table.
SchemaHistory read_schema_history(Connection& connection, const HistoryTable& table, int statement_timeout_ms);

}  // namespace flyguard::db
