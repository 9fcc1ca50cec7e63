#pragma once
// Compares the migrations resolved from files with the rows of Flyway's schema history table, the way
// `flyway validate` pairs them, and says what Flyway would do or refuse. Knows nothing of databases or
// git: both sides arrive as plain lists.
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "check/diagnostic.h"
#include "flyway/history.h"
#include "flyway/naming.h"
#include "flyway/settings.h"

namespace flyguard {

// A migration file as Flyway resolves it.
struct ResolvedMigration {
  std::string display_path;
  flyway::MigrationName name;               // versioned, baseline or repeatable
  std::optional<std::int32_t> checksum;      // what Flyway would store (repeatables: placeholders replaced)
  std::optional<std::int32_t> raw_checksum;  // repeatables: of the raw text, which Flyway also accepts
};

// The migration a file resolves to, as Flyway resolves it; nullopt for files that are no migration
// (bad names, callbacks, undo scripts: `flyguard check` reports the names). Checksums are absent when
// Flyway could not compute one either.
std::optional<ResolvedMigration> resolve_migration(const std::string& display_path, std::string_view file_name,
                                                   std::string_view content, const flyway::FlywaySettings& settings,
                                                   const std::optional<std::string>& script_config_text);

struct HistoryCheckOptions {
  bool out_of_order = false;  // flyway.outOfOrder
  // flyway.ignoreMigrationPatterns: "missing" and "ignored" ones are honoured. "future" is not: a deleted
  // newest migration is reported whatever Flyway's default hides.
  std::vector<std::string> ignore_patterns{"*:future"};
  std::string table_label = "flyway_schema_history";
  // Where a file named by a history row's script would be, for findings about missing files.
  std::function<std::string(const std::string& script)> path_of_script = [](const std::string& s) { return s; };
};

struct HistoryCheckResult {
  std::vector<Diagnostic> diagnostics;
  std::size_t applied = 0;   // resolved migrations the database has applied successfully
  std::size_t pending = 0;   // resolved migrations `flyway migrate` would run
  std::optional<std::string> current_version;  // the highest applied version
};

HistoryCheckResult check_against_history(const std::vector<ResolvedMigration>& resolved,
                                         const std::vector<flyway::HistoryRow>& rows,
                                         const HistoryCheckOptions& options);

}  // namespace flyguard
