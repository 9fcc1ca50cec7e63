#include "check/naming_check.h"

#include <map>
#include <variant>

#include "check/file_check.h"

namespace flyguard {

namespace {

// flyway_schema_history.version is VARCHAR(50): a longer version fails at insert time.
constexpr std::size_t kMaxStoredVersion = 50;

Diagnostic file_diagnostic(const std::string& file, std::string rule, Severity severity, std::string message,
                           std::string hint = {}) {
  return Diagnostic{std::move(rule), severity, file, 0, 0, std::move(message), std::move(hint), ""};
}

std::string skip_consequence(const flyway::FlywaySettings& settings) {
  return settings.validate_migration_naming
             ? "; with validateMigrationNaming=true Flyway refuses to run at all"
             : "; Flyway skips such files silently (validateMigrationNaming is false), so it would never run";
}

void check_version(const std::string& file, const flyway::MigrationVersion& version, std::vector<Diagnostic>& out) {
  if (version.is_special())
    out.push_back(file_diagnostic(file, "suspicious-version", Severity::warning,
                                  "version '" + version.display() + "' is one of Flyway's special versions "
                                  "(latest/current/next), not a number a migration should carry"));
  else if (version.has_sign())
    out.push_back(file_diagnostic(file, "suspicious-version", Severity::warning,
                                  "version '" + version.display() + "' carries a sign; Flyway accepts it, "
                                  "but it sorts in ways people rarely mean"));
  else if (version.has_non_ascii_digits())
    out.push_back(file_diagnostic(file, "suspicious-version", Severity::warning,
                                  "version '" + version.display() + "' uses non-ASCII digits; Flyway reads them "
                                  "as numbers, but they are easy to mistake"));
  if (version.display().size() > kMaxStoredVersion)
    out.push_back(file_diagnostic(file, "version-too-long", Severity::error,
                                  "version '" + version.display() + "' is longer than the 50 characters "
                                  "flyway_schema_history.version holds: Flyway fails when it records it"));
}

}  // namespace

std::optional<flyway::MigrationName> check_migration_name(const std::string& display_path, std::string_view file_name,
                                                          const flyway::FlywaySettings& settings,
                                                          std::vector<Diagnostic>& out) {
  if (!flyway::is_sql_candidate(file_name, settings.naming)) return std::nullopt;
  auto parsed = flyway::parse_migration_name(file_name, settings.naming);
  if (auto* problem = std::get_if<flyway::NameProblem>(&parsed)) {
    bool unrecognised = problem->kind == flyway::NameProblem::Kind::unrecognised;
    out.push_back(file_diagnostic(display_path, unrecognised ? "ignored-migration-name" : "invalid-migration-name",
                                  Severity::error, problem->message + skip_consequence(settings), problem->hint));
    return std::nullopt;
  }
  auto& name = std::get<flyway::MigrationName>(parsed);
  if (name.version) check_version(display_path, *name.version, out);
  return name;
}

std::vector<Diagnostic> check_duplicates(const std::vector<NamedMigration>& files, const DuplicateFilter& report) {
  std::vector<Diagnostic> out;
  // Flyway compares versions within a kind (B only against B) and repeatables by description.
  using VersionKey = std::pair<int, const flyway::MigrationVersion*>;
  auto version_less = [](const VersionKey& a, const VersionKey& b) {
    return a.first != b.first ? a.first < b.first : *a.second < *b.second;
  };
  std::map<VersionKey, const NamedMigration*, decltype(version_less)> versions(version_less);
  std::map<std::string_view, const NamedMigration*> descriptions;
  for (const NamedMigration& file : files) {
    const flyway::MigrationName& name = *file.name;
    if (name.kind == flyway::MigrationKind::repeatable) {
      auto [it, inserted] = descriptions.emplace(name.description, &file);
      if (!inserted && (!report || report(*it->second, file)))
        out.push_back(file_diagnostic(std::string(file.path), "duplicate-repeatable", Severity::error,
                                      "repeatable migration description '" + name.description + "' is also used by " +
                                          std::string(it->second->path) + ": Flyway refuses to run with both"));
    } else if (name.version && name.kind != flyway::MigrationKind::callback) {
      auto [it, inserted] = versions.emplace(VersionKey{static_cast<int>(name.kind), &*name.version}, &file);
      if (!inserted && (!report || report(*it->second, file)))
        out.push_back(file_diagnostic(std::string(file.path), "duplicate-version", Severity::error,
                                      "version " + name.version->display() + " is also used by " +
                                          std::string(it->second->path) +
                                          ": Flyway fails with \"Found more than one migration with version\"",
                                      "give one of them the next free version"));
    }
  }
  return out;
}

}  // namespace flyguard
