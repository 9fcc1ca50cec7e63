// renaming-table: ALTER TABLE ... RENAME TO breaks code that still uses the old name.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "RenameStmt" || context.node().string_field("renameType") != "OBJECT_TABLE") return;
  flyguard::sql::AstNode table = context.node().field("relation");
  if (context.created_in_this_file(table)) return;  // no deployed code knows a table created here
  reporter.report(context.statement_offset(),
                  "renaming " + table_label(table) + " to " + std::string(context.node().string_field("newname")) +
                      " breaks every running query that still uses the old name",
                  "create the new table (or a view under the new name), move readers and writers over, then drop "
                  "the old name in a later release");
}

}  // namespace

FLYGUARD_RULE(renaming_table) = {
    .id = "renaming-table",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "ALTER TABLE ... RENAME TO on an existing table",
    .rationale =
        "During a deployment the old version of the application keeps running while the migration applies, "
        "and it still queries the table by its old name: the moment the rename commits, those queries fail. "
        "Rolling back the application does not help either, since the database keeps the new name. Rename "
        "in steps that each release can live with: for example create an updatable view with the new name, "
        "switch the code to it, then swap the table and the view in a later migration. Tables created "
        "earlier in the same migration are not flagged.",
    .bad_example = "ALTER TABLE customers RENAME TO clients;",
    .good_example = "CREATE VIEW clients AS SELECT * FROM customers;\n"
                    "-- switch the application to clients, then rename the table in a later release",
    .fix = "Rename in backward-compatible steps (a view with the new name, then the switch)",
    .check = check,
};
