// renaming-column: ALTER TABLE ... RENAME COLUMN breaks code that still uses the old name.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  flyguard::sql::AstNode rename = context.node();
  if (context.statement.kind() != "RenameStmt" || rename.string_field("renameType") != "OBJECT_COLUMN" ||
      rename.string_field("relationType") != "OBJECT_TABLE")
    return;
  flyguard::sql::AstNode table = rename.field("relation");
  if (context.created_in_this_file(table)) return;  // no deployed code knows a table created here
  reporter.report(context.statement_offset(),
                  "renaming column " + table_label(table) + "." + std::string(rename.string_field("subname")) +
                      " to " + std::string(rename.string_field("newname")) +
                      " breaks every running query that still uses the old name",
                  "add the new column, write both and backfill, move readers over, then drop the old column in a "
                  "later release");
}

}  // namespace

FLYGUARD_RULE(renaming_column) = {
    .id = "renaming-column",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "ALTER TABLE ... RENAME COLUMN on an existing table",
    .rationale =
        "While a deployment is under way the previous version of the application is still running, and its "
        "queries name the column the old way: from the moment the rename commits they fail, and rolling the "
        "application back cannot fix it because the database keeps the new name. Make the change in steps "
        "that both versions survive: add the new column, write to both and backfill, move the readers, and "
        "drop the old column in a later release. Tables created earlier in the same migration are not "
        "flagged.",
    .bad_example = "ALTER TABLE users RENAME COLUMN mail TO email;",
    .good_example = "ALTER TABLE users ADD COLUMN email text;\n"
                    "-- write both columns, backfill email, move readers, drop mail in a later release",
    .fix = "Add the new column and migrate to it; drop the old one in a later release",
    .check = check,
};
