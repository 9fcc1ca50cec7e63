// ban-drop-database: DROP DATABASE in a migration.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "DropdbStmt") return;
  reporter.report(context.statement_offset(),
                  "DROP DATABASE " + std::string(context.node().string_field("dbname")) +
                      " deletes a whole database and everything in it",
                  "drop databases by hand, with a backup, not from a migration");
}

}  // namespace

FLYGUARD_RULE(ban_drop_database) = {
    .id = "ban-drop-database",
    .severity = flyguard::Severity::error,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "DROP DATABASE in a migration",
    .rationale =
        "A migration runs automatically on every environment it reaches, production included. DROP DATABASE "
        "removes a database with all its schemas and data in one step that no rollback can undo (it cannot "
        "even run inside a transaction, so Flyway runs the file without one). Creating and removing whole "
        "databases is an operator's job, done deliberately and with a fresh backup, not part of the schema "
        "history of an application.",
    .bad_example = "DROP DATABASE legacy_reports;",
    .good_example = "-- drop legacy_reports by hand after taking a backup",
    .fix = "Drop databases by hand, with a backup, outside migrations",
    .check = check,
};
