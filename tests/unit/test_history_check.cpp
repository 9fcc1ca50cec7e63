// Pairing of resolved migrations with schema history rows, as `flyway validate` pairs them.
#include <gtest/gtest.h>

#include <variant>

#include "check/history_check.h"

namespace flyguard {
namespace {

using flyway::HistoryRow;

ResolvedMigration migration(const std::string& file, std::int32_t checksum) {
  auto parsed = flyway::parse_migration_name(file, flyway::NamingConventions{});
  ResolvedMigration m{"sql/" + file, std::get<flyway::MigrationName>(parsed), checksum, std::nullopt};
  if (m.name.kind == flyway::MigrationKind::repeatable) m.raw_checksum = checksum;
  return m;
}

HistoryRow row(int rank, std::optional<std::string> version, std::string description, std::string type,
               std::optional<std::int32_t> checksum, bool success = true) {
  return {rank, std::move(version), description, std::move(type), description + ".sql", checksum, success};
}

std::vector<std::string> rules(const HistoryCheckResult& result) {
  std::vector<std::string> out;
  for (const Diagnostic& d : result.diagnostics) out.push_back(d.rule + "@" + d.file);
  return out;
}

TEST(HistoryCheck, BaselineMigrationsRunOnlyOnAnEmptyDatabase) {
  std::vector<ResolvedMigration> files{migration("B5__snapshot.sql", 5), migration("B3__old.sql", 3),
                                       migration("V4__below.sql", 4), migration("V6__after.sql", 6)};
  HistoryCheckResult empty = check_against_history(files, {}, {});
  EXPECT_EQ(rules(empty), (std::vector<std::string>{"pending-migration@sql/B5__snapshot.sql",
                                                    "pending-migration@sql/V4__below.sql",
                                                    "pending-migration@sql/V6__after.sql"}));
  // Once the baseline migration is applied, the versions below it are never run, and nothing says so.
  HistoryCheckResult applied =
      check_against_history(files, {row(1, "5", "snapshot", "SQL_BASELINE", 5)}, {});
  EXPECT_EQ(rules(applied), std::vector<std::string>{"pending-migration@sql/V6__after.sql"});
  EXPECT_EQ(applied.current_version, "5");
}

TEST(HistoryCheck, LongDescriptionsAreComparedAsFlywayStoresThem) {
  const std::string long_name(230, 'x');
  std::vector<ResolvedMigration> files{migration("V1__" + long_name + ".sql", 1)};
  HistoryCheckResult result =
      check_against_history(files, {row(1, "1", std::string(197, 'x') + "...", "SQL", 1)}, {});
  EXPECT_TRUE(result.diagnostics.empty()) << rules(result).front();
}

TEST(HistoryCheck, RepeatablesFailedOrMissing) {
  std::vector<ResolvedMigration> files{migration("R__views.sql", 7)};
  EXPECT_EQ(rules(check_against_history(files, {row(1, std::nullopt, "views", "SQL", 7, false)}, {})),
            std::vector<std::string>{"failed-migration@sql/R__views.sql"});
  HistoryCheckOptions options;
  options.path_of_script = [](const std::string& script) { return "db/" + script; };
  EXPECT_EQ(rules(check_against_history({}, {row(1, std::nullopt, "grants", "SQL", 9)}, options)),
            std::vector<std::string>{"applied-migration-missing@db/grants.sql"});
  // Only the newest row of a repeatable counts.
  EXPECT_TRUE(check_against_history(files, {row(1, std::nullopt, "views", "SQL", 6),
                                            row(2, std::nullopt, "views", "SQL", 7)}, {})
                  .diagnostics.empty());
}

TEST(HistoryCheck, RowsFlyguardCannotPairAreReportedOnce) {
  HistoryCheckResult result = check_against_history(
      {migration("V1__a.sql", 1)},
      {row(1, "1", "a", "SQL", 1), row(2, "2", "JavaMigration", "JDBC", std::nullopt),
       row(3, "3", "Other", "JDBC", std::nullopt), row(4, "1", "a", "UNDO_SQL", std::nullopt),
       row(5, "x.y", "bad", "SQL", 1)},
      {});
  std::vector<std::string> found = rules(result);
  EXPECT_EQ(std::count(found.begin(), found.end(), "unchecked-history-row@flyway_schema_history"), 1);
  EXPECT_EQ(std::count(found.begin(), found.end(), "unreadable-history-row@flyway_schema_history"), 2);
  // The UNDO row undid version 1: it no longer counts as applied.
  EXPECT_EQ(result.applied, 0u);
}

TEST(HistoryCheck, IgnoreMigrationPatternsForMissingAndIgnoredMigrations) {
  std::vector<ResolvedMigration> files{migration("V2__late.sql", 2), migration("V4__d.sql", 4)};
  std::vector<HistoryRow> rows{row(1, "1", "deleted long ago", "SQL", 1), row(2, "3", "c", "SQL", 3),
                               row(3, "4", "d", "SQL", 4), row(4, "5", "newest, deleted", "SQL", 5),
                               row(5, std::nullopt, "old view", "SQL", 6)};
  EXPECT_EQ(rules(check_against_history(files, rows, {})),
            (std::vector<std::string>{"out-of-order-migration@sql/V2__late.sql", "applied-migration-missing@deleted long ago.sql",
                                      "applied-migration-missing@c.sql", "applied-migration-missing@newest, deleted.sql",
                                      "applied-migration-missing@old view.sql"}));
  HistoryCheckOptions lenient;
  lenient.ignore_patterns = {"*:future", "versioned:MISSING", "*:ignored"};
  HistoryCheckResult result = check_against_history(files, rows, lenient);
  // The newest deleted migration is reported whatever the patterns say; an ignored version is a note.
  EXPECT_EQ(rules(result), (std::vector<std::string>{"out-of-order-migration@sql/V2__late.sql",
                                                     "applied-migration-missing@newest, deleted.sql",
                                                     "applied-migration-missing@old view.sql"}));
  EXPECT_EQ(result.diagnostics.front().severity, Severity::info);
}

TEST(HistoryCheck, ChecksumsFlywayCouldNotComputeAreNotCompared) {
  ResolvedMigration unknown = migration("V1__a.sql", 1);
  unknown.checksum.reset();
  EXPECT_TRUE(check_against_history({unknown}, {row(1, "1", "a", "SQL", 42)}, {}).diagnostics.empty());
  EXPECT_TRUE(check_against_history({migration("V1__a.sql", 1)}, {row(1, "1", "a", "SQL", std::nullopt)}, {})
                  .diagnostics.empty());
}

}  // namespace
}  // namespace flyguard
