#include "check/catalog.h"

#include <algorithm>

namespace flyguard {

const std::vector<CheckInfo>& builtin_checks() {
  static const std::vector<CheckInfo> checks = {
      {"ignored-migration-name", Severity::error, "A .sql file in a migration location that Flyway silently skips", "checks.md"},
      {"invalid-migration-name", Severity::error, "A migration name Flyway rejects (no valid version, or a repeatable with one)", "checks.md"},
      {"duplicate-version", Severity::error, "Two versioned migrations with the same version", "checks.md"},
      {"duplicate-repeatable", Severity::error, "Two repeatable migrations with the same description", "checks.md"},
      {"suspicious-version", Severity::warning, "A version Flyway accepts but people rarely mean (a sign, LATEST, non-ASCII digits)", "checks.md"},
      {"version-too-long", Severity::error, "A version longer than the 50 characters of flyway_schema_history.version", "checks.md"},
      {"invalid-utf8", Severity::error, "The file is not valid UTF-8", "checks.md"},
      {"binary-file", Severity::error, "A NUL byte: not a SQL text file", "checks.md"},
      {"file-too-large", Severity::error, "Larger than max_file_size; not read", "checks.md"},
      {"unreadable-file", Severity::error, "The file cannot be read", "checks.md"},
      {"undefined-placeholder", Severity::warning, "A ${placeholder} with no configured value", "checks.md"},
      {"invalid-script-config", Severity::error, "A <migration>.sql.conf with an unknown key or a bad value", "checks.md"},
      {"syntax-error", Severity::error, "A statement the PostgreSQL grammar rejects", "checks.md"},
      {"newer-syntax", Severity::warning, "Syntax from a PostgreSQL release newer than the PG 15 grammar; not checked", "checks.md"},
      {"unparseable-statement", Severity::warning, "A Redshift statement flyguard cannot read; not checked", "redshift.md"},
      {"statement-too-complex", Severity::warning, "Nesting deeper than the parser allows", "checks.md"},
      {"invalid-suppression", Severity::error, "A flyguard:ignore comment naming no rule, an unknown rule or a git gate", "checks.md"},
      {"unsupported-location", Severity::warning, "A Flyway location scheme flyguard cannot read (s3:, gcs:, ...)", "configuration.md"},
      {"ignored-override", Severity::warning, "An [override] section in the repository's .flyguard.toml, which only the server may set", "configuration.md"},
      {"invalid-configuration", Severity::error, "A push that would put an invalid flyguard or Flyway configuration on a protected branch", "git-gates.md"},
      {"applied-migration-modified", Severity::error, "The content of an applied migration changed its Flyway checksum", "git-gates.md"},
      {"applied-migration-reformatted", Severity::warning, "Bytes of an applied migration changed but not its Flyway checksum", "git-gates.md"},
      {"applied-migration-deleted", Severity::error, "An applied migration was deleted", "git-gates.md"},
      {"applied-migration-renamed", Severity::error, "An applied migration was renamed or moved", "git-gates.md"},
      {"applied-migration-type-changed", Severity::error, "An applied migration was replaced by a symbolic link or a submodule", "git-gates.md"},
      {"applied-migration-mode-changed", Severity::warning, "Only the file mode of an applied migration changed", "git-gates.md"},
      {"out-of-order-version", Severity::error, "A new version below the highest applied one (Flyway ignores it unless outOfOrder)", "git-gates.md"},
      {"protected-branch-deleted", Severity::error, "A push deletes a protected branch", "git-gates.md"},
      {"migration-not-a-file", Severity::error, "A symbolic link or submodule where a new migration should be", "git-gates.md"},
      {"checksum-mismatch", Severity::error, "An applied migration's file no longer has the checksum in the schema history", "verify.md"},
      {"applied-migration-missing", Severity::error, "The database applied a migration that no local file resolves to", "verify.md"},
      {"failed-migration", Severity::error, "The schema history records a failed migration (success = false)", "verify.md"},
      {"out-of-order-migration", Severity::error, "A pending version below the database's current one while outOfOrder is false", "verify.md"},
      {"description-mismatch", Severity::warning, "An applied migration's file name now gives another description", "verify.md"},
      {"type-mismatch", Severity::warning, "An applied version now resolves with another migration type (V <-> B)", "verify.md"},
      {"pending-migration", Severity::info, "A migration flyway migrate will apply", "verify.md"},
      {"repeatable-will-rerun", Severity::info, "A repeatable migration changed since it was applied: it will run again", "verify.md"},
      {"unreadable-history-row", Severity::warning, "A schema history row Flyway cannot read (bad version, Teams undo)", "verify.md"},
      {"unchecked-history-row", Severity::info, "Java, script or custom migrations in the history, which flyguard does not resolve", "verify.md"},
  };
  return checks;
}

const CheckInfo* find_builtin_check(std::string_view id) {
  const auto& checks = builtin_checks();
  auto it = std::find_if(checks.begin(), checks.end(), [id](const CheckInfo& c) { return c.id == id; });
  return it == checks.end() ? nullptr : &*it;
}

}  // namespace flyguard
