#pragma once
// The database behind `verify` and `ci --url`: connection settings from the command line, Flyway's
// configuration and libpq's environment, and the schema history table to read.
#include <string>

#include <CLI/CLI.hpp>

#include "check/history_check.h"
#include "db/connection.h"
#include "db/schema_history.h"
#include "flyway/settings.h"

namespace flyguard::cli {

struct DatabaseArgs {
  std::string url;
  std::string user;
  std::string password_env;  // name of the variable that holds the password
  std::string schema;
  std::string table;
  int timeout_seconds = 30;
};

// `url_help` describes --url, whose role differs between commands.
void add_database_options(CLI::App* command, DatabaseArgs& args, const std::string& url_help);

struct DatabaseTarget {
  db::ConnectionParameters parameters;
  db::HistoryTable table;
  int statement_timeout_ms = 30000;
};

// Throws db::DatabaseError when the settings name no database or cannot be read.
DatabaseTarget database_target(const flyway::FlywaySettings& settings, const DatabaseArgs& args,
                               const flyway::Environment& env);

// How a project's files are judged against the history read from `target`: Flyway's outOfOrder and
// ignoreMigrationPatterns, the table's name, and `location` (the first migration directory as shown to
// the user, "" for the current one) as the place of files that only the history still names.
HistoryCheckOptions history_options(const flyway::FlywaySettings& settings, const DatabaseTarget& target,
                                    const std::string& location);

// Connects and reads the history; throws db::DatabaseError with a message that never holds the password.
db::SchemaHistory read_history(const DatabaseTarget& target);

}  // namespace flyguard::cli
