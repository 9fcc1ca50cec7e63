#pragma once
// Checks one SQL file's content: size, encoding, Flyway name, placeholders, statements.
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "check/diagnostic.h"
#include "flyway/naming.h"
#include "flyway/settings.h"
#include "sql/dialect.h"
#include "sql/script.h"

namespace flyguard {

struct FileCheckOptions {
  Dialect dialect = Dialect::postgres;
  const flyway::FlywaySettings* flyway = nullptr;  // naming conventions, placeholders
  std::size_t max_file_size = 10u << 20;
  std::optional<int> pg_version;                   // target server major version, when known
  bool check_name = true;                          // false for files outside any migration location
  // [rules] of .flyguard.toml (rule id -> "error" | "warning" | "off"); nullptr = every rule at its default.
  // Not owned: the project's configuration outlives the check.
  const std::map<std::string, std::string>* rule_severities = nullptr;
  // start_after: versioned migrations at or below this version were written before flyguard was adopted;
  // they get the checks that still matter to Flyway (name, encoding, checksum) but no SQL findings.
  std::optional<flyway::MigrationVersion> start_after;
};

struct CheckedFile {
  std::string display_path;
  std::optional<flyway::MigrationName> migration;  // set when the name is a valid migration or callback
  std::optional<std::int32_t> checksum;            // Flyway's checksum, when Flyway could compute one
  std::vector<Diagnostic> diagnostics;
};

// `script_config_text` is the content of the `<file>.conf` sidecar, when there is one.
CheckedFile check_file(const std::string& display_path, std::string_view file_name, std::string_view content,
                       const FileCheckOptions& options, const std::optional<std::string>& script_config_text);

struct ChecksumOutcome {
  std::optional<std::int32_t> checksum;
  std::string why_not;  // when there is no checksum
};
// The number Flyway writes to flyway_schema_history.checksum for this file.
ChecksumOutcome compute_checksum(std::string_view content, std::string_view file_name,
                                 const flyway::FlywaySettings& settings,
                                 const std::optional<std::string>& script_config_text);

// A file too large to read gets this instead of check_file.
Diagnostic file_too_large(const std::string& display_path, std::uintmax_t size, std::size_t limit);

// duplicate-version / duplicate-repeatable across the migrations of one project. `report` chooses
// which clashing pairs (first seen, later) are reported; all of them by default.
// A view of a parsed migration name: hooks compare thousands of them, so nothing is copied.
struct NamedMigration {
  std::string_view path;
  const flyway::MigrationName* name = nullptr;
};
using DuplicateFilter = std::function<bool(const NamedMigration& first, const NamedMigration& later)>;
std::vector<Diagnostic> check_duplicates(const std::vector<NamedMigration>& files, const DuplicateFilter& report = {});

}  // namespace flyguard
