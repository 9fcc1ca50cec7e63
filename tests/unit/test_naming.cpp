// Migration file names, parsed as Flyway 13's ResourceNameParser does, plus flyguard's hints.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "flyway/naming.h"

namespace flyguard::flyway {
namespace {

NamingConventions defaults() { return {}; }

NamingConventions custom_prefixes() {
  NamingConventions conventions;
  conventions.versioned_prefix = "Ver";
  conventions.repeatable_prefix = "Rep";
  conventions.baseline_prefix = "Base";
  conventions.undo_prefix = "Undo";
  return conventions;
}

NamingConventions dash_separator() {
  NamingConventions conventions;
  conventions.separator = "-";
  return conventions;
}

NamingConventions two_suffixes() {
  NamingConventions conventions;
  conventions.suffixes = {".sql", ".pgsql"};
  return conventions;
}

NamingConventions no_undo() {
  NamingConventions conventions;
  conventions.undo_prefix = "";
  return conventions;
}

struct ValidName {
  std::string file;
  MigrationKind kind;
  std::string version;  // display text, "" when none
  std::string description;
  std::string suffix;
  std::string event = {};
  NamingConventions (*conventions)() = defaults;
};

class NamingValid : public ::testing::TestWithParam<ValidName> {};

TEST_P(NamingValid, ParsesLikeFlyway) {
  const ValidName& c = GetParam();
  const auto result = parse_migration_name(c.file, c.conventions());
  ASSERT_TRUE(std::holds_alternative<MigrationName>(result))
      << c.file << ": " << std::get<NameProblem>(result).message;
  const auto& name = std::get<MigrationName>(result);
  EXPECT_EQ(name.kind, c.kind) << c.file;
  EXPECT_EQ(name.version ? name.version->display() : "", c.version) << c.file;
  EXPECT_EQ(name.description, c.description) << c.file;
  EXPECT_EQ(name.suffix, c.suffix) << c.file;
  EXPECT_EQ(name.callback_event, c.event) << c.file;
}

INSTANTIATE_TEST_SUITE_P(
    Naming, NamingValid,
    ::testing::Values(
        ValidName{"V1__init.sql", MigrationKind::versioned, "1", "init", ".sql"},
        ValidName{"V1.2__add_users.sql", MigrationKind::versioned, "1.2", "add users", ".sql"},
        ValidName{"V1_1__x.sql", MigrationKind::versioned, "1.1", "x", ".sql"},
        ValidName{"V001__x.sql", MigrationKind::versioned, "001", "x", ".sql"},
        ValidName{"V1__My__x.sql", MigrationKind::versioned, "1", "My  x", ".sql"},
        ValidName{"V1___x.sql", MigrationKind::versioned, "1", " x", ".sql"},
        ValidName{"V1__add.users.sql", MigrationKind::versioned, "1", "add.users", ".sql"},
        ValidName{"V1__Add Table.sql", MigrationKind::versioned, "1", "Add Table", ".sql"},
        ValidName{"V1__x.SQL", MigrationKind::versioned, "1", "x", ".SQL"},
        ValidName{"V1__x.Sql", MigrationKind::versioned, "1", "x", ".Sql"},
        ValidName{"V1.sql", MigrationKind::versioned, "1", "", ".sql"},
        ValidName{"V1__.sql", MigrationKind::versioned, "1", "", ".sql"},
        ValidName{"V-1__x.sql", MigrationKind::versioned, "-1", "x", ".sql"},
        ValidName{"V+1__x.sql", MigrationKind::versioned, "+1", "x", ".sql"},
        ValidName{"V\u0661__x.sql", MigrationKind::versioned, "\u0661", "x", ".sql"},
        ValidName{"Vlatest__x.sql", MigrationKind::versioned, "<< Latest Version >>", "x", ".sql"},
        ValidName{"VCURRENT__x.sql", MigrationKind::versioned, "<< Current Version >>", "x", ".sql"},
        ValidName{"Vnext__x.sql", MigrationKind::versioned, "<< Next Version >>", "x", ".sql"},
        ValidName{"V2024_01_01__x.sql", MigrationKind::versioned, "2024.01.01", "x", ".sql"},
        ValidName{"V1__\u00DCnicode.sql", MigrationKind::versioned, "1", "\u00DCnicode", ".sql"},
        // Java's toUpperCase turns U+017F (long s) into 'S', so ".ſql" counts as ".sql".
        ValidName{"V1__x.\u017Fql", MigrationKind::versioned, "1", "x", ".\u017Fql"},
        ValidName{"R__views.sql", MigrationKind::repeatable, "", "views", ".sql"},
        ValidName{"R__refresh_views.sql", MigrationKind::repeatable, "", "refresh views", ".sql"},
        ValidName{"R___x.sql", MigrationKind::repeatable, "", " x", ".sql"},
        ValidName{"R__.sql", MigrationKind::repeatable, "", "", ".sql"},
        ValidName{"B5__baseline.sql", MigrationKind::baseline, "5", "baseline", ".sql"},
        ValidName{"U1__undo.sql", MigrationKind::undo, "1", "undo", ".sql"},
        ValidName{"beforeMigrate.sql", MigrationKind::callback, "", "", ".sql", "beforeMigrate"},
        ValidName{"beforeMigrate__desc.sql", MigrationKind::callback, "", "desc", ".sql", "beforeMigrate"},
        ValidName{"afterMigrateError.sql", MigrationKind::callback, "", "", ".sql", "afterMigrateError"},
        ValidName{"beforeEachMigrateStatement__log_it.sql", MigrationKind::callback, "", "log it", ".sql",
                  "beforeEachMigrateStatement"},
        ValidName{"afterEachMigrateStatementError.sql", MigrationKind::callback, "", "", ".sql",
                  "afterEachMigrateStatementError"},
        ValidName{"createSchema.sql", MigrationKind::callback, "", "", ".sql", "createSchema"},
        ValidName{"beforeRepeatables__x.SQL", MigrationKind::callback, "", "x", ".SQL", "beforeRepeatables"},
        ValidName{"afterConnect.sql", MigrationKind::callback, "", "", ".sql", "afterConnect"},
        // custom conventions
        ValidName{"Ver1__x.sql", MigrationKind::versioned, "1", "x", ".sql", "", custom_prefixes},
        ValidName{"Rep__x.sql", MigrationKind::repeatable, "", "x", ".sql", "", custom_prefixes},
        ValidName{"Base3__x.sql", MigrationKind::baseline, "3", "x", ".sql", "", custom_prefixes},
        ValidName{"Undo3__x.sql", MigrationKind::undo, "3", "x", ".sql", "", custom_prefixes},
        ValidName{"V1.2-add_users.sql", MigrationKind::versioned, "1.2", "add users", ".sql", "", dash_separator},
        ValidName{"V1__x.pgsql", MigrationKind::versioned, "1", "x", ".pgsql", "", two_suffixes},
        ValidName{"V1__x.PGSQL", MigrationKind::versioned, "1", "x", ".PGSQL", "", two_suffixes},
        // the first configured suffix that matches wins, so ".sql" leaves ".pg" in the description
        ValidName{"V1__x.pg.sql", MigrationKind::versioned, "1", "x.pg", ".sql", "", two_suffixes}),
    [](const auto& test_param) { return "case" + std::to_string(test_param.index); });

struct BadName {
  std::string file;
  NameProblem::Kind kind;
  std::string message;
  std::string hint;  // "" = no hint expected; "*" = any hint
  NamingConventions (*conventions)() = defaults;
};

constexpr auto kUnrecognised = NameProblem::Kind::unrecognised;
constexpr auto kInvalid = NameProblem::Kind::invalid;

class NamingProblem : public ::testing::TestWithParam<BadName> {};

TEST_P(NamingProblem, ReportsFlywaysReason) {
  const BadName& c = GetParam();
  const auto result = parse_migration_name(c.file, c.conventions());
  ASSERT_TRUE(std::holds_alternative<NameProblem>(result)) << c.file << " was accepted";
  const auto& problem = std::get<NameProblem>(result);
  EXPECT_EQ(problem.kind, c.kind) << c.file;
  EXPECT_EQ(problem.message, c.message) << c.file;
  if (c.hint == "*") {
    EXPECT_FALSE(problem.hint.empty()) << c.file;
  } else {
    EXPECT_EQ(problem.hint, c.hint) << c.file;
  }
}

INSTANTIATE_TEST_SUITE_P(
    Naming, NamingProblem,
    ::testing::Values(
        BadName{"v1__x.sql", kUnrecognised, "Unrecognised migration name format: v1__x.sql",
                "did you mean V1__x.sql?"},
        BadName{"r__x.sql", kUnrecognised, "Unrecognised migration name format: r__x.sql", "did you mean R__x.sql?"},
        BadName{"beforemigrate.sql", kUnrecognised, "Unrecognised migration name format: beforemigrate.sql",
                "did you mean beforeMigrate.sql?"},
        BadName{"AFTERMIGRATE__x.sql", kUnrecognised, "Unrecognised migration name format: AFTERMIGRATE__x.sql",
                "did you mean afterMigrate__x.sql?"},
        BadName{"create_table.sql", kUnrecognised, "Unrecognised migration name format: create_table.sql",
                "to run it as a versioned migration, rename it to V<n>__create_table.sql"},
        BadName{"v3_single_underscore.sql", kUnrecognised,
                "Unrecognised migration name format: v3_single_underscore.sql",
                "did you mean V3__single_underscore.sql?"},
        BadName{"V3_single_underscore.sql", kInvalid,
                "Invalid versioned migration name format: V3_single_underscore.sql (could not recognise version "
                "number 3_single_underscore)",
                "did you mean V3__single_underscore.sql?"},
        BadName{"V1_2_add_users.sql", kInvalid,
                "Invalid versioned migration name format: V1_2_add_users.sql (could not recognise version number "
                "1_2_add_users)",
                "did you mean V1_2__add_users.sql?"},
        BadName{"V1.2a__x.sql", kInvalid,
                "Invalid versioned migration name format: V1.2a__x.sql (could not recognise version number 1.2a)", ""},
        BadName{"V1-2__x.sql", kInvalid,
                "Invalid versioned migration name format: V1-2__x.sql (could not recognise version number 1-2)",
                "did you mean V1.2__x.sql?"},
        BadName{"V1..2__x.sql", kInvalid,
                "Invalid versioned migration name format: V1..2__x.sql (could not recognise version number 1..2)", ""},
        BadName{"V1.__x.sql", kInvalid,
                "Invalid versioned migration name format: V1.__x.sql (could not recognise version number 1.)", ""},
        BadName{"V.1__x.sql", kInvalid,
                "Invalid versioned migration name format: V.1__x.sql (could not recognise version number .1)", ""},
        BadName{"V1 2__x.sql", kInvalid,
                "Invalid versioned migration name format: V1 2__x.sql (could not recognise version number 1 2)", ""},
        BadName{"V__x.sql", kInvalid,
                "Invalid versioned migration name format: V__x.sql (It must contain a version and should look like "
                "this: V1.2__x.sql)",
                "add a version after the prefix, e.g. V<n>__x.sql"},
        BadName{"V.sql", kInvalid,
                "Invalid versioned migration name format: V.sql (It must contain a version and should look like "
                "this: V1.2__description.sql)",
                "*"},
        BadName{"B__x.sql", kInvalid,
                "Invalid versioned migration name format: B__x.sql (It must contain a version and should look like "
                "this: B1.2__x.sql)",
                "*"},
        BadName{"R1__x.sql", kInvalid,
                "Invalid repeatable migration / callback name format: R1__x.sql (It cannot contain a version and "
                "should look like this: R__x.sql)",
                "did you mean R__x.sql?"},
        BadName{"R_x.sql", kInvalid,
                "Invalid repeatable migration / callback name format: R_x.sql (It cannot contain a version and "
                "should look like this: R__description.sql)",
                "did you mean R__x.sql?"},
        BadName{"beforeMigrate_x.sql", kInvalid,
                "Invalid repeatable migration / callback name format: beforeMigrate_x.sql (It cannot contain a "
                "version and should look like this: beforeMigrate__description.sql)",
                "did you mean beforeMigrate__x.sql?"},
        BadName{"beforeMigrateFoo.sql", kInvalid,
                "Invalid repeatable migration / callback name format: beforeMigrateFoo.sql (It cannot contain a "
                "version and should look like this: beforeMigrate__description.sql)",
                ""},
        BadName{"R.sql", kUnrecognised,
                "R.sql is never run: Flyway only picks up repeatable migrations whose name is longer than the "
                "prefix R and the suffix",
                "rename it to R__<description>.sql"},
        BadName{"Users.sql", kInvalid,
                "Invalid versioned migration name format: Users.sql (could not recognise version number sers)", ""},
        BadName{"Users.sql", kUnrecognised, "Unrecognised migration name format: Users.sql", "*", no_undo},
        BadName{"V1__x.sql", kUnrecognised, "Unrecognised migration name format: V1__x.sql", "*", custom_prefixes},
        BadName{"V1__x.sql", kInvalid,
                "Invalid versioned migration name format: V1__x.sql (could not recognise version number 1__x)",
                "", dash_separator}),
    [](const auto& test_param) { return "case" + std::to_string(test_param.index); });

TEST(NamingHints, HintsAreValidNames) {
  // Every did-you-mean suggestion must itself be accepted.
  const std::vector<std::string> files{"v1__x.sql", "r__x.sql", "beforemigrate.sql", "V3_single_underscore.sql",
                                       "V1-2__x.sql", "R1__x.sql", "R_x.sql", "beforeMigrate_x.sql"};
  for (const auto& file : files) {
    const auto result = parse_migration_name(file, defaults());
    ASSERT_TRUE(std::holds_alternative<NameProblem>(result)) << file;
    const std::string& hint = std::get<NameProblem>(result).hint;
    ASSERT_TRUE(hint.starts_with("did you mean ")) << file << ": " << hint;
    const std::string suggested = hint.substr(13, hint.size() - 14);
    EXPECT_TRUE(std::holds_alternative<MigrationName>(parse_migration_name(suggested, defaults())))
        << file << " -> " << suggested;
  }
}

struct CandidateCase {
  std::string file;
  bool candidate;
  NamingConventions (*conventions)() = defaults;
};

class NamingCandidate : public ::testing::TestWithParam<CandidateCase> {};

TEST_P(NamingCandidate, EndsWithASuffix) {
  const CandidateCase& c = GetParam();
  EXPECT_EQ(is_sql_candidate(c.file, c.conventions()), c.candidate) << c.file;
}

INSTANTIATE_TEST_SUITE_P(Naming, NamingCandidate,
                         ::testing::Values(CandidateCase{"V1__x.sql", true}, CandidateCase{"V1__x.SQL", true},
                                           CandidateCase{"anything.Sql", true}, CandidateCase{"R.sql", true},
                                           CandidateCase{".sql", false}, CandidateCase{"V1__x.sql.conf", false},
                                           CandidateCase{"README.md", false}, CandidateCase{"V1__x.txt", false},
                                           CandidateCase{"V1__xsql", false}, CandidateCase{"", false},
                                           CandidateCase{"V1__x.pgsql", false},
                                           CandidateCase{"V1__x.pgsql", true, two_suffixes}),
                         [](const auto& test_param) { return "case" + std::to_string(test_param.index); });

TEST(NamingEvents, ListsFlywaysCallbackEvents) {
  const auto& events = callback_events();
  for (const char* expected :
       {"beforeMigrate", "beforeEachMigrate", "beforeEachMigrateStatement", "afterEachMigrateStatement",
        "afterEachMigrateStatementError", "afterEachMigrate", "afterEachMigrateError", "afterMigrate",
        "afterMigrateApplied", "afterVersioned", "afterMigrateError", "beforeUndo", "beforeEachUndo",
        "beforeEachUndoStatement", "afterEachUndoStatement", "afterEachUndoStatementError", "afterEachUndo",
        "afterEachUndoError", "afterUndo", "afterUndoError", "beforeClean", "afterClean", "afterCleanError",
        "beforeInfo", "afterInfo", "afterInfoError", "beforeValidate", "afterValidate", "afterValidateError",
        "beforeBaseline", "afterBaseline", "afterBaselineError", "beforeRepair", "afterRepair", "afterRepairError",
        "createSchema", "beforeConnect", "afterConnect", "beforeRepeatables"}) {
    EXPECT_NE(std::find(events.begin(), events.end(), expected), events.end()) << expected;
  }
  std::vector<std::string> sorted = events;
  std::sort(sorted.begin(), sorted.end());
  EXPECT_EQ(std::adjacent_find(sorted.begin(), sorted.end()), sorted.end()) << "duplicate event";
}

TEST(NamingEvents, EveryEventIsACallbackPrefix) {
  for (const auto& event : callback_events()) {
    const auto result = parse_migration_name(event + "__x.sql", defaults());
    ASSERT_TRUE(std::holds_alternative<MigrationName>(result)) << event;
    EXPECT_EQ(std::get<MigrationName>(result).kind, MigrationKind::callback);
    EXPECT_EQ(std::get<MigrationName>(result).callback_event, event);
  }
}

TEST(NamingKind, HasNames) {
  EXPECT_EQ(to_string(MigrationKind::versioned), "versioned");
  EXPECT_EQ(to_string(MigrationKind::undo), "undo");
  EXPECT_EQ(to_string(MigrationKind::repeatable), "repeatable");
  EXPECT_EQ(to_string(MigrationKind::baseline), "baseline");
  EXPECT_EQ(to_string(MigrationKind::callback), "callback");
}

}  // namespace
}  // namespace flyguard::flyway
