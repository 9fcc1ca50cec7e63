// ban-drop-column: ALTER TABLE ... DROP COLUMN.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  flyguard::sql::AstNode table = context.node().field("relation");
  for (const flyguard::sql::AstNode& cmd : existing_table_commands(context, "AT_DropColumn")) {
    reporter.report(context.statement_offset(),
                    "dropping column " + std::string(cmd.string_field("name")) + " of " + table_label(table) +
                        " deletes its data and breaks code that still reads or writes it",
                    "stop using the column in a release first, and drop it in a later migration");
  }
}

}  // namespace

FLYGUARD_RULE(ban_drop_column) = {
    .id = "ban-drop-column",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "ALTER TABLE ... DROP COLUMN deletes a column and its data",
    .rationale =
        "During a deployment the previous release keeps running against the new schema. If it still selects, "
        "inserts or updates the dropped column, its queries fail from the moment the migration commits, and "
        "rolling the application back does not bring the data back. Dropping a column safely takes two "
        "releases: one that stops using it (ORMs included, which may list every column), then one whose "
        "migration drops it.",
    .bad_example = "ALTER TABLE users DROP COLUMN legacy_flags;",
    .good_example = "-- release N: the application no longer reads or writes users.legacy_flags\n"
                    "-- release N+1:\n"
                    "ALTER TABLE users DROP COLUMN legacy_flags; -- flyguard:ignore ban-drop-column -- unused since N",
    .fix = "Remove every use of the column in an earlier release, then drop it with a suppression that says why",
    .check = check,
};
