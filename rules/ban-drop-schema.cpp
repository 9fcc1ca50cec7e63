// ban-drop-schema: DROP SCHEMA of a schema this migration did not create.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

bool schema_created_before(const RuleContext& context, std::string_view name) {
  for (std::size_t i = 0; i < context.index; ++i) {
    const flyguard::sql::Statement& statement = context.statements[i];
    if (statement.ast && statement.kind() == "CreateSchemaStmt" &&
        statement.body().string_field("schemaname") == name)
      return true;
  }
  return false;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  if (context.statement.kind() != "DropStmt" || context.node().string_field("removeType") != "OBJECT_SCHEMA") return;
  bool cascade = context.node().string_field("behavior") == "DROP_CASCADE";
  for (const AstNode& object : context.node().list_field("objects")) {
    std::string name(object.string_field("sval"));
    if (schema_created_before(context, name)) continue;
    reporter.report(context.statement_offset(),
                    "DROP SCHEMA " + name + (cascade ? " CASCADE deletes every table, view and function in it"
                                                     : " deletes a schema for good"),
                    "stop using the schema first and drop it by hand, with a backup, or suppress with a reason");
    return;  // one finding per statement
  }
}

}  // namespace

FLYGUARD_RULE(ban_drop_schema) = {
    .id = "ban-drop-schema",
    .severity = flyguard::Severity::error,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "DROP SCHEMA of a schema this migration did not create",
    .rationale =
        "DROP SCHEMA removes a namespace of tables, views, functions and their data; with CASCADE it removes "
        "everything inside without listing it, so one statement can delete far more than its author "
        "meant. Code of the running release that still uses the schema fails at once, and only a backup "
        "brings the data back. Drop schemas deliberately, after checking that nothing uses them, and say why "
        "in a suppression. Schemas created earlier in the same migration are not flagged.",
    .bad_example = "DROP SCHEMA reporting CASCADE;",
    .good_example = "-- flyguard:ignore ban-drop-schema -- reporting moved to the warehouse in release 40, backup 2024-05-01\n"
                    "DROP SCHEMA reporting;",
    .fix = "Check nothing uses the schema, then drop it deliberately with a suppression and a reason",
    .check = check,
};
