#include "db/schema_history.h"

#include <charconv>
#include <cstring>

namespace flyguard::db {

std::string HistoryTable::qualified_name() const {
  return (schema ? quote_identifier(*schema) + "." : std::string()) + quote_identifier(table);
}

namespace {

constexpr const char* kUndefinedTable = "42P01";
constexpr const char* kInvalidSchemaName = "3F000";
constexpr const char* kInsufficientPrivilege = "42501";
constexpr const char* kQueryCanceled = "57014";
constexpr const char* kUndefinedColumn = "42703";

template <typename Integer>
Integer to_integer(const char* text, const char* column) {
  Integer value{};
  const char* end = text + std::strlen(text);
  auto [ptr, error] = std::from_chars(text, end, value);
  if (error != std::errc() || ptr != end)
    throw DatabaseError(std::string("unexpected value '") + text + "' in column " + column);
  return value;
}

class RowReader {
 public:
  explicit RowReader(const PGresult* result) : result_(result) {}

  flyway::HistoryRow row(int index) const {
    flyway::HistoryRow row;
    row.installed_rank = to_integer<int>(text(index, 0), "installed_rank");
    if (!null(index, 1)) row.version = text(index, 1);
    row.description = text(index, 2);
    row.type = text(index, 3);
    row.script = text(index, 4);
    if (!null(index, 5)) row.checksum = to_integer<std::int32_t>(text(index, 5), "checksum");
    std::string success = text(index, 6);
    row.success = success == "t" || success == "true" || success == "1";
    return row;
  }

 private:
  const char* text(int row, int column) const { return libpq().getvalue(result_, row, column); }
  bool null(int row, int column) const { return libpq().getisnull(result_, row, column) != 0; }
  const PGresult* result_;
};

std::string explain_failure(const QueryError& error, const HistoryTable& table) {
  const std::string name = table.qualified_name();
  if (error.sqlstate() == kInsufficientPrivilege)
    return "permission denied to read " + name + " (" + error.what() + "): grant SELECT on it to this user";
  if (error.sqlstate() == kQueryCanceled)
    return "reading " + name + " took longer than the statement timeout (" + error.what() + ")";
  if (error.sqlstate() == kUndefinedColumn)
    return name + " is not a Flyway 4+ schema history table (" + error.what() + ")";
  return "cannot read " + name + ": " + error.what();
}

}  // namespace

SchemaHistory read_schema_history(Connection& connection, const HistoryTable& table, int statement_timeout_ms) {
  // Session-level SET: Redshift has no SET LOCAL. The session is flyguard's own and ends right after.
  connection.execute("SET statement_timeout = " + std::to_string(statement_timeout_ms));
  connection.execute("BEGIN READ ONLY");
  SchemaHistory history;
  try {
    ResultHandle result = connection.execute(
        "SELECT installed_rank, version, description, type, script, checksum, success FROM " +
        table.qualified_name() + " ORDER BY installed_rank");
    RowReader reader(result.get());
    const int count = libpq().ntuples(result.get());
    history.rows.reserve(static_cast<std::size_t>(count));
    for (int i = 0; i < count; ++i) history.rows.push_back(reader.row(i));
    history.exists = true;
  } catch (const QueryError& error) {
    if (error.sqlstate() != kUndefinedTable && error.sqlstate() != kInvalidSchemaName)
      throw DatabaseError(explain_failure(error, table));
  }
  connection.execute("ROLLBACK");
  return history;
}

}  // namespace flyguard::db
