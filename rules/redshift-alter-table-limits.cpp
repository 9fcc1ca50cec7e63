// redshift-alter-table-limits: ALTER TABLE forms that Redshift rejects (dg/r_ALTER_TABLE).
#include "rules/rule.h"

namespace {

using namespace flyguard::rules;
using flyguard::sql::AstNode;

bool is_varchar(const AstNode& type_name) {
  const std::string_view name = builtin_type(type_name);
  return (name == "varchar" || name == "nvarchar") && !type_name.list_field("typmods").empty();
}

bool has_constraint(const AstNode& column, std::string_view contype) {
  for (const AstNode& constraint : column.list_field("constraints"))
    if (constraint.body().string_field("contype") == contype) return true;
  return false;
}

// What Redshift refuses about one ALTER TABLE sub-command, or "".
std::string refusal(const AstNode& cmd) {
  const std::string_view subtype = cmd.string_field("subtype");
  if (subtype == "AT_AlterColumnType") {
    const AstNode def = cmd.field("def").body();
    if (!is_varchar(def.field("typeName"))) return "ALTER COLUMN ... TYPE only changes the length of a VARCHAR";
    if (def.field("raw_default")) return "ALTER COLUMN ... TYPE takes no USING clause";
  }
  if (subtype == "AT_SetNotNull" || subtype == "AT_DropNotNull") return "ALTER COLUMN ... SET/DROP NOT NULL is not supported";
  if (subtype == "AT_ColumnDefault") return "ALTER COLUMN ... SET/DROP DEFAULT is not supported";
  if (subtype == "AT_AddColumn") {
    const AstNode column = cmd.field("def").body();
    if (has_constraint(column, "CONSTR_NOTNULL") && !has_constraint(column, "CONSTR_DEFAULT"))
      return "ADD COLUMN ... NOT NULL needs a non-null DEFAULT, even on an empty table";
    for (std::string_view key : {"CONSTR_PRIMARY", "CONSTR_UNIQUE", "CONSTR_FOREIGN", "CONSTR_IDENTITY"})
      if (has_constraint(column, key)) return "ADD COLUMN cannot add a PRIMARY KEY, UNIQUE, REFERENCES or IDENTITY column";
  }
  return {};
}

void check(const RuleContext& context, RuleReporter& reporter) {
  const std::vector<AstNode> commands = alter_table_commands(context);
  if (commands.size() > 1) {
    // Redshift takes one action per ALTER TABLE (its storage ALTERs are read as their own statements).
    reporter.report(context.statement_offset(),
                    "Redshift runs one action per ALTER TABLE; this statement has " + std::to_string(commands.size()),
                    "split it into one ALTER TABLE per action");
  }
  for (const AstNode& cmd : commands) {
    std::string why = refusal(cmd);
    if (!why.empty()) {
      reporter.report(context.statement_offset(), "Redshift rejects this ALTER TABLE: " + why,
                      "create a new table with the wanted definition, copy the rows (INSERT ... SELECT or "
                      "ALTER TABLE APPEND) and swap the names");
      return;
    }
  }
}

}  // namespace

FLYGUARD_RULE(redshift_alter_table_limits) = {
    .id = "redshift-alter-table-limits",
    .severity = flyguard::Severity::error,
    .dialects = kRedshift,
    .opt_in = false,
    .summary = "ALTER TABLE forms Redshift rejects: type changes other than a VARCHAR length, SET/DROP NOT NULL or DEFAULT, NOT NULL columns without a default, several actions",
    .rationale =
        "Redshift's ALTER TABLE is much narrower than PostgreSQL's (dg/r_ALTER_TABLE): ALTER COLUMN ... TYPE "
        "only changes the length of a VARCHAR (no other type, no USING); nullability and defaults of existing "
        "columns cannot be changed; a column added as NOT NULL needs a non-null default even when the table is "
        "empty; ADD COLUMN cannot add key or identity columns; and one statement takes one action. PostgreSQL "
        "accepts all of these, so a migration tested against PostgreSQL fails when it reaches Redshift.",
    .bad_example = "ALTER TABLE sales ALTER COLUMN amount TYPE decimal(14, 2);",
    .good_example = "ALTER TABLE sales ALTER COLUMN note TYPE varchar(500);",
    .fix = "Rebuild the table (CREATE TABLE ..., INSERT ... SELECT, rename) for changes Redshift's ALTER TABLE does not make",
    .check = check,
};
