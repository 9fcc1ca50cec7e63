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

// The declared VARCHAR length of a column created earlier in this file, or 0 when unknown.
long declared_length(const RuleContext& context, const AstNode& table, std::string_view column) {
  long length = 0;
  for (std::size_t i = 0; i < context.index; ++i) {
    const flyguard::sql::Statement& statement = context.statements[i];
    if (statement.kind() != "CreateStmt" || !same_table(statement.ast.body().field("relation"), table)) continue;
    for (const AstNode& element : statement.ast.body().list_field("tableElts")) {
      if (element.type() != "ColumnDef" || element.body().string_field("colname") != column) continue;
      const std::vector<AstNode> mods = element.body().field("typeName").list_field("typmods");
      if (is_varchar(element.body().field("typeName")) && mods.size() == 1)
        length = static_cast<long>(mods[0].body().field("ival").int_field("ival"));
    }
  }
  return length;
}

// ALTER COLUMN ... TYPE varchar(n) can only grow the column: a shorter length than the one this file
// declared is rejected.
std::string shrinking(const RuleContext& context, const AstNode& cmd) {
  if (cmd.string_field("subtype") != "AT_AlterColumnType") return {};
  const std::vector<AstNode> mods = cmd.field("def").body().field("typeName").list_field("typmods");
  if (mods.size() != 1) return {};
  const long wanted = static_cast<long>(mods[0].body().field("ival").int_field("ival"));
  const long declared = declared_length(context, context.node().field("relation"), cmd.string_field("name"));
  if (declared == 0 || wanted >= declared) return {};
  return "ALTER COLUMN ... TYPE can only make a VARCHAR longer (" + std::to_string(declared) + " -> " +
         std::to_string(wanted) + ")";
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
    if (why.empty()) why = shrinking(context, cmd);
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
