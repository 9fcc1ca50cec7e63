// ban-drop-table: DROP TABLE in a migration.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "DropStmt") return;
  flyguard::sql::AstNode drop = context.node();
  if (drop.string_field("removeType") != "OBJECT_TABLE") return;
  for (const flyguard::sql::AstNode& object : drop.list_field("objects")) {
    std::vector<flyguard::sql::AstNode> names = object.list_field("items");
    // A scratch table made earlier in the same migration holds nothing anyone relies on.
    if (context.created_in_this_file(qualifier(names), last_name(names))) continue;
    std::string name(last_name(names));
    reporter.report(context.statement_offset(),
                    "DROP TABLE " + name + " deletes the table and its data for good",
                    "stop using the table in a release first, and drop it in a later migration once nothing reads it");
  }
}

}  // namespace

FLYGUARD_RULE(ban_drop_table) = {
    .id = "ban-drop-table",
    .severity = flyguard::Severity::warning,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "DROP TABLE deletes a table and its data",
    .rationale =
        "Dropping a table cannot be undone by rolling the application back: the data is gone, and any running "
        "instance of the previous release that still reads or writes the table starts failing the moment the "
        "migration commits. A drop is only safe when no deployed code uses the table any more, which a migration "
        "cannot prove, so every DROP TABLE deserves a deliberate, reviewed decision.",
    .bad_example = "DROP TABLE legacy_orders;",
    .good_example = "-- release N: stop reading and writing legacy_orders\n"
                    "-- release N+1, once no deployed code uses it:\n"
                    "DROP TABLE legacy_orders; -- flyguard:ignore ban-drop-table -- unused since release 41",
    .fix = "Remove every use of the table in an earlier release, then drop it with a suppression that says why",
    .check = check,
};
