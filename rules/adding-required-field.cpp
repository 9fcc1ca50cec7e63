// adding-required-field: ALTER TABLE ... ADD COLUMN ... NOT NULL without a default.
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

// NOT NULL or PRIMARY KEY (which implies it) with nothing that gives existing rows a value.
bool required_without_value(const AstNode& column) {
  bool not_null = false;
  for (const AstNode& constraint : column.list_field("constraints")) {
    std::string_view type = constraint.string_field("contype");
    if (type == "CONSTR_NOTNULL" || type == "CONSTR_PRIMARY") not_null = true;
    if (type == "CONSTR_DEFAULT" || type == "CONSTR_IDENTITY" || type == "CONSTR_GENERATED") return false;
  }
  std::string_view type = builtin_type(column.field("typeName"));
  bool serial = type == "serial" || type == "bigserial" || type == "smallserial" || type == "serial2" ||
                type == "serial4" || type == "serial8";
  return not_null && !serial;
}

void check(const RuleContext& context, RuleReporter& reporter) {
  AstNode table = context.node().field("relation");
  for (const AstNode& cmd : existing_table_commands(context, "AT_AddColumn")) {
    AstNode column = cmd.field("def");
    if (!required_without_value(column)) continue;
    reporter.report(context.offset_of(column),
                    "adding NOT NULL column " + std::string(column.string_field("colname")) + " without a default "
                        "fails as soon as " + table_label(table) + " has a row",
                    "add the column with a DEFAULT, or add it nullable, backfill it, and set NOT NULL later");
  }
}

}  // namespace

FLYGUARD_RULE(adding_required_field) = {
    .id = "adding-required-field",
    .severity = flyguard::Severity::error,
    .dialects = kBothDialects,
    .opt_in = false,
    .summary = "ADD COLUMN ... NOT NULL without a DEFAULT on an existing table",
    .rationale =
        "Existing rows have no value for a new column, so they would hold NULL, which the NOT NULL constraint "
        "forbids: on any table that is not empty the statement fails with \"column contains null values\". "
        "The migration may pass on a developer's empty database and then fail in production, leaving the "
        "deployment half done. Give the column a DEFAULT (a constant default is cheap from PostgreSQL 11), or "
        "add it nullable, fill it, and add the constraint afterwards. Tables created earlier in the same "
        "migration are empty and are not flagged.",
    .bad_example = "ALTER TABLE users ADD COLUMN status text NOT NULL;",
    .good_example = "ALTER TABLE users ADD COLUMN status text NOT NULL DEFAULT 'active';",
    .fix = "Give the new column a DEFAULT, or add it nullable and backfill it before requiring a value",
    .check = check,
};
