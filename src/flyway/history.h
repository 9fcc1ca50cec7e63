#pragma once
// A row of Flyway's schema history table (flyway_schema_history), as Flyway writes it.
#include <cstdint>
#include <optional>
#include <string>

namespace flyguard::flyway {

struct HistoryRow {
  int installed_rank = 0;
  std::optional<std::string> version;  // display text ("1.1", "001"); NULL for repeatables and markers
  std::string description;
  std::string type;                    // SQL, SQL_BASELINE, BASELINE, SCHEMA, DELETE, JDBC, UNDO_SQL, ...
  std::string script;                  // relative to its location
  std::optional<std::int32_t> checksum;
  bool success = true;
};

}  // namespace flyguard::flyway
