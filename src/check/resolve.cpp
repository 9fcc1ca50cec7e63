#include <variant>

#include "check/file_check.h"
#include "check/history_check.h"

namespace flyguard {

std::optional<ResolvedMigration> resolve_migration(const std::string& display_path, std::string_view file_name,
                                                   std::string_view content, const flyway::FlywaySettings& settings,
                                                   const std::optional<std::string>& script_config_text) {
  auto parsed = flyway::parse_migration_name(file_name, settings.naming);
  auto* name = std::get_if<flyway::MigrationName>(&parsed);
  if (name == nullptr) return std::nullopt;
  using flyway::MigrationKind;
  if (name->kind != MigrationKind::versioned && name->kind != MigrationKind::baseline &&
      name->kind != MigrationKind::repeatable)
    return std::nullopt;
  ResolvedMigration migration{display_path, *name, std::nullopt, std::nullopt};
  migration.checksum = compute_checksum(content, file_name, settings, script_config_text).checksum;
  if (name->kind == MigrationKind::repeatable) {
    flyway::FlywaySettings raw = settings;  // Flyway also accepts the checksum of the unreplaced text
    raw.placeholders.enabled = false;
    migration.raw_checksum = compute_checksum(content, file_name, raw, std::nullopt).checksum;
  }
  return migration;
}

}  // namespace flyguard
