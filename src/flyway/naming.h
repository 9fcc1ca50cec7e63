#pragma once
// Migration file names parsed exactly as Flyway 13's ResourceNameParser does.
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "flyway/version.h"

namespace flyguard::flyway {

struct NamingConventions {
  std::string versioned_prefix = "V";
  std::string undo_prefix = "U";
  std::string repeatable_prefix = "R";
  std::string baseline_prefix = "B";
  std::string separator = "__";
  std::vector<std::string> suffixes{".sql"};
};

enum class MigrationKind { versioned, undo, repeatable, baseline, callback };
std::string_view to_string(MigrationKind kind);

struct MigrationName {
  MigrationKind kind = MigrationKind::versioned;
  std::optional<MigrationVersion> version;  // set for versioned, undo, baseline
  std::string description;                   // '_' replaced by ' ', nothing else changed
  std::string suffix;                        // as it appears in the file name
  std::string callback_event;                // for callbacks, e.g. "beforeMigrate"
};

struct NameProblem {
  enum class Kind {
    unrecognised,  // Flyway: "Unrecognised migration name format" -> rule ignored-migration-name
    invalid,       // Flyway: "Invalid versioned/repeatable migration name format" -> invalid-migration-name
  };
  Kind kind = Kind::invalid;
  std::string message;  // names the file, states Flyway's reason
  std::string hint;     // did-you-mean where one is obvious, else empty
};

// True when Flyway's naming validator looks at this file at all (it ends with a configured suffix,
// compared case-insensitively). Files that are not candidates are never migrations.
bool is_sql_candidate(std::string_view file_name, const NamingConventions& conventions);

// Parses a bare file name (no directories).
std::variant<MigrationName, NameProblem> parse_migration_name(std::string_view file_name,
                                                              const NamingConventions& conventions);

// Flyway's callback event names (case-sensitive), e.g. beforeMigrate, afterEachMigrateError.
const std::vector<std::string>& callback_events();

}  // namespace flyguard::flyway
