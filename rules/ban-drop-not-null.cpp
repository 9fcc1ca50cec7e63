// ban-drop-not-null: ALTER COLUMN ... DROP NOT NULL lets NULLs reach code that does not expect them.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  flyguard::sql::AstNode table = context.node().field("relation");
  for (const flyguard::sql::AstNode& cmd : existing_table_commands(context, "AT_DropNotNull")) {
    reporter.report(context.statement_offset(),
                    "dropping NOT NULL from " + table_label(table) + "." + std::string(cmd.string_field("name")) +
                        " lets NULLs reach code that was written assuming a value",
                    "make sure every reader handles NULL first, or keep the constraint and give the column a "
                    "default");
  }
}

}  // namespace

FLYGUARD_RULE(ban_drop_not_null) = {
    .id = "ban-drop-not-null",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "ALTER COLUMN ... DROP NOT NULL on an existing table",
    .rationale =
        "Dropping NOT NULL is cheap for the database but changes the contract of the column: application "
        "code, reports, ETL jobs and other services have been written on the promise that the column always "
        "holds a value, and the first NULL may crash them or silently skew results. Restoring the constraint "
        "later requires a full table scan and fails once NULLs exist. Check that every reader copes with "
        "NULL before you drop the constraint, and suppress the finding with the reason once that is done. "
        "Tables created earlier in the same migration are not flagged.",
    .bad_example = "ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;",
    .good_example = "-- flyguard:ignore ban-drop-not-null -- guest checkout, readers updated in release 41\n"
                    "ALTER TABLE orders ALTER COLUMN customer_id DROP NOT NULL;",
    .fix = "Make every reader handle NULL first, then suppress with a reason",
    .check = check,
};
